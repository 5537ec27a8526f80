//! What the app's decoder forgives but an editor wants to know: a misspelt field ("kiker") that
//! leaves the article without its kicker, an optional field of the wrong type that is dropped,
//! a block the article will not show, an image file that is not there. The decoder stays
//! tolerant (the format's rule, for producers ahead of readers); the publish step tells.

use super::local::Roots;
use super::messages::{closest, decode as explain, kind_german, value_at};
use crate::core::decode::{decode_block, BLOCK_TYPES};
use crate::core::json::Json;
use crate::core::model::blocks::INNER_TYPES;

const ARTICLE: &[&str] = &[
    "slug",
    "headline",
    "kicker",
    "lead",
    "published",
    "updated",
    "tags",
    "image",
    "body",
    "keywords",
    "related",
    "contacts",
    "corrections",
    "language",
    "version",
    "$schema",
];
const IMAGE: &[&str] = &["src", "alt", "caption", "credit", "width", "height", "srcset", "color"];
const RUN: &[&str] = &["text", "href", "strong", "em"];
const CONTACT: &[&str] = &["name", "role", "organisation", "phone", "email", "address"];
const CONTACT_WITH_TYPE: &[&str] = &["type", "name", "role", "organisation", "phone", "email", "address"];
const QUESTION: &[&str] = &["question", "answer"];
const FILE: &[&str] = &["href", "label", "format", "size", "hreflang"];
const CAPTIONS: &[&str] = &["src", "lang", "label"];

fn block_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "paragraph" => &["type", "text"],
        "heading" => &["type", "text", "level"],
        "list" => &["type", "ordered", "items"],
        "quote" => &["type", "text", "cite"],
        "link" => &["type", "href", "label", "hreflang"],
        "image" => &["type", "src", "alt", "caption", "credit", "width", "height", "srcset", "color"],
        "table" => &["type", "caption", "head", "rows", "header_column"],
        "infobox" => &["type", "kind", "title", "blocks"],
        "faq" => &["type", "items"],
        "downloads" => &["type", "title", "files"],
        "contact" => CONTACT_WITH_TYPE,
        "gallery" => &["type", "caption", "images"],
        "video" => &["type", "title", "src", "platform", "id", "poster", "captions", "transcript"],
        _ => &["type"],
    }
}

/// One finding: the field it is about and what to tell the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub field: String,
    pub message: String,
}

/// Everything of `article` (the parsed file) the app would ignore, drop or not show.
pub fn article(article: &Json, roots: &Roots) -> Vec<Finding> {
    let mut out = Vec::new();
    unknown(article, ARTICLE, "", &mut out);
    for (key, want) in [("kicker", "string"), ("lead", "string"), ("updated", "string"), ("language", "string")] {
        optional(article, key, want, key, &mut out);
    }
    if let Some(updated) = article.get("updated").and_then(Json::as_str) {
        if crate::core::model::Timestamp::parse(updated).is_none() {
            let shown: String = updated.chars().take(40).collect();
            push(
                &mut out,
                "updated".into(),
                format!(
                    "das Feld 'updated' hat einen ungültigen Wert \"{shown}\" und wird weggelassen; erwartet: {}",
                    super::messages::expected("updated").unwrap_or_default()
                ),
            );
        }
    }
    for key in ["tags", "keywords", "related"] {
        strings(article, key, &mut out);
    }
    if let Some(image) = article.get("image") {
        self::image(image, "image", roots, &mut out, true);
    }
    if let Some(Json::Arr(blocks)) = article.get("body") {
        for (i, b) in blocks.iter().enumerate().take(crate::core::model::Body::MAX_BLOCKS) {
            block(b, &format!("body[{i}]"), roots, &mut out);
        }
    }
    if let Some(Json::Arr(contacts)) = article.get("contacts") {
        for (i, c) in contacts.iter().enumerate().take(crate::core::model::Contact::MAX_PER_ARTICLE) {
            unknown(c, CONTACT, &format!("contacts[{i}]"), &mut out);
        }
    }
    out
}

