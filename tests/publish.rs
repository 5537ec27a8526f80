//! The publish step on content it must survive: a broken article, a headline made to break out
//! of the JSON-LD, a removed article, a second run. Outputs are read back by parsers (serde_json
//! for JSON and JSON-LD, the app's decoder for the index), not by searching for strings.

#![cfg(not(target_arch = "wasm32"))]

use newsroom::core::decode::decode_index;
use newsroom::publish::{publish, run, source::Severity, Options, Report};
use std::fs;
use std::path::{Path, PathBuf};

/// Publishes with the search index in parts of `part_size` and former index files removed at once
/// (no grace period for open pages: `a_publish_keeps_what_an_open_page_may_still_ask_for`).
fn publish_with(content: &Path, dist: &Path, site_url: &str, part_size: usize) -> Result<Report, String> {
    let options = Options { search_part_size: part_size, grace: std::time::Duration::ZERO, ..Options::new(site_url) };
    run(content, dist, &options).map_err(|stop| stop.message().to_owned())
}

fn publish_at_once(content: &Path, dist: &Path) -> Report {
    publish_with(content, dist, "https://nr.example", newsroom::publish::search::PART_SIZE).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsroom-publish-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("content/articles")).unwrap();
    fs::create_dir_all(dir.join("dist")).unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"), dir.join("dist/index.html")).unwrap();
    dir
}

fn article(dir: &Path, slug: &str, headline: &str) {
    let doc = serde_json::json!({
        "slug": slug, "headline": headline, "published": "2025-12-19T10:00:00+01:00",
        "lead": "Ein Vorspann.", "tags": ["Familie"], "body": [{"type": "paragraph", "text": "Text."}]
    });
    fs::write(dir.join(format!("content/articles/{slug}.json")), doc.to_string()).unwrap();
}

/// The JSON inside each `<script type="application/ld+json">` of a page.
fn json_ld(page: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    page.match_indices(open)
        .map(|(i, _)| {
            let rest = &page[i + open.len()..];
            serde_json::from_str(&rest[..rest.find("</script>").unwrap()]).unwrap()
        })
        .collect()
}

#[test]
fn a_broken_article_is_reported_by_file_and_field_and_the_others_publish() {
    let dir = scratch("broken");
    article(&dir, "gut", "Gute Nachricht");
    fs::write(
        dir.join("content/articles/meldung-00002.json"),
        r#"{"slug":"meldung-00002","published":"2025-12-19T10:00:00+01:00","body":[]}"#,
    )
    .unwrap();
    article(&dir, "falscher-name", "Name");
    fs::rename(dir.join("content/articles/falscher-name.json"), dir.join("content/articles/anders.json")).unwrap();
    let report = publish(&dir.join("content"), &dir.join("dist"), "https://nr.example").unwrap();
    assert!(report.failed());
    let errors: Vec<String> =
        report.problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.german()).collect();
    assert!(
        errors.iter().any(|e| e.starts_with("meldung-00002.json: das Feld 'headline' fehlt; erwartet: ein Text")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.starts_with("anders.json: der slug 'falscher-name' passt nicht")), "{errors:?}");
    assert_eq!(report.published, 1);
    assert!(dir.join("dist/nachrichten/gut.html").exists());
    let index = decode_index(&fs::read_to_string(dir.join("dist/api/news.json")).unwrap()).unwrap();
    assert_eq!(index.index.items.len(), 1);
}

#[test]
fn json_ld_survives_a_headline_that_tries_to_end_the_script() {
    let dir = scratch("jsonld");
    let hostile = "</script><script>alert(1)</script><!-- & \"quoted\"";
    article(&dir, "boese", hostile);
    let report = publish(&dir.join("content"), &dir.join("dist"), "https://nr.example").unwrap();
    assert!(!report.failed(), "{:?}", report.problems);
    let page = fs::read_to_string(dir.join("dist/nachrichten/boese.html")).unwrap();
    let ld = json_ld(&page);
    assert_eq!(ld.len(), 1, "exactly one JSON-LD block");
    assert_eq!(ld[0]["@type"], "NewsArticle");
    assert_eq!(ld[0]["headline"], hostile);
    // The only scripts are the template's own and the JSON-LD.
    let template = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    assert_eq!(page.matches("<script").count(), template.matches("<script").count() + 1);
    let oembed: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("dist/oembed/boese.json")).unwrap()).unwrap();
    assert_eq!((oembed["type"].as_str(), oembed["version"].as_str()), (Some("rich"), Some("1.0")));
    assert_eq!(oembed["title"], hostile);
}

