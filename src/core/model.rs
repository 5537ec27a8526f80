//! Content format v1 (docs/content-format.md): the types a city's systems send us.
//!
//! The rules of decoding them (which fields are required, which are lenient) live in `decode`,
//! the one reader. Natively the `serde` attributes here are the format's one description: the
//! publish step writes the content API with them and the JSON Schema is generated from them.

pub mod blocks;

pub use blocks::{Contact, Download, InfoboxKind, Platform, Question, Table, Video, VideoSource};
use chrono::{DateTime, FixedOffset};
use std::sync::Arc;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

/// `GET {api}/news.json`
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewsIndex {
    /// Shared: the catalog and the views hold the same entries, never copies.
    pub items: Vec<Arc<Teaser>>,
    /// URL of the next, older page of the index, if the archive comes in pages.
    pub next: Option<String>,
}

/// An entry of the index: what a list needs to show and link an article.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Teaser {
    pub slug: Slug,
    pub headline: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub kicker: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub lead: Option<String>,
    pub published: Timestamp,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub tags: Vec<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub image: Option<Image>,
}

/// `GET {api}/articles/{slug}.json`: a teaser (the same fields, the same rules, flat in the
/// JSON) plus what only the article page shows.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Article {
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub teaser: Teaser,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub updated: Option<Timestamp>,
    /// BCP 47 language tag of the article, "de" when absent.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub language: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub keywords: Vec<String>,
    pub body: Body,
    /// Editor's picks: slugs shown first under "Weitere Nachrichten".
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub related: Vec<String>,
    /// Format 1.2: press contacts, shown at the article's end ("Kontakt für Medien").
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub contacts: Vec<Contact>,
    /// Format 1.2: what was corrected and when, shown at the top ("Korrigiert am …: …").
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub corrections: Vec<Correction>,
}

/// A correction of a published article: readers see it above the text; feeds, search engines
/// and the sitemap see the article changed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Correction {
    pub date: Timestamp,
    /// What was wrong and what is right now (plain text).
    pub text: String,
}

impl Article {
    /// Editor's picks that count: "Weitere Nachrichten" shows 15; more picks than this (a broken
    /// export, or an attack: 50,000 of them) are not even read.
    pub const MAX_PICKS: usize = 50;

    /// Words in the lead and the body, for the reading time.
    pub fn word_count(&self) -> usize {
        let words = |s: &str| s.split_whitespace().count();
        let mut blocks = 0;
        for b in &self.body.blocks {
            b.texts(&mut |s| blocks += words(s));
        }
        words(&self.teaser.headline) + self.teaser.lead.as_deref().map_or(0, words) + blocks
    }

    /// Corrections that are read (a release is corrected a few times, not hundreds).
    pub const MAX_CORRECTIONS: usize = 20;

    /// When the article last changed: the latest of publication, `updated` and its corrections.
    pub fn last_change(&self) -> Timestamp {
        let dates = self.updated.iter().chain(self.corrections.iter().map(|c| &c.date));
        dates.fold(self.teaser.published, |latest, d| latest.max(*d))
    }

    /// The `updated` time when it is after publication (an equal or earlier one says nothing).
    pub fn shown_update(&self) -> Option<&Timestamp> {
        self.updated.as_ref().filter(|u| **u > self.teaser.published)
    }

    pub fn language(&self) -> &str {
        self.language.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or("de")
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Image {
    pub src: String,
    /// Required; "" marks a decorative image.
    pub alt: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub caption: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub credit: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub width: Option<u32>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub height: Option<u32>,
    /// Format 1.1: the same picture in other widths (the publish step makes them from the
    /// original); readers choose by `sizes`. Empty: `src` alone.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub srcset: Vec<Variant>,
}

/// One width of an image (`srcset`): a file of that many pixels across, same aspect ratio.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Variant {
    /// http, https or relative, without commas or spaces.
    pub src: String,
    /// Pixels across.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 8192)))]
    pub width: u32,
}

impl Image {
    /// "caption · Bild: credit", either part optional: what every view shows under an image.
    pub fn caption_line(&self) -> Option<String> {
        let caption = self.caption.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let credit = self.credit.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(|c| format!("Bild: {c}"));
        match (caption, credit) {
            (Some(c), Some(b)) => Some(format!("{c} · {b}")),
            (Some(c), None) => Some(c.to_owned()),
            (None, Some(b)) => Some(b),
            (None, None) => None,
        }
    }

