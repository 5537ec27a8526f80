//! The loaded news, prepared once for fast filtering: newest first, deduplicated by slug, with
//! each entry's search text folded and its tags as small integers. Filtering, facet counts and
//! paging are then one pass over plain arrays, also for tens of thousands of entries.

use super::listing::newer_first;
use super::model::Teaser;
use super::sliced_sort::{sort_positions, stable_sorted, SlicedSort};
use super::text::{fold, fold_into};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How many entries one page of the list adds ("Mehr Nachrichten").
pub const PAGE_SIZE: usize = 15;

#[derive(Debug, Default)]
pub struct Catalog {
    /// Newest first.
    pub items: Vec<Arc<Teaser>>,
    /// Every tag, in alphabetical order (German: folded).
    pub tags: Vec<Arc<str>>,
    entries: Vec<Entry>,
    /// The outcome of the empty query (all news, every topic's count), prepared with the catalog:
    /// the list's first view needs it at once, and with 100,000 topics it is not free.
    everything: Arc<Outcome>,
}

#[derive(Debug)]
struct Entry {
    haystack: String,
    tags: Vec<u32>,
}

/// What the reader asked for: every chosen tag, and free text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub tags: Vec<String>,
    pub text: String,
    /// A text search newest first, not by relevance (`?sortierung=neueste`).
    pub newest: bool,
}

impl Query {
    /// A query from a URL's parameters: each tag once (`?tag=A&tag=A` is one chosen tag, so one
    /// tap on its chip removes it).
    pub fn new(tags: Vec<String>, text: String) -> Query {
        let mut seen = HashSet::new();
        Query { tags: tags.into_iter().filter(|t| seen.insert(t.clone())).collect(), text, newest: false }
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.text.trim().is_empty()
    }
}

/// A tag filter with the size the result would have if it were chosen too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// Shared with the catalog: a search makes one facet per tag without copying its name.
    pub tag: Arc<str>,
    pub count: usize,
    pub chosen: bool,
}

/// The outcome of a query: positions into `Catalog::items`, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub hits: Vec<usize>,
    pub facets: Vec<Facet>,
    /// Chosen tags that no loaded entry carries (e.g. from an old link).
    pub unknown_tags: Vec<String>,
}

/// How many topics the filter shows at most: a newsroom has dozens, an archive some hundreds; an
/// index with thousands of distinct tags (a CMS exporting free keywords as tags) must not become
/// thousands of buttons (100,000 of them froze the list for 13 s).
pub const TOPICS_SHOWN: usize = 500;

impl Outcome {
    /// The topics to offer, in alphabetical order: all of them up to `limit`; beyond that the
    /// chosen ones and the `limit` with the most news (ties alphabetical). Also how many topics
    /// carrying news are left out (the search still finds them: tags are searched).
    pub fn shown_facets(&self, limit: usize) -> (Vec<&Facet>, usize) {
        if self.facets.len() <= limit {
            return (self.facets.iter().collect(), 0);
        }
        let facets = &self.facets;
        // Without sorting (100,000 topics, at every keystroke): the counts' histogram gives the
        // lowest count `least` all of whose topics fit, and how many of the next count still do.
        let max = facets.iter().map(|f| f.count).max().unwrap_or(0);
        let mut with_count = vec![0usize; max + 1];
        for f in facets.iter().filter(|f| f.count > 0) {
            with_count[f.count] += 1;
        }
        let (mut least, mut taken) = (max + 1, 0);
        while least > 1 && taken + with_count[least - 1] <= limit {
            least -= 1;
            taken += with_count[least];
        }
        // Of the topics with one news less, the first in alphabetical order fill the rest.
        let mut room = if least > 1 { limit - taken } else { 0 };
        let mut shown = Vec::new();
        let mut left_out = 0;
        for f in facets {
            let fills = f.count > 0 && f.count + 1 == least && room > 0;
            if fills {
                room -= 1;
            }
            if f.count >= least || fills || f.chosen {
                shown.push(f);
            } else if f.count > 0 {
                left_out += 1;
            }
        }
        (shown, left_out)
    }
}

/// "87 weitere Themen …": the note under a shortened topic filter.
pub fn topics_left_out(n: usize) -> String {
    match n {
        1 => "Ein weiteres Thema ist hier nicht aufgeführt; die Suche findet es.".to_owned(),
        n => format!("{n} weitere Themen sind hier nicht aufgeführt; die Suche findet sie."),
    }
}