fn push(out: &mut Vec<Finding>, field: String, message: String) {
    out.push(Finding { field, message });
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Members the format does not know, with the known one the editor probably meant.
fn unknown(object: &Json, known: &[&str], path: &str, out: &mut Vec<Finding>) {
    let Json::Obj(members) = object else { return };
    for (key, _) in members {
        if known.contains(&key.as_ref()) {
            continue;
        }
        let field = join(path, key);
        let message = match closest(key, known) {
            Some(meant) => format!("unbekanntes Feld '{field}' wird ignoriert – Meinten Sie '{}'?", join(path, meant)),
            None => format!("unbekanntes Feld '{field}' wird ignoriert"),
        };
        push(out, field, message);
    }
}

/// An optional member of the wrong type: the app drops it without a word.
fn optional(object: &Json, key: &str, want: &str, field: &str, out: &mut Vec<Finding>) {
    let Some(value) = object.get(key) else { return };
    if value.kind() != want && !matches!(value, Json::Null) {
        push(
            out,
            field.to_owned(),
            format!(
                "das Feld '{field}' ist {} statt {} und wird weggelassen",
                kind_german(value.kind()),
                kind_german(want)
            ),
        );
    }
}

fn strings(object: &Json, key: &str, out: &mut Vec<Finding>) {
    match object.get(key) {
        None | Some(Json::Null) => {}
        Some(Json::Arr(items)) if items.iter().all(|i| i.as_str().is_some()) => {}
        Some(Json::Arr(_)) => push(
            out,
            key.to_owned(),
            format!("die Liste '{key}' enthält etwas anderes als Texte und wird ganz weggelassen"),
        ),
        Some(other) => push(
            out,
            key.to_owned(),
            format!(
                "das Feld '{key}' ist {} statt einer Liste und wird weggelassen; z. B. \"{key}\": [\"Familie\"]",
                kind_german(other.kind())
            ),
        ),
    }
}

fn image(v: &Json, path: &str, roots: &Roots, out: &mut Vec<Finding>, teaser: bool) {
    if teaser {
        unknown(v, IMAGE, path, out);
        for (key, want) in [("caption", "string"), ("credit", "string"), ("width", "number"), ("height", "number")] {
            optional(v, key, want, &join(path, key), out);
        }
        for key in ["src", "alt"] {
            if v.get(key).and_then(Json::as_str).is_none() {
                let field = join(path, key);
                push(
                    out,
                    field.clone(),
                    format!("das Bild wird weggelassen: das Feld '{field}' fehlt oder ist kein Text"),
                );
            }
        }
    }
    if let Some(src) = v.get("src").and_then(Json::as_str) {
        local_file(src, &join(path, "src"), roots, out);
    }
}

fn block(b: &Json, path: &str, roots: &Roots, out: &mut Vec<Finding>) {
    let kind = b.get("type").and_then(Json::as_str);
    match kind {
        Some(k) if BLOCK_TYPES.contains(&k) => {}
        Some(k) => {
            let field = format!("{path}.type");
            let hint = closest(k, &BLOCK_TYPES).map(|m| format!(" – Meinten Sie '{m}'?")).unwrap_or_default();
            push(out, field, format!("unbekannter Blocktyp '{k}': der Block wird nicht gezeigt{hint}"));
            return;
        }
        None => {
            push(
                out,
                format!("{path}.type"),
                format!(
                    "der Block {path} hat keinen Typ und wird nicht gezeigt; erwartet: \"type\": \"paragraph\" (oder {})",
                    BLOCK_TYPES[1..].join(", ")
                ),
            );
            return;
        }
    }
    let kind = kind.unwrap_or_default();
    unknown(b, block_fields(kind), path, out);
    if let Err(e) = decode_block(b) {
        let e = e.within(path);
        let found = value_at(b, &e.path[path.len()..]);
        push(out, e.path.clone(), format!("der Block {path} ({kind}) wird nicht gezeigt: {}", explain(&e, found)));
        return;
    }
    if kind == "image" {
        image(b, path, roots, out, false);
    }
    inner(b, kind, path, roots, out);
    // Rich text: a paragraph's text, a list's items (a FAQ's `items` are questions).
    if matches!(kind, "paragraph" | "list") {
        for key in ["text", "items"] {
            runs_in(b.get(key), &join(path, key), out);
        }
    }
}

/// What a block of format 1.2 holds: the blocks of a box or an answer (each told like a block of
/// the body), the members of questions and files, the runs of table cells.
fn inner(b: &Json, kind: &str, path: &str, roots: &Roots, out: &mut Vec<Finding>) {
    let each = |key: &str| match b.get(key) {
        Some(Json::Arr(items)) => items.iter().enumerate().map(|(i, v)| (format!("{path}.{key}[{i}]"), v)).collect(),
        _ => Vec::new(),
    };
    let held = |v: &Json, at: &str, out: &mut Vec<Finding>| match v.get("type").and_then(Json::as_str) {
        Some(k) if BLOCK_TYPES.contains(&k) && !INNER_TYPES.contains(&k) => push(
            out,
            format!("{at}.type"),
            format!(
                "ein Block vom Typ '{k}' kann hier nicht stehen (nur {}) und wird nicht gezeigt",
                INNER_TYPES.join(", ")
            ),
        ),
        _ => block(v, at, roots, out),
    };
    match kind {
        "infobox" => each("blocks").iter().for_each(|(at, v)| held(v, at, out)),
        "faq" => {
            for (at, q) in each("items") {
                unknown(q, QUESTION, &at, out);
                if let Some(Json::Arr(answer)) = q.get("answer") {
                    for (i, v) in answer.iter().enumerate() {
                        held(v, &format!("{at}.answer[{i}]"), out);
                    }
                }
            }
        }
        "downloads" => each("files").iter().for_each(|(at, f)| unknown(f, FILE, at, out)),
        "gallery" => each("images").iter().for_each(|(at, v)| image(v, at, roots, out, true)),
        "video" => {
            match b.get("poster") {
                Some(Json::Str(src)) => local_file(src, &join(path, "poster"), roots, out),
                Some(p @ Json::Obj(_)) => image(p, &join(path, "poster"), roots, out, false),
                _ => {}
            }
            for (at, c) in each("captions") {
                unknown(c, CAPTIONS, &at, out);
            }
        }
        "table" => ["head", "rows"].iter().for_each(|key| runs_in(b.get(key), &join(path, key), out)),
        _ => {}
    }
}

/// Unknown members of rich-text runs (`{"text": …, "hreff": …}`).
fn runs_in(v: Option<&Json>, path: &str, out: &mut Vec<Finding>) {
    let Some(Json::Arr(items)) = v else { return };
    for (i, item) in items.iter().enumerate() {
        match item {
            Json::Obj(_) => unknown(item, RUN, &format!("{path}[{i}]"), out),
            Json::Arr(_) => runs_in(Some(item), &format!("{path}[{i}]"), out),
            _ => {}
        }
    }
}

/// A site path (`/media/a.jpg`) or relative source (`a.jpg`, relative to the content API) must be
/// a file of the content folder or of the site; other hosts are not checked.
fn local_file(src: &str, field: &str, roots: &Roots, out: &mut Vec<Finding>) {
    let Some(safe) = crate::core::safe_url::image_src(src) else { return };
    if safe.contains("://") || safe.starts_with("//") || safe.starts_with("data:") {
        return;
    }
    let Some((_, candidates)) = roots.candidates(src) else {
        push(out, field.to_owned(), format!("das Bild '{src}' verlässt die Website ('..') und wird nicht geprüft"));
        return;
    };
    if !candidates.iter().any(|c| c.is_file()) {
        let looked: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
        push(out, field.to_owned(), format!("die Bilddatei '{src}' gibt es nicht (gesucht: {})", looked.join(", ")));
    }
}
