//! Decoding of the JSON files: strict where it matters (an article), tolerant where that is safe
//! (an index entry that does not fit is skipped and reported, the rest of the list still shows;
//! an optional field of the wrong type is dropped; an unknown block type is skipped).
//!
//! Read with our own `json` reader and decoded field by field, so every error knows its path.

mod blocks;

use super::error::{DecodeError, LoadError, Problem};
use super::images;
use super::json::{self, Json, Reader, SyntaxError};
use super::model::{
    Article, Block, Body, Correction, HeadingLevel, Image, NewsIndex, Run, Slug, Teaser, Text, Timestamp, Variant,
};
use super::safe_url;
use super::site::{self, Contact, Enforcement, Expected, Site, SiteProblem, FIELDS as SITE_FIELDS};
use super::tidy::{tidy_article, tidy_teaser};
use std::sync::Arc;

/// The index as decoded, with the entries that were skipped and why (for the console).
#[derive(Debug, Default)]
pub struct DecodedIndex {
    pub index: NewsIndex,
    pub skipped: Vec<String>,
}

/// Decodes `news.json`. Fails only if the file as a whole is not an index.
pub fn decode_index(json: &str) -> Result<DecodedIndex, LoadError> {
    let mut decoder = IndexDecoder::new(json.to_owned())?;
    while !decoder.step(usize::MAX)? {}
    Ok(decoder.finish())
}

/// Decodes an index a slice of entries at a time, so that a huge file never blocks the page
/// for long: the caller yields to the browser between steps. The file is read once, front to
/// back; a syntax error surfaces at the step that reaches it.
pub struct IndexDecoder {
    json: String,
    /// Where reading goes on.
    pos: usize,
    phase: Phase,
    /// Entries read so far (decoded or skipped).
    seen: usize,
    out: DecodedIndex,
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// Just after the `[` of `items`.
    FirstItem,
    /// Before an entry of `items`.
    BeforeItem,
    /// After an entry: `,` or `]` follows.
    AfterItem,
    /// After `items`: the rest of the object.
    Rest,
    Done,
}

impl IndexDecoder {
    /// Reads the file up to the start of `items` (checking that it is an index at all).
    pub fn new(json: String) -> Result<IndexDecoder, LoadError> {
        let mut out = DecodedIndex::default();
        let mut reader = Reader::new(&json);
        if reader.peek() != Some(b'{') {
            // Not an object: either not JSON at all, or JSON of the wrong shape.
            return Err(match json::parse(&json) {
                Err(e) => syntax(&json, e),
                Ok(_) => wrong_type("."),
            });
        }
        reader.expect(b'{', "expected an object").map_err(|e| syntax(&json, e))?;
        let found = Self::members(&mut reader, &mut out, true).map_err(|e| syntax(&json, e))?;
        if !found {
            reader.end().map_err(|e| syntax(&json, e))?;
            return Err(missing("items"));
        }
        if reader.peek() != Some(b'[') {
            return Err(match reader.value() {
                Err(e) => syntax(&json, e),
                Ok(_) => wrong_type("items"),
            });
        }
        reader.expect(b'[', "expected an array").map_err(|e| syntax(&json, e))?;
        let pos = reader.pos();
        Ok(IndexDecoder { json, pos, phase: Phase::FirstItem, seen: 0, out })
    }

    /// Reads object members (the cursor is after `{` or after a member's value) until an `items`
    /// array (`true`, the cursor before its value) or the end of the object (`false`).
    fn members(reader: &mut Reader, out: &mut DecodedIndex, first: bool) -> Result<bool, SyntaxError> {
        if first && reader.empty(b'}') {
            return Ok(false);
        }
        if !first && !reader.more(b'}')? {
            return Ok(false);
        }
        loop {
            let key = reader.key()?;
            // The first `items` whatever it holds (`new` judges it); a repeated one only if it is an
            // array: the last member of a name counts, as in `JSON.parse`.
            if key == "items" && (first || reader.peek() == Some(b'[')) {
                return Ok(true);
            }
            let value = reader.value()?;
            if key == "next" {
                // A `next` that is not a string or breaks the scheme rules ends the paging.
                out.index.next = value.as_str().and_then(safe_url::fetch_url);
            }
            if !reader.more(b'}')? {
                return Ok(false);
            }
        }
    }

