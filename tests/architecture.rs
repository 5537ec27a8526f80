//! The house's rules that the sources themselves can prove (ARCHITECTURE.md): no module of
//! `src/` imports one that imports it back (directly or round a circle), and the pure core never
//! touches the browser.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of `src/` (`app::routes::list`) with its file's text, tests left out.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix("src").unwrap().with_extension("");
                let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                    parts.pop();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_owned();
                out.insert(parts.join("::"), code);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(Path::new("src"), &mut out);
    out
}

/// The module a path names: its longest prefix that is a module.
fn module_of<'a>(path: &[&str], modules: &'a BTreeMap<String, String>) -> Option<&'a String> {
    (1..=path.len()).rev().find_map(|n| modules.get_key_value(&path[..n].join("::")).map(|(k, _)| k))
}

/// The paths a file names after `prefix` (`crate::`, `super::`): `core::paths::list` …
fn named_after<'t>(code: &'t str, prefix: &str) -> Vec<Vec<&'t str>> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
        found.push(rest[..end].split("::").filter(|s| !s.is_empty()).collect());
    }
    found
}

/// Which modules each module uses (not its own ancestors: a parent holding it is no import).
fn imports(modules: &BTreeMap<String, String>) -> BTreeMap<&String, BTreeSet<&String>> {
    let mut graph = BTreeMap::new();
    for (name, code) in modules {
        let own: Vec<&str> = name.split("::").collect();
        let parent = &own[..own.len().saturating_sub(1)];
        let mut uses = BTreeSet::new();
        let mut targets: Vec<Vec<&str>> = named_after(code, "crate::");
        for path in named_after(code, "super::") {
            targets.push(parent.iter().copied().chain(path).collect());
        }
        for path in targets {
            if let Some(target) = module_of(&path, modules) {
                if target != name && !name.starts_with(&format!("{target}::")) {
                    uses.insert(target);
                }
            }
        }
        graph.insert(name, uses);
    }
    graph
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let modules = modules();
    assert!(modules.len() > 50, "the sources were found");
    let graph = imports(&modules);
    // For each module, every module reachable from it; a circle returns to the start.
    let mut circles = Vec::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = graph[start].iter().copied().collect();
        while let Some(m) = todo.pop() {
            if seen.insert(m) {
                todo.extend(graph.get(m).into_iter().flatten().copied());
            }
        }
        if seen.contains(start) {
            circles.push(start.to_string());
        }
    }
    assert_eq!(circles, Vec::<String>::new(), "modules on an import circle");
}

#[test]
fn the_pure_core_never_touches_the_browser_or_the_views() {
    for (name, code) in modules() {
        if name == "core" || name.starts_with("core::") {
            for banned in
                ["web_sys", "js_sys", "wasm_bindgen", "leptos", "crate::app", "crate::publish", "crate::widget"]
            {
                assert!(!code.contains(banned), "{name} uses {banned}");
            }
        }
    }
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    // The checker itself: two modules naming each other are one circle.
    let mut modules = BTreeMap::new();
    modules.insert("a".to_owned(), "use crate::b::x;".to_owned());
    modules.insert("b".to_owned(), "use super::a::y;".to_owned());
    let graph = imports(&modules);
    assert!(graph[&"a".to_owned()].contains(&"b".to_owned()));
    assert!(graph[&"b".to_owned()].contains(&"a".to_owned()));
}
