//! axe-core (WCAG 2.1 A and AA rules) on every view, at 320, 390 and 1280 px, in both themes.

use crate::support::*;
use fantoccini::Client;

const AXE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js"));
const WIDTHS: [u32; 3] = [320, 390, 1280];
const THEMES: [&str; 2] = ["light", "dark"];

pub async fn violations(c: &Client) -> Vec<String> {
    c.execute(AXE, vec![]).await.unwrap();
    let result = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                 .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))),
                       e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(result).unwrap()
}

/// Opens the view at every width and theme, waits for `ready`, and collects axe's findings.
async fn check(c: &Client, origin: &str, path: &str, ready: &str) {
    let mut found = Vec::new();
    for theme in THEMES {
        for width in WIDTHS {
            open_framed(c, origin, path, width, 900, Some(theme)).await;
            wait_ready(c, ready).await;
            let applied = eval(c, "return document.documentElement.getAttribute('data-theme')").await;
            // The embed page has no theme of its own (its host page decides the surroundings).
            if !path.starts_with("/embed") {
                assert_eq!(applied, theme, "the stored theme applies");
            }
            for v in violations(c).await {
                found.push(format!("{path} @ {width}px {theme}: {v}"));
            }
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
}

#[test]
fn list_unfiltered() {
    with_browser(|c| async move { check(&c, &base(), "/", ".teasers > li").await });
}

#[test]
fn list_with_the_topics_opened() {
    // On phones the topics open behind "Themen filtern": opened here wherever the button shows.
    let opened = "js:(() => { const b = document.querySelector('.filter-toggle');
        if (b && getComputedStyle(b).display !== 'none' && b.getAttribute('aria-expanded') === 'false') b.click();
        return document.querySelector('.teasers > li') && getComputedStyle(document.getElementById('themen')).display !== 'none'; })()";
    with_browser(move |c| async move { check(&c, &base(), "/", opened).await });
}

#[test]
fn list_filtered() {
    with_browser(|c| async move { check(&c, &base(), "/?tag=Familie&q=stadt", ".teasers > li").await });
}

#[test]
fn list_empty_result() {
    with_browser(|c| async move { check(&c, &base(), "/?q=xylophon", ".empty").await });
}

#[test]
fn list_with_a_suggestion() {
    // A typing mistake: "Meinten Sie: Toilettenwagen?" with its link (issue #31).
    with_browser(|c| async move { check(&c, &base(), "/?q=Toiletenwagen", ".suggestion a").await });
}

#[test]
fn article() {
    with_browser(|c| async move {
        check(&c, &base(), &format!("/nachrichten/{ARTICLE_SLUG}"), ".related .teasers > li").await
    });
}

#[test]
fn articles_with_tables_boxes_questions_downloads_contacts_galleries_and_videos() {
    with_browser(|c| async move {
        let service = "/nachrichten/so-erreichen-sie-die-stadtverwaltung-ueber-den-jahreswechsel";
        check(&c, &base(), service, "section.contacts").await;
        let council = "/nachrichten/grundsteuer-sporthalle-kreuz-grundschule-klimaquartiere-so-hat-der-rat-entschieden";
        check(&c, &base(), council, ".downloads a").await;
        // A gallery and a video's consent.
        check(&c, &base(), "/nachrichten/wintergalerie-kunst-im-alten-kaufhof", ".video-consent").await;
    });
}

#[test]
fn accessibility_statement() {
    with_browser(|c| async move { check(&c, &base(), "/barrierefreiheit", ".statement .article-body").await });
}

#[test]
fn not_found() {
    with_browser(|c| async move { check(&c, &base(), "/nachrichten/gibt-es-nicht", ".not-found").await });
}

/// Waits until `ready` (a CSS selector, or a JavaScript expression starting with "js:") holds.
async fn wait_ready(c: &Client, ready: &str) {
    match ready.strip_prefix("js:") {
        None => {
            find(c, ready).await;
        }
        Some(expr) => wait_until(c, expr, expr).await,
    }
}

#[test]
fn embed_view() {
    with_browser(|c| async move {
        check(&c, &base(), "/embed?tag=Familie&layout=cards", "js:document.getElementById('newsroom-embed').shadowRoot")
            .await
    });
}

#[test]
fn embed_builder() {
    with_browser(|c| async move { check(&c, &base(), "/embed/builder", ".builder").await });
}

#[test]
fn failure() {
    with_browser(
        |c| async move { check(&c, &flaky_base(), &format!("/nachrichten/{ARTICLE_SLUG}"), ".failure").await },
    );
}