    /// Decodes up to `n` more entries; `Ok(true)` when the whole file is read.
    pub fn step(&mut self, n: usize) -> Result<bool, LoadError> {
        let json = std::mem::take(&mut self.json);
        let result = self.step_in(&json, n);
        self.json = json;
        result.map_err(|e| syntax(&self.json, e))
    }

    fn step_in(&mut self, json: &str, n: usize) -> Result<bool, SyntaxError> {
        let mut reader = Reader::at(json, self.pos);
        let mut budget = n;
        loop {
            match self.phase {
                Phase::FirstItem if reader.empty(b']') => self.phase = Phase::Rest,
                Phase::FirstItem => self.phase = Phase::BeforeItem,
                Phase::AfterItem if reader.more(b']')? => self.phase = Phase::BeforeItem,
                Phase::AfterItem => self.phase = Phase::Rest,
                Phase::BeforeItem if budget == 0 => break,
                Phase::BeforeItem => {
                    let value = reader.value()?;
                    match teaser(&value) {
                        Ok(mut teaser) => {
                            tidy_teaser(&mut teaser);
                            self.out.index.items.push(Arc::new(teaser))
                        }
                        Err(e) => self
                            .out
                            .skipped
                            .push(LoadError::Decode(e.within(&format!("items[{}]", self.seen))).to_string()),
                    }
                    self.seen += 1;
                    budget -= 1;
                    self.phase = Phase::AfterItem;
                }
                Phase::Rest => {
                    // The rest of the object after `items` (a later `next`), then the end of the file.
                    if Self::members(&mut reader, &mut self.out, false)? {
                        // `items` again: the later one is the index (what came before is dropped).
                        reader.expect(b'[', "expected an array")?;
                        self.out.index.items.clear();
                        self.out.skipped.clear();
                        self.seen = 0;
                        self.phase = Phase::FirstItem;
                        continue;
                    }
                    reader.end()?;
                    self.phase = Phase::Done;
                }
                Phase::Done => break,
            }
        }
        self.pos = reader.pos();
        Ok(self.phase == Phase::Done)
    }

    pub fn finish(self) -> DecodedIndex {
        self.out
    }
}

/// Decodes an article file.
pub fn decode_article(text: &str) -> Result<Article, LoadError> {
    let value = json::parse(text).map_err(|e| syntax(text, e))?;
    let mut article = article(&value).map_err(LoadError::Decode)?;
    tidy_article(&mut article);
    Ok(article)
}

/// An article file's teaser alone (slug, headline, date, image …), its body not decoded: what a
/// card of the article needs (the widget's single-article embed), without the block decoder.
pub fn decode_article_teaser(text: &str) -> Result<Teaser, LoadError> {
    let value = json::parse(text).map_err(|e| syntax(text, e))?;
    let mut teaser = teaser(&value).map_err(LoadError::Decode)?;
    tidy_teaser(&mut teaser);
    Ok(teaser)
}

