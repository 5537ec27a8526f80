//! Builders shared by the native test files (`mod support;` in each).
#![allow(dead_code)] // each test file uses a part

use newsroom::core::model::{Slug, Teaser, Timestamp};
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
