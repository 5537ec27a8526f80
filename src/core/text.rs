//! Text helpers for search and reading aids.

/// Folds text for search: lower case, umlauts and ß spelled out (ä = ae, ß = ss), so that
/// "Strasse" finds "Straße" and "Buergeramt" finds "Bürgeramt".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Estimated reading time in whole minutes (at least one), at 200 words a minute.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(200).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_sharp_s_fold() {
        assert_eq!(fold("Straße"), fold("STRASSE"));
        assert_eq!(fold("Bürgeramt"), "buergeramt");
        assert_eq!(fold("Größe"), "groesse");
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
    }
}
