//! The newsroom list at `/`.

use crate::pages::ListView;
use crate::support::*;

#[test]
fn list_shows_each_entry_with_date_kicker_lead_and_image_credit() {
    with_browser(|c| async move {
        let list = ListView::open(&c, "/").await;
        assert_eq!(find_all(&c, "h1").await.len(), 1);
        let first = text(&c, ".teasers > li:first-child").await;
        for part in ["Fr 19. Dezember 2025", "Zwischen Weihnachten und Neujahr", "Bild: Stadt Dortmund / Markus Mielek"]
        {
            assert!(first.contains(part), "first entry lacks {part:?}: {first}");
        }
        let img = find(&c, ".teasers > li:first-child img").await;
        assert_eq!(
            attr(&img, "alt").await.as_deref(),
            Some("Zwei Personen sitzen auf dem Sofa und schauen auf ein Tablet")
        );
        assert_eq!(attr(&img, "width").await.as_deref(), Some("1200"));
        // Every entry has a date and a link to its article.
        assert_eq!(find_all(&c, ".teasers > li time").await.len(), 15);
        assert_eq!(find_all(&c, ".teasers > li a[href^='/nachrichten/']").await.len(), 15);
        list.wait_status("16 Nachrichten").await;
    });
}

#[test]
fn on_a_phone_the_first_news_is_on_the_first_screen_and_the_topics_one_tap_away() {
    with_browser(|c| async move {
        for (width, height) in [(390, 844), (360, 640)] {
            open_framed(&c, &base(), "/", width, height, None).await;
            wait_until(&c, "document.querySelector('.teasers > li .teaser-headline')", "the list").await;
            let bottom = eval(
                &c,
                "return document.querySelector('.teasers > li .teaser-headline').getBoundingClientRect().bottom",
            )
            .await
            .as_f64()
            .unwrap();
            assert!(bottom <= f64::from(height), "{width}×{height}: the first headline ends at {bottom} px");
            // The topics wait behind one button that says what it does and whether it is open.
            let toggle = find(&c, ".filter-toggle").await;
            assert_eq!(toggle.text().await.unwrap().trim_end_matches([' ', '▾']), "Themen filtern");
            assert_eq!(attr(&toggle, "aria-expanded").await.as_deref(), Some("false"));
            assert!(!find(&c, "#themen").await.is_displayed().await.unwrap());
            toggle.click().await.unwrap();
            assert_eq!(attr(&toggle, "aria-expanded").await.as_deref(), Some("true"));
            assert!(find(&c, "#themen").await.is_displayed().await.unwrap());
            ListView::on(&c).toggle_tag("Familie").await;
            let familie = crate::filters::expected(&["Familie"], "").len();
            ListView::on(&c).wait_status(&format!("{familie} Nachrichten zum Thema Familie")).await;
            // The chosen topics are counted on the button.
            wait_until(
                &c,
                "document.querySelector('.filter-toggle').textContent.startsWith('Themen filtern (1)')",
                "the count on the button",
            )
            .await;
        }
        // Wide screens keep the open layout: no button, the topics in view.
        c.enter_parent_frame().await.unwrap();
        ListView::open(&c, "/").await;
        assert!(!find(&c, ".filter-toggle").await.is_displayed().await.unwrap());
        assert!(find(&c, "#themen").await.is_displayed().await.unwrap());
    });
}
