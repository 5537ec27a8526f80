//! Writing the outputs into DIST_DIR: only files whose bytes changed are written (a CMS calls the
//! step on every save), and files a former run wrote that this run does not (a removed article's
//! page, feed entry file, oEmbed) are deleted, with their precompressed copies.

use super::page::MARKER;
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

/// Where outputs go as they are made: into memory (tests read them there), or straight into
/// DIST_DIR, so a run holds one page at a time, not the whole site.
pub struct Outputs {
    target: Target,
    paths: BTreeSet<String>,
    stats: Written,
    error: Option<io::Error>,
}

enum Target {
    Memory(std::collections::BTreeMap<String, Vec<u8>>),
    Disk(std::path::PathBuf),
}

impl Outputs {
    pub fn in_memory() -> Outputs {
        Outputs {
            target: Target::Memory(Default::default()),
            paths: BTreeSet::new(),
            stats: Written::default(),
            error: None,
        }
    }

    pub fn on_disk(dist: &Path) -> Outputs {
        Outputs {
            target: Target::Disk(dist.to_owned()),
            paths: BTreeSet::new(),
            stats: Written::default(),
            error: None,
        }
    }

    /// A file at `path` (relative to DIST_DIR). On disk it is written only if its bytes changed.
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        match &mut self.target {
            Target::Memory(files) => {
                files.insert(path.clone(), bytes);
            }
            Target::Disk(dist) => match write_if_changed(&dist.join(&path), &bytes) {
                Ok(true) => self.stats.written += 1,
                Ok(false) => self.stats.unchanged += 1,
                Err(e) => {
                    self.error.get_or_insert(e);
                }
            },
        }
        self.paths.insert(path);
    }

    /// Files a former run wrote at `paths`, kept as they are (all of them, if all are still there)
    /// with the size of each; `None` and nothing kept otherwise. Only on disk.
    pub fn keep(&mut self, paths: &[&str]) -> Option<Vec<usize>> {
        let Target::Disk(dist) = &self.target else { return None };
        let mut sizes = Vec::with_capacity(paths.len());
        for path in paths {
            let file = std::fs::metadata(dist.join(path)).ok().filter(|m| m.is_file() && !path.contains(".."))?;
            sizes.push(file.len() as usize);
        }
        self.stats.unchanged += paths.len();
        self.paths.extend(paths.iter().map(|p| p.to_string()));
        Some(sizes)
    }

    /// The step's own state from a former run: the file `name` (on disk only).
    pub fn state(&self, name: &str) -> Option<String> {
        let Target::Disk(dist) = &self.target else { return None };
        std::fs::read_to_string(dist.join(STATE).join(name)).ok()
    }

    /// Keeps `text` as the step's state `name` for the next run (on disk only).
    pub fn set_state(&mut self, name: &str, text: &str) {
        let Target::Disk(dist) = &self.target else { return };
        let dir = dist.join(STATE);
        if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join(name), text)) {
            self.error.get_or_insert(e);
        }
    }

    /// Removes the step's state files that `stale` picks by name: state a former run kept for
    /// something that is no more (on disk only).
    pub fn remove_states(&mut self, stale: impl Fn(&str) -> bool) {
        let Target::Disk(dist) = &self.target else { return };
        let Ok(entries) = std::fs::read_dir(dist.join(STATE)) else { return };
        for entry in entries.flatten() {
            if entry.file_name().to_str().is_some_and(&stale) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// A file made in memory (`None` on disk, or when there is none).
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        match &self.target {
            Target::Memory(files) => files.get(path).map(Vec::as_slice),
            Target::Disk(_) => None,
        }
    }

    /// On disk: removes what a former run wrote and this one did not (with its compressed
    /// copies) and records what this run wrote.
    pub fn finish(mut self) -> io::Result<Written> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let Target::Disk(dist) = &self.target else { return Ok(self.stats) };
        let manifest = dist.join(STATE).join("manifest.txt");
        let before: BTreeSet<String> =
            std::fs::read_to_string(&manifest).unwrap_or_default().lines().map(str::to_owned).collect();
        for stale in before.difference(&self.paths) {
            // Only paths this step wrote; never anything outside DIST_DIR.
            if stale.contains("..") || stale.starts_with('/') {
                continue;
            }
            let target = dist.join(stale);
            if std::fs::remove_file(&target).is_ok() {
                self.stats.removed += 1;
            }
            remove_compressed(&target);
            // A folder left empty goes too (a former part of the search index, say).
            let mut dir = target.parent();
            while let Some(d) = dir.filter(|d| *d != dist.as_path()) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        std::fs::create_dir_all(dist.join(STATE))?;
        let list: Vec<&str> = self.paths.iter().map(String::as_str).collect();
        std::fs::write(manifest, list.join("\n"))?;
        Ok(self.stats)
    }
}

/// Writes `bytes` to `target` unless it holds them already; `true` when written.
fn write_if_changed(target: &Path, bytes: &[u8]) -> io::Result<bool> {
    if std::fs::read(target).ok().as_deref() == Some(bytes) {
        return Ok(false);
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Written beside and renamed: a reader never gets half a file.
    let partial = target.with_extension("publishing");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, target)?;
    remove_compressed(target);
    Ok(true)
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
