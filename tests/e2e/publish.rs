//! Published pages through nginx: the entry page of a known article answers 200 with its
//! metadata, an unknown one 404 with the app's 404 view; and when the app starts on an entry
//! page it takes over without the reader seeing a change.

use crate::pages::ListView;
use crate::support::*;
use fantoccini::Client;
use std::io::{Read, Write};

/// A plain HTTP/1.1 GET against the build under test: (status, body).
fn get(path: &str) -> (u16, String) {
    let host = base().trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

#[test]
fn a_known_article_answers_200_with_its_preview_and_an_unknown_one_404() {
    let (status, page) = get(&format!("/nachrichten/{ARTICLE_SLUG}"));
    assert_eq!(status, 200);
    let escaped = ARTICLE_HEADLINE.replace('"', "&quot;");
    assert!(page.contains(&format!("<meta property=\"og:title\" content=\"{escaped}\">")), "no og:title");
    let (status, page) = get("/nachrichten/gibt-es-nicht");
    assert_eq!(status, 404);
    assert!(page.contains("<title>Seite nicht gefunden"), "the 404 page");
    with_browser(|c| async move {
        open(&c, &format!("{}/nachrichten/gibt-es-nicht", base())).await;
        wait_text(&c, "main h1", "Seite nicht gefunden").await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        assert_eq!(find_all(&c, "h1").await.len(), 1);
    });
}

/// The text of `main` in the served page (as a reader without JavaScript gets it: in `#{id}`)
/// and in the page now (the app's view), without white space (block boundaries differ only in
/// that).
fn texts_script(id: &str) -> String {
    format!(
        r#"const done = arguments[0]; (async () => {{
            const served = await (await fetch(location.href, {{ cache: 'no-store' }})).text();
            const doc = new DOMParser().parseFromString(served, 'text/html');
            const squeeze = (el) => el ? el.textContent.replace(/\s+/g, '') : null;
            return [squeeze(doc.querySelector('#{id} main')), squeeze(document.querySelector('main'))];
        }})().then(done)"#
    )
}

