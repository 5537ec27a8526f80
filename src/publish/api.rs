//! The content API the app reads: `api/news.json` (pages linked by `next`) and
//! `api/articles/{slug}.json`, derived from the articles so the index can never disagree.

use super::source::Source;
use super::Outputs;
use crate::core::model::{Block, HeadingLevel, Image, Teaser, Text};
use crate::core::paths;
use serde::Serialize;

/// Entries per index page: the first page stays small for the first view; older pages load
/// when the reader pages or searches past them.
pub const PAGE_SIZE: usize = 1000;

#[derive(Serialize)]
struct IndexPage<'a> {
    version: u32,
    items: Vec<TeaserJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

#[derive(Serialize)]
struct TeaserJson<'a> {
    slug: &'a str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kicker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead: Option<&'a str>,
    published: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageJson<'a>>,
}

#[derive(Serialize)]
struct ImageJson<'a> {
    src: &'a str,
    alt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    srcset: Vec<VariantJson<'a>>,
}

#[derive(Serialize)]
struct VariantJson<'a> {
    src: &'a str,
    width: u32,
}

fn teaser(t: &Teaser) -> TeaserJson<'_> {
    TeaserJson {
        slug: t.slug.as_str(),
        headline: &t.headline,
        kicker: t.kicker.as_deref(),
        lead: t.lead.as_deref(),
        published: t.published.to_rfc3339(),
        tags: &t.tags,
        image: t.image.as_ref().map(image),
    }
}

fn image(i: &Image) -> ImageJson<'_> {
    ImageJson {
        src: &i.src,
        alt: &i.alt,
        caption: i.caption.as_deref(),
        credit: i.credit.as_deref(),
        width: i.width,
        height: i.height,
        srcset: i.srcset.iter().map(|v| VariantJson { src: &v.src, width: v.width }).collect(),
    }
}

pub fn write(out: &mut Outputs, sources: &[Source]) -> Result<(), serde_json::Error> {
    let pages: Vec<&[Source]> = if sources.is_empty() { vec![&[]] } else { sources.chunks(PAGE_SIZE).collect() };
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let next = (n < pages.len()).then(|| paths::api_index_page(n + 1));
        let json = IndexPage { version: 1, items: page.iter().map(|s| teaser(&s.article.teaser)).collect(), next };
        out.insert(format!("api/{}", paths::api_index_page(n)), serde_json::to_vec(&json)?);
    }
    for s in sources {
        out.insert(paths::api_article("api", &s.article.teaser.slug), s.raw.clone());
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum BlockJson<'a> {
    Paragraph {
        text: TextJson<'a>,
    },
    Heading {
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        level: Option<u8>,
    },
    List {
        ordered: bool,
        items: Vec<TextJson<'a>>,
    },
    Quote {
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<&'a str>,
    },
    Link {
        href: &'a str,
        label: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        hreflang: Option<&'a str>,
    },
    Image(ImageJson<'a>),
}

#[derive(Serialize)]
#[serde(untagged)]
enum TextJson<'a> {
    Plain(&'a str),
    Runs(Vec<RunJson<'a>>),
}

#[derive(Serialize)]
struct RunJson<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    strong: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    em: bool,
}

#[derive(Serialize)]
struct PageJson<'a> {
    slug: &'a str,
    headline: &'a str,
    published: &'a str,
    language: &'a str,
    body: Vec<BlockJson<'a>>,
}

fn text_json(t: &Text) -> TextJson<'_> {
    match t {
        Text::Plain(s) => TextJson::Plain(s),
        Text::Runs(runs) => TextJson::Runs(
            runs.iter()
                .map(|r| RunJson { text: &r.text, href: r.href.as_deref(), strong: r.strong, em: r.em })
                .collect(),
        ),
    }
}

fn block_json(b: &Block) -> BlockJson<'_> {
    match b {
        Block::Paragraph { text } => BlockJson::Paragraph { text: text_json(text) },
        Block::Heading { text, level } => {
            BlockJson::Heading { text, level: level.map(|l| if l == HeadingLevel::H3 { 3 } else { 2 }) }
        }
        Block::List { ordered, items } => {
            BlockJson::List { ordered: *ordered, items: items.iter().map(text_json).collect() }
        }
        Block::Quote { text, cite } => BlockJson::Quote { text, cite: cite.as_deref() },
        Block::Link { href, label, hreflang } => BlockJson::Link { href, label, hreflang: hreflang.as_deref() },
        Block::Image(i) => BlockJson::Image(image(i)),
    }
}

/// A page of the site in the content format (`api/pages/{slug}.json`): the app shows it like an
/// article's body, so its text lives with the content, not in the app's download. Returns what
/// it wrote.
pub fn write_page(
    out: &mut Outputs,
    slug: &str,
    title: &str,
    published: &str,
    language: &str,
    blocks: &[Block],
) -> Result<Vec<u8>, serde_json::Error> {
    let page = PageJson { slug, headline: title, published, language, body: blocks.iter().map(block_json).collect() };
    let json = serde_json::to_vec(&page)?;
    out.insert(paths::api_page("api", slug), json.clone());
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_article;
    use crate::core::site::{Contact, Site};
    use crate::core::statement::statement;

    #[test]
    fn a_page_reads_back_through_the_apps_decoder_block_for_block() {
        let site =
            Site { contact: Contact { email: Some("a@b.example".into()), ..Contact::default() }, ..Site::default() };
        let blocks = statement(&site);
        let mut out = Outputs::in_memory();
        write_page(&mut out, "barrierefreiheit", "Erklärung", "2026-11-26T00:00:00+01:00", "de", &blocks).unwrap();
        let page =
            decode_article(std::str::from_utf8(out.get("api/pages/barrierefreiheit.json").unwrap()).unwrap()).unwrap();
        assert!(page.body.skipped.is_empty());
        assert_eq!(page.body.blocks, blocks);
    }
}
