//! Tag filters, search and their URLs, checked against the bundled data (news.json read here,
//! with the test's own filtering, so the app's code is not checked against itself).

use crate::pages::ListView;
use crate::support::*;
use serde_json::Value;

struct Item {
    headline: String,
    text: String,
    tags: Vec<String>,
    published: chrono::DateTime<chrono::FixedOffset>,
}

fn data() -> Vec<Item> {
    // The articles themselves (content/articles/), not the published index: the app's view is
    // checked against the source.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/articles");
    let articles: Vec<Value> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap())
        .collect();
    let mut items: Vec<Item> = articles
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap_or_default().to_owned();
            let tags: Vec<String> = i["tags"]
                .as_array()
                .map(|a| a.iter().map(|t| t.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            Item {
                headline: s("headline"),
                text: format!("{} {} {} {}", s("headline"), s("lead"), s("kicker"), tags.join(" ")),
                tags,
                published: chrono::DateTime::parse_from_rfc3339(&s("published")).unwrap(),
            }
        })
        .collect();
    items.sort_by_key(|t| std::cmp::Reverse(t.published));
    items
}

fn german_fold(s: &str) -> String {
    s.to_lowercase().replace('ä', "ae").replace('ö', "oe").replace('ü', "ue").replace('ß', "ss")
}

/// "1 Nachricht", "3 Nachrichten": how the status counts.
fn news(n: usize) -> String {
    format!("{n} {}", if n == 1 { "Nachricht" } else { "Nachrichten" })
}

/// Headlines the reader should see for these tags and words, newest first.
pub(crate) fn expected(tags: &[&str], words: &str) -> Vec<String> {
    data()
        .into_iter()
        .filter(|i| tags.iter().all(|t| i.tags.iter().any(|x| x == t)))
        .filter(|i| german_fold(words).split_whitespace().all(|w| german_fold(&i.text).contains(w)))
        .map(|i| i.headline)
        .collect()
}

#[test]
fn choosing_and_removing_tags_with_faceted_counts_and_history() {
    with_browser(|c| async move {
        open(&c, &format!("{}/", base())).await;
        ListView::on(&c).wait_status("16 Nachrichten").await;

        ListView::on(&c).toggle_tag("Familie").await;
        let familie = expected(&["Familie"], "");
        ListView::on(&c).wait_status(&format!("{} Nachrichten zum Thema Familie", familie.len())).await;
        assert_eq!(ListView::on(&c).headlines().await, familie);
        assert_eq!(ListView::on(&c).query().await, "tag=Familie");
        // The title says what is shown.
        wait_title(&c, "Familie – Nachrichten – Newsroom Dortmund").await;
        assert_eq!(attr(&ListView::on(&c).tag_button("Familie").await, "aria-pressed").await.as_deref(), Some("true"));

        // Every tag's count is the size of the result if it were added; zero means disabled.
        for b in find_all(&c, ".tag-toggle").await {
            let label = b.text().await.unwrap();
            let label = label.trim_start_matches("✓ ");
            let (tag, count) = label.rsplit_once(" (").unwrap();
            let count: usize = count.trim_end_matches(')').parse().unwrap();
            let mut with = vec!["Familie"];
            if tag != "Familie" {
                with.push(tag);
            }
            assert_eq!(count, expected(&with, "").len(), "facet {tag}");
            assert_eq!(attr(&b, "disabled").await.is_some(), count == 0, "{tag} disabled iff it yields nothing");
        }

        ListView::on(&c).toggle_tag("Integration").await;
        let both = expected(&["Familie", "Integration"], "");
        ListView::on(&c).wait_status(&format!("{} zu den Themen Familie und Integration", news(both.len()))).await;
        assert_eq!(ListView::on(&c).headlines().await, both);
        assert_eq!(ListView::on(&c).query().await, "tag=Familie&tag=Integration");

        // Back and forward step through the filter changes.
        c.back().await.unwrap();
        ListView::on(&c).wait_status(&format!("{} Nachrichten zum Thema Familie", familie.len())).await;
        assert_eq!(ListView::on(&c).headlines().await, familie);
        c.forward().await.unwrap();
        ListView::on(&c).wait_status(&format!("{} zu den Themen Familie und Integration", news(both.len()))).await;

        // Unchoosing a tag, then removing all filters.
        ListView::on(&c).toggle_tag("Integration").await;
        ListView::on(&c).wait_status(&format!("{} Nachrichten zum Thema Familie", familie.len())).await;
        find(&c, ".filters .clear").await.click().await.unwrap();
        ListView::on(&c).wait_status("16 Nachrichten").await;
        assert_eq!(ListView::on(&c).query().await, "");
        wait_title(&c, "Newsroom Dortmund").await;
    });
}

#[test]
fn a_filtered_url_opens_the_same_view() {
    with_browser(|c| async move {
        open(&c, &format!("{}/?tag=Familie&tag=Integration", base())).await;
        let both = expected(&["Familie", "Integration"], "");
        find(&c, ".teasers > li").await;
        assert_eq!(ListView::on(&c).headlines().await, both);
        assert_eq!(
            attr(&ListView::on(&c).tag_button("Integration").await, "aria-pressed").await.as_deref(),
            Some("true")
        );
        reload(&c).await;
        find(&c, ".teasers > li").await;
        assert_eq!(ListView::on(&c).headlines().await, both);
    });
}

#[test]
fn an_empty_result_says_so_and_offers_to_remove_the_filters() {
    with_browser(|c| async move {
        open(&c, &format!("{}/?q=xylophon&tag=Sport", base())).await;
        // One message (the count says it), one way out.
        ListView::on(&c).wait_status("Keine Nachrichten zum Thema Sport mit „xylophon“").await;
        assert!(find_all(&c, ".teasers > li").await.is_empty());
        let buttons = eval(&c, "return [...document.querySelectorAll('main button')].filter(b => b.textContent.trim() === 'Alle Filter entfernen').length").await;
        assert_eq!(buttons, 1, "one \"Alle Filter entfernen\"");
        assert!(!page_text(&c).await.contains("Keine Nachrichten gefunden"), "no second message");
        wait_title(&c, "Sport · „xylophon“ – Nachrichten – Newsroom Dortmund").await;
        find(&c, ".empty button").await.click().await.unwrap();
        ListView::on(&c).wait_status("16 Nachrichten").await;
        assert_eq!(ListView::on(&c).search_field().await.prop("value").await.unwrap().as_deref(), Some(""));
    });
}

#[test]
fn a_tag_on_an_article_opens_the_filtered_list() {
    with_browser(|c| async move {
        open(&c, &format!("{}/nachrichten/{ARTICLE_SLUG}", base())).await;
        find(&c, "article .tags a[href='/?tag=Familie']").await.click().await.unwrap();
        let familie = expected(&["Familie"], "");
        ListView::on(&c).wait_status(&format!("{} Nachrichten zum Thema Familie", familie.len())).await;
        assert_eq!(ListView::on(&c).headlines().await, familie);
        assert_eq!(find_all(&c, "h1").await.len(), 1);
    });
}