#[test]
fn a_second_run_writes_nothing_and_a_removed_article_disappears_everywhere() {
    let dir = scratch("incremental");
    article(&dir, "eins", "Eins");
    article(&dir, "zwei", "Zwei");
    let (content, dist) = (dir.join("content"), dir.join("dist"));
    let first = publish(&content, &dist, "https://nr.example").unwrap();
    assert!(first.written.written > 0);
    let again = publish(&content, &dist, "https://nr.example").unwrap();
    assert_eq!((again.written.written, again.written.removed), (0, 0));
    article(&dir, "zwei", "Zwei, geändert");
    let changed = publish(&content, &dist, "https://nr.example").unwrap();
    assert!(changed.written.written > 0 && changed.written.written < first.written.written);
    fs::remove_file(content.join("articles/zwei.json")).unwrap();
    let removed = publish(&content, &dist, "https://nr.example").unwrap();
    assert!(removed.written.removed >= 3, "page, oEmbed, article file");
    for gone in ["nachrichten/zwei.html", "oembed/zwei.json", "api/articles/zwei.json"] {
        assert!(!dist.join(gone).exists(), "{gone} stayed");
    }
    let sitemap = fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/nachrichten/zwei<"), "sitemap still lists the removed article");
    let index = decode_index(&fs::read_to_string(dist.join("api/news.json")).unwrap()).unwrap();
    assert_eq!(index.index.items.iter().map(|t| t.slug.to_string()).collect::<Vec<_>>(), ["eins"]);
}

#[test]
fn the_command_exits_non_zero_and_names_file_and_field_in_german_or_json() {
    let dir = scratch("cli");
    article(&dir, "gut", "Gute Nachricht");
    fs::write(
        dir.join("content/articles/kaputt.json"),
        r#"{"slug":"kaputt","headline":"H","published":"gestern","body":[]}"#,
    )
    .unwrap();
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_newsroom-publish"))
            .arg(dir.join("content"))
            .arg(dir.join("dist"))
            .args(["--site-url", "https://nr.example"])
            .args(extra)
            .output()
            .unwrap()
    };
    let text = run(&[]);
    assert_eq!(text.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert!(stderr.contains("kaputt.json: das Feld 'published' hat einen ungültigen Wert"), "{stderr}");
    let json = run(&["--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["published"], 1);
    let problem = &report["problems"][0];
    assert_eq!((problem["file"].as_str(), problem["field"].as_str()), (Some("kaputt.json"), Some("published")));
    assert_eq!(problem["severity"], "error");
    // Without a site URL the run does not start.
    let usage = std::process::Command::new(env!("CARGO_BIN_EXE_newsroom-publish")).arg("x").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn a_file_not_in_utf8_is_refused_and_a_byte_order_mark_is_fine() {
    let dir = scratch("encoding");
    let latin1: Vec<u8> = r#"{"slug":"latin","headline":"Gr?e","published":"2025-12-19T10:00:00+01:00","body":[]}"#
        .bytes()
        .map(|b| if b == b'?' { 0xf6 } else { b })
        .collect();
    fs::write(dir.join("content/articles/latin.json"), latin1).unwrap();
    let doc = r#"{"slug":"bom","headline":"Größe","published":"2025-12-19T10:00:00+01:00","body":[]}"#;
    fs::write(dir.join("content/articles/bom.json"), format!("\u{feff}{doc}")).unwrap();
    let report = publish(&dir.join("content"), &dir.join("dist"), "https://nr.example").unwrap();
    let errors: Vec<String> = report.problems.iter().map(|p| p.german()).collect();
    assert_eq!(errors, ["latin.json: die Datei ist nicht in UTF-8 gespeichert (Zeile 1, Spalte 31); bitte im Editor als UTF-8 speichern"]);
    assert_eq!(report.published, 1);
    assert!(!dir.join("dist/api/articles/latin.json").exists());
    // Every published JSON file is UTF-8 a strict reader takes.
    let bom: serde_json::Value = serde_json::from_str(
        fs::read_to_string(dir.join("dist/api/articles/bom.json")).unwrap().trim_start_matches('\u{feff}'),
    )
    .unwrap();
    assert_eq!(bom["headline"], "Größe");
}

/// The parts of the search index the browser is told of (`pagefind/parts.json`), newest first:
/// each one's folder and how many articles it holds.
fn index_parts(dist: &Path) -> Vec<(String, u64)> {
    let list: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("pagefind/parts.json")).unwrap()).unwrap();
    list["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["path"].as_str().unwrap().to_owned(), p["articles"].as_u64().unwrap()))
        .collect()
}

/// Pagefind's own description of the index part at `part`: how many pages per language.
fn indexed_pages(dist: &Path, part: &str) -> serde_json::Value {
    let entry: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dist.join("pagefind").join(part).join("pagefind-entry.json")).unwrap(),
    )
    .unwrap();
    entry["languages"].clone()
}

