//! A 100,000-entry index (about 10 MB): the list appears, and the page keeps answering while it
//! is decoded and prepared (the main thread is never blocked for long).

use crate::support::*;
use std::fmt::Write;
use std::path::Path;

/// Generated on first use under tests/fixtures/generated/ (not committed).
fn big_index() -> &'static str {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generated/big100k");
    let file = dir.join("news.json");
    if !file.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let mut json = String::from(r#"{"version":1,"items":["#);
        for i in 0..100_000u32 {
            let (day, minute) = (1 + i / 1440 % 28, i % 1440);
            write!(
                json,
                r#"{}{{"slug":"m{i}","headline":"Meldung {i}","lead":"Kurz erklärt: Meldung {i}.","published":"2025-{:02}-{day:02}T{:02}:{:02}:00+01:00","tags":["Thema {}","Bezirk {}"]}}"#,
                if i == 0 { "" } else { "," },
                1 + i / 40320 % 12,
                minute / 60,
                minute % 60,
                i % 40,
                i % 12
            )
            .unwrap();
        }
        json.push_str("]}");
        std::fs::write(&file, json).unwrap();
    }
    "generated/big100k"
}

/// Opens a same-origin page of the fixture server reading `fixture`, and starts watching its main
/// thread: the page shares it with a same-origin frame and with the widget, so a timer that is late
/// means the page could not have answered a tap or a key either.
async fn watch_main_thread(c: &fantoccini::Client, fixture: &str) {
    open(c, &format!("{}/frame-host.txt", fixture_base())).await;
    eval(
        c,
        &format!(
            "document.cookie = 'fixture={fixture}; path=/'; document.cookie = 'net=none; path=/';
             window.__maxGap = 0; window.__waitFor = null; let last = performance.now();
             setInterval(() => {{
               const now = performance.now(); const gap = now - last; last = now;
               if (window.__waitFor) {{ if (window.__waitFor()) window.__waitFor = null; return; }}
               window.__maxGap = Math.max(window.__maxGap, gap);
             }}, 5);
             return null"
        ),
    )
    .await;
}

/// A frame of 1000 × 800 CSS px showing `{path}`, added to the watched page.
const FRAME: &str = "const f = document.createElement('iframe'); f.width = 1000; f.height = 800; f.src = '{path}';
     document.body.appendChild(f); return null";

/// The longest time (ms) the watched page's main thread was blocked so far.
async fn longest_gap(c: &fantoccini::Client) -> f64 {
    eval(c, "return window.__maxGap").await.as_f64().unwrap()
}

#[test]
fn a_huge_index_shows_without_freezing_the_page() {
    let fixture = big_index();
    with_browser(move |c| async move {
        watch_main_thread(&c, fixture).await;
        eval(&c, FRAME.replace("{path}", "/").as_str()).await;
        c.enter_frame(0).await.unwrap();
        wait_text(&c, ".count", "100000 Nachrichten").await;
        assert_eq!(find_all(&c, ".teasers > li").await.len(), 15);
        c.enter_parent_frame().await.unwrap();
        let gap = longest_gap(&c).await;
        println!("longest main-thread block while loading 100,000 entries: {gap:.0} ms");
        // Measured here: Chromium ~50 ms, Firefox ~30 ms, WebKitGTK 100–145 ms in 2026-11 — in
        // WebKit the start of the wasm, as long with 20 entries (docs/decisions/0007); the app's
        // slices take ~10 ms. The bound leaves room for a loaded CI machine and fails on a return
        // of unsliced work (840 ms before slicing, 250 ms with one whole-file pass). WebKitGTK on
        // this machine in 2026-12: 160–346 ms, for this build and the one before it alike (both
        // built and measured in turn, 5 runs each: 194–265 and 223–286 ms), so its bound is wider
        // and catches unsliced work only.
        let bound = if std::env::var("BROWSER").as_deref() == Ok("webkit") { 450.0 } else { 200.0 };
        assert!(gap < bound, "the page was blocked for {gap:.0} ms");
    });
}

/// Writes a generated fixture (`news.json` and articles) once, under tests/fixtures/generated/.
fn generated(name: &str, index: impl FnOnce() -> String, articles: &[(&str, &dyn Fn() -> String)]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/generated").join(name);
    if !dir.join("done").exists() {
        std::fs::create_dir_all(dir.join("articles")).unwrap();
        std::fs::write(dir.join("news.json"), index()).unwrap();
        for (slug, article) in articles {
            std::fs::write(dir.join("articles").join(format!("{slug}.json")), article()).unwrap();
        }
        std::fs::write(dir.join("done"), "").unwrap();
    }
    format!("generated/{name}")
}

