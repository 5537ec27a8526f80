//! Ordering of news: the list (newest first) and "Weitere Nachrichten" under an article.

use super::model::{Article, Teaser};
use std::sync::Arc;

/// How many items "Weitere Nachrichten" shows.
pub const RELATED_LIMIT: usize = 15;

/// The order of every news list: later `published` (the instant, whatever the offset) first,
/// ties by slug so the order is stable across reloads; the file's order is not trusted.
pub fn newer_first(a: &Teaser, b: &Teaser) -> std::cmp::Ordering {
    b.published.cmp(&a.published).then_with(|| a.slug.cmp(&b.slug))
}

/// "Weitere Nachrichten": the article's own picks first (in their order, unknown slugs skipped),
/// then the others by number of shared tags, ties by recency. Never the article itself.
/// `items` are newest first and each slug once, as `Catalog::items` are: one pass, no sorting,
/// also for an index of 100,000 entries.
pub fn related<'a>(article: &Article, items: &'a [Arc<Teaser>], limit: usize) -> Vec<&'a Arc<Teaser>> {
    let mut out: Vec<&Arc<Teaser>> = Vec::with_capacity(limit);
    let is_taken =
        |out: &Vec<&Arc<Teaser>>, t: &Teaser| t.slug == article.teaser.slug || out.iter().any(|o| o.slug == t.slug);
    for pick in &article.related {
        if out.len() == limit {
            return out;
        }
        if let Some(t) = items.iter().find(|t| t.slug.as_str() == pick) {
            if !is_taken(&out, t) {
                out.push(t);
            }
        }
    }
    // The newest `limit` entries for each number of shared tags, then the buckets, most first.
    let mut by_shared: Vec<Vec<&Arc<Teaser>>> = Vec::new();
    for t in items {
        if is_taken(&out, t) {
            continue;
        }
        let shared = t.tags.iter().filter(|tag| article.teaser.tags.contains(tag)).count();
        if by_shared.len() <= shared {
            by_shared.resize_with(shared + 1, Vec::new);
        }
        if by_shared[shared].len() < limit {
            by_shared[shared].push(t);
        }
    }
    let room = limit - out.len();
    out.extend(by_shared.into_iter().rev().flatten().take(room));
    out
}