impl Catalog {
    pub fn new(pages: &[&[Arc<Teaser>]]) -> Catalog {
        let mut builder = CatalogBuilder::new(pages);
        while !builder.step(usize::MAX) {}
        builder.finish()
    }

    /// All news with every topic's count: `search` of the empty query, made once.
    pub fn everything(&self) -> Arc<Outcome> {
        self.everything.clone()
    }

    /// Entries carrying every chosen tag and containing every word of the text, with facet counts.
    pub fn search(&self, query: &Query) -> Outcome {
        let mut chosen: Vec<u32> = Vec::new();
        let mut unknown_tags = Vec::new();
        for tag in &query.tags {
            match self.tags.iter().position(|t| **t == **tag) {
                Some(i) => chosen.push(i as u32),
                None => unknown_tags.push(tag.clone()),
            }
        }
        let words: Vec<String> = fold(&query.text).split_whitespace().map(str::to_owned).collect();
        let mut counts = vec![0usize; self.tags.len()];
        let mut hits = Vec::new();
        if unknown_tags.is_empty() {
            for (i, e) in self.entries.iter().enumerate() {
                if chosen.iter().all(|c| e.tags.binary_search(c).is_ok())
                    && words.iter().all(|w| e.haystack.contains(w.as_str()))
                {
                    hits.push(i);
                    for &t in &e.tags {
                        counts[t as usize] += 1;
                    }
                }
            }
        }
        let facets = self
            .tags
            .iter()
            .zip(counts)
            .enumerate()
            .map(|(i, (tag, count))| Facet { tag: tag.clone(), count, chosen: chosen.contains(&(i as u32)) })
            .collect();
        Outcome { hits, facets, unknown_tags }
    }
}

impl Catalog {
    /// The facets of a search made elsewhere (the full-text index, which knows the whole archive):
    /// every topic of this catalog with the index's count (0 if it found none), and the topics
    /// only the index knows, in the catalog's order (German, folded). No hits: the index has them.
    pub fn outcome_of(&self, counts: &[(String, usize)], chosen: &[String]) -> Outcome {
        // The index's topics by name, looked up by binary search (no hashing code in the wasm).
        let mut by_name: Vec<u32> = (0..counts.len() as u32).collect();
        sort_positions(&mut by_name, &|a, b| counts[a as usize].0.cmp(&counts[b as usize].0));
        let find = |tag: &str| by_name.binary_search_by(|&i| counts[i as usize].0.as_str().cmp(tag)).ok();
        let is_chosen = |tag: &str| chosen.iter().any(|c| c == tag);
        let mut known = vec![false; counts.len()];
        let mut facets: Vec<Facet> = self
            .tags
            .iter()
            .map(|t| {
                let count = find(t).map_or(0, |k| {
                    let i = by_name[k] as usize;
                    known[i] = true;
                    counts[i].1
                });
                Facet { tag: t.clone(), count, chosen: is_chosen(t) }
            })
            .collect();
        let before = facets.len();
        for ((tag, count), known) in counts.iter().zip(known) {
            if !known && (*count > 0 || is_chosen(tag)) {
                facets.push(Facet { tag: tag.as_str().into(), count: *count, chosen: is_chosen(tag) });
            }
        }
        if facets.len() > before {
            // Rare (topics older than the loaded news): one shared compiled sort, not another copy.
            let keys: Vec<String> = facets.iter().map(|f| fold(&f.tag)).collect();
            let mut order: Vec<u32> = (0..facets.len() as u32).collect();
            sort_positions(&mut order, &|a, b| {
                let (a, b) = (a as usize, b as usize);
                keys[a].cmp(&keys[b]).then_with(|| facets[a].tag.cmp(&facets[b].tag))
            });
            facets = order.iter().map(|&i| facets[i as usize].clone()).collect();
        }
        let unknown_tags = chosen.iter().filter(|c| !facets.iter().any(|f| *f.tag == ***c)).cloned().collect();
        Outcome { hits: Vec::new(), facets, unknown_tags }
    }
}

/// Builds a catalog a slice of entries at a time (deduplication, tag ids and the search text of
/// each entry happen in the steps), so that tens of thousands of entries never block the page
/// for long: only the ordering is done at once, in `new`.
/// Where a build is. Each phase goes a slice at a time (100,000 distinct tags must not block
/// the page), in this order.
enum Phase {
    /// The entries read, their tags given ids in the order first seen.
    Entries,
    /// The lookups freed, a map per step rather than in one piece at the end.
    FreeLookups,
    /// The tags put in alphabetical order (German: folded).
    SortTags(SlicedSort),
    /// The entries' tag ids renumbered to that order and the tags counted; the sort keys freed.
    Renumber,
    /// The empty query's facets made.
    Facets,
}

