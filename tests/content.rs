//! Native checks of the repository's own promises: every bundled content file decodes, the
//! tool versions agree, and no code path turns content into HTML or runs it.

#![cfg(not(target_arch = "wasm32"))]

use newsroom::core::decode::{decode_article, decode_index};
use newsroom::core::model::Block;
use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_sample_article_decodes_completely_and_publishes() {
    let articles = files(&repo().join("content/articles"), "json");
    assert_eq!(articles.len(), 16);
    let slugs: Vec<String> = articles.iter().map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()).collect();
    for path in &articles {
        let article =
            decode_article(&fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(article.body.skipped.is_empty(), "{}: {:?}", path.display(), article.body.skipped);
        assert_eq!(format!("{}.json", article.teaser.slug), path.file_name().unwrap().to_str().unwrap());
        for pick in &article.related {
            assert!(slugs.contains(pick), "related {pick} unknown");
        }
        if let Some(image) = &article.teaser.image {
            // A drawing the build serves (public/), or an original in the content folder.
            let path = image.src.trim_start_matches('/');
            assert!(
                repo().join("public").join(path).exists() || repo().join("content").join(path).exists(),
                "{}",
                image.src
            );
        }
    }
    // The index the publish step derives is what the app's decoder reads: every article, once.
    let (sources, problems) = newsroom::publish::source::read_articles(&repo().join("content/articles"));
    assert!(problems.is_empty(), "{problems:?}");
    let template = fs::read_to_string(repo().join("index.html")).unwrap();
    let site = newsroom::publish::site::read(&repo().join("content/site.json")).unwrap();
    let mut out = newsroom::publish::Outputs::in_memory();
    newsroom::publish::build(&mut out, &sources, &site, "https://nr.example", &template, 1, &Default::default())
        .unwrap();
    let index = decode_index(std::str::from_utf8(out.get("api/news.json").unwrap()).unwrap()).unwrap();
    assert!(index.skipped.is_empty(), "skipped: {:?}", index.skipped);
    let mut indexed: Vec<String> = index.index.items.iter().map(|t| t.slug.to_string()).collect();
    indexed.sort();
    let mut expected = slugs.clone();
    expected.sort();
    assert_eq!(indexed, expected);
}

#[test]
fn the_reference_article_has_every_block_type_it_needs() {
    let a = decode_article(
        &fs::read_to_string(repo().join("content/articles/dortmund-tritt-charta-integrating-cities-bei.json")).unwrap(),
    )
    .unwrap();
    let blocks = &a.body.blocks;
    assert!(blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { text, .. } if text == "Ein Zusammenschluss europäischer Städte")));
    assert!(blocks.iter().any(|b| matches!(b, Block::List { items, .. } if items.len() == 3)));
    assert!(blocks.iter().any(|b| matches!(b, Block::Link { hreflang: Some(l), .. } if l == "en")));
    assert_eq!(a.teaser.tags, ["Internationales", "Familie", "Integration"]);
    assert_eq!(a.keywords, ["bewerbung", "dortmund", "olympia", "rhein-ruhr"]);
}

#[test]
fn tool_versions_agree() {
    let read = |p: &str| fs::read_to_string(repo().join(p)).unwrap();
    let lock = read("Cargo.lock");
    let at = lock.find("name = \"wasm-bindgen\"\nversion = \"").expect("wasm-bindgen in Cargo.lock");
    let locked = lock[at..].split('"').nth(3).unwrap();
    assert!(
        read("Cargo.toml").contains(&format!("wasm-bindgen = \"={locked}\"")),
        "Cargo.toml pins another wasm-bindgen"
    );
    assert!(
        read("Trunk.toml").contains(&format!("wasm_bindgen = \"{locked}\"")),
        "Trunk.toml names another wasm-bindgen"
    );
    assert!(
        read("scripts/versions.sh").contains(&format!("WASM_BINDGEN_VERSION={locked}")),
        "setup installs another CLI"
    );
}

#[test]
fn no_script_of_ours_renders_html_or_evaluates_strings() {
    let forbidden =
        ["innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write", "setHTML"];
    for path in files(&repo().join("public"), "js") {
        let code = fs::read_to_string(&path).unwrap();
        for word in forbidden {
            assert!(!code.contains(word), "{} uses {word}", path.display());
        }
    }
}

#[test]
fn no_code_path_renders_html_or_evaluates_strings() {
    let forbidden = [
        "inner_html",
        "set_inner_html",
        "outer_html(",
        "insertAdjacentHTML",
        "eval(",
        "Function::new_with_args",
        "document.write",
    ];
    for path in files(&repo().join("src"), "rs") {
        let code = fs::read_to_string(&path).unwrap();
        for word in forbidden {
            assert!(!code.contains(word), "{} uses {word}", path.display());
        }
    }
}
