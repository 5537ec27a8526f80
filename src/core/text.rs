//! Text helpers for search and reading aids.

/// Folds text for search: lower case, umlauts and ß spelled out (ä = ae, ß = ss), so that
/// "Strasse" finds "Straße" and "Buergeramt" finds "Bürgeramt".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// `fold`, appended to `out` (building a search text from several fields without copies).
pub fn fold_into(out: &mut String, s: &str) {
    let mut rest = s;
    while !rest.is_empty() {
        // Most text is ASCII: each run of it is copied and lower-cased in place.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
        rest = &rest[c.len_utf8()..];
    }
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
        assert_eq!(fold("ÜBER Ärger İstanbul ÉTÉ Σ"), "ueber aerger i\u{307}stanbul été σ");
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
    }
}