pub struct CatalogBuilder {
    /// Every entry of every page, newest first; a slug may still come twice.
    ordered: Vec<Arc<Teaser>>,
    done: usize,
    seen: HashSet<BySlug>,
    items: Vec<Arc<Teaser>>,
    entries: Vec<Entry>,
    /// Tags in the order first seen, their folded forms (the sort key, made in the steps) and
    /// their ids (sorted alphabetically in `finish`).
    tags: Vec<Arc<str>>,
    folded: Vec<String>,
    tag_id: TagIds,
    phase: Phase,
    /// Old id → new id, once the order is known; and how many entries are renumbered.
    new_id: Vec<u32>,
    renumbered: usize,
    /// The empty query's facets, counted while renumbering and made a slice at a time after.
    counts: Vec<usize>,
    facets: Vec<Facet>,
}

/// Tag ids by name, in maps that are never rehashed: when one is full the next one, twice its
/// size, takes the new tags. A single map's growth rehashed all 65,536 tags at once (an index
/// with 100,000 distinct tags: 10 ms natively in one step, several times that in a phone's
/// wasm); a lookup now asks at most a few maps (a newsroom with hundreds of topics: one).
#[derive(Default)]
struct TagIds(Vec<HashMap<Arc<str>, u32>>);

impl TagIds {
    fn get(&self, tag: &str) -> Option<u32> {
        self.0.iter().rev().find_map(|m| m.get(tag).copied())
    }

    fn insert(&mut self, tag: Arc<str>, id: u32) {
        let full = self.0.last().is_none_or(|m| m.len() == m.capacity());
        if full {
            let size = self.0.last().map_or(256, |m| m.capacity() * 2);
            self.0.push(HashMap::with_capacity(size));
        }
        if let Some(m) = self.0.last_mut() {
            m.insert(tag, id);
        }
    }
}

/// An entry compared by its slug, for deduplication without copying slugs.
struct BySlug(Arc<Teaser>);

impl PartialEq for BySlug {
    fn eq(&self, other: &Self) -> bool {
        self.0.slug == other.0.slug
    }
}

impl Eq for BySlug {}

impl std::hash::Hash for BySlug {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.slug.hash(state)
    }
}

impl CatalogBuilder {
    /// Orders the entries of all pages, newest first.
    pub fn new(pages: &[&[Arc<Teaser>]]) -> CatalogBuilder {
        let mut ordered: Vec<Arc<Teaser>> = pages.iter().flat_map(|p| p.iter().cloned()).collect();
        // Stable: of two entries with the same slug and time, the one from the earlier page wins.
        ordered = stable_sorted(ordered, |a, b| newer_first(a, b));
        let n = ordered.len();
        CatalogBuilder {
            ordered,
            done: 0,
            seen: HashSet::with_capacity(n),
            items: Vec::with_capacity(n),
            entries: Vec::with_capacity(n),
            tags: Vec::new(),
            folded: Vec::new(),
            tag_id: TagIds::default(),
            phase: Phase::Entries,
            new_id: Vec::new(),
            renumbered: 0,
            counts: Vec::new(),
            facets: Vec::new(),
        }
    }

    /// Prepares up to `n` more entries (or the equivalent work of ordering the tags); `true`
    /// when all is done and `finish` is quick.
    pub fn step(&mut self, n: usize) -> bool {
        // Tags are cheaper than entries: more of them in a step.
        let wide = n.saturating_mul(20);
        match &mut self.phase {
            Phase::Entries => {
                self.step_entries(n);
                if self.done == self.ordered.len() {
                    self.phase = Phase::FreeLookups;
                }
            }
            Phase::FreeLookups => {
                if !self.seen.is_empty() {
                    self.seen = HashSet::new();
                } else if self.tag_id.0.pop().is_none() {
                    self.phase = Phase::SortTags(SlicedSort::new(self.tags.len()));
                }
            }
            Phase::SortTags(sort) => {
                let (folded, names) = (&self.folded, &self.tags);
                let cmp = |a: u32, b: u32| {
                    let (a, b) = (a as usize, b as usize);
                    folded[a].cmp(&folded[b]).then_with(|| names[a].cmp(&names[b]))
                };
                if sort.step(wide, cmp) {
                    let order = sort.take_order();
                    self.put_tags_in(order);
                    self.phase = Phase::Renumber;
                }
            }
            Phase::Renumber => {
                // The sort keys are freed a part per step too (100,000 strings).
                self.folded.truncate(self.folded.len().saturating_sub(wide));
                let to = self.renumbered.saturating_add(n).min(self.entries.len());
                for e in &mut self.entries[self.renumbered..to] {
                    for id in &mut e.tags {
                        *id = self.new_id[*id as usize];
                    }
                    sort_positions(&mut e.tags, &|a, b| a.cmp(&b));
                    e.tags.dedup();
                    for &id in &e.tags {
                        self.counts[id as usize] += 1;
                    }
                }
                self.renumbered = to;
                if self.renumbered == self.entries.len() && self.folded.is_empty() {
                    self.phase = Phase::Facets;
                }
            }
            Phase::Facets => {
                let from = self.facets.len();
                let to = from.saturating_add(wide).min(self.tags.len());
                let (tags, counts) = (&self.tags[from..to], &self.counts[from..to]);
                self.facets.extend(tags.iter().zip(counts).map(|(tag, &count)| Facet {
                    tag: tag.clone(),
                    count,
                    chosen: false,
                }));
                return self.facets.len() == self.tags.len();
            }
        }
        false
    }

