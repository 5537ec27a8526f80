//! Builders shared by the native test files (`mod support;` in each).
#![allow(dead_code)] // each test file uses a part

use newsroom::core::model::{Block, Slug, Teaser, Timestamp};
use newsroom::core::safe_url::image_src;
use newsroom::core::tree::Node;
use std::sync::Arc;

pub fn arcs(items: Vec<Teaser>) -> Vec<Arc<Teaser>> {
    items.into_iter().map(Arc::new).collect()
}

pub fn teaser(slug: &str, published: &str, tags: &[&str]) -> Teaser {
    Teaser {
        slug: Slug::parse(slug).unwrap(),
        headline: slug.to_uppercase(),
        kicker: None,
        lead: None,
        published: Timestamp::parse(published).unwrap(),
        tags: tags.iter().map(|s| s.to_string()).collect(),
        image: None,
    }
}

/// The scheme a browser reads from an href (WHATWG URL: leading C0 controls and spaces are
/// trimmed, tabs and newlines anywhere removed), lower-cased; `None` for a relative URL.
pub fn browser_scheme(href: &str) -> Option<String> {
    let cleaned: String = href.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let s = cleaned.trim_start_matches(|c: char| c <= ' ');
    let end = s.find(':')?;
    let scheme = &s[..end];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Every href and src that rendering would use for `article`'s body: the links (`true`) and the
/// loaded sources (`false`) of each block's element tree (what the views draw: a gallery's
/// larger view shows its links' files, a video's player is named by its consent button), and
/// each image's source.
pub fn rendered_urls(blocks: &[Block]) -> Vec<(String, bool)> {
    fn urls(node: &Node, out: &mut Vec<(String, bool)>) {
        if let Node::Element(e) = node {
            out.extend(e.get("href").map(|h| (h.to_owned(), true)));
            out.extend(["src", "poster", "data-player"].iter().filter_map(|a| e.get(a)).map(|s| (s.to_owned(), false)));
            e.children.iter().for_each(|c| urls(c, out));
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        match (newsroom::core::tree::blocks::block(b), b) {
            (Some(nodes), _) => nodes.iter().for_each(|n| urls(n, &mut out)),
            (None, Block::Image(i)) => out.extend(image_src(&i.src).map(|s| (s, false))),
            (None, _) => {}
        }
    }
    out
}
