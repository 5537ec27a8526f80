//! The app's own URLs, built in one place.

use super::catalog::Query;
use super::model::Slug;

pub fn article(slug: &Slug) -> String {
    format!("/nachrichten/{slug}")
}

/// The list filtered by one tag: `/?tag=Familie`.
pub fn tag_filter(tag: &str) -> String {
    format!("/?tag={}", encode_query(tag))
}

/// The list with a query and how many pages the reader has come: `/?tag=A&tag=B&q=x&seite=2`.
pub fn list(query: &Query, pages: usize) -> String {
    let mut parts: Vec<String> = query.tags.iter().map(|t| format!("tag={}", encode_query(t))).collect();
    let text = query.text.trim();
    if !text.is_empty() {
        parts.push(format!("q={}", encode_query(text)));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_links_are_encoded() {
        assert_eq!(tag_filter("Familie"), "/?tag=Familie");
        assert_eq!(tag_filter("Kinder & Jugend"), "/?tag=Kinder%20%26%20Jugend");
        assert_eq!(tag_filter("Größe"), "/?tag=Gr%C3%B6%C3%9Fe");
    }

    #[test]
    fn list_urls_record_tags_text_and_pages() {
        let q = Query { tags: vec!["Familie".into(), "Integration".into()], text: " Kita ".into() };
        assert_eq!(list(&q, 2), "/?tag=Familie&tag=Integration&q=Kita&seite=2");
        assert_eq!(list(&Query::default(), 1), "/");
        assert_eq!(list(&Query::default(), 3), "/?seite=3");
    }
}
