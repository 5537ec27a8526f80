//! A failing network: each failure has its own German message and a retry; a slow load shows
//! progress and can be given up; nothing the reader did is lost.

use crate::support::*;
use fantoccini::Client;

/// Opens `path` on the fixture server with the content set `fixture` and network behaviour `net`.
async fn open(c: &Client, fixture: &str, net: &str, path: &str) {
    // A page outside the content location: a hostile `net` cookie from before cannot break it.
    c.goto(&format!("{}/cookie-host.txt", fixture_base())).await.unwrap();
    set_net(c, fixture, net).await;
    c.goto(&format!("{}{path}", fixture_base())).await.unwrap();
}

async fn set_net(c: &Client, fixture: &str, net: &str) {
    eval(
        c,
        &format!("document.cookie = 'fixture={fixture}; path=/'; document.cookie = 'net={net}; path=/'; return null"),
    )
    .await;
}

#[test]
fn each_failure_has_its_own_message() {
    with_browser(|c| async move {
        let cases = [
            (
                "500",
                "/",
                ".failure",
                "Die Nachrichtenliste konnte nicht geladen werden: der Server hat einen Fehler gemeldet (HTTP 500).",
            ),
            (
                "503",
                "/nachrichten/meldung-01",
                ".failure",
                "Der Beitrag konnte nicht geladen werden: der Server hat einen Fehler gemeldet (HTTP 503).",
            ),
            ("drop", "/", ".failure", "der Server ist nicht erreichbar oder die Verbindung wurde unterbrochen."),
            ("wrongtype", "/", ".failure", "der Server hat die Daten als „text/html“ statt als JSON geliefert."),
        ];
        for (net, path, css, message) in cases {
            open(&c, "paged", net, path).await;
            wait_contains(&c, css, message).await;
            find(&c, ".failure button").await;
            assert_eq!(find_all(&c, "h1").await.len(), 1, "{net}");
        }
    });
}

/// A slow load of `path` says so, is given up by the reader, and a retry (the server well again)
/// shows the list with `count`.
async fn give_up_and_retry(c: &Client, net: &str, path: &str, count: &str) {
    open(c, "paged", net, path).await;
    wait_contains(c, ".loading", "Das dauert länger als gewohnt.").await;
    assert!(find_all(c, ".teasers li").await.is_empty());
    find(c, ".loading button.cancel").await.click().await.unwrap();
    wait_contains(c, ".failure", "Das Laden wurde abgebrochen.").await;
    set_net(c, "paged", "none").await;
    find(c, ".failure button").await.click().await.unwrap();
    wait_text(c, ".count", count).await;
}

#[test]
fn a_slow_load_shows_progress_and_can_be_given_up_and_retried() {
    with_browser(|c| async move {
        // The body trickles in at 64 bytes a second.
        give_up_and_retry(&c, "trickle", "/", "20 Nachrichten unter den bisher geladenen").await;
    });
}

#[test]
fn filters_and_search_survive_a_failure_and_retry() {
    with_browser(|c| async move {
        open(&c, "paged", "503", "/?tag=Sport&q=meldung").await;
        wait_contains(&c, ".failure", "HTTP 503").await;
        set_net(&c, "paged", "none").await;
        find(&c, ".failure button").await.click().await.unwrap();
        wait_text(&c, ".count", "4 Nachrichten zum Thema Sport mit „meldung“ unter den bisher geladenen").await;
        assert_eq!(find(&c, "#suche").await.prop("value").await.unwrap().as_deref(), Some("meldung"));
        assert_eq!(
            attr(&find(&c, ".tag-toggle[aria-pressed=true]").await, "aria-pressed").await.as_deref(),
            Some("true")
        );
    });
}

#[test]
fn a_server_that_answers_only_after_30_s_shows_progress_and_can_be_given_up() {
    with_browser(|c| async move {
        // scripts/slow-headers.py holds back even the status line for 35 s; the retry of the same
        // URL must not wait behind the abandoned request.
        give_up_and_retry(&c, "slowheaders", "/?tag=Sport", "4 Nachrichten zum Thema Sport unter den bisher geladenen")
            .await;
    });
}

#[test]
fn when_the_browser_reports_being_offline_the_reader_is_told_so() {
    with_browser(|c| async move {
        // WebDriver has no engine-neutral offline switch: the connection is dropped by the server
        // and the page's navigator.onLine reports false, which is what a browser offline shows the app.
        open(&c, "paged", "drop", "/").await;
        wait_contains(&c, ".failure", "der Server ist nicht erreichbar").await;
        // Online, the server not answering: not the reader's connection.
        let failure = text(&c, ".failure").await;
        assert!(failure.contains("Der Server antwortet nicht") && !failure.contains("Internetverbindung"), "{failure}");
        eval(&c, "window.__onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine'); \
                  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }); return null").await;
        find(&c, ".failure button").await.click().await.unwrap();
        wait_contains(&c, ".failure", "dafür ist eine Internetverbindung nötig").await;
        assert!(text(&c, ".failure").await.contains("Keine Internetverbindung"));
        eval(&c, "Object.defineProperty(Navigator.prototype, 'onLine', window.__onLine); return null").await;
        set_net(&c, "paged", "none").await;
        find(&c, ".failure button").await.click().await.unwrap();
        wait_text(&c, ".count", "20 Nachrichten unter den bisher geladenen").await;
    });
}
