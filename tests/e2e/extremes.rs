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

#[test]
fn a_huge_index_shows_without_freezing_the_page() {
    let fixture = big_index();
    with_browser(move |c| async move {
        open(&c, &format!("{}/frame-host.txt", fixture_base())).await;
        // The host page shares the main thread with the same-origin frame: a timer that is late
        // means the page could not have answered a tap or a key either.
        eval(
            &c,
            &format!(
                "document.cookie = 'fixture={fixture}; path=/'; document.cookie = 'net=none; path=/';
                 window.__maxGap = 0; let last = performance.now();
                 setInterval(() => {{ const now = performance.now(); window.__maxGap = Math.max(window.__maxGap, now - last); last = now; }}, 5);
                 const f = document.createElement('iframe'); f.width = 1000; f.height = 800; f.src = '/';
                 document.body.appendChild(f); return null"
            ),
        )
        .await;
        c.enter_frame(0).await.unwrap();
        wait_text(&c, ".count", "100000 Nachrichten").await;
        assert_eq!(find_all(&c, ".teasers > li").await.len(), 15);
        c.enter_parent_frame().await.unwrap();
        let gap = eval(&c, "return window.__maxGap").await.as_f64().unwrap();
        println!("longest main-thread block while loading 100,000 entries: {gap:.0} ms");
        // Measured here: Chromium ~50 ms, Firefox ~30 ms, WebKitGTK 100–145 ms — in WebKit the
        // start of the wasm, as long with 20 entries (docs/decisions/0007); the app's slices take
        // ~10 ms. The bound leaves room for a loaded CI machine and fails on a return of unsliced
        // work (840 ms before slicing, 250 ms with one whole-file pass).
        assert!(gap < 200.0, "the page was blocked for {gap:.0} ms");
    });
}