/// A site file (`site.json`): every field optional; a field of the wrong type takes its default
/// and is reported beside the site, as are members it does not know (most are typos) and links
/// outside the URL rules: the publish step refuses all of them.
pub fn decode_site(text: &str) -> Result<(Site, Vec<SiteProblem>), LoadError> {
    let value = json::parse(text).map_err(|e| syntax(text, e))?;
    let Json::Obj(members) = &value else { return Err(wrong_type(".")) };
    let mut problems: Vec<SiteProblem> = members
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !SITE_FIELDS.contains(&k.as_str()))
        .map(SiteProblem::Unknown)
        .collect();
    // Wrong types are reported (the publish step refuses them); the site still gets its default there.
    let mut check = |object: &Json, key: &str, path: &str| {
        let expected = site::expected(path);
        let fits = matches!(
            (object.get(key), expected),
            (None | Some(Json::Null), _)
                | (Some(Json::Str(_)), Expected::Text(_))
                | (Some(Json::Obj(_)), Expected::Object(_))
                | (Some(Json::Num(_)), Expected::Number(_))
        );
        if !fits {
            problems.push(SiteProblem::WrongType { path: path.to_owned(), expected });
        }
    };
    for key in ["name", "description", "publisher", "logo", "language", "locale", "impressum", "datenschutz"] {
        check(&value, key, key);
    }
    for key in ["default_image", "contact", "enforcement", "outdated_after_days"] {
        check(&value, key, key);
    }
    if let Some(c @ Json::Obj(_)) = value.get("contact") {
        for key in ["email", "phone", "address"] {
            check(c, key, &format!("contact.{key}"));
        }
    }
    if let Some(e @ Json::Obj(_)) = value.get("enforcement") {
        for key in ["name", "url"] {
            check(e, key, &format!("enforcement.{key}"));
        }
    }
    if let Some(i @ Json::Obj(_)) = value.get("default_image") {
        if let Err(e) = image(i) {
            problems.push(SiteProblem::WrongType {
                path: format!("default_image.{}", e.path),
                expected: site::expected("default_image"),
            });
        }
    }
    let default = Site::default();
    let text_or =
        |key: &str, fallback: String| optional_string(&value, key).filter(|s| !s.trim().is_empty()).unwrap_or(fallback);
    let contact = value.get("contact").map_or_else(Default::default, |c| Contact {
        email: optional_string(c, "email"),
        phone: optional_string(c, "phone"),
        address: optional_string(c, "address"),
    });
    let enforcement = match value.get("enforcement") {
        Some(e) => match optional_string(e, "name") {
            Some(name) => Enforcement { name, url: optional_string(e, "url") },
            None => default.enforcement.clone(),
        },
        None => default.enforcement.clone(),
    };
    let mut link = |key: &str| {
        let raw = optional_string(&value, key).filter(|s| !s.trim().is_empty())?;
        let url = site::page_url(&raw);
        if url.is_none() {
            problems.push(SiteProblem::BadUrl { path: key.to_owned(), value: raw });
        }
        url
    };
    let (impressum, datenschutz) = (link("impressum"), link("datenschutz"));
    let site = Site {
        name: text_or("name", default.name),
        description: text_or("description", default.description),
        publisher: text_or("publisher", default.publisher),
        logo: optional_string(&value, "logo"),
        default_image: value.get("default_image").and_then(|i| image(i).ok()),
        language: text_or("language", default.language),
        locale: text_or("locale", default.locale),
        contact,
        enforcement,
        impressum,
        datenschutz,
        outdated_after_days: optional_u32(&value, "outdated_after_days").filter(|d| *d > 0),
    };
    Ok((site, problems))
}

/// A document that does not even start like JSON is most likely an HTML error page.
fn syntax(text: &str, e: SyntaxError) -> LoadError {
    let first = text.len() - json::without_bom(text).trim_start_matches([' ', '\t', '\n', '\r']).len();
    if e.at == first {
        LoadError::NotJson
    } else {
        LoadError::Syntax(format!("{} at byte {}", e.message, e.at))
    }
}

pub(super) type Decoded<T> = Result<T, DecodeError>;

fn missing(path: &str) -> LoadError {
    LoadError::Decode(DecodeError { path: path.to_owned(), problem: Problem::Missing })
}

fn wrong_type(path: &str) -> LoadError {
    LoadError::Decode(DecodeError { path: path.to_owned(), problem: Problem::WrongType })
}

pub(super) fn error(path: &str, problem: Problem) -> DecodeError {
    DecodeError { path: path.to_owned(), problem }
}

/// A required member of an object.
pub(super) fn required<'j, 'a>(object: &'j Json<'a>, key: &str) -> Decoded<&'j Json<'a>> {
    match object {
        Json::Obj(_) => object.get(key).ok_or_else(|| error(key, Problem::Missing)),
        _ => Err(error(".", Problem::WrongType)),
    }
}

pub(super) fn string(value: &Json, path: &str) -> Decoded<String> {
    value.as_str().map(str::to_owned).ok_or_else(|| error(path, Problem::WrongType))
}

