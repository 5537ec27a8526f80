//! The app's own URLs, built in one place.

use super::catalog::Query;
use super::model::Slug;

pub fn article(slug: &Slug) -> String {
    format!("/nachrichten/{slug}")
}

/// The list filtered by one tag: `/?tag=Familie`.
pub fn tag_filter(tag: &str) -> String {
    list(&Query { tags: vec![tag.to_owned()], ..Query::default() }, 1)
}

/// The names in the list's query (`?tag=A&tag=B&q=x&sortierung=neueste&seite=2`): built by
/// `list`, read back by `read_list`.
pub mod list_query {
    pub const TAG: &str = "tag";
    pub const TEXT: &str = "q";
    pub const SORT: &str = "sortierung";
    /// `SORT`'s value for newest first (relevance is the default, without the parameter).
    pub const NEWEST: &str = "neueste";
    /// How many pages of the list the reader has come.
    pub const PAGES: &str = "seite";
}

/// The list with a query and how many pages the reader has come: `/?tag=A&tag=B&q=x&seite=2`.
pub fn list(query: &Query, pages: usize) -> String {
    // The names of `list_query`, written out: one formatting argument less per part (the widget
    // links its list too, and every byte of it counts); the test reads every part back.
    let mut parts = tag_params(&query.tags);
    let text = query.text.trim();
    if !text.is_empty() {
        parts.push(format!("q={}", encode_query(text)));
        if query.newest {
            parts.push("sortierung=neueste".to_owned());
        }
    }
    if pages > 1 {
        parts.push(format!("seite={pages}"));
    }
    if parts.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{}", parts.join("&"))
    }
}

/// The embed page's parameter for one article (`/embed?artikel=SLUG`).
pub const EMBED_ARTICLE_PARAM: &str = "artikel";

/// The embed page of one article: its card (what an article's oEmbed frames).
pub fn embed_article(slug: &Slug) -> String {
    // A slug is a-z, 0-9 and "-" only: nothing to escape.
    format!("/embed?{EMBED_ARTICLE_PARAM}={slug}")
}

/// The embed page (`/embed`) showing `tags`, `limit` entries in `layout`: what the builder
/// previews and what its iframe snippet embeds, so the two cannot differ.
pub fn embed(tags: &[String], limit: usize, layout: Layout) -> String {
    let mut parts = tag_params(tags);
    parts.push(format!("limit={limit}"));
    parts.push(format!("layout={}", layout.name()));
    format!("/embed?{}", parts.join("&"))
}

/// The Atom feed of all news (written by the publish step).
pub const FEED_ALL: &str = "/feeds/nachrichten.xml";

/// The longest readable part of a topic feed's file name (ASCII).
const MAX_FEED_NAME: usize = 80;

/// The Atom feed of one tag: a readable name (`/feeds/thema-familie.xml`), with a short hash of
/// the exact tag where the readable form loses something ("Kinder & Jugend" and "Kinder, Jugend",
/// "Größe" and "Groesse" must not share a feed). The app links it and the publish step writes it: one rule for both.
pub fn tag_feed(tag: &str) -> String {
    let folded = super::text::fold(tag);
    let mut name = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    // Bounded whatever the tag (a file name has at most 255 bytes, and the publish step writes
    // beside it under a longer temporary name): a cut name carries the hash below.
    let cut = name.len() > MAX_FEED_NAME;
    let name = name[..name.len().min(MAX_FEED_NAME)].trim_matches('-');
    // Readable alone only where the name gives the tag back exactly ("Familie" ↔ familie):
    // then no other tag has the same name.
    let mut capitalized = name.to_owned();
    if let Some(first) = capitalized.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    if !cut && !name.is_empty() && tag == capitalized {
        format!("/feeds/thema-{name}.xml")
    } else {
        // FNV-1a: small, stable across runs and platforms.
        let hash = tag.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
        let name = if name.is_empty() { "thema".to_owned() } else { format!("thema-{name}") };
        format!("/feeds/{name}-{hash:08x}.xml")
    }
}

