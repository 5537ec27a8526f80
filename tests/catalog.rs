//! The catalog: filtering, facet counts, search and paging over the loaded news.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use newsroom::core::catalog::*;
use support::{arcs, teaser};

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
    Query { tags: tags.iter().map(|s| s.to_string()).collect(), text: text.into(), newest: false }
}

fn slugs(c: &Catalog, o: &Outcome) -> Vec<String> {
    o.hits.iter().map(|&i| c.items[i].slug.to_string()).collect()
}

#[test]
fn newest_first_deduplicated_with_sorted_tags() {
    let c = sample();
    assert_eq!(slugs(&c, &c.search(&Query::default())), ["strasse", "kita", "rat"]);
    assert_eq!(c.tags.iter().map(|t| &**t).collect::<Vec<_>>(), ["Bildung", "Familie", "Rat", "Verkehr"]);
}

#[test]
fn tags_narrow_and_facets_count_the_result_if_added() {
    let c = sample();
    let o = c.search(&q(&["Familie"], ""));
    assert_eq!(slugs(&c, &o), ["strasse", "kita"]);
    let count = |tag: &str| o.facets.iter().find(|f| &*f.tag == tag).unwrap().count;
    assert_eq!((count("Bildung"), count("Familie"), count("Rat"), count("Verkehr")), (1, 2, 0, 1));
    assert!(o.facets.iter().find(|f| &*f.tag == "Familie").unwrap().chosen);
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
    assert_eq!(result_summary(0, &q(&["Sport"], "xylophon")), "Keine Nachrichten zum Thema Sport mit „xylophon“");
}

#[test]
fn list_titles_say_what_is_shown() {
    assert_eq!(list_title(&q(&[], "")), "");
    assert_eq!(list_title(&q(&["Familie"], "")), "Familie – Nachrichten");
    assert_eq!(list_title(&q(&["Familie", "Kultur"], " Kita ")), "Familie, Kultur · „Kita“ – Nachrichten");
    assert_eq!(list_title(&q(&[], "Kita")), "„Kita“ – Nachrichten");
}

#[test]
fn paging() {
    assert_eq!(shown(1, 100), 15);
    assert_eq!(shown(0, 100), 15);
    assert_eq!(shown(3, 40), 40);
    assert_eq!(shown(usize::MAX, 7), 7);
}

#[test]
fn a_tag_repeated_in_the_url_is_chosen_once() {
    let q = Query::new(vec!["Test".into(), "Familie".into(), "Test".into()], "x".into());
    assert_eq!(q.tags, ["Test", "Familie"]);
}

#[test]
fn thousands_of_topics_are_cut_to_the_busiest_and_the_chosen() {
    // 500 tags: "T000" on one entry … the lower numbers on more entries; "Selten" chosen.
    let mut items = Vec::new();
    for i in 0..500 {
        let mut tags = vec![format!("T{i:03}")];
        if i < 50 {
            tags.push("Haeufig".to_owned());
        }
        items.push(teaser(
            &format!("a{i}"),
            "2025-12-19T10:00:00+01:00",
            &tags.iter().map(String::as_str).collect::<Vec<_>>(),
        ));
    }
    let catalog = Catalog::new(&[&arcs(items)]);
    let outcome = catalog.search(&Query::new(vec!["T499".into()], String::new()));
    let (shown, left_out) = outcome.shown_facets(10);
    let names: Vec<&str> = shown.iter().map(|f| &*f.tag).collect();
    // Only T499's entry matches: its one tag is the only one with news, and it is chosen.
    assert_eq!(names, ["T499"]);
    assert_eq!(left_out, 0);
    let outcome = catalog.search(&Query::default());
    let (shown, left_out) = outcome.shown_facets(10);
    assert_eq!(shown.len(), 10);
    assert_eq!(&*shown[0].tag, "Haeufig");
    // The rest: nine of the tags with one entry each, alphabetically first.
    assert_eq!(
        shown[1..].iter().map(|f| &*f.tag).collect::<Vec<_>>(),
        ["T000", "T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008"]
    );
    assert_eq!(left_out, 491);
    assert_eq!(topics_left_out(491), "491 weitere Themen sind hier nicht aufgeführt; die Suche findet sie.");
    let (all, none) = outcome.shown_facets(1000);
    assert_eq!((all.len(), none), (501, 0));
}

#[test]
fn a_full_text_search_counts_topics_of_the_whole_archive() {
    let c = sample();
    let counts = vec![("Familie".to_owned(), 2), ("Archivthema".to_owned(), 4), ("Leer".to_owned(), 0)];
    let o = c.outcome_of(&counts, &["Familie".to_owned(), "Weg".to_owned()]);
    let count = |tag: &str| o.facets.iter().find(|f| &*f.tag == tag).map(|f| (f.count, f.chosen));
    assert_eq!(count("Familie"), Some((2, true)));
    // Known topics the search did not find are offered with 0 (disabled), in the same place.
    assert!(c.tags.iter().all(|t| count(t).is_some()));
    assert_eq!(count("Archivthema"), Some((4, false)));
    // A topic neither the catalog nor the index has is not offered; a chosen one stays removable.
    assert_eq!(count("Leer"), None);
    assert_eq!(o.unknown_tags, ["Weg"]);
    let names: Vec<String> = o.facets.iter().map(|f| newsroom::core::text::fold(&f.tag)).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "alphabetical: {names:?}");
    assert!(o.hits.is_empty());
}

#[test]
fn a_catalog_built_step_by_step_has_every_tag_of_thousands_once() {
    // 3,000 distinct tags (the lookup spreads them over several maps), each entry with a tag of
    // its own and one shared with two others seen much earlier, and a slug twice.
    let items = arcs(
        (0..1_500)
            .map(|i| {
                let (own, shared) = (format!("Eigen {i:04}"), format!("Geteilt {:04}", i / 3));
                let slug = if i == 1_499 { "e0".to_owned() } else { format!("e{i}") };
                teaser(&slug, &format!("2025-12-19T10:{:02}:00+01:00", i % 60), &[&own, &shared, &shared])
            })
            .collect(),
    );
    let mut builder = CatalogBuilder::new(&[&items]);
    while !builder.step(7) {}
    let c = builder.finish();
    // The newer "e0" is shown: the older one's own tag is not offered.
    let mut want: Vec<String> = (1..1_500).map(|i| format!("Eigen {i:04}")).collect();
    want.extend((0..500).map(|i| format!("Geteilt {i:04}")));
    assert!(c.tags.iter().map(|t| t.to_string()).eq(want), "the tags, each once, in order");
    assert_eq!(c.items.len(), 1_499);
    for (tag, news) in [("Geteilt 0100", 3), ("Eigen 0042", 1), ("Geteilt 0000", 2), ("Geteilt 0499", 3)] {
        let o = c.search(&Query::new(vec![tag.into()], String::new()));
        assert_eq!(o.hits.len(), news, "{tag}");
        assert!(o.hits.iter().all(|&i| c.items[i].tags.iter().any(|t| t == tag)));
    }
    let all = c.search(&Query::default());
    assert_eq!(all.facets.iter().map(|f| f.count).sum::<usize>(), 1_499 * 2, "each shown entry counted once per tag");
}
