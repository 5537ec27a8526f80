//! The app's own URLs, built in one place.

use super::model::Slug;

pub fn article(slug: &Slug) -> String {
    format!("/nachrichten/{slug}")
}

/// The list filtered by one tag: `/?tag=Familie`.
pub fn tag_filter(tag: &str) -> String {
    format!("/?tag={}", encode_query(tag))
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
}
