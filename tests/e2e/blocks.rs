//! The blocks of content format 1.2 on the sample's articles (issue #29): a table, info boxes,
//! questions and answers, downloads and contacts, on a phone and a desktop, by keyboard.

use crate::support::*;

const SERVICE: &str = "/nachrichten/so-erreichen-sie-die-stadtverwaltung-ueber-den-jahreswechsel";
const COUNCIL: &str = "/nachrichten/grundsteuer-sporthalle-kreuz-grundschule-klimaquartiere-so-hat-der-rat-entschieden";

#[test]
fn a_wide_table_scrolls_in_its_region_and_never_widens_the_page() {
    with_browser(|c| async move {
        for width in [320, 1280] {
            open_framed(&c, &base(), SERVICE, width, 800, None).await;
            wait_until(&c, "document.querySelector('.table-scroll table tbody tr')", "the table").await;
            let found = eval(
                &c,
                "const r = document.querySelector('.table-scroll');
                 return [document.documentElement.scrollWidth <= innerWidth, r.getAttribute('aria-label'), r.tabIndex,
                   document.querySelector('caption').textContent, r.querySelector('thead th').getAttribute('scope'),
                   r.querySelector('tbody th').getAttribute('scope'), r.querySelector('tbody tr').textContent,
                   getComputedStyle(r.querySelector('tbody td:last-child')).textAlign, r.scrollWidth > r.clientWidth]",
            )
            .await;
            assert_eq!(found[0], true, "{width}px: the page is not wider than the screen");
            assert_eq!(found[1], "Tabelle: Wochenmärkte über die Feiertage");
            assert_eq!((found[2].as_i64(), found[3].as_str()), (Some(0), Some("Wochenmärkte über die Feiertage")));
            assert_eq!((found[4].as_str(), found[5].as_str()), (Some("col"), Some("row")));
            assert_eq!(found[6], "HansaplatzDo 25. DezemberMi 24. Dezember64");
            assert_eq!(found[7], "right", "the column of numbers is aligned right");
            if width == 1280 {
                assert_eq!(found[8], false, "a desktop shows the whole table");
            }
        }
    });
}

#[test]
fn questions_open_by_keyboard_and_boxes_say_what_they_are() {
    with_browser(|c| async move {
        open_framed(&c, &base(), SERVICE, 390, 844, None).await;
        wait_until(&c, "document.querySelector('.faq summary')", "the questions").await;
        let boxes = eval(&c, "return [...document.querySelectorAll('aside.infobox')].map(a => [a.getAttribute('role'), a.getAttribute('aria-label')])").await;
        assert_eq!(
            boxes,
            serde_json::json!([["note", "Auf einen Blick"], ["note", "Wichtig: Bürgerservice am 31. Dezember"]])
        );
        let answer = "document.querySelector('.faq details')";
        assert_eq!(eval(&c, &format!("return {answer}.open")).await, false);
        // Enter on the question, as a keyboard user opens it (a fresh handle each try: the view
        // may still be drawing the rest of the body when the first one is taken).
        let mut sent = false;
        for _ in 0..5 {
            if find(&c, ".faq details summary").await.send_keys("\u{E007}").await.is_ok() {
                sent = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert!(sent, "Enter reached the question");
        wait_until(&c, &format!("{answer}.open"), "the first answer open").await;
        assert_eq!(eval(&c, "return document.activeElement.tagName").await, "SUMMARY");
        let shown =
            eval(&c, &format!("return {answer}.querySelector('.answer').getBoundingClientRect().height > 0")).await;
        assert_eq!(shown, true);
        // The article's press contact: at its end, dialling and writing.
        let contact = eval(
            &c,
            "const s = document.querySelector('section.contacts');
             return [s.querySelector('h2').textContent, s.querySelector('a[href^=\"tel:\"]').getAttribute('href'),
               s.querySelector('a[href^=\"mailto:\"]').textContent]",
        )
        .await;
        assert_eq!(contact, serde_json::json!(["Kontakt für Medien", "tel:02315022117", "presse@stadt.example"]));
    });
}

#[test]
fn downloads_say_format_size_and_language() {
    with_browser(|c| async move {
        open_framed(&c, &base(), COUNCIL, 390, 844, None).await;
        wait_until(&c, "document.querySelector('.downloads a')", "the downloads").await;
        let labels = eval(&c, "return [...document.querySelectorAll('.downloads a')].map(a => a.textContent)").await;
        assert_eq!(
            labels,
            serde_json::json!([
                "Ratsvorlage Grundsteuer-Hebesätze (PDF, 1,2 MB)\u{a0}↗ (externer Link)",
                // A file of the content folder: published with the article, its size filled in.
                "Hebesätze 2026 als Tabelle (CSV, 152 Byte)",
                "Beschlüsse der Ratssitzung (PDF, 418 KB)\u{a0}↗ (externer Link)",
                "Summary of the decisions (PDF, 96 KB, Englisch)\u{a0}↗ (externer Link)"
            ])
        );
        assert_eq!(eval(&c, "return document.querySelector('.downloads a[hreflang]').hreflang").await, "en");
        // The correction above the text, before the body.
        let correction = eval(
            &c,
            "const p = document.querySelector('.corrections .correction');
             return [p.textContent, !!(p.compareDocumentPosition(document.querySelector('.article-body')) & 4)]",
        )
        .await;
        assert_eq!(
            correction,
            serde_json::json!([
                "Korrigiert am Sa 20. Dezember 2025: In einer früheren Fassung hieß es, der Hebesatz für Wohngrundstücke steige auf 630 Prozent. Richtig sind 625 Prozent.",
                true
            ])
        );
    });
}