/// One `tag=` parameter per tag: the one form every URL of ours uses for tags.
fn tag_params(tags: &[String]) -> Vec<String> {
    tags.iter().map(|t| format!("tag={}", encode_query(t))).collect()
}

/// The list's query and pages read back from its URL; `values(name)` gives a parameter's
/// values as decoded (the browser's URLSearchParams, or natively the same rules).
pub fn read_list(values: impl Fn(&str) -> Vec<String>) -> (Query, usize) {
    use list_query::*;
    let first = |name| values(name).into_iter().next();
    let mut query = Query::new(values(TAG), first(TEXT).unwrap_or_default());
    query.newest = first(SORT).as_deref() == Some(NEWEST);
    let pages = first(PAGES).and_then(|s| s.parse::<usize>().ok()).unwrap_or(1);
    (query, pages)
}

/// The content API's files under its base `api` (`/api`, or a deployment's `newsroom:api`; the
/// publish step writes them under `api`): the index's first page. (public/boot.js preloads it
/// and an article by the same names.)
pub fn api_index(api: &str) -> String {
    format!("{api}/news.json")
}

/// The file of the index's page `n` (1: `api_index`'s), as a `next` link names it (relative to
/// the content API's base).
pub fn api_index_page(n: usize) -> String {
    if n == 1 {
        "news.json".to_owned()
    } else {
        format!("news-{n}.json")
    }
}

/// An article in the content API.
pub fn api_article(api: &str, slug: &Slug) -> String {
    format!("{api}/articles/{slug}.json")
}

/// A page of the site (the accessibility statement) in the content API.
pub fn api_page(api: &str, name: &str) -> String {
    format!("{api}/pages/{name}.json")
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn encode_query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The slug of an article's address (`/nachrichten/{slug}`, as `article` makes it), if it is one:
/// a full-text search result leads only to our own articles.
pub fn article_slug(url: &str) -> Option<crate::core::model::Slug> {
    crate::core::model::Slug::parse(url.strip_prefix("/nachrichten/")?.trim_end_matches('/'))
}

/// The reader's pages, by the path of their address: the one route table of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: the list (its filters are in the query).
    List,
    /// `/nachrichten/{slug}` (the slug is checked by the view: a wrong one is "not found").
    Article,
    /// `/barrierefreiheit`: the accessibility statement.
    Statement,
    NotFound,
}

impl Page {
    /// The page at `path` (an address's path, without query or fragment).
    pub fn at(path: &str) -> Page {
        match path {
            "/" => Page::List,
            "/barrierefreiheit" => Page::Statement,
            _ => match path.strip_prefix("/nachrichten/") {
                Some(slug) if !slug.is_empty() && !slug.contains('/') => Page::Article,
                _ => Page::NotFound,
            },
        }
    }

    /// The slug part of an article's path (still percent-encoded), if `path` is one.
    pub fn article_slug(path: &str) -> Option<&str> {
        (Page::at(path) == Page::Article).then(|| &path["/nachrichten/".len()..])
    }
}

/// How the widget and the embed page show news (`data-layout`, `layout=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    List,
    Cards,
}

impl Layout {
    /// The name in attributes and URLs (`data-layout`, `layout=`).
    pub fn name(self) -> &'static str {
        match self {
            Layout::List => "list",
            Layout::Cards => "cards",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Natively: the browser's decoding by the `url` crate (a native dependency).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_list_address_reads_back_as_its_query() {
        let decode = |url: &str| {
            let query = url.split_once('?').map_or("", |(_, q)| q).to_owned();
            move |name: &str| -> Vec<String> {
                url::form_urlencoded::parse(query.as_bytes())
                    .filter(|(n, _)| n == name)
                    .map(|(_, v)| v.into_owned())
                    .collect()
            }
        };
        let mut query = Query::new(vec!["Kinder & Jugend".into(), "Rat".into()], "Grundsteuer 2026".into());
        query.newest = true;
        let url = list(&query, 3);
        assert_eq!(url, "/?tag=Kinder%20%26%20Jugend&tag=Rat&q=Grundsteuer%202026&sortierung=neueste&seite=3");
        assert_eq!(read_list(decode(&url)), (query, 3));
        assert_eq!(read_list(decode("/?seite=x&sortierung=alt")), (Query::default(), 1));
    }

