//! Dates as the city's newsroom prints them: "Fr 19. Dezember 2025" (and, for an English
//! widget, "Fri 19 December 2025").
//! The calendar date is the one in the timestamp's own offset: publishers send local time.

use super::model::{Article, Correction, Timestamp};
use chrono::{Datelike, Timelike, Weekday};

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

/// "Di 2. April 2024, 9:15 Uhr": date and time in the timestamp's own offset (for "Aktualisiert").
pub fn german_date_time(ts: &Timestamp) -> String {
    format!("{}, {}:{:02} Uhr", german_date(ts), ts.0.hour(), ts.0.minute())
}

const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Fri 19 December 2025" (British order, as a city's English pages print it).
/// An article's corrections as readers see them: "Korrigiert am Fr 19. Dezember 2025: …",
/// newest first.
pub fn correction_notes(a: &Article) -> Vec<String> {
    // At most 20: placed one by one (the library's stable sort cost the reader's wasm 3 KiB).
    let mut notes: Vec<&Correction> = Vec::with_capacity(a.corrections.len());
    for c in &a.corrections {
        let at = notes.iter().position(|n| n.date < c.date).unwrap_or(notes.len());
        notes.insert(at, c);
    }
    notes.into_iter().map(|c| format!("Korrigiert am {}: {}", german_date(&c.date), c.text)).collect()
}

/// "Diese Meldung ist vom … und möglicherweise nicht mehr aktuell." for news published more than
/// `days` days before `now` (Unix milliseconds).
pub fn outdated_note(published: &Timestamp, now_ms: i64, days: u32) -> Option<String> {
    let age_ms = now_ms - published.0.timestamp_millis();
    (age_ms > i64::from(days) * 86_400_000)
        .then(|| format!("Diese Meldung ist vom {} und möglicherweise nicht mehr aktuell.", german_date(published)))
}

pub fn english_date(ts: &Timestamp) -> String {
    let d = ts.0.date_naive();
    let weekday = WEEKDAYS_EN[d.weekday().num_days_from_monday() as usize];
    format!("{weekday} {} {} {}", d.day(), MONTHS_EN[d.month0() as usize], d.year())
}

fn weekday_abbr(w: Weekday) -> &'static str {
    WEEKDAYS[w.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_older_than_the_period_may_be_out_of_date() {
        let published = Timestamp::parse("2025-12-19T10:00:00+01:00").unwrap();
        let day = 86_400_000;
        let at = published.0.timestamp_millis();
        assert_eq!(outdated_note(&published, at + 30 * day, 30), None, "exactly the period is not past it");
        assert_eq!(
            outdated_note(&published, at + 30 * day + 1, 30).as_deref(),
            Some("Diese Meldung ist vom Fr 19. Dezember 2025 und möglicherweise nicht mehr aktuell.")
        );
    }

    fn fmt(s: &str) -> String {
        german_date(&Timestamp::parse(s).unwrap())
    }

    #[test]
    fn reference_page_date() {
        assert_eq!(fmt("2025-12-19T09:30:00+01:00"), "Fr 19. Dezember 2025");
    }

    #[test]
    fn update_time_and_english_dates_in_the_timestamps_own_offset() {
        let ts = Timestamp::parse("2024-04-02T09:15:00+02:00").unwrap();
        assert_eq!(german_date_time(&ts), "Di 2. April 2024, 9:15 Uhr");
        // 23:30 UTC is already the next day in Berlin: the offset's own clock counts.
        let late = Timestamp::parse("2025-12-19T00:05:00+01:00").unwrap();
        assert_eq!(german_date_time(&late), "Fr 19. Dezember 2025, 0:05 Uhr");
        assert_eq!(english_date(&Timestamp::parse("2025-12-19T09:30:00+01:00").unwrap()), "Fri 19 December 2025");
        assert_eq!(english_date(&Timestamp::parse("2024-04-02T09:15:00+02:00").unwrap()), "Tue 2 April 2024");
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
