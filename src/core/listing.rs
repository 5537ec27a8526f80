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
    let is_taken = |out: &Vec<&Arc<Teaser>>, t: &Teaser| t.slug == article.slug || out.iter().any(|o| o.slug == t.slug);
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
        let shared = t.tags.iter().filter(|tag| article.tags.contains(tag)).count();
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::catalog::Catalog;
    use crate::core::model::{Body, Slug, Timestamp};

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

    fn article(slug: &str, tags: &[&str], related: &[&str]) -> Article {
        let t = teaser(slug, "2025-12-19T10:00:00+01:00", tags);
        Article {
            slug: t.slug,
            headline: t.headline,
            kicker: None,
            lead: None,
            published: t.published,
            updated: None,
            tags: t.tags,
            image: None,
            language: None,
            keywords: vec![],
            body: Body::default(),
            related: related.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn slugs(v: &[&Arc<Teaser>]) -> Vec<String> {
        v.iter().map(|t| t.slug.to_string()).collect()
    }

    #[test]
    fn newest_first_by_instant_not_file_order() {
        let items = arcs(vec![
            teaser("old", "2025-12-17T10:00:00+01:00", &[]),
            teaser("new", "2025-12-19T10:00:00+01:00", &[]),
            // 08:30 UTC = 09:30 +01:00: later than "mid" at 09:00 +01:00.
            teaser("utc", "2025-12-18T08:30:00Z", &[]),
            teaser("mid", "2025-12-18T09:00:00+01:00", &[]),
        ]);
        let mut ordered: Vec<&Arc<Teaser>> = items.iter().collect();
        ordered.sort_by(|a, b| newer_first(a, b));
        assert_eq!(slugs(&ordered), ["new", "utc", "mid", "old"]);
    }

    #[test]
    fn related_picks_then_shared_tags_then_recency() {
        let items = arcs(vec![
            teaser("self", "2025-12-19T10:00:00+01:00", &["A", "B"]),
            teaser("none-new", "2025-12-19T09:00:00+01:00", &["C"]),
            teaser("one-old", "2025-12-10T09:00:00+01:00", &["A"]),
            teaser("two", "2025-12-01T09:00:00+01:00", &["A", "B"]),
            teaser("one-new", "2025-12-18T09:00:00+01:00", &["B"]),
            teaser("pick", "2025-01-01T09:00:00+01:00", &[]),
        ]);
        // As the catalog holds them: newest first.
        let items = Catalog::new(&[&items]).items;
        let a = article("self", &["A", "B"], &["pick", "unknown", "self", "pick"]);
        assert_eq!(slugs(&related(&a, &items, 15)), ["pick", "two", "one-new", "one-old", "none-new"]);
        assert_eq!(slugs(&related(&a, &items, 2)), ["pick", "two"]);
    }
}
