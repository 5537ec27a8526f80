//! README screenshots from the real app (not a test: run by scripts/screenshots.sh).

use crate::support::*;
use std::time::Duration;

#[test]
#[ignore = "writes docs/screenshots/: run scripts/screenshots.sh"]
fn screenshots() {
    with_browser(|c| async move {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        // (name, path, the block scrolled to the top, also dark): format 1.2's blocks in light only.
        let views = [
            ("article", format!("/nachrichten/{ARTICLE_SLUG}"), None, true),
            ("list", "/".to_owned(), None, true),
            ("list-familie", "/?tag=Familie".to_owned(), None, true),
            (
                "table",
                "/nachrichten/so-erreichen-sie-die-stadtverwaltung-ueber-den-jahreswechsel".to_owned(),
                Some(".table-scroll"),
                false,
            ),
            ("gallery", "/nachrichten/wintergalerie-kunst-im-alten-kaufhof".to_owned(), Some(".gallery"), false),
        ];
        for (device, width, height) in [("phone", 390, 844), ("desktop", 1280, 900)] {
            c.set_window_size(width, height).await.unwrap();
            for theme in ["light", "dark"] {
                for (name, path, block, dark) in &views {
                    if theme == "dark" && !dark {
                        continue;
                    }
                    c.goto(&format!("{}/", base())).await.unwrap();
                    eval(&c, &format!("localStorage.setItem('newsroom-theme', '{theme}'); return null")).await;
                    open(&c, &format!("{}{path}", base())).await;
                    find(&c, ".teasers > li img").await;
                    // Let images decode and two frames paint (a first screenshot can come out white).
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    if let Some(block) = block {
                        let scroll = format!(
                            "document.querySelector('{block}').scrollIntoView(); scrollBy(0, -24); return null"
                        );
                        eval(&c, &scroll).await;
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                    c.execute_async("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)))", vec![])
                        .await
                        .unwrap();
                    let png = c.screenshot().await.unwrap();
                    std::fs::write(dir.join(format!("{name}-{device}-{theme}.png")), png).unwrap();
                }
            }
        }
    });
}
