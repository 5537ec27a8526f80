//! The content's photos: where the originals are, what is made of each (once: keyed by its
//! bytes and the settings), and the articles rewritten to name what readers download.
//!
//! The contract (docs/content-format.md): an image whose `src` is a path of the site
//! (`/media/markt.jpg`) is read from the content folder (`CONTENT_DIR/media/markt.jpg`), else
//! from the site as built (DIST_DIR). A photo (JPEG, PNG, WebP, GIF) is published as WebP
//! widths (`srcset`) and a JPEG of ≤ 1200 px (`src`, link previews), never as the original. An
//! SVG is served as it is (copied from the content folder). Images on other hosts, and images
//! that already name their widths (another producer's), are left as they are.

use super::local::Roots;
use super::output::Outputs;
use super::photos::{self, Made, Refusal};
use super::source::{Problem, Source};
use crate::core::model::{Block, Image, Variant};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Where the made files go (site path, served immutable: their names change with their bytes).
pub const FOLDER: &str = "media/v";
const STATE: &str = "photos.json";
/// Photos made before their files are written (a multiple of the cores, a bound on memory).
const MADE_AT_ONCE: usize = 8;

/// Search engines' crops of each lead photo, by the published `src`: (URL path, width, height).
#[derive(Default)]
pub struct Photos {
    pub crops: HashMap<String, Vec<(String, u32, u32)>>,
}

