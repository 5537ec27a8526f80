//! The publish step's words for editors: German, about their file and field, with what was
//! expected and an example — never bytes, never the parser's English.

use crate::core::error::{DecodeError, Problem};
use crate::core::json::{Json, SyntaxError};

/// "1 Beitrag", "2 Beiträge", "1.234 Beiträge".
pub fn count(n: usize, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    format!("{} {word}", crate::core::text::thousands(n))
}

/// Line and column (1-based, counted in characters) of byte `at` in `text`.
pub fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// A JSON syntax error where an editor finds it: line, column, what is wrong, and the line itself
/// with a mark under the place.
pub fn syntax(text: &str, e: &SyntaxError) -> String {
    let (line, column) = line_and_column(text, e.at);
    let shown = text.lines().nth(line - 1).unwrap_or("");
    // Long lines (minified JSON) are shown around the place only.
    let chars: Vec<char> = shown.chars().collect();
    let from = column.saturating_sub(40);
    let to = (column + 60).min(chars.len());
    let excerpt: String = chars[from.min(to)..to].iter().map(|&c| if c == '\t' { ' ' } else { c }).collect();
    let lead = if from > 0 { "…" } else { "" };
    let mark = " ".repeat(column - 1 - from + lead.chars().count());
    format!(
        "kein gültiges JSON: {} (Zeile {line}, Spalte {column})\n    {lead}{excerpt}\n    {mark}^",
        syntax_german(e.message)
    )
}

fn syntax_german(message: &str) -> &'static str {
    match message {
        "expected ',' or a closing bracket" => "hier fehlt ein Komma oder eine schließende Klammer",
        "expected a JSON value" => {
            "hier wird ein Wert erwartet (Text in Anführungszeichen, Zahl, true, false, null, [ oder {)"
        }
        "expected a member name in quotes" => "hier wird ein Feldname in doppelten Anführungszeichen erwartet",
        "expected ':' after a member name" => "nach dem Feldnamen fehlt ein Doppelpunkt",
        "control character in a string" => {
            "ein Zeilenumbruch oder Steuerzeichen steht in einem Text (als \\n schreiben)"
        }
        "invalid \\u escape in a string" => "ungültige \\u-Folge in einem Text",
        "invalid escape in a string" => "ungültiger Rückstrich in einem Text (ein \\ wird als \\\\ geschrieben)",
        "invalid number" => "ungültige Zahl",
        "trailing characters after the document" => "nach dem Ende des Dokuments folgt noch etwas",
        "unexpected end of the document in a string" => "die Datei endet mitten in einem Text (fehlt ein \"?)",
        "unexpected end of the document" => "die Datei endet zu früh (fehlt eine schließende Klammer?)",
        _ => "die Datei ist an dieser Stelle nicht lesbar",
    }
}

/// What a field must hold, with an example an editor can copy.
pub fn expected(path: &str) -> Option<&'static str> {
    let field = path.rsplit(['.', ']']).next().unwrap_or(path);
    let field = if field.is_empty() { path.rsplit('.').nth(1).unwrap_or(path) } else { field };
    Some(match field {
        "slug" => "nur Kleinbuchstaben a–z, Ziffern und Bindestriche, höchstens 200 Zeichen, z. B. \"slug\": \"wochenmarkt-verlegt\"",
        "headline" => "ein Text, z. B. \"headline\": \"Wochenmarkt zieht um\"",
        "published" | "updated" => {
            "Datum und Uhrzeit nach RFC 3339 mit Zeitzone, z. B. \"published\": \"2025-12-19T09:30:00+01:00\""
        }
        "body" => "eine Liste von Blöcken, z. B. \"body\": [{\"type\": \"paragraph\", \"text\": \"…\"}]",
        "kicker" | "lead" | "language" | "caption" | "credit" | "cite" | "hreflang" | "label" | "alt" => {
            "ein Text in Anführungszeichen"
        }
        "tags" | "keywords" => "eine Liste von Texten, z. B. \"tags\": [\"Familie\", \"Verkehr\"]",
        "related" => "eine Liste von slugs, z. B. \"related\": [\"wochenmarkt-verlegt\"]",
        "image" => "ein Bild, z. B. \"image\": {\"src\": \"/media/markt.jpg\", \"alt\": \"Marktstände am Friedensplatz\"}",
        "src" | "href" => "eine Adresse (http, https oder ein Pfad der Website), z. B. \"/media/markt.jpg\"",
        "width" | "height" => "eine ganze Zahl in Pixeln, z. B. 1200",
        "level" => "2 oder 3",
        "ordered" | "strong" | "em" => "true oder false",
        "text" => "ein Text, oder eine Liste von Abschnitten wie [{\"text\": \"…\", \"href\": \"…\"}]",
        "items" => "eine Liste von Texten",
        "type" => "paragraph, heading, list, quote, link oder image",
        _ => return None,
    })
}

