//! Decoding of the JSON files: strict where it matters (an article), tolerant where that is safe
//! (an index entry that does not fit is skipped and reported, the rest of the list still shows).

use super::error::{DecodeError, LoadError, Problem};
use super::model::{Article, NewsIndex, Teaser};
use super::safe_url;
use super::tidy::{tidy_article, tidy_teaser};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The index as decoded, with the entries that were skipped and why (for the console).
#[derive(Debug, Default)]
pub struct DecodedIndex {
    pub index: NewsIndex,
    pub skipped: Vec<String>,
}

#[derive(Deserialize)]
struct RawIndex<'a> {
    #[serde(borrow)]
    items: Vec<&'a RawValue>,
    #[serde(default)]
    next: Option<serde_json::Value>,
}

/// Decodes `news.json`. Fails only if the file as a whole is not an index.
pub fn decode_index(json: &str) -> Result<DecodedIndex, LoadError> {
    let mut decoder = IndexDecoder::new(json.to_owned())?;
    while !decoder.step(usize::MAX) {}
    Ok(decoder.finish())
}

/// Decodes an index a slice of entries at a time, so that a huge file never blocks the page
/// for long: the caller yields to the browser between steps.
pub struct IndexDecoder {
    json: String,
    /// Byte ranges of the entries in `json`.
    items: Vec<(usize, usize)>,
    done: usize,
    out: DecodedIndex,
}

impl IndexDecoder {
    /// Checks the file's outline (one pass over it) and finds the entries.
    pub fn new(json: String) -> Result<IndexDecoder, LoadError> {
        let (items, next) = {
            let raw: RawIndex = decode_with_path(&json)?;
            let start = json.as_ptr() as usize;
            let ranges: Vec<(usize, usize)> = raw
                .items
                .iter()
                .map(|item| {
                    let at = item.get().as_ptr() as usize - start;
                    (at, at + item.get().len())
                })
                .collect();
            // A `next` that is not a string or breaks the scheme rules ends the paging (and is not fetched).
            (ranges, raw.next.and_then(|v| v.as_str().and_then(safe_url::fetch_url)))
        };
        let mut out = DecodedIndex::default();
        out.index.items.reserve(items.len());
        out.index.next = next;
        Ok(IndexDecoder { json, items, done: 0, out })
    }

    /// Decodes up to `n` more entries; `true` when all are done.
    pub fn step(&mut self, n: usize) -> bool {
        let end = self.done.saturating_add(n).min(self.items.len());
        for i in self.done..end {
            let (from, to) = self.items[i];
            match decode_with_path::<Teaser>(&self.json[from..to]) {
                Ok(mut teaser) => {
                    tidy_teaser(&mut teaser);
                    self.out.index.items.push(teaser)
                }
                Err(e) => self.out.skipped.push(format!("items[{i}]: {e}")),
            }
        }
        self.done = end;
        self.done == self.items.len()
    }

    pub fn finish(self) -> DecodedIndex {
        self.out
    }
}

/// Decodes an article file.
pub fn decode_article(json: &str) -> Result<Article, LoadError> {
    let mut article: Article = decode_with_path(json)?;
    tidy_article(&mut article);
    Ok(article)
}

fn decode_with_path<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, LoadError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(classify)?;
    // Trailing garbage after the document is as broken as a cut-off one.
    de.end().map_err(|e| LoadError::Syntax(e.to_string()))?;
    Ok(value)
}

fn classify(err: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let path = err.path().to_string();
    let inner = err.inner();
    use serde_json::error::Category;
    match inner.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            // A document that does not even start like JSON is most likely an HTML error page.
            if inner.line() == 1 && inner.column() <= 1 {
                LoadError::NotJson
            } else {
                LoadError::Syntax(inner.to_string())
            }
        }
        Category::Data => {
            let msg = inner.to_string();
            let (path, problem) = if let Some(field) = missing_field(&msg) {
                (join(&path, &field), Problem::Missing)
            } else if msg.starts_with("invalid type") {
                (path, Problem::WrongType)
            } else {
                (path, Problem::Invalid(msg))
            };
            LoadError::Decode(DecodeError { path, problem })
        }
    }
}