pub(super) fn required_string(object: &Json, key: &str) -> Decoded<String> {
    string(required(object, key)?, key)
}

// Optional members are lenient: absent, null or of the wrong type, they are simply not there.

pub(super) fn optional_string(object: &Json, key: &str) -> Option<String> {
    object.get(key).and_then(Json::as_str).map(str::to_owned)
}

pub(super) fn flag(object: &Json, key: &str) -> bool {
    matches!(object.get(key), Some(Json::Bool(true)))
}

fn optional_u32(object: &Json, key: &str) -> Option<u32> {
    match object.get(key) {
        Some(Json::Num(n)) => n.parse().ok(),
        _ => None,
    }
}

pub(super) fn optional_u64(object: &Json, key: &str) -> Option<u64> {
    match object.get(key) {
        Some(Json::Num(n)) => n.parse().ok(),
        _ => None,
    }
}

/// A list of strings; one element of another type drops the whole list (it is not what was meant).
fn strings(object: &Json, key: &str) -> Vec<String> {
    strings_up_to(object, key, usize::MAX)
}

/// `strings`, of which only the first `max` are kept (and copied).
fn strings_up_to(object: &Json, key: &str, max: usize) -> Vec<String> {
    match object.get(key) {
        Some(Json::Arr(items)) if items.iter().all(|i| i.as_str().is_some()) => {
            items.iter().take(max).filter_map(Json::as_str).map(str::to_owned).collect()
        }
        _ => Vec::new(),
    }
}

fn slug(object: &Json) -> Decoded<Slug> {
    let s = required_string(object, "slug")?;
    Slug::parse(&s).ok_or_else(|| {
        let why = if s.len() > Slug::MAX_LEN { "longer than 200 characters" } else { "not made of a-z, 0-9 and -" };
        error("slug", Problem::Invalid(format!("invalid slug {s:?}: {why}")))
    })
}

fn timestamp(value: &Json, path: &str) -> Decoded<Timestamp> {
    let s = string(value, path)?;
    Timestamp::parse(&s).ok_or_else(|| error(path, Problem::Invalid(format!("invalid RFC 3339 date {s:?}"))))
}

fn teaser(v: &Json) -> Decoded<Teaser> {
    Ok(Teaser {
        slug: slug(v)?,
        headline: required_string(v, "headline")?,
        kicker: optional_string(v, "kicker"),
        lead: optional_string(v, "lead"),
        published: timestamp(required(v, "published")?, "published")?,
        tags: strings(v, "tags"),
        image: v.get("image").and_then(|i| image(i).ok()),
    })
}

/// An article is a teaser (the same fields, the same rules) plus the body and the rest.
fn article(v: &Json) -> Decoded<Article> {
    Ok(Article {
        teaser: teaser(v)?,
        updated: v.get("updated").and_then(|t| timestamp(t, "updated").ok()),
        language: optional_string(v, "language"),
        keywords: strings(v, "keywords"),
        body: body(required(v, "body")?)?,
        related: strings_up_to(v, "related", Article::MAX_PICKS),
        contacts: blocks::contacts(v),
        corrections: corrections(v),
    })
}

/// Corrections: tolerant (one without a valid date or a text is dropped), bounded.
fn corrections(v: &Json) -> Vec<Correction> {
    let Some(Json::Arr(items)) = v.get("corrections") else { return Vec::new() };
    let correction = |c: &Json| {
        let date = c.get("date").and_then(|d| timestamp(d, "date").ok())?;
        let text = optional_string(c, "text").filter(|t| !t.trim().is_empty())?;
        Some(Correction { date, text: text.trim().to_owned() })
    };
    items.iter().take(Article::MAX_CORRECTIONS).filter_map(correction).collect()
}

pub(super) fn image(v: &Json) -> Decoded<Image> {
    image_with_alt(v, required_string(v, "alt")?)
}

/// A video's still: it says nothing the video's title does not, so its `alt` may be left out.
pub(super) fn still(v: &Json) -> Decoded<Image> {
    image_with_alt(v, optional_string(v, "alt").unwrap_or_default())
}

