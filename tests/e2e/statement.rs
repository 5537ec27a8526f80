//! The accessibility statement (BITV 2.0 § 7) at `/barrierefreiheit`, linked from every view's
//! footer, with the contact of the site file (content/site.json).

use crate::pages::{ArticleView, ListView};
use crate::support::*;
use fantoccini::Locator;

#[test]
fn every_view_links_the_statement_and_the_statement_names_the_contact() {
    with_browser(|c| async move {
        let site: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/site.json")).unwrap(),
        )
        .unwrap();
        let email = site["contact"]["email"].as_str().unwrap().to_owned();
        ArticleView::open(&c, ARTICLE_SLUG, ARTICLE_HEADLINE).await;
        let builder = c.find(Locator::LinkText("Nachrichten einbinden")).await.unwrap();
        assert_eq!(attr(&builder, "href").await.as_deref(), Some("/embed/builder"));
        // The builder is a page of its own (its own bundle): the link loads it, and it works.
        builder.click().await.unwrap();
        wait_text(&c, "main h1", "Nachrichten einbetten").await;
        wait_until(&c, "document.querySelector('label[for=\"thema-Familie\"]')", "the builder's topics").await;
        ListView::open(&c, "/").await;
        c.find(Locator::LinkText("Erklärung zur Barrierefreiheit")).await.unwrap().click().await.unwrap();
        wait_text(&c, "main h1", "Erklärung zur Barrierefreiheit").await;
        wait_title(&c, "Erklärung zur Barrierefreiheit – Newsroom Dortmund").await;
        let body = text(&c, ".statement").await;
        for part in ["teilweise vereinbar", "Feedback und Kontakt", "Durchsetzungsverfahren", "Leichter Sprache"] {
            assert!(body.contains(part), "the statement lacks {part:?}");
        }
        let mail = find(&c, ".statement a[href^='mailto:']").await;
        assert_eq!(attr(&mail, "href").await, Some(format!("mailto:{email}")));
        assert!(!find_all(&c, ".statement a[href^='https://']").await.is_empty(), "the enforcement body is linked");
        // Readable by URL too (and without JavaScript: the publish step writes it).
        open(&c, &format!("{}/barrierefreiheit", base())).await;
        wait_text(&c, "main h1", "Erklärung zur Barrierefreiheit").await;
    });
}