/// What the step remembers of each original between runs.
#[derive(Default, Serialize, Deserialize)]
struct State {
    settings: String,
    /// File → (length, modified seconds, key): an unchanged file is not read again.
    stamps: BTreeMap<String, (u64, u64, String)>,
    made: BTreeMap<String, Meta>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Meta {
    width: u32,
    height: u32,
    variants: Vec<u32>,
    preview: (u32, u32),
    crops: Vec<(String, u32, u32)>,
    notes: Vec<String>,
    /// Why nothing could be made (then the rest is empty).
    refused: Option<String>,
}

/// Makes what the articles' photos need and rewrites every local image to name it. Problems
/// name the article file and field; an image that cannot be made is left out of its article.
pub fn prepare(out: &mut Outputs, sources: &mut [Source], roots: &Roots) -> (Photos, Vec<Problem>) {
    let mut state: State = out.state(STATE).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    if state.settings != photos::SETTINGS {
        state = State { settings: photos::SETTINGS.to_owned(), ..State::default() };
    }
    // Every local raster original, once, however many articles show it.
    let mut originals: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    for source in sources.iter() {
        for (image, _) in images(&source.article) {
            if let Some(Original::Raster(path)) = original(image, roots, out) {
                originals.entry(path).or_default();
            }
        }
    }
    // An article kept at its last good version (its file is broken) names files a former run
    // made: they stay with it.
    for source in sources.iter().filter(|s| s.kept) {
        for (image, _) in images(&source.article) {
            let made: Vec<&str> = std::iter::once(&image.src)
                .chain(image.srcset.iter().map(|v| &v.src))
                .filter_map(|src| src.strip_prefix('/').filter(|p| p.starts_with(FOLDER)))
                .collect();
            if !made.is_empty() {
                out.keep(&made);
            }
        }
    }
    let mut todo = Vec::new();
    for (path, key) in originals.iter_mut() {
        match identify(path, &mut state) {
            Ok(k) => {
                let have = state.made.get(&k).is_some_and(|meta| {
                    let files = files(&k, meta);
                    meta.refused.is_some() || out.keep(&files.iter().map(String::as_str).collect::<Vec<_>>()).is_some()
                });
                if !have {
                    todo.push((path.clone(), k.clone()));
                }
                *key = Some(k);
            }
            Err(e) => {
                let k = format!("unreadable:{}", path.display());
                state.made.insert(k.clone(), refused(format!("lässt sich nicht öffnen ({e})")));
                *key = Some(k);
            }
        }
    }
    // A few photos at a time, written as they are made: memory stays that of a few photos
    // (all of a 1,000-photo archive's files at once took 1.3 GB).
    for batch in todo.chunks(MADE_AT_ONCE) {
        for (key, meta, made) in make_all(batch) {
            if let Some(made) = made {
                write(out, &key, &meta, made);
            }
            state.made.insert(key, meta);
        }
    }
    let mut problems = Vec::new();
    let mut result = Photos::default();
    for source in sources.iter_mut() {
        let file = source.file.clone();
        let mut drop_fields = Vec::new();
        let mut changed: Vec<(String, Option<Image>)> = Vec::new();
        for (image, field) in images_mut(&mut source.article) {
            let before = image.clone();
            match original(image, roots, out) {
                Some(Original::Raster(path)) => {
                    let key = originals.get(&path).cloned().flatten().unwrap_or_default();
                    let Some(meta) = state.made.get(&key) else { continue };
                    let shown = image.src.clone();
                    for note in &meta.notes {
                        problems.push(Problem::warning(
                            &file,
                            Some(field.clone()),
                            format!("das Bild '{shown}' {note}"),
                        ));
                    }
                    if let Some(why) = &meta.refused {
                        problems.push(Problem::warning(
                            &file,
                            Some(field.clone()),
                            format!("das Bild '{shown}' {why}. Der Beitrag erscheint ohne dieses Bild."),
                        ));
                        drop_fields.push(field);
                        changed.push((before.src.clone(), None));
                        continue;
                    }
                    rewrite(image, &key, meta);
                    let crops = meta.crops.iter().map(|(name, w, h)| (format!("/{FOLDER}/{key}-{name}.jpg"), *w, *h));
                    result.crops.insert(image.src.clone(), crops.collect());
                }
                Some(Original::Svg { path, publish }) => {
                    if image.width.is_none() || image.height.is_none() {
                        if let Some((w, h)) = std::fs::read(&path).ok().and_then(|b| svg_size(&b)) {
                            (image.width, image.height) = (Some(w), Some(h));
                        }
                    }
                    if let (Some(site_path), Ok(bytes)) = (publish, std::fs::read(&path)) {
                        out.insert(site_path, bytes);
                    }
                }
                None => {}
            }
            if *image != before {
                changed.push((before.src, Some(image.clone())));
            }
        }
        drop_images(&mut source.article, &drop_fields);
        if !changed.is_empty() {
            source.raw = patch_raw(&source.raw, &changed);
        }
    }
    // Only what this run's articles show is remembered (withdrawn photos are forgotten).
    let used: std::collections::BTreeSet<&String> = originals.values().flatten().collect();
    state.made.retain(|key, _| used.contains(key));
    let paths: std::collections::BTreeSet<String> = originals.keys().map(|p| p.display().to_string()).collect();
    state.stamps.retain(|path, _| paths.contains(path));
    if let Ok(text) = serde_json::to_string(&state) {
        out.set_state(STATE, &text);
    }
    (result, problems)
}

enum Original {
    Raster(PathBuf),
    /// An SVG, and the site path to copy it to when it is only in the content folder.
    Svg {
        path: PathBuf,
        publish: Option<String>,
    },
}

/// The original file of a local image that still needs what this step makes.
fn original(image: &Image, roots: &Roots, out: &Outputs) -> Option<Original> {
    if !image.srcset.is_empty() {
        return None;
    }
    let (site_path, candidates) = roots.candidates(&image.src)?;
    let (index, path) = candidates.into_iter().enumerate().find(|(_, c)| c.is_file())?;
    let lower = site_path.to_ascii_lowercase();
    if lower.ends_with(".svg") || lower.ends_with(".svgz") {
        // Copied from the content folder unless the build itself serves it (never overwritten).
        let in_build = roots.dist.join(&site_path).is_file() && !out.former().contains(&site_path);
        let publish = (index == 0 && !in_build && !site_path.contains("..")).then_some(site_path);
        return Some(Original::Svg { path, publish });
    }
    Some(Original::Raster(path))
}

/// The key of an original: its bytes' hash with the settings, read only when the file changed.
fn identify(path: &Path, state: &mut State) -> std::io::Result<String> {
    use sha2::{Digest, Sha256};
    let meta = std::fs::metadata(path)?;
    let modified =
        meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs());
    let name = path.display().to_string();
    if let Some((len, when, key)) = state.stamps.get(&name) {
        if *len == meta.len() && *when == modified {
            return Ok(key.clone());
        }
    }
    if meta.len() > photos::MAX_FILE_BYTES {
        let key = format!("large-{}", meta.len());
        state.made.insert(key.clone(), refused(Refusal::TooLarge(meta.len()).message()));
        return Ok(key);
    }
    let bytes = std::fs::read(path)?;
    let digest = Sha256::new().chain_update(photos::SETTINGS).chain_update(&bytes).finalize();
    let key: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    state.stamps.insert(name, (meta.len(), modified, key.clone()));
    Ok(key)
}

fn refused(why: String) -> Meta {
    Meta {
        width: 0,
        height: 0,
        variants: Vec::new(),
        preview: (0, 0),
        crops: Vec::new(),
        notes: Vec::new(),
        refused: Some(why),
    }
}

/// Makes the originals on every core (two photos at a time on a 2-core machine).
fn make_all(todo: &[(PathBuf, String)]) -> Vec<(String, Meta, Option<Made>)> {
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(todo.len()).max(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, key)) = todo.get(i) else { break };
                let result = match std::fs::read(path) {
                    Ok(bytes) => photos::make(&bytes).map_err(|r| r.message()),
                    Err(e) => Err(format!("lässt sich nicht öffnen ({e})")),
                };
                let entry = match result {
                    Ok((made, notes)) => (key.clone(), meta_of(&made, notes), Some(made)),
                    Err(why) => (key.clone(), refused(why), None),
                };
                done.lock().expect("no worker panics holding it").push(entry);
            });
        }
    });
    done.into_inner().expect("workers finished")
}