    #[test]
    fn the_route_table() {
        assert_eq!(Page::at("/"), Page::List);
        assert_eq!(Page::at("/nachrichten/kita-neubau"), Page::Article);
        assert_eq!(Page::article_slug("/nachrichten/kita-neubau"), Some("kita-neubau"));
        assert_eq!(Page::at("/barrierefreiheit"), Page::Statement);
        for other in ["", "/nachrichten/", "/nachrichten", "/nachrichten/a/b", "/index.html", "/feeds/x.xml", "/embed"]
        {
            assert_eq!(Page::at(other), Page::NotFound, "{other}");
            assert_eq!(Page::article_slug(other), None);
        }
    }

    #[test]
    fn only_article_addresses_lead_to_articles() {
        assert_eq!(article_slug("/nachrichten/kita-neubau").unwrap().as_str(), "kita-neubau");
        assert_eq!(article_slug("/nachrichten/kita-neubau/").unwrap().as_str(), "kita-neubau");
        assert!(article_slug("https://evil.example/nachrichten/x").is_none());
        assert!(article_slug("/nachrichten/../admin").is_none());
        assert!(article_slug("/nachrichten/").is_none());
    }

    #[test]
    fn tag_links_are_encoded() {
        assert_eq!(tag_filter("Familie"), "/?tag=Familie");
        assert_eq!(tag_filter("Kinder & Jugend"), "/?tag=Kinder%20%26%20Jugend");
        assert_eq!(tag_filter("Größe"), "/?tag=Gr%C3%B6%C3%9Fe");
    }

    #[test]
    fn list_urls_record_tags_text_and_pages() {
        let q = Query { tags: vec!["Familie".into(), "Integration".into()], text: " Kita ".into(), newest: false };
        assert_eq!(list(&q, 2), "/?tag=Familie&tag=Integration&q=Kita&seite=2");
        let newest = Query { newest: true, ..q.clone() };
        assert_eq!(list(&newest, 1), "/?tag=Familie&tag=Integration&q=Kita&sortierung=neueste");
        // Without text there is nothing to rank: the list is newest first anyway.
        assert_eq!(list(&Query { newest: true, ..Query::default() }, 1), "/");
        assert_eq!(list(&Query::default(), 1), "/");
        assert_eq!(list(&Query::default(), 3), "/?seite=3");
    }

    #[test]
    fn tag_feeds_are_readable_and_never_shared() {
        assert_eq!(tag_feed("Familie"), "/feeds/thema-familie.xml");
        assert_eq!(tag_feed("Stadtentwicklung"), "/feeds/thema-stadtentwicklung.xml");
        let (a, b) = (tag_feed("Kinder & Jugend"), tag_feed("Kinder, Jugend"));
        assert!(a.starts_with("/feeds/thema-kinder-jugend-") && b.starts_with("/feeds/thema-kinder-jugend-"));
        assert_ne!(a, b);
        assert_ne!(tag_feed("Größe"), tag_feed("Groesse"));
        assert_ne!(tag_feed("Familie"), tag_feed("familie"));
        assert!(tag_feed("<&>").starts_with("/feeds/thema-"));
        let long = "Sehr".repeat(60);
        let (a, b) = (tag_feed(&long), tag_feed(&format!("{long}x")));
        assert!(a.len() < 120 && b.len() < 120 && a != b, "{a} {b}");
    }

    #[test]
    fn embed_urls_carry_every_setting() {
        let tags = vec!["Familie".to_owned(), "Kinder, Jugend".to_owned()];
        assert_eq!(embed(&tags, 3, Layout::Cards), "/embed?tag=Familie&tag=Kinder%2C%20Jugend&limit=3&layout=cards");
        assert_eq!(embed(&[], 5, Layout::List), "/embed?limit=5&layout=list");
    }
}
