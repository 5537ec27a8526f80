//! The content API the app reads: `api/news.json` (pages linked by `next`) and
//! `api/articles/{slug}.json`, derived from the articles so the index can never disagree.

use super::source::Source;
use super::Outputs;
use crate::core::model::{Image, Teaser};
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
    }
}

fn page_file(n: usize) -> String {
    if n == 1 {
        "news.json".to_owned()
    } else {
        format!("news-{n}.json")
    }
}

pub fn write(out: &mut Outputs, sources: &[Source]) -> Result<(), serde_json::Error> {
    let pages: Vec<&[Source]> = if sources.is_empty() { vec![&[]] } else { sources.chunks(PAGE_SIZE).collect() };
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let next = (n < pages.len()).then(|| page_file(n + 1));
        let json = IndexPage { version: 1, items: page.iter().map(|s| teaser(&s.article.teaser)).collect(), next };
        out.insert(format!("api/{}", page_file(n)), serde_json::to_vec(&json)?);
    }
    for s in sources {
        out.insert(format!("api/articles/{}.json", s.article.teaser.slug), s.raw.clone());
    }
    Ok(())
}