fn meta_of(made: &Made, notes: Vec<String>) -> Meta {
    Meta {
        width: made.width,
        height: made.height,
        variants: made.variants.iter().map(|(w, _)| *w).collect(),
        preview: (made.preview.0, made.preview.1),
        crops: made.crops.iter().map(|(n, w, h, _)| (n.to_string(), *w, *h)).collect(),
        notes,
        refused: None,
    }
}

fn files(key: &str, meta: &Meta) -> Vec<String> {
    let mut files: Vec<String> = meta.variants.iter().map(|w| format!("{FOLDER}/{key}-{w}.webp")).collect();
    files.push(format!("{FOLDER}/{key}-{}.jpg", meta.preview.0));
    files.extend(meta.crops.iter().map(|(name, _, _)| format!("{FOLDER}/{key}-{name}.jpg")));
    files
}

fn write(out: &mut Outputs, key: &str, meta: &Meta, made: Made) {
    for (w, bytes) in made.variants {
        out.insert(format!("{FOLDER}/{key}-{w}.webp"), bytes);
    }
    out.insert(format!("{FOLDER}/{key}-{}.jpg", meta.preview.0), made.preview.2);
    for (name, _, _, bytes) in made.crops {
        out.insert(format!("{FOLDER}/{key}-{name}.jpg"), bytes);
    }
}

/// The image names what was made: `src` the preview JPEG (every reader shows it), `srcset` the
/// WebP widths, and the upright size.
fn rewrite(image: &mut Image, key: &str, meta: &Meta) {
    image.src = format!("/{FOLDER}/{key}-{}.jpg", meta.preview.0);
    image.width = Some(meta.preview.0);
    image.height = Some(meta.preview.1);
    image.srcset =
        meta.variants.iter().map(|&w| Variant { src: format!("/{FOLDER}/{key}-{w}.webp"), width: w }).collect();
}

/// The article file as served (`api/articles/{slug}.json`, the producer's own file) with its
/// images naming what was made: each image object whose `src` was an original is replaced by the
/// made one (other fields of the file stay as they are), or removed when it could not be made.
fn patch_raw(raw: &[u8], changed: &[(String, Option<Image>)]) -> Vec<u8> {
    let Ok(mut file) = serde_json::from_slice::<serde_json::Value>(raw) else { return raw.to_vec() };
    let made = |v: &serde_json::Value| {
        // A video's still may be written as its address alone.
        let src = match v {
            serde_json::Value::String(s) => s.as_str(),
            _ => v.get("src")?.as_str()?,
        };
        changed.iter().find(|(s, _)| s == src).map(|(_, image)| image.clone())
    };
    let patch = |object: &mut serde_json::Map<String, serde_json::Value>, image: &Image| {
        object.insert("src".into(), image.src.clone().into());
        for (key, value) in [("width", image.width), ("height", image.height)] {
            if let Some(v) = value {
                object.insert(key.into(), v.into());
            }
        }
        if !image.srcset.is_empty() {
            let srcset: Vec<serde_json::Value> =
                image.srcset.iter().map(|v| serde_json::json!({"src": v.src, "width": v.width})).collect();
            object.insert("srcset".into(), srcset.into());
        }
    };
    if let Some(lead) = file.get("image").and_then(&made) {
        match (lead, file.get_mut("image").and_then(|v| v.as_object_mut())) {
            (Some(image), Some(object)) => patch(object, &image),
            _ => {
                file.as_object_mut().map(|o| o.remove("image"));
            }
        }
    }
    if let Some(blocks) = file.get_mut("body").and_then(|b| b.as_array_mut()) {
        blocks.retain(|b| b.get("type").and_then(|t| t.as_str()) != Some("image") || made(b) != Some(None));
        for block in blocks.iter_mut() {
            match block.get("type").and_then(|t| t.as_str()) {
                Some("image") => {
                    if let (Some(Some(image)), Some(object)) = (made(block), block.as_object_mut()) {
                        patch(object, &image);
                    }
                }
                Some("gallery") => {
                    let Some(items) = block.get_mut("images").and_then(|i| i.as_array_mut()) else { continue };
                    items.retain(|i| made(i) != Some(None));
                    for item in items.iter_mut() {
                        if let (Some(Some(image)), Some(object)) = (made(item), item.as_object_mut()) {
                            patch(object, &image);
                        }
                    }
                }
                Some("video") => match block.get("poster").map(|p| (made(p), p.is_string())) {
                    Some((Some(Some(image)), is_string)) => {
                        if is_string {
                            block["poster"] = serde_json::json!({});
                        }
                        if let Some(object) = block["poster"].as_object_mut() {
                            patch(object, &image);
                        }
                    }
                    Some((Some(None), _)) => {
                        block.as_object_mut().map(|o| o.remove("poster"));
                    }
                    _ => {}
                },
                _ => {}
            }
        }
    }
    serde_json::to_vec(&file).unwrap_or_else(|_| raw.to_vec())
}

