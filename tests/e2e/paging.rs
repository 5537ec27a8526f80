//! A paged index (`next` links): older pages load only when the reader pages past what is
//! loaded or asks for older results, and counts say when they cover only the loaded part.

use crate::support::*;
use fantoccini::Client;

async fn open_fixture(c: &Client, fixture: &str, path: &str) {
    c.goto(&format!("{}/fixture-api/", fixture_base())).await.unwrap();
    eval(c, &format!("document.cookie = 'fixture={fixture}; path=/'; return null")).await;
    c.goto(&format!("{}{path}", fixture_base())).await.unwrap();
}

async fn count_items(c: &Client, want: usize) {
    for _ in 0..100 {
        if find_all(c, ".teasers > li").await.len() == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("expected {want} entries, have {}", find_all(c, ".teasers > li").await.len());
}

#[test]
fn paging_past_the_loaded_part_loads_older_pages() {
    with_browser(|c| async move {
        open_fixture(&c, "paged", "/").await;
        wait_text(&c, ".count", "20 Nachrichten unter den bisher geladenen").await;
        count_items(&c, 15).await;

        find(&c, ".more-news button").await.click().await.unwrap();
        // 30 wanted, 20 loaded: the second page is fetched.
        wait_text(&c, ".count", "40 Nachrichten unter den bisher geladenen").await;
        count_items(&c, 30).await;
        let headlines = texts(&c, ".teaser-headline").await;
        assert_eq!(headlines[0], "Meldung 01");
        assert_eq!(headlines[29], "Meldung 30");

        find(&c, ".more-news button").await.click().await.unwrap();
        wait_text(&c, ".count", "45 Nachrichten").await;
        count_items(&c, 45).await;
        assert!(find_all(&c, ".more-news button").await.is_empty(), "nothing more to load");
    });
}

#[test]
fn filters_say_they_cover_the_loaded_part_and_offer_the_rest() {
    with_browser(|c| async move {
        open_fixture(&c, "paged", "/?tag=Sport").await;
        wait_text(&c, ".count", "4 Nachrichten zum Thema Sport unter den bisher geladenen").await;
        assert!(text(&c, ".coverage").await.contains("Durchsucht wurden nur die bisher geladenen Nachrichten"));
        find(&c, ".coverage button").await.click().await.unwrap();
        wait_text(&c, ".count", "8 Nachrichten zum Thema Sport unter den bisher geladenen").await;
        find(&c, ".coverage button").await.click().await.unwrap();
        wait_text(&c, ".count", "9 Nachrichten zum Thema Sport").await;
        assert!(find_all(&c, ".coverage").await.is_empty());
    });
}

#[test]
fn a_deep_page_link_loads_what_it_needs() {
    with_browser(|c| async move {
        open_fixture(&c, "paged", "/?seite=3").await;
        wait_text(&c, ".count", "45 Nachrichten").await;
        count_items(&c, 45).await;
    });
}
