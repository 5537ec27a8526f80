//! The content's files to download (format 1.2 `downloads`, and an own `video` with its caption
//! files and transcript): a file of the content folder is
//! published at its site path, and each download of a file the step has gets its size (and its
//! type when the address does not end in one), in the entry page and in the article file the app
//! reads. A local file that is not there is named, so the editor fixes the link before a reader
//! finds it broken.

use super::local::Roots;
use super::output::Outputs;
use super::source::{Problem, Source};
use crate::core::model::{Block, VideoSource};

/// Files larger than this are published by copying, never read whole.
const COPIED_ABOVE: u64 = 8 * 1024 * 1024;

/// A download of `size` bytes at `href`, as the article file gets it.
struct Filled {
    href: String,
    size: u64,
}

pub fn prepare(out: &mut Outputs, sources: &mut [Source], roots: &Roots) -> Vec<Problem> {
    let mut problems = Vec::new();
    for source in sources.iter_mut() {
        let file = source.file.clone();
        let mut filled = Vec::new();
        for (b, block) in source.article.body.blocks.iter_mut().enumerate() {
            match block {
                Block::Downloads { files, .. } => {
                    for (f, download) in files.iter_mut().enumerate() {
                        let field = format!("body[{b}].files[{f}].href");
                        let Some(size) = publish(out, roots, &download.href, &file, field, &mut problems) else {
                            continue;
                        };
                        if download.size.is_none() {
                            download.size = Some(size);
                            filled.push(Filled { href: download.href.clone(), size });
                        }
                    }
                }
                // An own video, its caption files and its transcript are published like downloads.
                Block::Video(v) => {
                    if let VideoSource::File { src } = &v.source {
                        publish(out, roots, src, &file, format!("body[{b}].src"), &mut problems);
                    }
                    for (c, captions) in v.captions.iter().enumerate() {
                        publish(
                            out,
                            roots,
                            &captions.src,
                            &file,
                            format!("body[{b}].captions[{c}].src"),
                            &mut problems,
                        );
                    }
                    if let Some(t) = &v.transcript {
                        publish(out, roots, t, &file, format!("body[{b}].transcript"), &mut problems);
                    }
                }
                _ => {}
            }
        }
        if !filled.is_empty() {
            source.raw = patch_raw(&source.raw, &filled);
        }
    }
    problems
}

/// Publishes the file a site path names from the content folder (unless the build serves that
/// path itself: never overwritten); its size, or `None` when it is not a local file or missing
/// (named to the editor).
fn publish(
    out: &mut Outputs,
    roots: &Roots,
    href: &str,
    file: &str,
    field: String,
    problems: &mut Vec<Problem>,
) -> Option<u64> {
    let (site_path, candidates) = roots.candidates(href)?;
    let Some((index, path)) = candidates.iter().enumerate().find(|(_, c)| c.is_file()) else {
        problems.push(Problem::warning(
            file,
            Some(field),
            format!("die Datei '{href}' gibt es weder im Inhaltsordner noch in der Website"),
        ));
        return None;
    };
    let meta = std::fs::metadata(path).ok()?;
    let in_build = roots.dist.join(&site_path).is_file() && !out.former().contains(&site_path);
    if index == 0 && !in_build {
        // A video or a recording may be gigabytes: copied, not read into memory.
        if meta.len() > COPIED_ABOVE {
            out.insert_copy(site_path, path);
        } else if let Ok(bytes) = std::fs::read(path) {
            out.insert(site_path, bytes);
        }
    }
    Some(meta.len())
}

/// The served article file with the sizes filled in (its other fields as the producer wrote them).
fn patch_raw(raw: &[u8], filled: &[Filled]) -> Vec<u8> {
    let Ok(mut file) = serde_json::from_slice::<serde_json::Value>(raw) else { return raw.to_vec() };
    let blocks = file.get_mut("body").and_then(|b| b.as_array_mut()).into_iter().flatten();
    for block in blocks.filter(|b| b.get("type").and_then(|t| t.as_str()) == Some("downloads")) {
        let files = block.get_mut("files").and_then(|f| f.as_array_mut()).into_iter().flatten();
        for entry in files {
            let href = entry.get("href").and_then(|h| h.as_str()).map(str::trim).unwrap_or_default().to_owned();
            if let (Some(f), Some(object)) = (filled.iter().find(|f| f.href == href), entry.as_object_mut()) {
                object.entry("size").or_insert(f.size.into());
            }
        }
    }
    serde_json::to_vec(&file).unwrap_or_else(|_| raw.to_vec())
}