#[test]
fn the_search_index_holds_every_article_and_forgets_a_removed_one() {
    let dir = scratch("search");
    article(&dir, "eins", "Eins");
    article(&dir, "zwei", "Zwei");
    let (content, dist) = (dir.join("content"), dir.join("dist"));
    publish(&content, &dist, "https://nr.example").unwrap();
    // One part (a small newsroom), German (the reader searches one language), with both
    // articles and their fragments (what a result shows); Pagefind's script and wasm beside it,
    // its ready-made interfaces and its own worker left out.
    assert_eq!(index_parts(&dist), [("2025-12/".to_owned(), 2)]);
    assert_eq!(indexed_pages(&dist, "2025-12")["de"]["page_count"], 2);
    assert_eq!(fs::read_dir(dist.join("pagefind/2025-12/fragment")).unwrap().count(), 2);
    for file in ["pagefind.js", "wasm.de.pagefind"] {
        assert!(dist.join("pagefind").join(file).exists(), "{file}");
    }
    for file in ["pagefind-ui.js", "pagefind-worker.js", "2025-12/pagefind.js"] {
        assert!(!dist.join("pagefind").join(file).exists(), "{file}");
    }
    fs::remove_file(content.join("articles/zwei.json")).unwrap();
    publish_at_once(&content, &dist);
    assert_eq!(indexed_pages(&dist, "2025-12")["de"]["page_count"], 1);
    assert_eq!(
        fs::read_dir(dist.join("pagefind/2025-12/fragment")).unwrap().count(),
        1,
        "the removed article's fragment"
    );
}

/// An article published in `year` (otherwise as `article`).
fn article_of(dir: &Path, slug: &str, headline: &str, year: i32) {
    let doc = serde_json::json!({
        "slug": slug, "headline": headline, "published": format!("{year}-06-01T10:00:00+02:00"),
        "lead": "Ein Vorspann.", "tags": ["Familie"], "body": [{"type": "paragraph", "text": "Text."}]
    });
    fs::write(dir.join(format!("content/articles/{slug}.json")), doc.to_string()).unwrap();
}

