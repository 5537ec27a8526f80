//! Docs that cannot drift: the figures and facts the README states are checked against their
//! sources (the size budget, the pinned tool versions, the browsers index.html promises, the
//! hostile corpus), and the docs use one unit for sizes (KiB; the budget counts bytes).

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// `NAME=value` from a shell-style file.
fn setting(file: &str, name: &str) -> String {
    read(file)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("{file} sets no {name}"))
        .trim()
        .to_owned()
}

/// 60000 → "60,000".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[test]
fn the_readme_states_the_widget_budget_of_the_budget_file() {
    let widget: u64 = setting("bench/size-budget.txt", "widget").parse().unwrap();
    let readme = read("README.md");
    assert!(
        readme.contains(&format!("at most **{} bytes brotli**", grouped(widget))),
        "README's widget size must be the budget's {widget} bytes"
    );
}

#[test]
fn the_readme_names_the_pinned_tool_versions() {
    let readme = read("README.md");
    for (tool, name) in [
        ("Trunk", "TRUNK_VERSION"),
        ("wasm-bindgen-cli", "WASM_BINDGEN_VERSION"),
        ("geckodriver", "GECKODRIVER_VERSION"),
    ] {
        let version = setting("scripts/versions.sh", name);
        assert!(
            readme.contains(&format!("{tool}\n{version}")) || readme.contains(&format!("{tool} {version}")),
            "{tool} {version}"
        );
    }
    let package = read("package.json");
    let binaryen = package.split("\"binaryen\": \"").nth(1).unwrap().split('.').next().unwrap();
    assert!(readme.contains(&format!("`binaryen` {binaryen}")), "binaryen {binaryen}");
}

#[test]
fn readme_and_index_html_promise_the_same_browsers_as_the_build_checks() {
    let chrome = setting("scripts/versions.sh", "BROWSER_MIN_CHROME");
    let firefox = setting("scripts/versions.sh", "BROWSER_MIN_FIREFOX");
    let safari = setting("scripts/versions.sh", "BROWSER_MIN_SAFARI");
    assert!(read("README.md").contains(&format!("Chrome and Edge {chrome}+, Firefox {firefox}+, Safari {safari}+")));
    assert!(read("index.html").contains(&format!(
        "Chrome oder Edge ab Version {chrome}, Firefox ab Version {firefox} oder Safari ab Version {safari}"
    )));
}

#[test]
fn the_readme_counts_the_hostile_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let cases = fs::read_dir(dir).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
    assert!(read("README.md").contains(&format!("holds {cases} hostile cases")), "the corpus has {cases} cases");
}

#[test]
fn sizes_are_in_one_unit() {
    let mut docs = vec!["README.md".to_owned(), "ARCHITECTURE.md".to_owned()];
    for dir in ["docs", "docs/decisions"] {
        for e in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".md") {
                docs.push(format!("{dir}/{name}"));
            }
        }
    }
    for doc in docs {
        let text = read(&doc);
        for (i, _) in text.match_indices("KB").chain(text.match_indices("kB")) {
            let before = &text[..i];
            // "KB" and "kB" as a unit (after a number or a space), not inside a word.
            let unit = before.ends_with(' ') || before.ends_with(|c: char| c.is_ascii_digit());
            assert!(!unit, "{doc} uses KB/kB; the docs measure in KiB: …{}", &text[i.saturating_sub(30)..i + 2]);
        }
    }
}