    /// "Bild: credit" alone (teasers show no caption).
    pub fn credit_line(&self) -> Option<String> {
        Image { caption: None, ..self.clone() }.caption_line()
    }
}

/// One block of an article body, tagged by `"type"`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(tag = "type", rename_all = "lowercase"))]
pub enum Block {
    Paragraph {
        text: Text,
    },
    Heading {
        text: String,
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
        level: Option<HeadingLevel>,
    },
    List {
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "std::ops::Not::not"))]
        ordered: bool,
        items: Vec<Text>,
    },
    Quote {
        text: String,
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
        cite: Option<String>,
    },
    Link {
        href: String,
        label: String,
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
        hreflang: Option<String>,
    },
    Image(Image),
    /// Format 1.2 (`model::blocks`).
    Table(Table),
    Infobox {
        #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
        kind: InfoboxKind,
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
        title: Option<String>,
        /// Paragraphs, lists and links.
        blocks: Vec<Block>,
    },
    Faq {
        items: Vec<Question>,
        /// Questions past `blocks::MAX_QUESTIONS`, not shown.
        #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
        omitted: usize,
    },
    Downloads {
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
        title: Option<String>,
        files: Vec<Download>,
    },
    Contact(Contact),
    /// Photos of one event: a grid, and each larger (`tree::media::gallery`).
    Gallery {
        #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
        caption: Option<String>,
        images: Vec<Image>,
        /// Images past `blocks::MAX_GALLERY_IMAGES`, not shown.
        #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
        omitted: usize,
    },
    Video(Video),
}

impl Block {
    /// Every text of the block that readers read, in order (a table's cells, an answer's
    /// paragraphs, a file's label): for the reading time, the search index and the bounds.
    pub fn texts(&self, out: &mut impl FnMut(&str)) {
        // Runs as one text: a word may be split across them ("Wochen" + bold "markt").
        let rich = |t: &Text, out: &mut dyn FnMut(&str)| match t {
            Text::Plain(s) => out(s),
            Text::Runs(_) => out(&t.plain()),
        };
        let some = |t: &Option<String>, out: &mut dyn FnMut(&str)| {
            if let Some(s) = t {
                out(s)
            }
        };
        match self {
            Block::Paragraph { text } => rich(text, out),
            Block::Heading { text, .. } => out(text),
            Block::Quote { text, cite } => {
                out(text);
                some(cite, out)
            }
            Block::List { items, .. } => items.iter().for_each(|t| rich(t, out)),
            Block::Link { label, .. } => out(label),
            Block::Image(i) => some(&i.caption, out),
            Block::Table(t) => {
                some(&t.caption, out);
                t.head.iter().chain(&t.rows).flatten().for_each(|c| rich(c, out));
            }
            Block::Infobox { title, blocks, .. } => {
                some(title, out);
                blocks.iter().for_each(|b| b.texts(out));
            }
            Block::Faq { items, .. } => items.iter().for_each(|q| {
                out(&q.question);
                q.answer.iter().for_each(|b| b.texts(out));
            }),
            Block::Downloads { title, files } => {
                some(title, out);
                files.iter().for_each(|f| out(&f.label));
            }
            Block::Contact(c) => c.texts().for_each(out),
            Block::Gallery { caption, images, .. } => {
                some(caption, out);
                images.iter().for_each(|i| some(&i.caption, out));
            }
            Block::Video(v) => out(&v.title),
        }
    }
}

/// Sub-heading level inside an article: the page's h1 is the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeadingLevel {
    #[default]
    H2,
    H3,
}

/// Rich text: a plain string, or runs with optional link and emphasis.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(untagged))]
pub enum Text {
    Plain(String),
    Runs(Vec<Run>),
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Run {
    pub text: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub href: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "std::ops::Not::not"))]
    pub strong: bool,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "std::ops::Not::not"))]
    pub em: bool,
}

impl Text {
    /// The text without markup, e.g. for reading time or search.
    pub fn plain(&self) -> String {
        match self {
            Text::Plain(s) => s.clone(),
            Text::Runs(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
        }
    }
}

/// An article body. Decoded block by block so that an unknown block type is skipped
/// (and reported in `skipped`) instead of failing the whole article.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(transparent))]
pub struct Body {
    pub blocks: Vec<Block>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
    pub skipped: Vec<String>,
    /// Blocks past `Body::MAX_BLOCKS`, not decoded and not shown (readers see a note).
    #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
    pub omitted: usize,
}

impl Body {
    /// More blocks than any press release has (the longest in the sample has 20): a body with
    /// more (a broken export, or an attack) shows these and a note, so decoding and rendering
    /// stay bounded.
    pub const MAX_BLOCKS: usize = 5000;

    /// The note under a body that was cut: "45.000 weitere Abschnitte …".
    pub fn omitted_note(&self) -> Option<String> {
        (self.omitted > 0).then(|| {
            format!(
                "Dieser Beitrag ist zu lang, um ganz angezeigt zu werden: {} weitere Abschnitte werden nicht gezeigt.",
                super::text::thousands(self.omitted)
            )
        })
    }
}

/// A URL-safe article identifier: `[a-z0-9-]+`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// The longest slug (a file name and URL segment); the JSON Schema says the same.
    pub const MAX_LEN: usize = 200;

    pub fn parse(s: &str) -> Option<Slug> {
        let ok = !s.is_empty()
            && s.len() <= Slug::MAX_LEN
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Slug(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An RFC 3339 timestamp with its own offset (publishers send local time; we show that date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    pub fn parse(s: &str) -> Option<Timestamp> {
        DateTime::parse_from_rfc3339(s.trim()).ok().map(Timestamp)
    }
    /// The RFC 3339 form for `<time datetime>`.
    pub fn to_rfc3339(&self) -> String {
        self.0.to_rfc3339()
    }
}