#[test]
fn an_archive_is_indexed_in_parts_by_months_and_a_new_article_rebuilds_only_the_newest() {
    let dir = scratch("search-parts");
    for (i, year) in [2019, 2019, 2020, 2021, 2023, 2023, 2023, 2024, 2025].into_iter().enumerate() {
        article_of(&dir, &format!("a{i}"), &format!("Artikel {i}"), year);
    }
    let (content, dist) = (dir.join("content"), dir.join("dist"));
    // The state an older release kept of its one index.
    fs::create_dir_all(dist.join(".publish")).unwrap();
    fs::write(dist.join(".publish/search-index.txt"), "pagefind 1.5.0\npagefind/pagefind-entry.json").unwrap();
    // Months joined from the oldest on until a part holds 3; the newest months, fewer than 3,
    // joined to the part before them.
    let first = publish_with(&content, &dist, "https://nr.example", 3).unwrap().search_index;
    let parts = [("2021-06_2025-06/", 6), ("2019-06_2020-06/", 3)];
    assert_eq!(index_parts(&dist), parts.map(|(p, n)| (p.to_owned(), n)));
    for (part, n) in parts {
        assert_eq!(indexed_pages(&dist, part)["de"]["page_count"], n, "{part}");
    }
    assert_eq!((first.parts, first.kept), (2, 0));
    // A new article of 2025: the newest months make a part of their own now; the oldest part is
    // kept as it was.
    article_of(&dir, "neu", "Neu", 2025);
    let second = publish_with(&content, &dist, "https://nr.example", 3).unwrap().search_index;
    let parts = [("2024-06_2025-06/", 3), ("2021-06_2023-06/", 4), ("2019-06_2020-06/", 3)];
    assert_eq!(index_parts(&dist), parts.map(|(p, n)| (p.to_owned(), n)));
    assert_eq!((second.parts, second.kept), (3, 1));
    assert!(!dist.join("pagefind/2021-06_2025-06").exists(), "the former part's files are removed");
    // The step keeps state for the parts there are, and no more.
    let mut states: Vec<String> = fs::read_dir(dist.join(".publish"))
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("search-index"))
        .collect();
    states.sort();
    let parts = ["2019-06_2020-06", "2021-06_2023-06", "2024-06_2025-06"];
    assert_eq!(states, parts.map(|p| format!("search-index-{p}.txt")));
    // Another one: only the newest part is built again.
    article_of(&dir, "neuer", "Neuer", 2025);
    let third = publish_with(&content, &dist, "https://nr.example", 3).unwrap().search_index;
    assert_eq!((third.parts, third.kept), (3, 2));
    assert_eq!(indexed_pages(&dist, "2024-06_2025-06")["de"]["page_count"], 4);
}

#[test]
fn an_unchanged_archive_keeps_its_search_index_and_a_change_rebuilds_it() {
    let dir = scratch("search-kept");
    article(&dir, "eins", "Eins");
    article(&dir, "zwei", "Zwei");
    let (content, dist) = (dir.join("content"), dir.join("dist"));
    let first = publish(&content, &dist, "https://nr.example").unwrap().search_index;
    assert!(first.kept == 0 && first.files > 0);
    // Nothing changed: the index is kept as it is, files and all.
    let again = publish(&content, &dist, "https://nr.example").unwrap();
    assert_eq!(again.search_index.kept, 1, "rebuilt although nothing changed");
    assert_eq!((again.search_index.files, again.search_index.bytes), (first.files, first.bytes));
    assert_eq!((again.written.written, again.written.removed), (0, 0));
    assert_eq!(indexed_pages(&dist, "2025-12")["de"]["page_count"], 2);
    // A changed article (its headline is indexed): built anew; its fragment (named by a hash of
    // its content) is a new file, the other one stays.
    let fragments = |dist: &Path| -> std::collections::BTreeSet<String> {
        fs::read_dir(dist.join("pagefind/2025-12/fragment"))
            .unwrap()
            .map(|f| f.unwrap().file_name().into_string().unwrap())
            .collect()
    };
    let before = fragments(&dist);
    article(&dir, "zwei", "Zwei mit Sommerfest");
    let changed = publish_at_once(&content, &dist).search_index;
    assert_eq!(changed.kept, 0, "kept although an article changed");
    let after = fragments(&dist);
    assert_eq!((after.len(), after.intersection(&before).count()), (2, 1), "{before:?} -> {after:?}");
    // A file of the index gone (a cleaned-up deployment): built anew, not kept half.
    fs::remove_file(dist.join("pagefind/2025-12/pagefind-entry.json")).unwrap();
    let repaired = publish(&content, &dist, "https://nr.example").unwrap().search_index;
    assert_eq!(repaired.kept, 0);
    assert_eq!(indexed_pages(&dist, "2025-12")["de"]["page_count"], 2);
}