/// The app, started on the published page at `path` (its content in `#{id}`), shows the same
/// text with `heading` in the same place once `ready` holds: no layout shift, and (Chromium) no
/// console error on the way but the 404s of `missing` (addresses after the base).
pub async fn takes_over_without_a_change(
    c: &Client,
    path: &str,
    id: &str,
    heading: &str,
    ready: &str,
    missing: &[&str],
) {
    let chromium = std::env::var("BROWSER").as_deref() == Ok("chromium");
    if chromium {
        console_errors(c).await;
    }
    open(c, &format!("{}{path}", base())).await;
    wait_until(c, &format!("!document.getElementById('{id}')"), "the app taking over").await;
    wait_until(c, ready, "the app's view complete").await;
    let texts = c.execute_async(&texts_script(id), vec![]).await.unwrap();
    let (served, now) = (texts[0].as_str().unwrap_or_default(), texts[1].as_str().unwrap_or_default());
    assert!(!served.is_empty(), "the served page has its content");
    assert_eq!(served, now, "the text of {path} before and after the app took over");
    if chromium {
        // Nothing went wrong on the way: no script error, no failed request but the missing.
        let expected = |e: &String| missing.iter().any(|m| e.starts_with(&format!("{}{m} ", base())));
        let errors: Vec<String> = console_errors(c).await.into_iter().filter(|e| !expected(e)).collect();
        assert_eq!(errors, Vec::<String>::new(), "console errors");
    }
    // The heading stands where the published page has it: the same page, scripts off, in a
    // frame as wide as this window.
    let tops = c
        .execute_async(
            &format!(
                r#"const done = arguments[0];
                   const f = document.createElement('iframe');
                   f.setAttribute('sandbox', 'allow-same-origin');
                   f.style.cssText = 'position:absolute;left:0;top:0;border:0;visibility:hidden;width:' + innerWidth + 'px;height:' + innerHeight + 'px';
                   f.onload = () => setTimeout(() => {{
                     const before = f.contentDocument.querySelector('{heading}').getBoundingClientRect().top;
                     const after = document.querySelector('{heading}').getBoundingClientRect().top + scrollY;
                     f.remove(); done([before, after]);
                   }}, 300);
                   f.src = location.href; document.body.appendChild(f);"#
            ),
            vec![],
        )
        .await
        .unwrap();
    let (before, after) = (tops[0].as_f64().unwrap(), tops[1].as_f64().unwrap());
    assert!((before - after).abs() <= 1.0, "{heading} at {before} px before, {after} px after");
    if chromium {
        let cls = c
            .execute_async(
                "const done = arguments[0]; let sum = 0;
                 new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
                   .observe({ type: 'layout-shift', buffered: true });
                 setTimeout(() => done(sum), 300);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(cls.as_f64(), Some(0.0), "cumulative layout shift on {path}");
    }
}

#[test]
fn the_app_takes_over_an_entry_page_without_a_visible_change() {
    with_browser(|c| async move {
        let path = format!("/nachrichten/{ARTICLE_SLUG}");
        let ready = "document.querySelectorAll('.related .teaser').length > 0";
        takes_over_without_a_change(&c, &path, "prerendered", "article h1", ready, &[]).await;
        wait_text(&c, "article h1", ARTICLE_HEADLINE).await;
    });
}

#[test]
fn the_app_takes_over_the_list_page_without_a_visible_change() {
    with_browser(|c| async move {
        let ready =
            "document.querySelectorAll('.teasers .teaser').length > 0 && !document.querySelector('[aria-busy=true]')";
        takes_over_without_a_change(&c, "/", "prerendered", "main h1", ready, &[]).await;
        // The published page is the app's first view: the same news and controls, in order.
        let shown =
            eval(&c, "return [...document.querySelectorAll('.teasers .teaser-link')].map(a => a.getAttribute('href'))")
                .await;
        assert!(shown.as_array().is_some_and(|a| a.len() >= 10), "the first page of news: {shown}");
    });
}

#[test]
fn the_app_takes_over_the_404_page_without_a_visible_change() {
    with_browser(|c| async move {
        let ready = "document.querySelector('main .not-found')";
        // The page itself and the article the app asks the content API for are missing.
        let missing = ["/nachrichten/gibt-es-nicht", "/api/articles/gibt-es-nicht.json"];
        takes_over_without_a_change(&c, missing[0], "static-page", "main h1", ready, &missing).await;
    });
}

#[test]
fn a_topic_view_links_its_feed_and_the_feed_is_served() {
    with_browser(|c| async move {
        ListView::open(&c, "/?tag=Familie").await;
        let link = "link[rel=alternate][type='application/atom+xml'][title='Nachrichten zum Thema Familie']";
        wait_until(&c, &format!("document.querySelector(\"{link}\")"), "the topic's feed link").await;
        let answer = c
            .execute_async(
                &format!(
                    "const done = arguments[0];
                     fetch(document.querySelector(\"{link}\").href).then(async (r) =>
                       done([r.status, r.headers.get('content-type'), (await r.text()).includes('<title>Nachrichten zum Thema Familie')]))"
                ),
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(answer[0], 200);
        assert!(answer[1].as_str().unwrap_or_default().starts_with("application/atom+xml"), "{answer}");
        assert_eq!(answer[2], true, "the feed of that topic");

        // The topic unchosen: its feed link goes, the feed of all news stays (once).
        ListView::on(&c).toggle_tag("Familie").await;
        wait_until(&c, &format!("!document.querySelector(\"{link}\")"), "the topic's feed link gone").await;
        let all =
            eval(&c, "return document.querySelectorAll(\"link[rel=alternate][title='Alle Nachrichten']\").length")
                .await;
        assert_eq!(all, 1, "one link to the feed of all news");
    });
}