fn image_with_alt(v: &Json, alt: String) -> Decoded<Image> {
    Ok(Image {
        src: required_string(v, "src")?,
        alt,
        caption: optional_string(v, "caption"),
        credit: optional_string(v, "credit"),
        width: optional_u32(v, "width"),
        height: optional_u32(v, "height"),
        srcset: srcset(v),
    })
}

/// An image's widths: tolerant (a variant that breaks the rules is dropped, the image stays),
/// bounded, and only sources the scheme rules allow.
fn srcset(v: &Json) -> Vec<Variant> {
    let mut out = Vec::new();
    let Some(Json::Arr(items)) = v.get("srcset") else { return out };
    for item in items.iter().take(images::MAX_VARIANTS) {
        let src = item.get("src").and_then(Json::as_str).and_then(safe_url::image_src);
        let width = optional_u32(item, "width").unwrap_or(0);
        // A comma or space would split the `srcset` attribute differently.
        if let Some(src) = src.filter(|s| !s.bytes().any(|b| b == b',' || b == b' ')) {
            if width > 0 && width <= images::MAX_WIDTH {
                out.push(Variant { src, width });
            }
        }
    }
    out
}

/// Block by block: a block that does not fit (or of a type this version does not know) is
/// skipped and reported, the rest of the article still shows.
fn body(v: &Json) -> Decoded<Body> {
    let Json::Arr(values) = v else {
        return Err(error("body", Problem::WrongType));
    };
    let shown = values.len().min(Body::MAX_BLOCKS);
    let omitted = values.len() - shown;
    let mut body = Body { blocks: Vec::with_capacity(shown), skipped: Vec::new(), omitted };
    if omitted > 0 {
        body.skipped.push(format!("body: {omitted} blocks after the first {} not shown", Body::MAX_BLOCKS));
    }
    for (i, value) in values[..shown].iter().enumerate() {
        let kind = value.get("type").and_then(Json::as_str).unwrap_or("?");
        let mut notes = Vec::new();
        match block(kind, value, &mut notes) {
            Ok(block) => body.blocks.push(block),
            Err(e) => body.skipped.push(format!("{} ({kind})", LoadError::Decode(e.within(&format!("body[{i}]"))))),
        }
        body.skipped.extend(notes.into_iter().map(|n| format!("body[{i}].{n}")));
    }
    Ok(body)
}

/// One block on its own (the publish step explains each block the article will not show).
pub fn decode_block(v: &Json) -> Result<Block, DecodeError> {
    block(v.get("type").and_then(Json::as_str).unwrap_or("?"), v, &mut Vec::new())
}

/// The block types this version shows.
pub const BLOCK_TYPES: [&str; 13] = [
    "paragraph",
    "heading",
    "list",
    "quote",
    "link",
    "image",
    "table",
    "infobox",
    "faq",
    "downloads",
    "contact",
    "gallery",
    "video",
];

/// One block; what is skipped inside it (a box's block that does not fit) goes to `notes`.
pub(super) fn block(kind: &str, v: &Json, notes: &mut Vec<String>) -> Decoded<Block> {
    Ok(match kind {
        "paragraph" => Block::Paragraph { text: text(required(v, "text")?, "text")? },
        "heading" => Block::Heading {
            text: required_string(v, "text")?,
            level: match optional_u32(v, "level") {
                Some(2) => Some(HeadingLevel::H2),
                Some(3) => Some(HeadingLevel::H3),
                _ => None,
            },
        },
        "list" => {
            let Json::Arr(items) = required(v, "items")? else {
                return Err(error("items", Problem::WrongType));
            };
            let items =
                items.iter().enumerate().map(|(i, t)| text(t, &format!("items[{i}]"))).collect::<Decoded<_>>()?;
            Block::List { ordered: flag(v, "ordered"), items }
        }
        "quote" => Block::Quote { text: required_string(v, "text")?, cite: optional_string(v, "cite") },
        "link" => Block::Link {
            href: required_string(v, "href")?,
            label: required_string(v, "label")?,
            hreflang: optional_string(v, "hreflang"),
        },
        "image" => Block::Image(image(v)?),
        "table" => Block::Table(blocks::table(v)?),
        "infobox" => blocks::infobox(v, notes)?,
        "faq" => blocks::faq(v, notes)?,
        "downloads" => blocks::downloads(v, notes)?,
        "contact" => Block::Contact(blocks::contact(v)?),
        "gallery" => blocks::gallery(v, notes)?,
        "video" => blocks::video(v, notes)?,
        _ => return Err(error("type", Problem::Invalid(format!("unknown block type {kind:?}")))),
    })
}