/// "Meinten Sie …?" (issue #31): the archive's words with how many articles have each, most
/// frequent first, in the spelling most of them use; and without the word list the step still
/// publishes, telling why compounds are not split.
#[test]
fn the_search_gets_the_archives_words_and_publishes_without_a_word_list() {
    let dir = scratch("words");
    article(&dir, "eins", "Der Toilettenwagen steht");
    article(&dir, "zwei", "Ein Toilettenwagen mehr");
    let (content, dist) = (dir.join("content"), dir.join("dist"));
    let report = publish_at_once(&content, &dist);
    assert_eq!(report.search_index.no_compounds, None, "the word list is installed (scripts/setup.sh)");
    // One file per first letter.
    let words: Vec<(String, u64)> =
        serde_json::from_str(&fs::read_to_string(dist.join("pagefind/words/t.json")).unwrap()).unwrap();
    assert!(words.contains(&("Toilettenwagen".to_owned(), 2)), "{words:?}");
    assert!(words.contains(&("Text".to_owned(), 2)), "{words:?}");
    assert!(words.iter().all(|(w, _)| w.to_lowercase().starts_with('t')), "{words:?}");
    let v: Vec<(String, u64)> =
        serde_json::from_str(&fs::read_to_string(dist.join("pagefind/words/v.json")).unwrap()).unwrap();
    assert_eq!(v, [("Vorspann".to_owned(), 2)]);
    assert!(words.windows(2).all(|w| w[0].1 >= w[1].1), "most frequent first: {words:?}");
    // Words of fewer than four letters are never suggested.
    assert!(words.iter().all(|(w, _)| w.chars().count() >= 4), "{words:?}");

    // (This file's other tests may publish meanwhile, then without compound parts: none of them
    // looks at those.)
    let without = dir.join("no-word-list");
    std::env::set_var("NEWSROOM_WORDLIST", &without);
    article(&dir, "drei", "Drei");
    let report = publish_at_once(&content, &dist);
    std::env::remove_var("NEWSROOM_WORDLIST");
    assert_eq!(report.published, 3);
    let why = report.search_index.no_compounds.expect("compounds not split");
    assert!(why.contains("no-word-list"), "{why}");
}

#[test]
fn a_download_of_the_content_folder_is_published_with_its_size_and_a_missing_one_is_named() {
    let dir = scratch("downloads");
    fs::create_dir_all(dir.join("content/media")).unwrap();
    fs::write(dir.join("content/media/vorlage.pdf"), vec![b'%'; 1_234_567]).unwrap();
    let doc = serde_json::json!({
        "slug": "rat", "headline": "Rat", "published": "2025-12-19T10:00:00+01:00",
        "body": [{"type": "downloads", "files": [
            {"href": "/media/vorlage.pdf", "label": "Ratsvorlage"},
            {"href": "/media/fehlt.pdf", "label": "Fehlt"}]}]
    });
    fs::write(dir.join("content/articles/rat.json"), doc.to_string()).unwrap();
    let report = publish_at_once(&dir.join("content"), &dir.join("dist"));
    assert_eq!(fs::metadata(dir.join("dist/media/vorlage.pdf")).unwrap().len(), 1_234_567, "the file is served");
    let missing = report.problems.iter().find(|p| p.field.as_deref() == Some("body[0].files[1].href"));
    assert!(
        missing.is_some_and(|p| p.german().contains("die Datei '/media/fehlt.pdf' gibt es weder")),
        "{:?}",
        report.problems
    );
    // The app's article file and the entry page say the size.
    let served =
        newsroom::core::decode::decode_article(&fs::read_to_string(dir.join("dist/api/articles/rat.json")).unwrap())
            .unwrap();
    let newsroom::core::model::Block::Downloads { files, .. } = &served.body.blocks[0] else { panic!() };
    assert_eq!((files[0].size, files[0].details().as_str()), (Some(1_234_567), "PDF, 1,2 MB"));
    let page = fs::read_to_string(dir.join("dist/nachrichten/rat.html")).unwrap();
    assert!(page.contains("Ratsvorlage (PDF, 1,2 MB)"), "the entry page names the size");
}

