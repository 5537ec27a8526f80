//! The publish step in an editor's and a CMS's hands (issue #26): a mistake never takes news off
//! the site, a run stopped at any moment leaves a site a reader can use, runs do not mix, and
//! every message says what to fix. The command is run as a CMS runs it (the built binary); the
//! site is checked as a reader meets it: every listed article has its pages, every compressed
//! copy is its file's.

#![cfg(not(target_arch = "wasm32"))]

use newsroom::core::decode::{decode_article, decode_index};
use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsroom-safety-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("content/articles")).unwrap();
    fs::create_dir_all(dir.join("dist")).unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"), dir.join("dist/index.html")).unwrap();
    dir
}

fn doc(slug: &str, headline: &str, day: u32) -> serde_json::Value {
    serde_json::json!({
        "slug": slug, "headline": headline, "published": format!("2025-11-{:02}T10:00:00+01:00", day % 28 + 1),
        "kicker": "Stadt", "lead": "Ein Vorspann.", "tags": ["Familie"],
        "body": [{"type": "paragraph", "text": format!("{headline}: Text über den Wochenmarkt und die Stadt. ").repeat(8)}]
    })
}

fn write(dir: &Path, slug: &str, value: &serde_json::Value) {
    fs::write(dir.join(format!("content/articles/{slug}.json")), value.to_string()).unwrap();
}

fn publish_cmd(dir: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsroom-publish"));
    c.arg(dir.join("content")).arg(dir.join("dist")).args(["--site-url", "https://nr.example"]).args(extra);
    c
}

fn publish(dir: &Path, extra: &[&str]) -> Output {
    publish_cmd(dir, extra).output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// Every file of the site (not the step's own state) with its bytes.
fn snapshot(dist: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dist.to_owned()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().unwrap() != ".publish" {
                    stack.push(p);
                }
            } else {
                files.insert(p.strip_prefix(dist).unwrap().display().to_string(), fs::read(&p).unwrap());
            }
        }
    }
    files
}

/// The slugs the served index lists (every page of `api/news.json`).
fn listed(dist: &Path) -> Vec<String> {
    let mut slugs = Vec::new();
    let mut page = Some("news.json".to_owned());
    while let Some(name) = page {
        let index = decode_index(&fs::read_to_string(dist.join("api").join(&name)).unwrap()).unwrap();
        slugs.extend(index.index.items.iter().map(|t| t.slug.to_string()));
        page = index.index.next;
    }
    slugs
}

/// What a reader can rely on whenever they look: every listed article has its entry page, API
/// file and oEmbed; the search index's parts have their entry and meta files; every `.br` and
/// `.gz` is not empty and unpacks to the file beside it.
fn assert_consistent(dist: &Path, when: &str) {
    for slug in listed(dist) {
        for f in [format!("nachrichten/{slug}.html"), format!("oembed/{slug}.json")] {
            assert!(dist.join(&f).is_file(), "{when}: {f} is listed but missing");
        }
        let api = fs::read_to_string(dist.join(format!("api/articles/{slug}.json"))).unwrap();
        decode_article(&api).unwrap_or_else(|e| panic!("{when}: api/articles/{slug}.json: {e}"));
    }
    let parts: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("pagefind/parts.json")).unwrap()).unwrap();
    for part in parts["parts"].as_array().unwrap() {
        let dir = dist.join("pagefind").join(part["path"].as_str().unwrap());
        let entry: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("pagefind-entry.json")).unwrap()).unwrap();
        let hash = entry["languages"]["de"]["hash"].as_str().unwrap();
        assert!(dir.join(format!("pagefind.{hash}.pf_meta")).is_file(), "{when}: {hash} meta missing");
    }
    for (path, bytes) in snapshot(dist) {
        let Some(source) = path.strip_suffix(".br").or_else(|| path.strip_suffix(".gz")) else { continue };
        assert!(!bytes.is_empty(), "{when}: {path} is empty");
        let mut unpacked = Vec::new();
        if path.ends_with(".br") {
            brotli::Decompressor::new(&bytes[..], 4096).read_to_end(&mut unpacked).unwrap();
        } else {
            flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut unpacked).unwrap();
        }
        assert_eq!(unpacked, fs::read(dist.join(source)).unwrap(), "{when}: {path} is not its file's");
    }
}

