//! Ordering of news: the list (newest first) and "Weitere Nachrichten" under an article.

use super::model::{Article, Teaser};
use super::sliced_sort::stable_sorted;
use std::collections::HashMap;
use std::sync::Arc;

/// How many items "Weitere Nachrichten" shows.
pub const RELATED_LIMIT: usize = 15;

/// The order of every news list: later `published` (the instant, whatever the offset) first,
/// ties by slug so the order is stable across reloads; the file's order is not trusted.
pub fn newer_first(a: &Teaser, b: &Teaser) -> std::cmp::Ordering {
    b.published.cmp(&a.published).then_with(|| a.slug.cmp(&b.slug))
}

/// "Weitere Nachrichten": the article's own picks first (in their order, unknown slugs skipped),
/// then the others that share the most tags (ties by recency), shown newest first — an order a
/// reader can see at a glance. Never the article itself.
/// `items` are newest first and each slug once, as `Catalog::items` are: one pass, no sorting,
/// also for an index of 100,000 entries. (Many articles of one collection: `RelatedIndex`.)
pub fn related<'a>(article: &Article, items: &'a [Arc<Teaser>], limit: usize) -> Vec<&'a Arc<Teaser>> {
    RelatedIndex::new(items).related(article, limit)
}

/// `related` for many articles of one collection (the publish step: every article's page). The
/// same result as `related`, without a pass over every entry for every article: picks are found
/// by slug, and the ranking by shared tags depends only on the article's set of tags, so it is
/// computed once per set (a newsroom has far fewer tag sets than articles).
pub struct RelatedIndex<'a> {
    items: &'a [Arc<Teaser>],
    by_slug: HashMap<&'a str, usize>,
    /// Per tag set: for each number of shared tags, the newest entries (positions in `items`),
    /// and how many each level was allowed to hold.
    rankings: HashMap<Vec<String>, (Vec<Vec<usize>>, usize)>,
}

impl<'a> RelatedIndex<'a> {
    /// `items` newest first, each slug once (as `Catalog::items` and the publish step's are).
    pub fn new(items: &'a [Arc<Teaser>]) -> RelatedIndex<'a> {
        let by_slug = items.iter().enumerate().map(|(i, t)| (t.slug.as_str(), i)).collect();
        RelatedIndex { items, by_slug, rankings: HashMap::new() }
    }

    pub fn related(&mut self, article: &Article, limit: usize) -> Vec<&'a Arc<Teaser>> {
        let items = self.items;
        let mut out: Vec<&Arc<Teaser>> = Vec::with_capacity(limit);
        let is_taken =
            |out: &Vec<&Arc<Teaser>>, t: &Teaser| t.slug == article.teaser.slug || out.iter().any(|o| o.slug == t.slug);
        for pick in &article.related {
            if out.len() == limit {
                return out;
            }
            if let Some(&i) = self.by_slug.get(pick.as_str()) {
                if !is_taken(&out, &items[i]) {
                    out.push(&items[i]);
                }
            }
        }
        // Each level must hold `limit` entries besides the ones already taken.
        let cap = limit + 1 + out.len();
        let mut key: Vec<String> = stable_sorted(article.teaser.tags.clone(), |a, b| a.cmp(b));
        key.dedup();
        let fresh = self.rankings.get(&key).is_none_or(|(_, held)| *held < cap);
        if fresh {
            let mut levels: Vec<Vec<usize>> = Vec::new();
            for (i, t) in items.iter().enumerate() {
                let shared = t.tags.iter().filter(|tag| key.binary_search(tag).is_ok()).count();
                if levels.len() <= shared {
                    levels.resize_with(shared + 1, Vec::new);
                }
                if levels[shared].len() < cap {
                    levels[shared].push(i);
                }
            }
            self.rankings.insert(key.clone(), (levels, cap));
        }
        let (levels, _) = &self.rankings[&key];
        let room = limit - out.len();
        let mut rest = Vec::with_capacity(room);
        for level in levels.iter().rev() {
            for &i in level {
                if rest.len() == room {
                    break;
                }
                if !is_taken(&out, &items[i]) {
                    rest.push(&items[i]);
                }
            }
        }
        out.extend(stable_sorted(rest, |a, b| newer_first(a, b)));
        out
    }
}

/// The widget's list: the newest `limit` entries carrying every tag in `tags` — what
/// `Catalog::search` shows first for these tags, without preparing a whole catalog (no search
/// text, no topic order: the widget needs neither, and its download stays small). Fed a slice
/// at a time (`step`), so a 100,000-entry index never blocks the host page for long.
pub struct NewestWithTags<'a> {
    items: &'a [Arc<Teaser>],
    tags: &'a [String],
    limit: usize,
    /// Per slug the position of its newest entry (on a tie, the first): the one shown.
    newest: HashMap<&'a str, usize>,
    /// Positions done in the first pass (finding the newest) and in the second (choosing).
    found: usize,
    chosen: usize,
    /// The newest matching entries so far, newest first, at most `limit`.
    out: Vec<usize>,
}

impl<'a> NewestWithTags<'a> {
    pub fn new(items: &'a [Arc<Teaser>], tags: &'a [String], limit: usize) -> NewestWithTags<'a> {
        let newest = HashMap::with_capacity(items.len());
        NewestWithTags { items, tags, limit, newest, found: 0, chosen: 0, out: Vec::with_capacity(limit + 1) }
    }

    /// Goes through up to `n` more entries; `true` when the list is complete.
    pub fn step(&mut self, n: usize) -> bool {
        let items = self.items;
        if self.found < items.len() {
            let to = self.found.saturating_add(n).min(items.len());
            for (i, t) in items.iter().enumerate().take(to).skip(self.found) {
                let shown = self.newest.entry(t.slug.as_str()).or_insert(i);
                if newer_first(t, &items[*shown]).is_lt() {
                    *shown = i;
                }
            }
            self.found = to;
            return false;
        }
        let to = self.chosen.saturating_add(n).min(items.len());
        for (i, t) in items.iter().enumerate().take(to).skip(self.chosen) {
            if self.newest.get(t.slug.as_str()) != Some(&i) || !self.tags.iter().all(|tag| t.tags.contains(tag)) {
                continue;
            }
            let at = self.out.partition_point(|&o| newer_first(&items[o], t).is_lt());
            if at < self.limit {
                self.out.insert(at, i);
                self.out.truncate(self.limit);
            }
        }
        self.chosen = to;
        self.chosen == items.len()
    }

    /// The entries, newest first.
    pub fn finish(mut self) -> Vec<Arc<Teaser>> {
        while !self.step(usize::MAX) {}
        self.out.iter().map(|&i| self.items[i].clone()).collect()
    }
}
