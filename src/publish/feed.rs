//! Atom feeds (RFC 4287): all news, and one per tag. Entry ids are the articles' URLs, so they
//! stay the same across runs; `updated` is the article's own, so a run changes nothing unasked.

use super::html::Html;
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

/// The feed's XML; `articles` newest first. Written by the escaping writer: text and attribute
/// values are escaped (and XML's forbidden characters replaced), element names are ours.
/// `body` gives an article's body as HTML (the app's own view of it), carried escaped in the
/// entry's `content`, with the article's address as the base of its relative links.
pub fn atom(feed: &Feed, articles: &[&Article], urls: &Urls, body: &mut dyn FnMut(&Article) -> String) -> String {
    // The latest instant (not the greatest string: offsets differ).
    let updated = articles
        .iter()
        .map(|a| a.last_change())
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |t| t.to_rfc3339());
    let mut x = Html::new();
    let atom = [("xmlns", Some("http://www.w3.org/2005/Atom")), ("xml:lang", Some(feed.language))];
    x.open("feed", &atom).newline();
    x.element("id", &[], &feed.self_url).element("title", &[], &feed.title).element("updated", &[], &updated);
    link(&mut x, "self", Some("application/atom+xml"), &feed.self_url);
    link(&mut x, "alternate", Some("text/html"), &feed.page_url);
    author(&mut x, feed.publisher);
    for a in articles.iter().take(FEED_SIZE) {
        let t = &a.teaser;
        let url = urls.article(&t.slug);
        x.open("entry", &[]).newline();
        x.element("id", &[], &url).element("title", &[], crate::core::tidy::shown_headline(&t.headline));
        link(&mut x, "alternate", Some("text/html"), &url);
        x.element("published", &[], &t.published.to_rfc3339()).element("updated", &[], &last_change(a));
        if let Some(lead) = &t.lead {
            x.element("summary", &[], lead);
        }
        x.element("content", &[("type", Some("html")), ("xml:base", Some(&url))], &body(a));
        // The photo, once, in the width every reader shows (`src`: the publish step's JPEG).
        if let Some(href) = t.image.as_ref().and_then(|i| urls.image(&i.src)) {
            link(&mut x, "enclosure", media_type(&href), &href);
        }
        for tag in &t.tags {
            x.empty("category", &[("term", Some(tag)), ("label", Some(tag))]).newline();
        }
        // Also on each entry: readers show an entry's author, and entries travel alone.
        author(&mut x, feed.publisher);
        x.close("entry").newline();
    }
    x.close("feed").newline();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{}", x.finish())
}

fn link(x: &mut Html, rel: &str, kind: Option<&str>, href: &str) {
    x.empty("link", &[("rel", Some(rel)), ("type", kind), ("href", Some(href))]).newline();
}

fn author(x: &mut Html, name: &str) {
    x.open("author", &[]).element("name", &[], name).close("author").newline();
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

/// When an article last changed (`updated`, a correction, or `published`), as RFC 3339.
pub fn last_change(a: &Article) -> String {
    a.last_change().to_rfc3339()
}
