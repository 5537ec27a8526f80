//! German dates as the city's newsroom prints them: "Fr 19. Dezember 2025".
//! The calendar date is the one in the timestamp's own offset: publishers send local time.

use super::model::Timestamp;
use chrono::{Datelike, Weekday};

const WEEKDAYS: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// "Fr 19. Dezember 2025"
pub fn german_date(ts: &Timestamp) -> String {
    let d = ts.0.date_naive();
    format!("{} {}. {} {}", weekday_abbr(d.weekday()), d.day(), MONTHS[d.month0() as usize], d.year())
}

fn weekday_abbr(w: Weekday) -> &'static str {
    WEEKDAYS[w.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(s: &str) -> String {
        german_date(&Timestamp::parse(s).unwrap())
    }

    #[test]
    fn reference_page_date() {
        assert_eq!(fmt("2025-12-19T09:30:00+01:00"), "Fr 19. Dezember 2025");
    }

    #[test]
    fn every_weekday() {
        // 2025-12-15 is a Monday.
        let expected = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
        for (i, abbr) in expected.iter().enumerate() {
            let day = 15 + i;
            assert_eq!(fmt(&format!("2025-12-{day}T12:00:00+01:00")), format!("{abbr} {day}. Dezember 2025"));
        }
    }

    #[test]
    fn every_month() {
        let expected = [
            "Mi 1. Januar 2025",
            "Sa 1. Februar 2025",
            "Sa 1. März 2025",
            "Di 1. April 2025",
            "Do 1. Mai 2025",
            "So 1. Juni 2025",
            "Di 1. Juli 2025",
            "Fr 1. August 2025",
            "Mo 1. September 2025",
            "Mi 1. Oktober 2025",
            "Sa 1. November 2025",
            "Mo 1. Dezember 2025",
        ];
        for (m, want) in expected.iter().enumerate() {
            assert_eq!(&fmt(&format!("2025-{:02}-01T12:00:00+01:00", m + 1)), want);
        }
    }

    #[test]
    fn the_date_is_the_one_in_the_publishers_offset() {
        // 00:30 local on 19 December is still the 18th in UTC: we show the 19th.
        assert_eq!(fmt("2025-12-19T00:30:00+01:00"), "Fr 19. Dezember 2025");
        // 23:30 local is the next day in UTC.
        assert_eq!(fmt("2025-12-18T23:30:00+01:00"), "Do 18. Dezember 2025");
        // UTC input shows the UTC date.
        assert_eq!(fmt("2025-12-18T23:30:00Z"), "Do 18. Dezember 2025");
    }

    #[test]
    fn around_dst_changes() {
        // Germany: summer time starts 2025-03-30 at 02:00 CET, ends 2025-10-26 at 03:00 CEST.
        assert_eq!(fmt("2025-03-30T01:59:00+01:00"), "So 30. März 2025");
        assert_eq!(fmt("2025-03-30T03:00:00+02:00"), "So 30. März 2025");
        assert_eq!(fmt("2025-03-29T23:30:00+01:00"), "Sa 29. März 2025");
        assert_eq!(fmt("2025-10-26T02:30:00+02:00"), "So 26. Oktober 2025");
        assert_eq!(fmt("2025-10-26T02:30:00+01:00"), "So 26. Oktober 2025");
        assert_eq!(fmt("2025-10-25T23:59:59+02:00"), "Sa 25. Oktober 2025");
        // Leap day.
        assert_eq!(fmt("2028-02-29T08:00:00+01:00"), "Di 29. Februar 2028");
    }
}