/// Rich text: a string, or runs (objects with `text`) with optional link and emphasis.
pub(super) fn text(v: &Json, path: &str) -> Decoded<Text> {
    match v {
        Json::Str(s) => Ok(Text::Plain(s.to_string())),
        Json::Arr(runs) => runs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if !matches!(r, Json::Obj(_)) {
                    return Err(error(&format!("{path}[{i}]"), Problem::WrongType));
                }
                let at = format!("{path}[{i}].text");
                Ok(Run {
                    text: string(r.get("text").ok_or_else(|| error(&at, Problem::Missing))?, &at)?,
                    href: optional_string(r, "href"),
                    strong: flag(r, "strong"),
                    em: flag(r, "em"),
                })
            })
            .collect::<Decoded<_>>()
            .map(Text::Runs),
        _ => Err(error(path, Problem::WrongType)),
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
        assert!(a.teaser.tags.is_empty() && a.keywords.is_empty() && a.related.is_empty());
        assert_eq!(a.teaser.kicker, None);
    }

    #[test]
    fn missing_headline_is_named() {
        let err = decode_article(r#"{"slug":"a","published":"2025-12-19T10:00:00+01:00","body":[]}"#).unwrap_err();
        assert_eq!(err, LoadError::Decode(DecodeError { path: "headline".into(), problem: Problem::Missing }));
    }

    #[test]
    fn a_site_file_takes_defaults_and_names_unknown_fields() {
        let (site, problems) = decode_site(
            r#"{"name":"Stadtnachrichten","nmae":"x","contact":{"email":"presse@stadt.example"},"publisher":7}"#,
        )
        .unwrap();
        assert_eq!(site.name, "Stadtnachrichten");
        assert_eq!(site.publisher, Site::default().publisher, "a wrong type takes the default");
        assert_eq!(site.contact.email.as_deref(), Some("presse@stadt.example"));
        assert_eq!(site.enforcement, Enforcement::default());
        assert_eq!(
            problems,
            [
                SiteProblem::Unknown("nmae".into()),
                SiteProblem::WrongType { path: "publisher".into(), expected: site::expected("publisher") }
            ]
        );
        assert!(matches!(decode_site("[]"), Err(LoadError::Decode(_))));
    }

    #[test]
    fn an_article_teaser_is_its_article_teaser() {
        let text = r#"{"slug":"a","headline":"  H  ","published":"2025-12-19T10:00:00+01:00","body":[{"type":"x"}],
            "image":{"src":"/a.svg","alt":"A"}}"#;
        assert_eq!(decode_article_teaser(text).unwrap(), decode_article(text).unwrap().teaser);
        assert!(decode_article_teaser(r#"{"slug":"a","body":[]}"#).is_err());
    }

    #[test]
    fn site_file_wrong_types_and_links_are_reported() {
        let (site, problems) = decode_site(
            r#"{"name":42,"contact":"x","enforcement":{"name":["a"]},"impressum":"javascript:alert(1)",
                "datenschutz":"https://www.stadt.example/datenschutz","default_image":{"src":"/a.svg"}}"#,
        )
        .unwrap();
        assert_eq!(site.name, "Newsroom");
        assert_eq!(site.impressum, None);
        assert_eq!(site.datenschutz.as_deref(), Some("https://www.stadt.example/datenschutz"));
        let paths: Vec<String> = problems
            .iter()
            .map(|p| match p {
                SiteProblem::WrongType { path, .. } | SiteProblem::BadUrl { path, .. } => path.clone(),
                SiteProblem::Unknown(f) => f.clone(),
            })
            .collect();
        assert_eq!(paths, ["name", "contact", "enforcement.name", "default_image.alt", "impressum"]);
        assert!(problems[0].german().contains("Feld 'name' hat den falschen Typ"), "{}", problems[0].german());
        assert!(problems[1].german().contains("Objekt"), "{}", problems[1].german());
        // Paths on the site and http(s) URLs pass; other schemes, relative paths and hosts do not.
        let (site, problems) = decode_site(r#"{"impressum":"/impressum","datenschutz":"datenschutz.html"}"#).unwrap();
        assert_eq!(site.impressum.as_deref(), Some("/impressum"));
        assert!(matches!(&problems[..], [SiteProblem::BadUrl { path, .. }] if path == "datenschutz"));
        assert!(decode_site(r#"{"impressum":"//evil.example/x"}"#).unwrap().1.len() == 1);
        assert!(decode_site(r#"{"name":null,"contact":{"email":null}}"#).unwrap().1.is_empty(), "null is absent");
    }

    #[test]
    fn nested_path_is_reported() {
        let err = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[],"image":{"src":"x.svg"}}"#,
        );
        // image is optional and lenient: a broken image drops the image only.
        assert_eq!(err.unwrap().teaser.image, None);
        let err = decode_article(r#"{"slug":"a","headline":7,"published":"2025-12-19T10:00:00+01:00","body":[]}"#);
        assert!(
            matches!(err, Err(LoadError::Decode(DecodeError { ref path, problem: Problem::WrongType })) if path == "headline")
        );
        // A field deep inside a block: the skipped block names the whole path from the article.
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[
                {"type":"paragraph","text":"ok"},
                {"type":"list","items":["eins",[{"text":"zwei"},{"href":"https://a.example"}]]}]}"#,
        )
        .unwrap();
        assert_eq!(a.body.skipped, ["decode error at body[1].items[1][1].text: Missing (list)"]);
        let index = decode_index(
            r#"{"items":[{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00"},{"slug":"b","published":"x"}]}"#,
        )
        .unwrap();
        assert_eq!(index.skipped, ["decode error at items[1].headline: Missing"]);
    }

    #[test]
    fn unknown_fields_and_block_types_are_ignored() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","extra":{"x":1},
                "body":[{"type":"carousel","src":"v.mp4"},{"type":"paragraph","text":"Hallo","colour":"red"}]}"#,
        )
        .unwrap();
        assert_eq!(a.body.blocks, vec![Block::Paragraph { text: Text::Plain("Hallo".into()) }]);
        assert_eq!(a.body.skipped.len(), 1);
        assert!(a.body.skipped[0].contains("carousel"), "{:?}", a.body.skipped);
    }

    #[test]
    fn wrong_type_in_optional_field_drops_only_that_field() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","kicker":42,"tags":"Familie","body":[]}"#,
        )
        .unwrap();
        assert_eq!(a.teaser.kicker, None);
        assert!(a.teaser.tags.is_empty());
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
        assert_eq!(d.step(1), Ok(false));
        assert_eq!(d.step(1), Ok(false));
        assert_eq!(d.step(1), Ok(true));
        let stepwise = d.finish();
        let whole = decode_index(json).unwrap();
        assert_eq!(stepwise.index, whole.index);
        assert_eq!(stepwise.skipped.len(), 1);
        assert!(stepwise.skipped[0].starts_with("decode error at items[1].slug"), "{:?}", stepwise.skipped);
    }

    #[test]
    fn index_read_in_slices_reports_a_cut_off_file_and_a_late_next() {
        let whole = r#"{"items":[{"slug":"a","headline":"A","published":"2025-12-19T10:00:00+01:00"},
            {"slug":"b","headline":"B","published":"2025-12-18T10:00:00+01:00"}],"next":"/api/news-2.json"} "#;
        let d = decode_index(whole).unwrap();
        assert_eq!(d.index.items.len(), 2);
        assert_eq!(d.index.next.as_deref(), Some("/api/news-2.json"));
        let cut = &whole[..whole.find("{\"slug\":\"b").unwrap() + 12];
        let mut d = IndexDecoder::new(cut.to_owned()).unwrap();
        assert_eq!(d.step(1), Ok(false));
        assert!(matches!(d.step(1), Err(LoadError::Syntax(_))));
        assert!(matches!(decode_index(&format!("{whole}x")), Err(LoadError::Syntax(_))));
        assert_eq!(decode_index("<!doctype html><p>503</p>").unwrap_err(), LoadError::NotJson);
        assert_eq!(decode_index("\n ").unwrap_err(), LoadError::NotJson);
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

    #[test]
    fn repeated_members_count_as_json_parse_counts_them_the_last() {
        let d = decode_index(
            r#"{"items":[{"slug":"alt","headline":"A","published":"2025-12-19T10:00:00+01:00"}],"next":"a.json",
                "items":[{"slug":"neu","headline":"N","published":"2025-12-19T10:00:00+01:00"}],"next":"b.json"}"#,
        )
        .unwrap();
        let slugs: Vec<_> = d.index.items.iter().map(|t| t.slug.as_str()).collect();
        assert_eq!((slugs, d.index.next.as_deref()), (vec!["neu"], Some("b.json")));
        let a = decode_article(
            r#"{"slug":"a","headline":"Alt","headline":"Neu","published":"2025-12-19T10:00:00+01:00","body":[]}"#,
        )
        .unwrap();
        assert_eq!(a.teaser.headline, "Neu");
    }

    #[test]
    fn export_tool_quirks_do_not_cost_the_document() {
        let bom = "\u{feff}{\"items\":[{\"slug\":\"a\",\"headline\":\"Gr\\u00f6\\u00dfe \\ud83d\",\"published\":\"2025-12-19T10:00:00+01:00\"}]}";
        let d = decode_index(bom).unwrap();
        assert_eq!(d.index.items[0].headline, "Größe \u{fffd}");
        assert_eq!(decode_index("\u{feff}<!doctype html>").unwrap_err(), LoadError::NotJson);
        let deep = format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","x":{}{},"body":[{{"type":"paragraph","text":"Da"}}]}}"#,
            "[".repeat(5000),
            "]".repeat(5000)
        );
        assert_eq!(decode_article(&format!("\u{feff}{deep}")).unwrap().body.blocks.len(), 1);
    }

    #[test]
    fn a_body_past_the_bound_is_cut_with_a_note() {
        let blocks: Vec<String> =
            (1..=Body::MAX_BLOCKS + 3).map(|i| format!(r#"{{"type":"paragraph","text":"A {i}"}}"#)).collect();
        let a = decode_article(&format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[{}]}}"#,
            blocks.join(",")
        ))
        .unwrap();
        assert_eq!((a.body.blocks.len(), a.body.omitted), (Body::MAX_BLOCKS, 3));
        assert_eq!(
            a.body.omitted_note().as_deref(),
            Some("Dieser Beitrag ist zu lang, um ganz angezeigt zu werden: 3 weitere Abschnitte werden nicht gezeigt.")
        );
        assert!(a.body.skipped[0].contains("not shown"));
    }

    #[test]
    fn only_the_first_picks_are_read() {
        let picks: Vec<String> = (0..Article::MAX_PICKS + 10).map(|i| format!(r#""p{i}""#)).collect();
        let a = decode_article(&format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[],"related":[{}]}}"#,
            picks.join(",")
        ))
        .unwrap();
        assert_eq!((a.related.len(), a.related[0].as_str()), (Article::MAX_PICKS, "p0"));
    }

    #[test]
    fn a_slug_too_long_is_reported_as_such() {
        let long = "a".repeat(201);
        let d = decode_index(&format!(
            r#"{{"items":[{{"slug":"{long}","headline":"H","published":"2025-12-19T10:00:00+01:00"}},{{"slug":"{}","headline":"H","published":"2025-12-19T10:00:00+01:00"}}]}}"#,
            &long[1..]
        ))
        .unwrap();
        assert_eq!(d.index.items.len(), 1);
        assert!(d.skipped[0].contains("longer than 200 characters"), "{:?}", d.skipped);
    }
}
