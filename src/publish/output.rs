//! Writing the outputs into DIST_DIR: only files whose bytes changed are written (a CMS calls the
//! step on every save), and files a former run wrote that this run does not (a removed article's
//! page, feed entry file, oEmbed) are deleted, with their precompressed copies.

use super::page::MARKER;
use super::Outputs;
use std::collections::BTreeSet;
use std::io;
use std::path::Path;

/// Where the publish step keeps its own state inside DIST_DIR.
const STATE: &str = ".publish";

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// The app's own `index.html` as Trunk built it. A fresh build replaces the published list page,
/// so the template is taken from `index.html` whenever that is not a published page, and kept.
pub fn template(dist: &Path) -> io::Result<String> {
    let kept = dist.join(STATE).join("template.html");
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    if !index.contains(MARKER) {
        std::fs::create_dir_all(dist.join(STATE))?;
        std::fs::write(&kept, &index)?;
        return Ok(index);
    }
    std::fs::read_to_string(kept)
}

pub fn write_all(dist: &Path, outputs: &Outputs) -> io::Result<Written> {
    let manifest = dist.join(STATE).join("manifest.txt");
    let before: BTreeSet<String> =
        std::fs::read_to_string(&manifest).unwrap_or_default().lines().map(str::to_owned).collect();
    let mut stats = Written::default();
    for (path, bytes) in outputs {
        let target = dist.join(path);
        if std::fs::read(&target).ok().as_deref() == Some(bytes.as_slice()) {
            stats.unchanged += 1;
            continue;
        }
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Written beside and renamed: a reader never gets half a file.
        let partial = target.with_extension("publishing");
        std::fs::write(&partial, bytes)?;
        std::fs::rename(&partial, &target)?;
        remove_compressed(&target);
        stats.written += 1;
    }
    for stale in before.iter().filter(|p| !outputs.contains_key(*p)) {
        // Only paths this step wrote; never anything outside DIST_DIR.
        if stale.contains("..") || stale.starts_with('/') {
            continue;
        }
        let target = dist.join(stale);
        if std::fs::remove_file(&target).is_ok() {
            stats.removed += 1;
        }
        remove_compressed(&target);
    }
    std::fs::create_dir_all(dist.join(STATE))?;
    let list: Vec<&str> = outputs.keys().map(String::as_str).collect();
    std::fs::write(manifest, list.join("\n"))?;
    Ok(stats)
}

/// The `.br` and `.gz` copies of a changed or removed file are stale (scripts/publish.sh
/// makes new ones).
fn remove_compressed(target: &Path) {
    for ext in ["br", "gz"] {
        let mut name = target.as_os_str().to_owned();
        name.push(format!(".{ext}"));
        let _ = std::fs::remove_file(name);
    }
}
