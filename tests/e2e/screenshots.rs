//! README screenshots from the real app (not a test: run by scripts/screenshots.sh).

use crate::support::*;
use std::time::Duration;

#[test]
#[ignore = "writes docs/screenshots/: run scripts/screenshots.sh"]
fn screenshots() {
    with_browser(|c| async move {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let views = [
            ("article", format!("/nachrichten/{ARTICLE_SLUG}")),
            ("list", "/".to_owned()),
            ("list-familie", "/?tag=Familie".to_owned()),
        ];
        for (device, width, height) in [("phone", 390, 844), ("desktop", 1280, 900)] {
            c.set_window_size(width, height).await.unwrap();
            for theme in ["light", "dark"] {
                for (name, path) in &views {
                    c.goto(&format!("{}/", base())).await.unwrap();
                    eval(&c, &format!("localStorage.setItem('newsroom-theme', '{theme}'); return null")).await;
                    open(&c, &format!("{}{path}", base())).await;
                    find(&c, ".teasers > li img").await;
                    // Let images decode and two frames paint (a first screenshot can come out white).
                    tokio::time::sleep(Duration::from_millis(500)).await;
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