/// serde reports a missing field on the enclosing object: "missing field `headline` at line …".
fn missing_field(msg: &str) -> Option<String> {
    let rest = msg.strip_prefix("missing field `")?;
    Some(rest[..rest.find('`')?].to_owned())
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() || path == "." {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::*;

    const MINIMAL: &str = r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[]}"#;

    #[test]
    fn word_count_covers_headline_lead_and_every_block() {
        let a = decode_article(
            r#"{"slug":"a","headline":"Zwei Worte","lead":"Drei kleine Worte","published":"2025-12-19T10:00:00+01:00","body":[
                {"type":"paragraph","text":[{"text":"eins "},{"text":"zwei"}]},{"type":"heading","text":"eins"},
                {"type":"list","items":["a b","c"]},{"type":"quote","text":"q"},{"type":"link","href":"/","label":"l l"},
                {"type":"image","src":"/i.svg","alt":"","caption":"c c c"}]}"#,
        )
        .unwrap();
        assert_eq!(a.word_count(), 2 + 3 + 2 + 1 + 3 + 1 + 2 + 3);
    }

    #[test]
    fn minimal_article_gets_defaults() {
        let a = decode_article(MINIMAL).unwrap();
        assert_eq!(a.language(), "de");
        assert!(a.tags.is_empty() && a.keywords.is_empty() && a.related.is_empty());
        assert_eq!(a.kicker, None);
    }

    #[test]
    fn missing_headline_is_named() {
        let err = decode_article(r#"{"slug":"a","published":"2025-12-19T10:00:00+01:00","body":[]}"#).unwrap_err();
        assert_eq!(err, LoadError::Decode(DecodeError { path: "headline".into(), problem: Problem::Missing }));
    }

    #[test]
    fn nested_path_is_reported() {
        let err = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[],"image":{"src":"x.svg"}}"#,
        );
        // image is optional and lenient: a broken image drops the image only.
        assert_eq!(err.unwrap().image, None);
        let err = decode_article(r#"{"slug":"a","headline":7,"published":"2025-12-19T10:00:00+01:00","body":[]}"#);
        assert!(matches!(err, Err(LoadError::Decode(DecodeError { ref path, problem: Problem::WrongType })) if path == "headline"));
    }

    #[test]
    fn unknown_fields_and_block_types_are_ignored() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","extra":{"x":1},
                "body":[{"type":"video","src":"v.mp4"},{"type":"paragraph","text":"Hallo","colour":"red"}]}"#,
        )
        .unwrap();
        assert_eq!(a.body.blocks, vec![Block::Paragraph { text: Text::Plain("Hallo".into()) }]);
        assert_eq!(a.body.skipped.len(), 1);
        assert!(a.body.skipped[0].contains("video"), "{:?}", a.body.skipped);
    }

    #[test]
    fn wrong_type_in_optional_field_drops_only_that_field() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","kicker":42,"tags":"Familie","body":[]}"#,
        )
        .unwrap();
        assert_eq!(a.kicker, None);
        assert!(a.tags.is_empty());
    }

    #[test]
    fn bad_slug_and_bad_date_are_rejected() {
        for bad in [
            r#"{"slug":"Ä b","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[]}"#,
            r#"{"slug":"a","headline":"H","published":"19.12.2025","body":[]}"#,
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00","body":[]}"#,
        ] {
            assert!(matches!(decode_article(bad), Err(LoadError::Decode(_))), "{bad}");
        }
    }

    #[test]
    fn html_and_truncated_json_are_told_apart() {
        assert_eq!(decode_article("<!doctype html><p>Fehler</p>").unwrap_err(), LoadError::NotJson);
        assert!(matches!(decode_article(&MINIMAL[..40]), Err(LoadError::Syntax(_))));
        assert!(matches!(decode_article(""), Err(LoadError::NotJson)));
    }

    #[test]
    fn index_skips_bad_entries_and_keeps_the_rest() {
        let d = decode_index(
            r#"{"version":1,"items":[
                {"slug":"ok","headline":"Gut","published":"2025-12-19T10:00:00+01:00"},
                {"slug":"BAD SLUG","headline":"x","published":"2025-12-19T10:00:00+01:00"},
                {"slug":"no-date","headline":"x"},
                {"slug":"ok2","headline":"Auch gut","published":"2025-12-18T10:00:00+01:00","tags":["Familie"]}
            ],"next":"/api/news-2.json"}"#,
        )
        .unwrap();
        let slugs: Vec<_> = d.index.items.iter().map(|t| t.slug.as_str()).collect();
        assert_eq!(slugs, ["ok", "ok2"]);
        assert_eq!(d.skipped.len(), 2);
        assert!(d.skipped[1].contains("published"), "{:?}", d.skipped);
        assert_eq!(d.index.next.as_deref(), Some("/api/news-2.json"));
        let d = decode_index(r#"{"version":1,"items":[],"next":"javascript:alert(1)"}"#).unwrap();
        assert_eq!(d.index.next, None);
    }

    #[test]
    fn stepwise_decoding_gives_the_same_result() {
        let json = r#"{"version":1,"items":[
            {"slug":"a","headline":"A","published":"2025-12-19T10:00:00+01:00"},
            {"slug":"B","headline":"x","published":"2025-12-19T10:00:00+01:00"},
            {"slug":"c","headline":"C","published":"2025-12-18T10:00:00+01:00"}]}"#;
        let mut d = IndexDecoder::new(json.to_owned()).unwrap();
        assert!(!d.step(1));
        assert!(!d.step(1));
        assert!(d.step(1));
        let stepwise = d.finish();
        let whole = decode_index(json).unwrap();
        assert_eq!(stepwise.index, whole.index);
        assert_eq!(stepwise.skipped.len(), 1);
        assert!(stepwise.skipped[0].starts_with("items[1]: decode error at slug"), "{:?}", stepwise.skipped);
    }

    #[test]
    fn index_that_is_not_an_index_fails() {
        assert!(matches!(decode_index(r#"{"version":1}"#), Err(LoadError::Decode(_))));
        assert!(matches!(decode_index("[]"), Err(LoadError::Decode(_))));
    }

    #[test]
    fn rich_text_runs_and_heading_levels() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[
                {"type":"paragraph","text":[{"text":"Mehr "},{"text":"hier","href":"https://x.de","strong":true}]},
                {"type":"heading","text":"Zwei"},{"type":"heading","text":"Drei","level":3},
                {"type":"heading","text":"Eins","level":1}]}"#,
        )
        .unwrap();
        assert_eq!(a.body.blocks.len(), 4);
        assert!(matches!(&a.body.blocks[0], Block::Paragraph { text } if text.plain() == "Mehr hier"));
        assert!(matches!(&a.body.blocks[1], Block::Heading { level: None, .. }));
        assert!(matches!(&a.body.blocks[2], Block::Heading { level: Some(HeadingLevel::H3), .. }));
        // Level 1 belongs to the headline: the invalid level is dropped, the heading kept.
        assert!(matches!(&a.body.blocks[3], Block::Heading { level: None, .. }));
    }
}
