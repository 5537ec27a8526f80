//! The hostile corpus (tests/fixtures/hostile/*/) through the decoders natively: whatever a case
//! sends, decoding ends in a value or a typed error (never a panic), no URL that rendering would
//! use breaks the scheme rules, and where the browser test expects a decoder's German message,
//! the decoder gives it. The e2e suite then shows the same cases in three engines.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use newsroom::core::decode::{decode_article, decode_index};
use newsroom::core::error::LoadError;
use newsroom::core::safe_url::{image_src, link_href};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use support::{browser_scheme, rendered_urls};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut cases: Vec<PathBuf> = fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    cases
}

/// What the decoders make of a case: the German messages of failures, the skipped parts, and
/// every URL rendering would use with whether it is a link.
fn decode_case(dir: &Path) -> (Vec<String>, Vec<(String, bool)>) {
    let mut messages = Vec::new();
    let mut urls = Vec::new();
    let read = |p: &Path| String::from_utf8_lossy(&fs::read(p).unwrap()).into_owned();
    match decode_index(&read(&dir.join("news.json"))) {
        Ok(index) => {
            messages.extend(index.skipped);
            for t in &index.index.items {
                urls.extend(t.image.as_ref().and_then(|i| image_src(&i.src)).map(|s| (s, false)));
            }
            urls.extend(index.index.next.as_deref().and_then(link_href).map(|n| (n, true)));
        }
        Err(e) => messages.push(e.explain("Die Nachrichtenliste")),
    }
    let articles = dir.join("articles");
    if articles.is_dir() {
        for entry in fs::read_dir(articles).unwrap() {
            match decode_article(&read(&entry.unwrap().path())) {
                Ok(a) => {
                    messages.extend(a.body.skipped.iter().cloned());
                    urls.extend(rendered_urls(&a.body.blocks));
                    urls.extend(a.teaser.image.as_ref().and_then(|i| image_src(&i.src)).map(|s| (s, false)));
                }
                Err(e) => messages.push(e.explain("Der Beitrag")),
            }
        }
    }
    (messages, urls)
}

#[test]
fn every_hostile_case_decodes_to_a_value_or_a_typed_error_within_the_rules() {
    let cases = cases();
    assert!(cases.len() >= 70, "the corpus has {} cases", cases.len());
    for dir in cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (messages, urls) = decode_case(&dir);
        for (url, is_link) in urls {
            let allowed: &[&str] = if is_link { &["http", "https", "mailto", "tel"] } else { &["http", "https"] };
            if let Some(scheme) = browser_scheme(&url) {
                assert!(allowed.contains(&scheme.as_str()), "{name}: {url:?} has scheme {scheme}");
            }
        }
        let case: Value = serde_json::from_str(&fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
        for want in case["see"].as_array().unwrap().iter().filter_map(Value::as_str) {
            // Messages the decoders write (field names); the rest is the app's own text.
            if want.contains("das Feld") {
                assert!(
                    messages.iter().any(|m| m.contains(want)),
                    "{name}: no decoder message {want:?} in {messages:?}"
                );
            }
        }
    }
}

#[test]
fn a_typed_error_is_an_error() {
    let e: Box<dyn std::error::Error> = Box::new(LoadError::NotFound);
    assert_eq!(e.to_string(), "HTTP 404");
}