/// A decode error for an editor: the field, what is wrong (with what the file holds there),
/// what was expected.
pub fn decode(e: &DecodeError, found: Option<&Json>) -> String {
    let field = &e.path;
    let what = match (&e.problem, found) {
        (Problem::Missing, _) => format!("das Feld '{field}' fehlt"),
        (Problem::WrongType, Some(value)) => {
            format!("das Feld '{field}' hat den falschen Typ ({})", kind_german(value.kind()))
        }
        (Problem::WrongType, None) => format!("das Feld '{field}' hat den falschen Typ"),
        (Problem::Invalid(_), Some(Json::Str(s))) => {
            let shown: String = s.chars().take(60).collect();
            format!("das Feld '{field}' hat einen ungültigen Wert: \"{shown}\"")
        }
        (Problem::Invalid(_), _) => format!("das Feld '{field}' hat einen ungültigen Wert"),
    };
    match expected(field) {
        Some(example) => format!("{what}; erwartet: {example}"),
        None => what,
    }
}

/// The value at `path` below `root` (`body[2].items[1]`), if there is one.
pub fn value_at<'j, 'a>(root: &'j Json<'a>, path: &str) -> Option<&'j Json<'a>> {
    let mut value = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            let i: usize = index.trim_end_matches(']').parse().ok()?;
            let Json::Arr(items) = value else { return None };
            value = items.get(i)?;
        }
    }
    Some(value)
}

/// A JSON type's name in German ("eine Zahl").
pub fn kind_german(kind: &str) -> &'static str {
    match kind {
        "null" => "null",
        "boolean" => "true/false",
        "number" => "eine Zahl",
        "string" => "ein Text",
        "array" => "eine Liste",
        "object" => "ein Objekt",
        _ => "unbekannt",
    }
}

/// The known name closest to `name` ("kiker" → "kicker"), if it is close enough to be a typo.
pub fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|&(d, k)| d > 0 && d <= 2.max(k.len() / 4) && d < k.len())
        .min()
        .map(|(_, k)| k)
        .or_else(|| known.iter().find(|k| **k == lower && name != **k).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "Beitrag", "Beiträge"), "1 Beitrag");
        assert_eq!(count(0, "Beitrag", "Beiträge"), "0 Beiträge");
        assert_eq!(count(1234, "Beitrag", "Beiträge"), "1.234 Beiträge");
    }

    #[test]
    fn a_syntax_error_names_line_and_column_and_shows_the_line() {
        let text = "{\n  \"slug\": \"a\"\n  \"headline\": \"H\"\n}";
        let e = crate::core::json::parse(text).unwrap_err();
        let m = syntax(text, &e);
        assert!(
            m.starts_with("kein gültiges JSON: hier fehlt ein Komma oder eine schließende Klammer (Zeile 3, Spalte 3)"),
            "{m}"
        );
        assert!(m.contains("\n      \"headline\": \"H\"\n      ^"), "{m}");
    }

    #[test]
    fn typos_find_their_field_and_unrelated_names_do_not() {
        let known = ["slug", "headline", "kicker", "lead", "tags", "image", "body", "keywords"];
        assert_eq!(closest("kiker", &known), Some("kicker"));
        assert_eq!(closest("tag", &known), Some("tags"));
        assert_eq!(closest("Headline", &known), Some("headline"));
        assert_eq!(closest("autor", &known), None);
        assert_eq!(closest("x", &known), None);
    }

    #[test]
    fn a_path_finds_its_value() {
        let v = crate::core::json::parse(r#"{"body":[{"type":"list","items":["a",["b",{"text":7}]]}]}"#).unwrap();
        assert_eq!(value_at(&v, "body[0].items[1][1].text"), Some(&Json::Num("7")));
        assert_eq!(value_at(&v, "body[3]"), None);
    }
}