/// `n` index entries, tagged by `tags(i)`, one a minute, newest first.
fn entries(n: u32, tags: impl Fn(u32) -> String) -> String {
    let mut json = String::from(r#"{"version":1,"items":["#);
    for i in 0..n {
        let (day, minute) = (1 + i / 1440 % 28, i % 1440);
        write!(
            json,
            r#"{}{{"slug":"m{i}","headline":"Meldung {i}","published":"2025-11-{day:02}T{:02}:{:02}:00+01:00","tags":[{}]}}"#,
            if i == 0 { "" } else { "," },
            minute / 60,
            minute % 60,
            tags(i)
        )
        .unwrap();
    }
    json.push_str("]}");
    json
}

/// An article `fall` with `body` (a JSON array) and `extra` members.
fn article(body: &str, extra: &str) -> String {
    format!(
        r#"{{"slug":"fall","headline":"Der Fall","published":"2025-12-19T10:00:00+01:00","tags":["Thema 1"],"body":{body}{extra}}}"#
    )
}

/// Opens `path` of `fixture` in a same-origin frame and returns the longest time (ms) the main
/// thread was blocked by the content's work: from the app's start (its wasm compiled and mounted,
/// which costs the same whatever the content; `a_huge_index_…` measures it too) until `ready`
/// held in the frame.
async fn longest_block(c: &fantoccini::Client, fixture: &str, path: &str, ready: &str) -> f64 {
    watch_main_thread(c, fixture).await;
    eval(c, FRAME.replace("{path}", path).as_str()).await;
    eval(
        c,
        "window.__waitFor = () => { const w = document.querySelector('iframe').contentWindow; return !!(w && w.newsroomWasm); };
         window.__maxGap = 0; return null",
    )
    .await;
    c.enter_frame(0).await.unwrap();
    wait_until(c, ready, &format!("{fixture}: {ready}")).await;
    c.enter_parent_frame().await.unwrap();
    longest_gap(c).await
}

/// Content whose cost grows with its size (hostile or broken): each bounded, none blocks the page
/// for 200 ms or more. Before the bounds: 50,000 unknown picks against 20,000 entries froze the tab
/// for 5.8 s, 100,000 distinct tags for 13 s, a 5 MB paragraph or 50,000 paragraphs for ~2 s.
#[test]
fn content_that_grows_never_freezes_the_page() {
    let picks = generated(
        "unknown-picks",
        || entries(20_000, |i| format!(r#""Thema {}""#, i % 30)),
        &[("fall", &|| {
            let picks: Vec<String> = (0..50_000).map(|i| format!(r#""fehlt-{i}""#)).collect();
            article(r#"[{"type":"paragraph","text":"Kurz."}]"#, &format!(r#","related":[{},"m5"]"#, picks.join(",")))
        })],
    );
    let tags = generated("distinct-tags", || entries(50_000, |i| format!(r#""Tag {i}","Stichwort {i}""#)), &[]);
    let paragraph = generated(
        "long-paragraph",
        || entries(10, |_| r#""Thema 1""#.into()),
        &[("fall", &|| {
            article(
                &format!(
                    r#"[{{"type":"paragraph","text":"{}"}},{{"type":"paragraph","text":"Ende."}}]"#,
                    "Wort ".repeat(1_000_000)
                ),
                "",
            )
        })],
    );
    let paragraphs = generated(
        "many-paragraphs",
        || entries(10, |_| r#""Thema 1""#.into()),
        &[("fall", &|| {
            let body: Vec<String> =
                (1..=50_000).map(|i| format!(r#"{{"type":"paragraph","text":"Absatz {i}."}}"#)).collect();
            article(&format!("[{}]", body.join(",")), "")
        })],
    );
    with_browser(move |c| async move {
        let mut blocked = Vec::new();
        for (fixture, path, ready) in [
            (&picks, "/nachrichten/fall", "document.querySelectorAll('.related li').length === 15"),
            (
                &tags,
                "/",
                "document.querySelector('.topics-more') && document.querySelectorAll('.tag-toggle').length === 500",
            ),
            (
                &paragraph,
                "/nachrichten/fall",
                "document.body.textContent.includes('(gekürzt)') && document.body.textContent.includes('Ende.')",
            ),
            (
                &paragraphs,
                "/nachrichten/fall",
                "document.body.textContent.includes('Absatz 5000.') && document.querySelector('.body-omitted') && !document.querySelector('[aria-busy=true]')",
            ),
        ] {
            let gap = longest_block(&c, fixture, path, ready).await;
            println!("{fixture}: longest main-thread block {gap:.0} ms");
            blocked.push((fixture.clone(), gap));
        }
        assert!(blocked.iter().all(|(_, gap)| *gap < 200.0), "the page was blocked: {blocked:?}");
    });
}

/// The widget on a partner page with a 100,000-entry index: the host page keeps answering while
/// the index is read (before slicing, Chromium blocked it for 0.9 s).
#[test]
fn the_widget_never_freezes_its_host_page() {
    let fixture = big_index();
    with_browser(move |c| async move {
        watch_main_thread(&c, fixture).await;
        eval(
            &c,
            "const d = document.createElement('div'); d.id = 'w'; d.setAttribute('data-newsroom', '');
             d.setAttribute('data-api', '/fixture-api'); d.setAttribute('data-tags', 'Thema 7');
             document.body.appendChild(d);
             const s = document.createElement('script'); s.type = 'module'; s.src = '/widget.js';
             document.head.appendChild(s); return null",
        )
        .await;
        wait_until(&c, "document.getElementById('w').getAttribute('data-newsroom-state') === 'ready'", "the widget")
            .await;
        let shown =
            eval(&c, "return document.getElementById('w').shadowRoot.querySelectorAll('.headline').length").await;
        assert_eq!(shown, 5);
        let gap = longest_gap(&c).await;
        println!("longest block of the host page while the widget read 100,000 entries: {gap:.0} ms");
        assert!(gap < 200.0, "the host page was blocked for {gap:.0} ms");
    });
}
