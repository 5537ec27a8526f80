//! A paged index (`next` links): older pages load only when the reader pages past what is
//! loaded or asks for older results, and counts say when they cover only the loaded part.

use crate::pages::ListView;
use crate::support::*;

#[test]
fn paging_past_the_loaded_part_loads_older_pages() {
    with_browser(|c| async move {
        open_fixture(&c, "paged", "/").await;
        ListView::on(&c).wait_status("20 Nachrichten unter den bisher geladenen").await;
        ListView::on(&c).wait_entries(15).await;

        ListView::on(&c).more().await;
        // 30 wanted, 20 loaded: the second page is fetched.
        ListView::on(&c).wait_status("40 Nachrichten unter den bisher geladenen").await;
        ListView::on(&c).wait_entries(30).await;
        let headlines = ListView::on(&c).headlines().await;
        assert_eq!(headlines[0], "Meldung 01");
        assert_eq!(headlines[29], "Meldung 30");

        ListView::on(&c).more().await;
        ListView::on(&c).wait_status("45 Nachrichten").await;
        ListView::on(&c).wait_entries(45).await;
        assert!(find_all(&c, ".more-news button").await.is_empty(), "nothing more to load");
    });
}

#[test]
fn filters_say_they_cover_the_loaded_part_and_offer_the_rest() {
    with_browser(|c| async move {
        open_fixture(&c, "paged", "/?tag=Sport").await;
        ListView::on(&c).wait_status("4 Nachrichten zum Thema Sport unter den bisher geladenen").await;
        assert!(text(&c, ".coverage").await.contains("Durchsucht wurden nur die bisher geladenen Nachrichten"));
        find(&c, ".coverage button").await.click().await.unwrap();
        ListView::on(&c).wait_status("8 Nachrichten zum Thema Sport unter den bisher geladenen").await;
        find(&c, ".coverage button").await.click().await.unwrap();
        ListView::on(&c).wait_status("9 Nachrichten zum Thema Sport").await;
        assert!(find_all(&c, ".coverage").await.is_empty());
    });
}

#[test]
fn a_deep_page_link_loads_what_it_needs() {
    with_browser(|c| async move {
        open_fixture(&c, "paged", "/?seite=3").await;
        ListView::on(&c).wait_status("45 Nachrichten").await;
        ListView::on(&c).wait_entries(45).await;
    });
}
