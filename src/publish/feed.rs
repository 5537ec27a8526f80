//! Atom feeds (RFC 4287): all news, and one per tag. Entry ids are the articles' URLs, so they
//! stay the same across runs; `updated` is the article's own, so a run changes nothing unasked.

use super::html::escape;
use super::urls::Urls;
use crate::core::model::Article;

/// How many entries a feed carries (the newest).
pub const FEED_SIZE: usize = 50;

pub struct Feed<'a> {
    pub title: String,
    /// The feed's own URL (also its id).
    pub self_url: String,
    /// The page showing the same news.
    pub page_url: String,
    pub publisher: &'a str,
    pub language: &'a str,
}

/// The feed's XML; `articles` newest first.
pub fn atom(feed: &Feed, articles: &[&Article], urls: &Urls) -> String {
    let updated = articles.iter().map(|a| last_change(a)).max().unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", escape(feed.language)));
    x.push_str(&format!(
        "<id>{}</id>\n<title>{}</title>\n<updated>{updated}</updated>\n",
        escape(&feed.self_url),
        escape(&feed.title)
    ));
    x.push_str(&format!("<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", escape(&feed.self_url)));
    x.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&feed.page_url)));
    x.push_str(&format!("<author><name>{}</name></author>\n", escape(feed.publisher)));
    for a in articles.iter().take(FEED_SIZE) {
        let t = &a.teaser;
        let url = urls.article(&t.slug);
        x.push_str("<entry>\n");
        x.push_str(&format!(
            "<id>{}</id>\n<title>{}</title>\n",
            escape(&url),
            escape(crate::core::tidy::shown_headline(&t.headline))
        ));
        x.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&url)));
        x.push_str(&format!(
            "<published>{}</published>\n<updated>{}</updated>\n",
            t.published.to_rfc3339(),
            last_change(a)
        ));
        if let Some(lead) = &t.lead {
            x.push_str(&format!("<summary>{}</summary>\n", escape(lead)));
        }
        // The photo, once, in the width every reader shows (`src`: the publish step's JPEG).
        if let Some(href) = t.image.as_ref().and_then(|i| urls.image(&i.src)) {
            let kind = media_type(&href).map(|m| format!(" type=\"{m}\"")).unwrap_or_default();
            x.push_str(&format!("<link rel=\"enclosure\"{kind} href=\"{}\"/>\n", escape(&href)));
        }
        for tag in &t.tags {
            x.push_str(&format!("<category term=\"{0}\" label=\"{0}\"/>\n", escape(tag)));
        }
        // Also on each entry: readers show an entry's author, and entries travel alone.
        x.push_str(&format!("<author><name>{}</name></author>\n", escape(feed.publisher)));
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// An image's media type by its name's ending (`None`: left out, the reader looks).
fn media_type(url: &str) -> Option<&'static str> {
    let path = url.split(['?', '#']).next()?.to_ascii_lowercase();
    let ending = path.rsplit_once('.')?.1.to_owned();
    Some(match ending.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "avif" => "image/avif",
        _ => return None,
    })
}

/// When an article last changed: `updated`, or `published`.
pub fn last_change(a: &Article) -> String {
    a.updated.unwrap_or(a.teaser.published).to_rfc3339()
}
