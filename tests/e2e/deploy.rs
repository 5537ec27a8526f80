//! A deploy never breaks a reader: with a page of release N open, release N+1 (new hashed file
//! names) is deployed by scripts/deploy.sh. The open page goes on working, its next navigation
//! works, release N's files are still there for a browser that fetched N's page just before the
//! switch, and a reload gets release N+1.

use crate::support::*;
use std::path::Path;
use std::process::Command;

/// The app's hash in a release's index.html (`newsroom-<hex>.js`).
fn app_hash(release: &Path) -> String {
    let index = std::fs::read_to_string(release.join("index.html")).unwrap();
    // The file's path (the inline script's "newsroom-theme" is no file).
    let at = index.find("/newsroom-").expect("index.html names the app's files") + "/newsroom-".len();
    // A 64-bit hex number: up to 16 digits (fewer with leading zeros).
    let hash: String = index[at..].chars().take_while(char::is_ascii_hexdigit).collect();
    assert!(!hash.is_empty(), "no hash after /newsroom- in index.html");
    hash
}

/// Release N+1: the live release with the app's files under a new hash (as a new build has them).
fn next_release(live: &Path, into: &Path, new_hash: &str) {
    let old_hash = app_hash(live);
    let _ = std::fs::remove_dir_all(into);
    let copied = Command::new("cp").arg("-a").arg(live).arg(into).status().unwrap();
    assert!(copied.success());
    for entry in walk(into) {
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        // Precompressed copies of what changes would be stale; the server falls back to the file.
        if name.ends_with(".br") || name.ends_with(".gz") {
            if name.contains(&old_hash) || name.contains(".html") || name.contains(".js.") {
                std::fs::remove_file(&entry).unwrap();
            }
            continue;
        }
        if name.ends_with(".html") || name.ends_with(".js") {
            let text = std::fs::read_to_string(&entry).unwrap();
            std::fs::write(&entry, text.replace(&old_hash, new_hash)).unwrap();
        }
        if name.contains(&old_hash) {
            std::fs::rename(&entry, entry.with_file_name(name.replace(&old_hash, new_hash))).unwrap();
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_deploy_while_a_page_is_open_breaks_nothing() {
    with_browser(|c| async move {
        let site = deploy_base();
        let releases = releases_dir();
        let live = std::fs::canonicalize(releases.join("current")).unwrap();
        let old_hash = app_hash(&live);
        open(&c, &format!("{site}/")).await;
        wait_until(&c, "document.querySelector('.teasers li a')", "the list of release N").await;

        // Release N+1 goes live while the list is open.
        let new_hash = format!(
            "{:016x}",
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
        );
        let build = releases.with_file_name("next-build");
        next_release(&live, &build, &new_hash);
        let deployed = Command::new("bash")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/deploy.sh"))
            .arg(&build)
            .arg(&releases)
            .status()
            .unwrap();
        assert!(deployed.success());
        assert_eq!(app_hash(&std::fs::canonicalize(releases.join("current")).unwrap()), new_hash);

        // The open page: its next navigation (an article, then back) works.
        find(&c, ".teasers li a").await.click().await.unwrap();
        wait_until(&c, "document.querySelector('article.article h1')", "an article after the deploy").await;
        find(&c, ".brand").await.click().await.unwrap();
        wait_until(&c, "document.querySelector('.teasers li a')", "the list after the deploy").await;
        if std::env::var("BROWSER").as_deref() == Ok("chromium") {
            let errors = console_errors(&c).await;
            assert!(errors.is_empty(), "{errors:?}");
        }

        // Release N's files are still served, for a page of N fetched just before the switch.
        let status = eval(
            &c,
            &format!("return fetch('/newsroom-{old_hash}_bg.wasm', {{cache: 'no-store'}}).then(r => r.status)"),
        )
        .await;
        assert_eq!(status, 200);

        // The reader gets release N+1. Without the offline worker in control, a reload revalidates
        // the page. With it (WebKit installs it within these seconds), the worker keeps release N's
        // page until the reader accepts the new version it offers (decision 14: tested in
        // offline.rs); here, what a new visitor is served is release N+1.
        if eval(&c, "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)").await == true {
            let page = eval_async(&c, "return await (await fetch('/?neu=1', {cache: 'no-store'})).text()").await;
            assert!(
                page.as_str().unwrap().contains(&format!("/newsroom-{new_hash}.js")),
                "a new visitor gets release N+1"
            );
            return;
        }
        eval(&c, "window.releaseN = true; return null").await;
        c.refresh().await.unwrap();
        // (Marked: WebKit's driver may answer the refresh before the new document is there.)
        wait_until(&c, "!window.releaseN && document.querySelector('.teasers li a')", "the list of release N+1").await;
        let loaded = eval(&c, "return performance.getEntriesByType('resource').map(e => e.name).join(' ')").await;
        assert!(loaded.as_str().unwrap().contains(&new_hash), "release N+1's files: {loaded}");
    });
}