/// Every image of an article with its field path (`image`, `body[3]`, `body[4].images[2]`,
/// `body[5].poster`): the lead photo, image blocks, gallery photos and video stills.
fn images(article: &crate::core::model::Article) -> Vec<(&Image, String)> {
    let mut out: Vec<(&Image, String)> = article.teaser.image.iter().map(|i| (i, "image".to_owned())).collect();
    for (n, block) in article.body.blocks.iter().enumerate() {
        match block {
            Block::Image(i) => out.push((i, format!("body[{n}]"))),
            Block::Gallery { images, .. } => {
                out.extend(images.iter().enumerate().map(|(k, i)| (i, format!("body[{n}].images[{k}]"))))
            }
            Block::Video(v) => out.extend(v.poster.iter().map(|i| (i, format!("body[{n}].poster")))),
            _ => {}
        }
    }
    out
}

fn images_mut(article: &mut crate::core::model::Article) -> Vec<(&mut Image, String)> {
    let mut out: Vec<(&mut Image, String)> = article.teaser.image.iter_mut().map(|i| (i, "image".to_owned())).collect();
    for (n, block) in article.body.blocks.iter_mut().enumerate() {
        match block {
            Block::Image(i) => out.push((i, format!("body[{n}]"))),
            Block::Gallery { images, .. } => {
                out.extend(images.iter_mut().enumerate().map(|(k, i)| (i, format!("body[{n}].images[{k}]"))))
            }
            Block::Video(v) => out.extend(v.poster.iter_mut().map(|i| (i, format!("body[{n}].poster")))),
            _ => {}
        }
    }
    out
}

/// Leaves out the images that could not be made: an image block goes, a gallery keeps its other
/// photos (and goes when none is left), a video shows without its still.
fn drop_images(article: &mut crate::core::model::Article, fields: &[String]) {
    if fields.iter().any(|f| f == "image") {
        article.teaser.image = None;
    }
    for (n, block) in article.body.blocks.iter_mut().enumerate() {
        match block {
            Block::Gallery { images, .. } => {
                let mut k = 0;
                images.retain(|_| {
                    let keep = !fields.contains(&format!("body[{n}].images[{k}]"));
                    k += 1;
                    keep
                });
            }
            Block::Video(v) if fields.contains(&format!("body[{n}].poster")) => v.poster = None,
            _ => {}
        }
    }
    let mut n = 0;
    article.body.blocks.retain(|b| {
        let keep =
            !fields.contains(&format!("body[{n}]")) && !matches!(b, Block::Gallery { images, .. } if images.is_empty());
        n += 1;
        keep
    });
}

/// An SVG's size from its root element (`width`/`height` in pixels, else `viewBox`), read by a
/// bounded scan of the start tag: the file is served as it is, never parsed or drawn here.
pub fn svg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).into_owned();
    let start = head.find("<svg")?;
    let tag = &head[start..start + head[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        let quote = tag[at..].chars().next()?;
        let rest = &tag[at + 1..];
        Some(&rest[..rest.find(quote)?])
    };
    let pixels = |v: &str| v.trim().trim_end_matches("px").parse::<f64>().ok().filter(|n| *n >= 1.0 && *n <= 100_000.0);
    if let (Some(w), Some(h)) = (attr("width").and_then(pixels), attr("height").and_then(pixels)) {
        return Some((w.round() as u32, h.round() as u32));
    }
    let numbers: Vec<f64> =
        attr("viewBox")?.split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    match numbers[..] {
        [_, _, w, h] if (1.0..=100_000.0).contains(&w) && (1.0..=100_000.0).contains(&h) => {
            Some((w.round() as u32, h.round() as u32))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_size_from_width_and_height_or_view_box() {
        assert_eq!(svg_size(br#"<?xml?><svg xmlns="x" width="1200" height="675px">"#), Some((1200, 675)));
        assert_eq!(svg_size(br#"<svg viewBox="0 0 800 450" width="100%">"#), Some((800, 450)));
        assert_eq!(svg_size(br#"<svg viewBox="0,0,16,9">"#), Some((16, 9)));
        assert_eq!(svg_size(br#"<svg width="100%" height="100%">"#), None);
        assert_eq!(svg_size(b"<html>"), None);
    }
}
