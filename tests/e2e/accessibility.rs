//! axe-core (WCAG 2.1 A and AA rules) on every view, at 320, 390 and 1280 px, in both themes.

use crate::support::*;
use fantoccini::Client;

const AXE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js"));
const WIDTHS: [u32; 3] = [320, 390, 1280];
const THEMES: [&str; 2] = ["light", "dark"];

async fn violations(c: &Client) -> Vec<String> {
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
            find(c, ready).await;
            let applied = eval(c, "return document.documentElement.getAttribute('data-theme')").await;
            assert_eq!(applied, theme, "the stored theme applies");
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
fn list_filtered() {
    with_browser(|c| async move { check(&c, &base(), "/?tag=Familie&q=stadt", ".teasers > li").await });
}

#[test]
fn list_empty_result() {
    with_browser(|c| async move { check(&c, &base(), "/?q=xylophon", ".empty").await });
}

#[test]
fn article() {
    with_browser(|c| async move {
        check(&c, &base(), &format!("/nachrichten/{ARTICLE_SLUG}"), ".related .teasers > li").await
    });
}

#[test]
fn not_found() {
    with_browser(|c| async move { check(&c, &base(), "/nachrichten/gibt-es-nicht", ".not-found").await });
}

#[test]
fn failure() {
    with_browser(|c| async move { check(&c, &flaky_base(), &format!("/nachrichten/{ARTICLE_SLUG}"), ".failure").await });
}

