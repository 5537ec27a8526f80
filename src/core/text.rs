//! Text helpers for search and reading aids.

/// The character encoding a Content-Type header declares (`charset=`, lower case, unquoted), if
/// any: a server may send content in ISO-8859-1 and say so; it must then be read as such.
pub fn declared_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"').to_ascii_lowercase())
    })
}

/// Whether a declared charset is UTF-8 (under any of its names), which is how content is read.
pub fn is_utf8(charset: &str) -> bool {
    matches!(charset, "utf-8" | "utf8" | "unicode-1-1-utf-8")
}

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
    fn charsets_are_read_from_the_content_type() {
        assert_eq!(declared_charset("application/json; charset=ISO-8859-1").as_deref(), Some("iso-8859-1"));
        assert_eq!(declared_charset("application/json;charset=\"utf-8\"").as_deref(), Some("utf-8"));
        assert_eq!(declared_charset("application/json"), None);
        assert!(is_utf8("utf-8") && is_utf8("utf8") && !is_utf8("windows-1252"));
    }

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
