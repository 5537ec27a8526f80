//! Ordering of news: newest first, and "Weitere Nachrichten" under an article.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use newsroom::core::catalog::Catalog;
use newsroom::core::listing::*;
use newsroom::core::model::{Article, Body, Teaser};
use std::sync::Arc;
use support::{arcs, teaser};

fn article(slug: &str, tags: &[&str], related: &[&str]) -> Article {
    Article {
        teaser: teaser(slug, "2025-12-19T10:00:00+01:00", tags),
        updated: None,
        language: None,
        keywords: vec![],
        body: Body::default(),
        related: related.iter().map(|s| s.to_string()).collect(),
        contacts: vec![],
        corrections: vec![],
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
    // Picks, then the ones sharing the most tags, newest first.
    assert_eq!(slugs(&related(&a, &items, 15)), ["pick", "none-new", "one-new", "one-old", "two"]);
    assert_eq!(slugs(&related(&a, &items, 2)), ["pick", "two"]);
    assert_eq!(slugs(&related(&a, &items, 3)), ["pick", "one-new", "two"]);
}
