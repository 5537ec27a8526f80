//! The content API the app reads: `api/news.json` (pages linked by `next`) and
//! `api/articles/{slug}.json`, derived from the articles so the index can never disagree.

use super::source::Source;
use super::Outputs;
use crate::core::model::{Article, Teaser};
use crate::core::paths;
use serde::Serialize;

/// Entries per index page: the first page stays small for the first view; older pages load
/// when the reader pages or searches past them.
pub const PAGE_SIZE: usize = 1000;

/// A page of `news.json`: the teasers as the model's serde attributes write them.
#[derive(Serialize)]
struct IndexPage<'a> {
    version: u32,
    items: Vec<&'a Teaser>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

pub fn write(out: &mut Outputs, sources: &[Source]) -> Result<(), serde_json::Error> {
    let pages: Vec<&[Source]> = if sources.is_empty() { vec![&[]] } else { sources.chunks(PAGE_SIZE).collect() };
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let next = (n < pages.len()).then(|| paths::api_index_page(n + 1));
        let json = IndexPage { version: 1, items: page.iter().map(|s| &s.article.teaser).collect(), next };
        out.insert(format!("api/{}", paths::api_index_page(n)), serde_json::to_vec(&json)?);
    }
    for s in sources {
        out.insert(paths::api_article("api", &s.article.teaser.slug), s.raw.clone());
    }
    Ok(())
}

/// A page of the site in the content format (`api/pages/{slug}.json`): the app shows it like an
/// article's body, so its text lives with the content, not in the app's download. Returns what
/// it wrote.
pub fn write_page(out: &mut Outputs, page: &Article) -> Result<Vec<u8>, serde_json::Error> {
    let json = serde_json::to_vec(page)?;
    out.insert(paths::api_page("api", page.teaser.slug.as_str()), json.clone());
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_article;
    use crate::core::site::{Contact, Site};
    use crate::core::statement;

    #[test]
    fn a_page_reads_back_through_the_apps_decoder_as_it_was() {
        let site =
            Site { contact: Contact { email: Some("a@b.example".into()), ..Contact::default() }, ..Site::default() };
        let page = statement::page(&site).expect("the statement's slug and date are well-formed");
        let mut out = Outputs::in_memory();
        write_page(&mut out, &page).unwrap();
        let read =
            decode_article(std::str::from_utf8(out.get("api/pages/barrierefreiheit.json").unwrap()).unwrap()).unwrap();
        assert_eq!(read, page);
    }

    #[test]
    fn an_index_page_reads_back_through_the_apps_decoder() {
        let page = statement::page(&Site::default()).unwrap();
        let mut teaser = page.teaser.clone();
        teaser.kicker = Some("Kicker".into());
        teaser.tags = vec!["Verkehr".into()];
        teaser.image = Some(crate::core::model::Image {
            src: "/media/a.jpg".into(),
            alt: "Ein Markt".into(),
            credit: Some("Stadt".into()),
            width: Some(800),
            height: Some(600),
            srcset: vec![crate::core::model::Variant { src: "/media/a-400.jpg".into(), width: 400 }],
            ..Default::default()
        });
        let json = serde_json::to_string(&IndexPage { version: 1, items: vec![&teaser], next: None }).unwrap();
        let read = crate::core::decode::decode_index(&json).unwrap();
        assert!(read.skipped.is_empty());
        assert_eq!(read.index.items.len(), 1);
        assert_eq!(*read.index.items[0], teaser);
    }
}
