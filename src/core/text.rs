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

/// "{title} – {site}" for a window or tab title. Content that carries its own writing direction
/// (right-to-left script, or bidi controls such as U+202E) is isolated (U+2068 … U+2069), so it
/// cannot reverse or reorder the site's name after it.
pub fn page_title(title: &str, site: &str) -> String {
    let directional = |c: char| {
        matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            || matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
    };
    if title.chars().any(directional) {
        // Unclosed embeddings and overrides in the title end at the isolate's end.
        format!("\u{2068}{title}\u{2069} – {site}")
    } else {
        format!("{title} – {site}")
    }
}

/// A count as German writes it: 45000 → "45.000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(d);
    }
    out
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
    fn counts_are_grouped_as_in_german() {
        assert_eq!(
            (thousands(7), thousands(1000), thousands(45000), thousands(1234567)),
            ("7".into(), "1.000".into(), "45.000".into(), "1.234.567".into())
        );
    }

    #[test]
    fn titles_keep_the_site_name_in_its_place() {
        assert_eq!(page_title("Kita-Plätze", "Newsroom"), "Kita-Plätze – Newsroom");
        assert_eq!(page_title("\u{202e}Achtung", "Newsroom"), "\u{2068}\u{202e}Achtung\u{2069} – Newsroom");
        assert_eq!(page_title("مرحبا", "Newsroom"), "\u{2068}مرحبا\u{2069} – Newsroom");
    }

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
