//! Not found, failure and retry.

use crate::pages::ArticleView;
use crate::support::*;
use fantoccini::Locator;

#[test]
fn unknown_slug_and_unknown_path_show_the_404_view() {
    with_browser(|c| async move {
        for path in ["/nachrichten/gibt-es-nicht", "/nachrichten/Ungueltig%20Slug", "/irgendwo/unbekannt"] {
            open(&c, &format!("{}{path}", base())).await;
            wait_text(&c, "h1", "Seite nicht gefunden").await;
            assert_eq!(find_all(&c, "h1").await.len(), 1, "{path}");
            let back = c.find(Locator::LinkText("Zur Nachrichtenübersicht")).await.unwrap();
            assert_eq!(attr(&back, "href").await.as_deref(), Some("/"));
            assert_eq!(c.title().await.unwrap(), "Seite nicht gefunden – Newsroom Dortmund");
        }
    });
}

#[test]
fn a_failing_server_shows_the_failure_view_and_retry_recovers() {
    with_browser(|c| async move {
        // The article: the content server answers 503.
        open(&c, &format!("{}/nachrichten/{ARTICLE_SLUG}", flaky_base())).await;
        wait_text(&c, "h1", "Das hat leider nicht geklappt").await;
        let message = text(&c, ".failure").await;
        assert!(
            message.contains("Der Beitrag konnte nicht geladen werden") && message.contains("HTTP 503"),
            "{message}"
        );
        assert!(c.find(Locator::LinkText("Zur Nachrichtenübersicht")).await.is_ok());

        // The server recovers; "Erneut versuchen" loads the article without a page reload.
        set_recover(&c, true).await;
        eval(&c, "window.__sameDocument = true; return null").await;
        find(&c, ".failure button").await.click().await.unwrap();
        ArticleView::on(&c).wait_headline(ARTICLE_HEADLINE).await;
        assert_eq!(eval(&c, "return window.__sameDocument === true").await, true);

        // The list: fails, then recovers on retry.
        set_recover(&c, false).await;
        open(&c, &format!("{}/", flaky_base())).await;
        wait_text(&c, ".failure h2", "Das hat leider nicht geklappt").await;
        assert_eq!(text(&c, "h1").await, "Nachrichten");
        assert!(text(&c, ".failure").await.contains("Die Nachrichtenliste konnte nicht geladen werden"));
        // No link to the list while on it.
        assert!(c.find(Locator::LinkText("Zur Nachrichtenübersicht")).await.is_err());
        set_recover(&c, true).await;
        find(&c, ".failure button").await.click().await.unwrap();
        wait_text(&c, "h1", "Nachrichten").await;
        find(&c, ".teasers > li").await;
        assert_eq!(find_all(&c, ".teasers > li").await.len(), 15);
    });
}

/// The flaky content server answers 503 unless this cookie is set.
async fn set_recover(c: &fantoccini::Client, on: bool) {
    let cookie = if on { "recover=1; path=/" } else { "recover=; max-age=0; path=/" };
    eval(c, &format!("document.cookie = '{cookie}'; return null")).await;
}

/// A panic ends as a trap of the app's WebAssembly instance (the release build aborts at once,
/// without a panic hook): the page is replaced by the German failure view with its ways on, never
/// left frozen or blank.
#[test]
fn a_trap_of_the_app_shows_the_failure_view() {
    with_browser(|c| async move {
        open(&c, &format!("{}/", base())).await;
        find(&c, ".teasers > li").await;
        let here = c.current_url().await.unwrap().to_string();
        // A real trap: an allocation the instance cannot make aborts it, as a panic does.
        // The export itself is the timer's callback: the trap is the page's own, also where the test's script
        // runs in a sandbox (Firefox).
        eval(&c, "setTimeout(window.newsroomWasm.__wbindgen_malloc, 0, 4294967288, 8); return null").await;
        wait_text(&c, "main.failure h1", "Das hat leider nicht geklappt").await;
        assert!(text(&c, "main.failure").await.contains("Bitte laden Sie die Seite neu."));
        assert_eq!(attr(&find(&c, "main.failure").await, "role").await.as_deref(), Some("alert"));
        assert!(find_all(&c, ".teasers").await.is_empty(), "the list is gone");
        let reload = c.find(Locator::LinkText("Seite neu laden")).await.unwrap();
        assert_eq!(attr(&reload, "href").await.as_deref(), Some(here.as_str()));
        let home = c.find(Locator::LinkText("Zur Nachrichtenübersicht")).await.unwrap();
        assert_eq!(attr(&home, "href").await.as_deref(), Some("/"));
        // The way on works: a page load, the app starts again.
        reload.click().await.unwrap();
        find(&c, ".teasers > li").await;
    });
}