    /// The tags in their sorted `order`, and each old id's new one.
    fn put_tags_in(&mut self, order: Vec<u32>) {
        self.new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            self.new_id[old as usize] = new as u32;
        }
        self.tags = order.iter().map(|&i| self.tags[i as usize].clone()).collect();
        self.counts = vec![0; self.tags.len()];
    }

    fn step_entries(&mut self, n: usize) {
        let to = self.done.saturating_add(n).min(self.ordered.len());
        for t in &self.ordered[self.done..to] {
            // The newest of entries with the same slug is the one shown.
            if !self.seen.insert(BySlug(t.clone())) {
                continue;
            }
            let mut ids: Vec<u32> = Vec::with_capacity(t.tags.len());
            for tag in &t.tags {
                let id = match self.tag_id.get(tag.as_str()) {
                    Some(id) => id,
                    None => {
                        let id = self.tags.len() as u32;
                        let tag: Arc<str> = tag.as_str().into();
                        self.folded.push(fold(&tag));
                        self.tags.push(tag.clone());
                        self.tag_id.insert(tag, id);
                        id
                    }
                };
                ids.push(id);
            }
            let mut haystack = String::with_capacity(t.headline.len() + t.lead.as_ref().map_or(0, String::len) + 32);
            fold_into(&mut haystack, &t.headline);
            for part in [&t.lead, &t.kicker].into_iter().flatten().chain(&t.tags) {
                haystack.push('\n');
                fold_into(&mut haystack, part);
            }
            self.items.push(t.clone());
            self.entries.push(Entry { haystack, tags: ids });
        }
        self.done = to;
    }

    /// The catalog, with its tags in alphabetical order (German: folded) and the ids renumbered.
    pub fn finish(mut self) -> Catalog {
        while !self.step(usize::MAX) {}
        let everything =
            Outcome { hits: (0..self.items.len()).collect(), facets: self.facets, unknown_tags: Vec::new() };
        Catalog { items: self.items, tags: self.tags, entries: self.entries, everything: Arc::new(everything) }
    }
}

/// How many entries to show for `pages` pages ("?seite=2" shows 30), within `total`.
pub fn shown(pages: usize, total: usize) -> usize {
    pages.max(1).saturating_mul(PAGE_SIZE).min(total)
}

/// "8 Nachrichten zum Thema Familie", "1 Nachricht zu „Olympia“", …
pub fn result_summary(count: usize, query: &Query) -> String {
    let mut s = match count {
        0 => "Keine Nachrichten".to_owned(),
        1 => "1 Nachricht".to_owned(),
        n => format!("{n} Nachrichten"),
    };
    match query.tags.len() {
        0 => {}
        1 => s.push_str(&format!(" zum Thema {}", query.tags[0])),
        _ => s.push_str(&format!(" zu den Themen {}", join_german(&query.tags))),
    }
    let text = query.text.trim();
    if !text.is_empty() {
        s.push_str(&format!(" mit „{text}“"));
    }
    s
}

/// The page title of a list view that shows a selection: "Familie – Nachrichten",
/// "Familie, Kultur · „Kita“ – Nachrichten"; empty for all news (the site's name alone).
pub fn list_title(query: &Query) -> String {
    let mut parts = Vec::new();
    if !query.tags.is_empty() {
        parts.push(query.tags.join(", "));
    }
    let text = query.text.trim();
    if !text.is_empty() {
        parts.push(format!("„{text}“"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{} – Nachrichten", parts.join(" · "))
    }
}

fn join_german(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    }
}
