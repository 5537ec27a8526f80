//! Property tests of filtering, facets, paging and related news over generated indexes.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use newsroom::core::catalog::{Catalog, CatalogBuilder, Query};
use newsroom::core::listing::{related, NewestWithTags, RelatedIndex};
use newsroom::core::model::{Article, Body, Teaser};
use proptest::prelude::*;
use std::sync::Arc;
use support::teaser;

const TAGS: [&str; 5] = ["Familie", "Integration", "Kultur", "Rat", "Sport"];

fn arb_teaser() -> impl Strategy<Value = Arc<Teaser>> {
    (0u32..40, 0i64..100_000, proptest::collection::vec(0usize..5, 0..4), "[a-zäöüß ]{0,12}").prop_map(
        |(slug, minutes, tags, headline)| {
            let tags: Vec<&str> = tags.into_iter().map(|i| TAGS[i]).collect();
            let ts = chrono::DateTime::from_timestamp(1_760_000_000 + minutes * 60, 0).unwrap().fixed_offset();
            let mut t = teaser(&format!("n{slug}"), &ts.to_rfc3339(), &tags);
            t.headline = headline;
            Arc::new(t)
        },
    )
}

fn arb_query() -> impl Strategy<Value = Query> {
    (proptest::collection::vec(0usize..5, 0..3), "[a-zäöüß]{0,3}").prop_map(|(tags, text)| Query {
        tags: tags.into_iter().map(|i| TAGS[i].to_owned()).collect(),
        text,
        newest: false,
    })
}