#[test]
fn a_missing_or_empty_content_folder_changes_nothing() {
    let dir = scratch("folders");
    write(&dir, "eins", &doc("eins", "Eins", 1));
    assert_eq!(publish(&dir, &[]).status.code(), Some(0));
    let before = snapshot(&dir.join("dist"));
    // A typo in the folder's name.
    let mut typo = Command::new(env!("CARGO_BIN_EXE_newsroom-publish"));
    let o = typo
        .arg(dir.join("contnet"))
        .arg(dir.join("dist"))
        .args(["--site-url", "https://nr.example"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("contnet/articles gibt es nicht"), "{}", text(&o));
    // A failed export: the folder is there and empty.
    fs::rename(dir.join("content/articles/eins.json"), dir.join("eins.json")).unwrap();
    let o = publish(&dir, &["--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((report["outcome"].as_str(), report["changed"].as_bool()), (Some("refused"), Some(false)));
    assert_eq!(report["reason"], "content_folder", "what a CMS branches on");
    assert!(report["message"].as_str().unwrap().contains("enthält keine Beiträge"), "{report}");
    // Not a folder at all.
    fs::remove_dir(dir.join("content/articles")).unwrap();
    fs::write(dir.join("content/articles"), "x").unwrap();
    assert_eq!(publish(&dir, &[]).status.code(), Some(2));
    assert_eq!(snapshot(&dir.join("dist")), before, "the site changed");
}

#[test]
fn removing_many_published_articles_needs_a_yes() {
    let dir = scratch("removals");
    for i in 0..40 {
        write(&dir, &format!("a{i}"), &doc(&format!("a{i}"), &format!("Artikel {i}"), i));
    }
    assert_eq!(publish(&dir, &[]).status.code(), Some(0));
    for i in 0..5 {
        fs::remove_file(dir.join(format!("content/articles/a{i}.json"))).unwrap();
    }
    let before = snapshot(&dir.join("dist"));
    let o = publish(&dir, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("würde 5 der 40 veröffentlichten Beiträge entfernen (a0, a1, a2, a3, a4)"),
        "{}",
        text(&o)
    );
    assert!(text(&o).contains("--allow-removals 5"), "{}", text(&o));
    let report: serde_json::Value = serde_json::from_slice(&publish(&dir, &["--format", "json"]).stdout).unwrap();
    assert_eq!((report["outcome"].as_str(), report["reason"].as_str()), (Some("refused"), Some("removals")));
    assert_eq!(snapshot(&dir.join("dist")), before);
    // Four is within the bound (3 or a tenth of 40).
    fs::write(dir.join("content/articles/a0.json"), doc("a0", "Artikel 0", 0).to_string()).unwrap();
    let o = publish(&dir, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("Entfernt: 4 Beiträge (a1, a2, a3, a4)"), "{}", text(&o));
    for i in 5..10 {
        fs::remove_file(dir.join(format!("content/articles/a{i}.json"))).unwrap();
    }
    assert_eq!(publish(&dir, &["--allow-removals", "5"]).status.code(), Some(0));
    assert_eq!(listed(&dir.join("dist")).len(), 31);
    assert!(!dir.join("dist/nachrichten/a7.html").exists());
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_online() {
    let dir = scratch("last-good");
    write(&dir, "markt", &doc("markt", "Wochenmarkt zieht um", 3));
    write(&dir, "bad", &doc("bad", "Bad", 4));
    assert_eq!(publish(&dir, &[]).status.code(), Some(0));
    // A missing comma in the edited file.
    let broken = "{\n  \"slug\": \"markt\"\n  \"headline\": \"Wochenmarkt zieht doch nicht um\"\n}\n";
    fs::write(dir.join("content/articles/markt.json"), broken).unwrap();
    let o = publish(&dir, &[]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    assert!(
        out.contains(
            "markt.json: kein gültiges JSON: hier fehlt ein Komma oder eine schließende Klammer (Zeile 3, Spalte 3)"
        ),
        "{out}"
    );
    assert!(out.contains("\n      \"headline\": \"Wochenmarkt zieht doch nicht um\"\n      ^"), "{out}");
    assert!(out.contains("markt.json: die zuletzt veröffentlichte Fassung bleibt online"), "{out}");
    assert!(out.contains("1 Beitrag konnte nicht veröffentlicht werden"), "{out}");
    let page = fs::read_to_string(dir.join("dist/nachrichten/markt.html")).unwrap();
    assert!(page.contains("Wochenmarkt zieht um"));
    assert!(listed(&dir.join("dist")).contains(&"markt".to_owned()));
    // A bad date: the expected form with an example; JSON for a CMS names the file and field.
    let mut bad = doc("bad", "Bad", 4);
    bad["published"] = "19.12.2025".into();
    write(&dir, "bad", &bad);
    let o = publish(&dir, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["outcome"], "some_refused");
    assert_eq!(report["kept_last_good"], serde_json::json!(["bad.json", "markt.json"]));
    let p =
        report["problems"].as_array().unwrap().iter().find(|p| p["file"] == "bad.json" && p["field"] == "published");
    let message = p.unwrap()["message"].as_str().unwrap();
    assert!(
        message.contains("\"19.12.2025\"") && message.contains("\"published\": \"2025-12-19T09:30:00+01:00\""),
        "{message}"
    );
    let syntax = report["problems"].as_array().unwrap().iter().find(|p| p["file"] == "markt.json").unwrap();
    assert_eq!((syntax["line"].as_u64(), syntax["column"].as_u64()), (Some(3), Some(3)));
    // Only deleting the file takes it off.
    fs::remove_file(dir.join("content/articles/markt.json")).unwrap();
    publish(&dir, &[]);
    assert!(!dir.join("dist/nachrichten/markt.html").exists());
    assert!(!listed(&dir.join("dist")).contains(&"markt".to_owned()));
}

#[test]
fn slips_are_named_with_what_was_meant_and_strict_refuses_them() {
    let dir = scratch("slips");
    let mut a = doc("slips", "Vertipptes", 5);
    a["kiker"] = "Verkehr".into();
    a["tag"] = serde_json::json!(["Verkehr"]);
    a["updated"] = "gestern".into();
    a["body"] = serde_json::json!([
        {"type": "paragraf", "text": "Ein Absatz"},
        {"type": "image", "src": "/media/fehlt.jpg", "alt": "Ein Bild"},
        {"type": "paragraph", "text": "Gut"}
    ]);
    write(&dir, "slips", &a);
    let o = publish(&dir, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let out = text(&o);
    for expected in [
        "slips.json: Hinweis: unbekanntes Feld 'kiker' wird ignoriert – Meinten Sie 'kicker'?",
        "slips.json: Hinweis: unbekanntes Feld 'tag' wird ignoriert – Meinten Sie 'tags'?",
        "slips.json: Hinweis: unbekannter Blocktyp 'paragraf': der Block wird nicht gezeigt – Meinten Sie 'paragraph'?",
        "slips.json: Hinweis: die Bilddatei '/media/fehlt.jpg' gibt es nicht",
        "slips.json: Hinweis: das Feld 'updated' hat einen ungültigen Wert \"gestern\" und wird weggelassen; erwartet: Datum und Uhrzeit nach RFC 3339",
        "1 Beitrag veröffentlicht",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(!out.contains("decode error"), "English in {out}");
    // --strict: the same slips refuse the article (the published version stays).
    let o = publish(&dir, &["--strict", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["kept_last_good"], serde_json::json!(["slips.json"]));
    // A file named .JSON is not silently ignored.
    write(&dir, "gross", &doc("gross", "Groß", 6));
    fs::rename(dir.join("content/articles/gross.json"), dir.join("content/articles/gross.JSON")).unwrap();
    assert!(text(&publish(&dir, &[])).contains("gross.JSON: Hinweis: wird nicht gelesen"));
}

#[test]
fn the_command_line_names_a_misspelt_flag_and_refuses_a_bad_site_url_or_folder() {
    let dir = scratch("cli-safety");
    write(&dir, "eins", &doc("eins", "Eins", 1));
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_newsroom-publish")).args(args).output().unwrap();
    let (content, dist) = (dir.join("content").display().to_string(), dir.join("dist").display().to_string());
    let o = run(&[&content, &dist, "--siteurl", "https://nr.example"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("unbekannte Option '--siteurl' – Meinten Sie '--site-url'?"), "{}", text(&o));
    let o = run(&["--help"]);
    assert!(o.status.success() && text(&o).contains("Aufruf: newsroom-publish CONTENT_DIR DIST_DIR"), "{}", text(&o));
    for bad in ["https://", "https://nr.example/?q=1", "https://nr.example\nDisallow: /", "nr.example"] {
        let o = run(&[&content, &dist, "--site-url", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(text(&o).contains("ist keine gültige Adresse der Website"), "{}", text(&o));
    }
    let o = run(&[&content, &dist, "--site-url", "HTTPS://NR.Example/"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(fs::read_to_string(dir.join("dist/robots.txt")).unwrap().contains("https://nr.example/sitemap.xml"));
    // A folder that is not a build of the app is not written into.
    let other = dir.join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("index.html"), "<!doctype html><title>Andere Seite</title>").unwrap();
    let o = run(&[&content, &other.display().to_string(), "--site-url", "https://nr.example"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("ist kein Newsroom-Build"), "{}", text(&o));
    let json = run(&[&content, &other.display().to_string(), "--site-url", "https://nr.example", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["reason"], "not_a_build");
    assert_eq!(fs::read_dir(&other).unwrap().count(), 1);
}

#[test]
fn a_dry_run_reports_and_writes_nothing() {
    let dir = scratch("dry");
    write(&dir, "eins", &doc("eins", "Eins", 1));
    write(&dir, "zwei", &doc("zwei", "Zwei", 2));
    publish(&dir, &[]);
    let before = snapshot(&dir.join("dist"));
    write(&dir, "drei", &doc("drei", "Drei", 3));
    fs::remove_file(dir.join("content/articles/zwei.json")).unwrap();
    let o = publish(&dir, &["--dry-run", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["dry_run"], true);
    let written: Vec<&str> = report["written_files"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert!(written.contains(&"nachrichten/drei.html") && written.contains(&"api/news.json"), "{written:?}");
    let removed: Vec<&str> = report["removed_files"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    assert!(removed.contains(&"nachrichten/zwei.html"), "{removed:?}");
    assert_eq!(snapshot(&dir.join("dist")), before);
}

#[test]
fn feeds_stay_well_formed_with_noncharacters_and_a_long_tag_is_published() {
    let dir = scratch("values");
    let mut a = doc("werte", "Kaputt\u{FFFF}e Zeichen\u{FFFE}", 1);
    let long_tag = "Sehr langes Thema ".repeat(13);
    a["tags"] = serde_json::json!([long_tag.trim()]);
    write(&dir, "werte", &a);
    let o = publish(&dir, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for (path, bytes) in snapshot(&dir.join("dist")) {
        if path.ends_with(".xml") || path.ends_with(".html") {
            let s = String::from_utf8(bytes).unwrap();
            assert!(!s.contains(['\u{FFFF}', '\u{FFFE}']), "{path} has a noncharacter");
        }
        assert!(path.rsplit('/').next().unwrap().len() < 150, "{path}");
    }
    let feeds = fs::read_dir(dir.join("dist/feeds")).unwrap().count();
    assert_eq!(feeds, 2 * 3, "all news and the long tag's feed, each with .br and .gz");
}

#[test]
fn an_empty_or_stale_compressed_copy_is_made_again() {
    let dir = scratch("compressed");
    write(&dir, "eins", &doc("eins", "Eins", 1));
    publish(&dir, &[]);
    let dist = dir.join("dist");
    fs::write(dist.join("nachrichten/eins.html.br"), b"").unwrap();
    fs::remove_file(dist.join("sitemap.xml.gz")).unwrap();
    let o = publish(&dir, &[]);
    assert!(text(&o).contains("0 Dateien geschrieben"), "{}", text(&o));
    assert_consistent(&dist, "after repair");
    assert!(dist.join("sitemap.xml.br").is_file(), "the sitemap is compressed too");
}

#[test]
fn an_open_page_can_still_search_the_former_index_for_a_while() {
    let dir = scratch("grace");
    write(&dir, "eins", &doc("eins", "Eins", 1));
    write(&dir, "zwei", &doc("zwei", "Zwei", 2));
    publish(&dir, &[]);
    let fragments = |dist: &Path| fs::read_dir(dist.join("pagefind/2025-11/fragment")).unwrap().count();
    assert_eq!(fragments(&dir.join("dist")), 2);
    write(&dir, "zwei", &doc("zwei", "Zwei neu", 2));
    publish(&dir, &[]);
    assert_eq!(fragments(&dir.join("dist")), 3, "the former fragment stays for open pages");
    publish(&dir, &["--grace-hours", "0"]);
    assert_eq!(fragments(&dir.join("dist")), 2, "and goes after the grace period");
}

#[test]
fn runs_at_once_wait_for_each_other_and_the_last_content_wins() {
    let dir = scratch("concurrent");
    for i in 0..60 {
        write(&dir, &format!("a{i}"), &doc(&format!("a{i}"), &format!("Artikel {i}"), i));
    }
    let runs: Vec<_> =
        (0..3).map(|_| publish_cmd(&dir, &[]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()).collect();
    std::thread::sleep(Duration::from_millis(100));
    write(&dir, "a0", &doc("a0", "Die letzte Fassung", 0));
    for mut r in runs {
        assert_eq!(r.wait().unwrap().code(), Some(0));
    }
    assert_eq!(publish(&dir, &[]).status.code(), Some(0));
    assert!(fs::read_to_string(dir.join("dist/nachrichten/a0.html")).unwrap().contains("Die letzte Fassung"));
    assert_consistent(&dir.join("dist"), "after three runs at once");
}

#[test]
fn a_run_killed_at_any_moment_leaves_a_usable_site_and_the_next_run_finishes_it() {
    let dir = scratch("kill");
    for i in 0..80 {
        write(&dir, &format!("a{i}"), &doc(&format!("a{i}"), &format!("Artikel {i}"), i));
    }
    let dist = dir.join("dist");
    let started = std::time::Instant::now();
    assert_eq!(publish(&dir, &[]).status.code(), Some(0));
    let whole = started.elapsed();
    for point in 1..=8u32 {
        // Each run has something new: every article changed, a new one, and one removed.
        for i in 0..80 {
            write(&dir, &format!("a{i}"), &doc(&format!("a{i}"), &format!("Artikel {i}, Fassung {point}"), i));
        }
        write(&dir, &format!("neu{point}"), &doc(&format!("neu{point}"), "Neu", point));
        let mut child =
            publish_cmd(&dir, &["--grace-hours", "0"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(whole * point / 9);
        let _ = child.kill();
        let _ = child.wait();
        assert_consistent(&dist, &format!("killed at {point}/9"));
        // The new article is withdrawn before the next run: it must not stay online.
        fs::remove_file(dir.join(format!("content/articles/neu{point}.json"))).unwrap();
    }
    let o = publish(&dir, &["--grace-hours", "0"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_consistent(&dist, "after the next run");
    let files = snapshot(&dist);
    assert!(!files.keys().any(|p| p.contains(".publishing")), "leftovers");
    assert!(!files.keys().any(|p| p.starts_with("nachrichten/neu")), "a withdrawn article stayed online");
    assert_eq!(listed(&dist).len(), 80);
    assert!(String::from_utf8_lossy(&files["nachrichten/a7.html"]).contains("Artikel 7, Fassung 8"));
}

/// A small file system of its own (tmpfs), unmounted when dropped.
struct SmallDisk(PathBuf);

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_leaves_the_former_site_and_the_next_run_finishes() {
    let dir = scratch("full");
    let dist = dir.join("dist");
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"]).arg(&dist).status();
    assert!(
        mounted.is_ok_and(|s| s.success()),
        "mounting a 1 MiB tmpfs failed: the test command runs as root (README)"
    );
    let _disk = SmallDisk(dist.clone());
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"), dist.join("index.html")).unwrap();
    for i in 0..5 {
        write(&dir, &format!("a{i}"), &doc(&format!("a{i}"), &format!("Artikel {i}"), i));
    }
    assert_eq!(publish(&dir, &[]).status.code(), Some(0));
    let before = listed(&dist);
    for i in 5..150 {
        write(&dir, &format!("a{i}"), &doc(&format!("a{i}"), &format!("Artikel {i}"), i));
    }
    let o = publish(&dir, &["--format", "json"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((report["outcome"].as_str(), report["reason"].as_str()), (Some("interrupted"), Some("write")));
    assert!(report["message"].as_str().unwrap().contains("Stand des letzten vollständigen"), "{report}");
    assert_eq!(listed(&dist), before, "the index switched although pages are missing");
    assert_consistent(&dist, "disk full");
    // More room: the next run finishes the job.
    assert!(Command::new("mount").args(["-o", "remount,size=64m"]).arg(&dist).status().unwrap().success());
    let o = publish(&dir, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(listed(&dist).len(), 150);
    assert_consistent(&dist, "after the disk got room");
    assert!(!snapshot(&dist).keys().any(|p| p.contains(".publishing")));
}