#[test]
fn old_news_says_it_may_be_out_of_date_when_the_site_file_asks() {
    let dir = scratch("outdated");
    fs::write(dir.join("content/site.json"), r#"{"outdated_after_days": 30}"#).unwrap();
    article(&dir, "alt", "Alte Meldung");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let today = chrono::DateTime::from_timestamp(now, 0).unwrap().to_rfc3339();
    let doc = serde_json::json!({"slug": "neu", "headline": "Neu", "published": today, "body": []});
    fs::write(dir.join("content/articles/neu.json"), doc.to_string()).unwrap();
    publish_at_once(&dir.join("content"), &dir.join("dist"));
    let old = fs::read_to_string(dir.join("dist/nachrichten/alt.html")).unwrap();
    assert!(old.contains("Diese Meldung ist vom Fr 19. Dezember 2025 und möglicherweise nicht mehr aktuell."));
    assert!(old.contains(r#"<meta name="newsroom:outdated-after-days" content="30">"#), "the app reads the period");
    let new = fs::read_to_string(dir.join("dist/nachrichten/neu.html")).unwrap();
    assert!(!new.contains("möglicherweise nicht mehr aktuell"));
}

#[test]
fn an_own_video_is_published_by_copying_with_its_captions_and_a_gallery_photo_is_made() {
    let dir = scratch("video");
    fs::create_dir_all(dir.join("content/media")).unwrap();
    // Larger than what is read into memory: copied as it is, and not precompressed.
    let video = vec![7u8; 9 * 1024 * 1024];
    fs::write(dir.join("content/media/rede.mp4"), &video).unwrap();
    fs::write(dir.join("content/media/rede.vtt"), "WEBVTT\n\n00:00.000 --> 00:02.000\nGuten Tag.\n").unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/media/holz.jpg"), dir.join("content/media/holz.jpg"))
        .unwrap();
    let doc = serde_json::json!({
        "slug": "rede", "headline": "Rede", "published": "2025-12-19T10:00:00+01:00",
        "body": [
            {"type": "video", "title": "Rede zum Haushalt", "src": "/media/rede.mp4",
             "captions": [{"src": "/media/rede.vtt", "lang": "de"}, {"src": "/media/fehlt.vtt", "lang": "en"}]},
            {"type": "gallery", "images": [{"src": "/media/holz.jpg", "alt": "Holz"}, {"src": "/media/holz.jpg", "alt": "Noch einmal"}]}]
    });
    fs::write(dir.join("content/articles/rede.json"), doc.to_string()).unwrap();
    let report = publish_at_once(&dir.join("content"), &dir.join("dist"));
    assert_eq!(fs::read(dir.join("dist/media/rede.mp4")).unwrap(), video, "the video is served as it is");
    assert!(!dir.join("dist/media/rede.mp4.br").exists(), "a video is not precompressed");
    assert!(fs::read_to_string(dir.join("dist/media/rede.vtt")).unwrap().starts_with("WEBVTT"));
    assert!(
        report.problems.iter().any(|p| p.field.as_deref() == Some("body[0].captions[1].src")),
        "the missing caption file is named: {:?}",
        report.problems
    );
    // The gallery's photos are made like every photo: the article the app reads names the made files.
    let served =
        newsroom::core::decode::decode_article(&fs::read_to_string(dir.join("dist/api/articles/rede.json")).unwrap())
            .unwrap();
    let newsroom::core::model::Block::Gallery { images, .. } = &served.body.blocks[1] else { panic!("{served:?}") };
    assert!(images.iter().all(|i| i.src.starts_with("/media/v/") && !i.srcset.is_empty()), "{images:?}");
    assert!(!dir.join("dist/media/holz.jpg").exists(), "the camera original is never served");
    // A second run copies nothing again.
    let again = publish_at_once(&dir.join("content"), &dir.join("dist"));
    assert!(!again.written.written_paths.iter().any(|p| p.ends_with(".mp4")), "{:?}", again.written.written_paths);
}
