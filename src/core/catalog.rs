//! The loaded news, prepared once for fast filtering: newest first, deduplicated by slug, with
//! each entry's search text folded and its tags as small integers. Filtering, facet counts and
//! paging are then one pass over plain arrays, also for tens of thousands of entries.

use super::listing::newer_first;
use super::model::Teaser;
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
    pub tags: Vec<String>,
    entries: Vec<Entry>,
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
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.text.trim().is_empty()
    }
}

/// A tag filter with the size the result would have if it were chosen too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    pub tag: String,
    pub count: usize,
    pub chosen: bool,
}

/// The outcome of a query: positions into `Catalog::items`, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub hits: Vec<usize>,
    pub facets: Vec<Facet>,
    /// Chosen tags that no loaded entry carries (e.g. from an old link).
    pub unknown_tags: Vec<String>,
}

impl Catalog {
    pub fn new(pages: &[&[Arc<Teaser>]]) -> Catalog {
        let mut builder = CatalogBuilder::new(pages);
        while !builder.step(usize::MAX) {}
        builder.finish()
    }

    /// Entries carrying every chosen tag and containing every word of the text, with facet counts.
    pub fn search(&self, query: &Query) -> Outcome {
        let mut chosen: Vec<u32> = Vec::new();
        let mut unknown_tags = Vec::new();
        for tag in &query.tags {
            match self.tags.iter().position(|t| t == tag) {
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

/// Builds a catalog a slice of entries at a time (the search text of each is prepared here),
/// so that tens of thousands of entries never block the page for long.
pub struct CatalogBuilder {
    catalog: Catalog,
    tag_id: HashMap<String, u32>,
}

impl CatalogBuilder {
    /// Orders and deduplicates the entries and collects the tags (one pass).
    pub fn new(pages: &[&[Arc<Teaser>]]) -> CatalogBuilder {
        let all: Vec<&Arc<Teaser>> = pages.iter().flat_map(|p| p.iter()).collect();
        let mut ordered = all;
        ordered.sort_by(|a, b| newer_first(a, b));
        let mut seen = HashSet::new();
        let items: Vec<Arc<Teaser>> = ordered.into_iter().filter(|t| seen.insert(&t.slug)).cloned().collect();

        let mut tags: Vec<String> = items.iter().flat_map(|t| t.tags.iter().cloned()).collect::<HashSet<_>>().into_iter().collect();
        tags.sort_by_cached_key(|t| (fold(t), t.clone()));
        let tag_id = tags.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        let entries = Vec::with_capacity(items.len());
        CatalogBuilder { catalog: Catalog { items, tags, entries }, tag_id }
    }

    /// Prepares up to `n` more entries; `true` when all are done.
    pub fn step(&mut self, n: usize) -> bool {
        let c = &mut self.catalog;
        let from = c.entries.len();
        let to = from.saturating_add(n).min(c.items.len());
        for t in &c.items[from..to] {
            let mut ids: Vec<u32> = t.tags.iter().map(|tag| self.tag_id[tag.as_str()]).collect();
            ids.sort_unstable();
            ids.dedup();
            let mut haystack = String::with_capacity(t.headline.len() + t.lead.as_ref().map_or(0, String::len) + 32);
            fold_into(&mut haystack, &t.headline);
            for part in [&t.lead, &t.kicker].into_iter().flatten().chain(&t.tags) {
                haystack.push('\n');
                fold_into(&mut haystack, part);
            }
            c.entries.push(Entry { haystack, tags: ids });
        }
        c.entries.len() == c.items.len()
    }

    pub fn finish(self) -> Catalog {
        self.catalog
    }
}

/// How many entries to show for `pages` pages ("?seite=2" shows 30), within `total`.
pub fn shown(pages: usize, total: usize) -> usize {
    pages.max(1).saturating_mul(PAGE_SIZE).min(total)
}

/// "8 Nachrichten zum Thema Familie", "1 Nachricht zu „Olympia“", …
pub fn result_summary(count: usize, query: &Query) -> String {
    let noun = if count == 1 { "Nachricht" } else { "Nachrichten" };
    let mut s = format!("{count} {noun}");
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

fn join_german(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::listing::tests::{arcs, teaser};

    fn sample() -> Catalog {
        let mut a = teaser("strasse", "2025-12-19T10:00:00+01:00", &["Verkehr", "Familie"]);
        a.headline = "Neue Straße für Hörde".into();
        let mut b = teaser("kita", "2025-12-18T10:00:00+01:00", &["Familie", "Bildung"]);
        b.lead = Some("Mehr Plätze in Kitas".into());
        let c = teaser("rat", "2025-12-17T10:00:00+01:00", &["Rat"]);
        let dup = teaser("kita", "2025-12-18T10:00:00+01:00", &["Familie", "Bildung"]);
        Catalog::new(&[&arcs(vec![c, a]), &arcs(vec![b, dup])])
    }

    fn q(tags: &[&str], text: &str) -> Query {
        Query { tags: tags.iter().map(|s| s.to_string()).collect(), text: text.into() }
    }

    fn slugs(c: &Catalog, o: &Outcome) -> Vec<String> {
        o.hits.iter().map(|&i| c.items[i].slug.to_string()).collect()
    }

    #[test]
    fn newest_first_deduplicated_with_sorted_tags() {
        let c = sample();
        assert_eq!(slugs(&c, &c.search(&Query::default())), ["strasse", "kita", "rat"]);
        assert_eq!(c.tags, ["Bildung", "Familie", "Rat", "Verkehr"]);
    }

    #[test]
    fn tags_narrow_and_facets_count_the_result_if_added() {
        let c = sample();
        let o = c.search(&q(&["Familie"], ""));
        assert_eq!(slugs(&c, &o), ["strasse", "kita"]);
        let count = |tag: &str| o.facets.iter().find(|f| f.tag == tag).unwrap().count;
        assert_eq!((count("Bildung"), count("Familie"), count("Rat"), count("Verkehr")), (1, 2, 0, 1));
        assert!(o.facets.iter().find(|f| f.tag == "Familie").unwrap().chosen);
        assert_eq!(slugs(&c, &c.search(&q(&["Familie", "Bildung"], ""))), ["kita"]);
    }

    #[test]
    fn search_is_case_and_umlaut_tolerant_and_combines_with_tags() {
        let c = sample();
        assert_eq!(slugs(&c, &c.search(&q(&[], "strasse hoerde"))), ["strasse"]);
        assert_eq!(slugs(&c, &c.search(&q(&[], "KITAS"))), ["kita"]);
        assert_eq!(slugs(&c, &c.search(&q(&[], "bildung"))), ["kita"], "tags are searched");
        assert!(c.search(&q(&["Rat"], "kita")).hits.is_empty());
    }

    #[test]
    fn an_unknown_tag_gives_an_empty_result_and_is_reported() {
        let c = sample();
        let o = c.search(&q(&["Gibtsnicht"], ""));
        assert!(o.hits.is_empty());
        assert_eq!(o.unknown_tags, ["Gibtsnicht"]);
    }

    #[test]
    fn summaries_in_german() {
        assert_eq!(result_summary(8, &q(&["Familie"], "")), "8 Nachrichten zum Thema Familie");
        assert_eq!(result_summary(1, &q(&[], " Olympia ")), "1 Nachricht mit „Olympia“");
        assert_eq!(result_summary(2, &q(&["A", "B", "C"], "")), "2 Nachrichten zu den Themen A, B und C");
    }

    #[test]
    fn paging() {
        assert_eq!(shown(1, 100), 15);
        assert_eq!(shown(0, 100), 15);
        assert_eq!(shown(3, 40), 40);
        assert_eq!(shown(usize::MAX, 7), 7);
    }
}