proptest! {
    #[test]
    fn the_topics_offered_are_the_busiest_and_the_chosen(
        items in proptest::collection::vec(arb_teaser(), 0..60),
        query in arb_query(),
        limit in 0usize..6,
    ) {
        let outcome = Catalog::new(&[&items]).search(&query);
        let (shown, left_out) = outcome.shown_facets(limit);
        let f = &outcome.facets;
        // The plain definition: all if they fit; else the `limit` with most news (ties in
        // alphabetical order), plus the chosen, in alphabetical order.
        let want: Vec<usize> = if f.len() <= limit {
            (0..f.len()).collect()
        } else {
            let mut ranked: Vec<usize> = (0..f.len()).filter(|&i| f[i].count > 0).collect();
            ranked.sort_by(|&a, &b| f[b].count.cmp(&f[a].count).then(a.cmp(&b)));
            ranked.truncate(limit);
            (0..f.len()).filter(|i| ranked.contains(i) || f[*i].chosen).collect()
        };
        let got: Vec<usize> = shown.iter().map(|s| f.iter().position(|x| std::ptr::eq(x, *s)).unwrap()).collect();
        prop_assert_eq!(&got, &want);
        let with_news = f.iter().filter(|x| x.count > 0).count();
        prop_assert_eq!(left_out, with_news - want.iter().filter(|&&i| f[i].count > 0).count());
    }

    #[test]
    fn the_widgets_list_is_the_catalogs_first_hits(
        items in proptest::collection::vec(arb_teaser(), 0..60),
        query in arb_query(),
        limit in 1usize..8,
        step in 1usize..20,
    ) {
        let c = Catalog::new(&[&items]);
        let want: Vec<String> = c.search(&Query { tags: query.tags.clone(), ..Query::default() })
            .hits.iter().take(limit).map(|&i| c.items[i].slug.to_string()).collect();
        let mut list = NewestWithTags::new(&items, &query.tags, limit);
        while !list.step(step) {}
        let got: Vec<String> = list.finish().iter().map(|t| t.slug.to_string()).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn everything_prepared_in_steps_is_the_empty_search(
        items in proptest::collection::vec(arb_teaser(), 0..60),
        step in 1usize..20,
    ) {
        let mut builder = CatalogBuilder::new(&[&items]);
        while !builder.step(step) {}
        let c = builder.finish();
        prop_assert_eq!(&*c.everything(), &c.search(&Query::default()));
    }

    #[test]
    fn every_hit_carries_every_chosen_tag(items in proptest::collection::vec(arb_teaser(), 0..60), query in arb_query()) {
        let c = Catalog::new(&[&items]);
        for &i in &c.search(&query).hits {
            for tag in &query.tags {
                prop_assert!(c.items[i].tags.contains(tag));
            }
        }
    }

    #[test]
    fn a_facet_count_is_the_result_size_after_choosing_it(items in proptest::collection::vec(arb_teaser(), 0..60), query in arb_query()) {
        let c = Catalog::new(&[&items]);
        let outcome = c.search(&query);
        for facet in &outcome.facets {
            let mut with = query.clone();
            if !with.tags.iter().any(|t| *t == *facet.tag) {
                with.tags.push(facet.tag.to_string());
            }
            prop_assert_eq!(facet.count, c.search(&with).hits.len(), "tag {}", facet.tag);
        }
    }

    #[test]
    fn results_are_newest_first_and_unique(items in proptest::collection::vec(arb_teaser(), 0..60), query in arb_query()) {
        let c = Catalog::new(&[&items]);
        let hits = c.search(&query).hits;
        for pair in hits.windows(2) {
            prop_assert!(c.items[pair[0]].published >= c.items[pair[1]].published);
            prop_assert!(c.items[pair[0]].slug != c.items[pair[1]].slug);
        }
        // The same input gives the same order, whatever the file's order.
        let mut reversed = items.clone();
        reversed.reverse();
        let again = Catalog::new(&[&reversed]);
        let a: Vec<_> = c.items.iter().map(|t| (t.slug.clone(), t.published)).collect();
        let b: Vec<_> = again.items.iter().map(|t| (t.slug.clone(), t.published)).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn related_never_includes_the_article_and_respects_the_limit(
        items in proptest::collection::vec(arb_teaser(), 1..60),
        picks in proptest::collection::vec(0u32..45, 0..6),
        limit in 0usize..20,
    ) {
        let current = Teaser::clone(&items[0]);
        let article = Article {
            teaser: current, updated: None, language: None, keywords: vec![], body: Body::default(), related: picks.iter().map(|p| format!("n{p}")).collect(), contacts: vec![], corrections: vec![],
        };
        // Unordered, with repeated slugs, as pages of an index may come: through the catalog, as the app does.
        let catalog = Catalog::new(&[&items]);
        let shown = related(&article, &catalog.items, limit);
        prop_assert!(shown.len() <= limit);
        prop_assert!(shown.iter().all(|t| t.slug != article.teaser.slug));
        let mut slugs: Vec<_> = shown.iter().map(|t| t.slug.clone()).collect();
        slugs.sort();
        slugs.dedup();
        prop_assert_eq!(slugs.len(), shown.len(), "no duplicates");
        // The same as the plain definition: picks, then the rest sorted (stably) by shared tags.
        let mut expected: Vec<&Arc<Teaser>> = Vec::new();
        for pick in &article.related {
            if let Some(t) = catalog.items.iter().find(|t| t.slug.as_str() == pick) {
                if t.slug != article.teaser.slug && !expected.iter().any(|e| e.slug == t.slug) {
                    expected.push(t);
                }
            }
        }
        let mut rest: Vec<&Arc<Teaser>> = catalog.items.iter()
            .filter(|t| t.slug != article.teaser.slug && !expected.iter().any(|e| e.slug == t.slug)).collect();
        rest.sort_by_key(|t| std::cmp::Reverse(t.tags.iter().filter(|tag| article.teaser.tags.contains(tag)).count()));
        let picked = expected.len();
        expected.extend(rest);
        expected.truncate(limit);
        // The part that is not picked is shown newest first.
        expected[picked.min(limit)..].sort_by(|a, b| newsroom::core::listing::newer_first(a, b));
        let expected: Vec<_> = expected.iter().map(|t| t.slug.clone()).collect();
        let got: Vec<_> = shown.iter().map(|t| t.slug.clone()).collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn related_for_many_articles_is_related_for_each(
        items in proptest::collection::vec(arb_teaser(), 1..60),
        articles in proptest::collection::vec((0usize..60, proptest::collection::vec(0u32..45, 0..6)), 1..12),
        limit in 0usize..20,
    ) {
        // One index for a whole collection, asked for article after article (with more picks
        // later than earlier, so cached rankings must grow): each answer as `related` gives it.
        let catalog = Catalog::new(&[&items]);
        let mut index = RelatedIndex::new(&catalog.items);
        for (at, picks) in articles {
            let current = Teaser::clone(&catalog.items[at % catalog.items.len()]);
            let article = Article {
                teaser: current, updated: None, language: None, keywords: vec![], body: Body::default(),
                related: picks.iter().map(|p| format!("n{p}")).collect(), contacts: vec![], corrections: vec![],
            };
            let slugs = |v: Vec<&Arc<Teaser>>| v.iter().map(|t| t.slug.clone()).collect::<Vec<_>>();
            prop_assert_eq!(slugs(index.related(&article, limit)), slugs(related(&article, &catalog.items, limit)));
        }
    }
}
