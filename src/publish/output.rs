//! Writing the outputs into DIST_DIR so that a reader never meets half a site, whenever the run
//! stops (killed, a full disk, an unwritable file):
//! - a file is written beside its place and renamed into it, with its `.br` and `.gz` made by
//!   the step itself (a stale copy is removed before the file changes, and every run checks the
//!   copies of the files it keeps);
//! - an article's own files (entry page, API file, oEmbed) and the search index's hashed chunks are
//!   written as they are made; everything that names them (the index pages, the list page,
//!   feeds, sitemap, the search index's part list, the step's own state) is held back and written
//!   last, so nothing listed is missing;
//! - every path is journalled before it is first written, so a run that stops leaves the next run
//!   knowing every file it may have made; files no longer made are removed only after the index
//!   has switched, and the search index's chunks only after a grace period (an open page may still
//!   ask for them).
//!
//! Only files whose bytes changed are written (a CMS calls the step on every save).

use super::page::MARKER;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Where the publish step keeps its own state inside DIST_DIR.
pub const STATE: &str = ".publish";
const MANIFEST: &str = "manifest.txt";
const JOURNAL: &str = "journal.txt";
/// Search index chunks no longer used, with when they went out of use.
const GRAVEYARD: &str = "graveyard.txt";
/// The suffix of a file being written.
const PARTIAL: &str = ".publishing";

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// Paths written (or, in a dry run, that would be).
    pub written_paths: Vec<String>,
    /// Paths removed (or, in a dry run, that would be).
    pub removed_paths: Vec<String>,
    /// Search index files kept for open pages, to be removed by a later run.
    pub retired: usize,
}

/// The app's own `index.html` as Trunk built it. A fresh build replaces the published list page,
/// so the template is taken from `index.html` whenever that is not a published page, and kept.
pub fn template(dist: &Path) -> io::Result<String> {
    let kept = dist.join(STATE).join("template.html");
    let index = std::fs::read_to_string(dist.join("index.html"))?;
    if !index.contains(MARKER) {
        std::fs::create_dir_all(dist.join(STATE))?;
        write_atomic(&kept, index.as_bytes())?;
        return Ok(index);
    }
    std::fs::read_to_string(kept)
}

/// Where outputs go as they are made: into memory (tests read them there), straight into
/// DIST_DIR, or nowhere (a dry run counts what would change).
pub struct Outputs {
    target: Target,
    /// Every path this run makes.
    paths: BTreeSet<String>,
    /// What a former run made (its manifest, and its journal if it stopped before the end).
    before: BTreeSet<String>,
    /// Written at the end, in this order: what names other files.
    held: BTreeMap<(u8, String), Vec<u8>>,
    states: Vec<(String, String)>,
    stats: Written,
    error: Option<(String, io::Error)>,
    journal: Option<std::fs::File>,
    /// How long unused search index chunks stay.
    pub grace: Duration,
}

enum Target {
    Memory(BTreeMap<String, Vec<u8>>),
    Disk(PathBuf),
    DryRun(PathBuf),
}

/// The grace period for the search index's former chunks: a tab's search worker keeps the part
/// list it loaded; a day covers a tab left open overnight.
pub const GRACE: Duration = Duration::from_secs(24 * 3600);

impl Outputs {
    pub fn in_memory() -> Outputs {
        Outputs::with(Target::Memory(Default::default()), BTreeSet::new())
    }

    pub fn on_disk(dist: &Path) -> Outputs {
        Outputs::with(Target::Disk(dist.to_owned()), former_paths(dist))
    }

    /// Reads and compares, writes nothing.
    pub fn dry_run(dist: &Path) -> Outputs {
        Outputs::with(Target::DryRun(dist.to_owned()), former_paths(dist))
    }

    fn with(target: Target, before: BTreeSet<String>) -> Outputs {
        Outputs {
            target,
            paths: BTreeSet::new(),
            before,
            held: BTreeMap::new(),
            states: Vec::new(),
            stats: Written::default(),
            error: None,
            journal: None,
            grace: GRACE,
        }
    }

    /// The paths a former run published (to find what this run would remove).
    pub fn former(&self) -> &BTreeSet<String> {
        &self.before
    }

    /// A file at `path` (relative to DIST_DIR). On disk it is written only if its bytes changed;
    /// files that name others wait for `finish`.
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        if let Target::Memory(files) = &mut self.target {
            files.insert(path.clone(), bytes);
        } else if let Some(rank) = held_rank(&path) {
            self.held.insert((rank, path.clone()), bytes);
        } else {
            self.put(&path, &bytes);
        }
        self.paths.insert(path);
    }

    /// A large file of the content folder (a video, a council recording) published by copying,
    /// never read into memory whole; unchanged when the published copy has its length and is not
    /// older. Not precompressed: such files are compressed by their format.
    pub fn insert_copy(&mut self, path: String, source: &Path) {
        if let Target::Memory(files) = &mut self.target {
            if let Ok(bytes) = std::fs::read(source) {
                files.insert(path.clone(), bytes);
            }
        } else if self.error.is_none() {
            let same = |target: &Path| match (std::fs::metadata(source), std::fs::metadata(target)) {
                (Ok(a), Ok(b)) => a.len() == b.len() && b.modified().ok() >= a.modified().ok(),
                _ => false,
            };
            let result = match &self.target {
                Target::Memory(_) => Ok(false),
                Target::DryRun(dist) => Ok(!same(&dist.join(&path))),
                Target::Disk(dist) => {
                    let target = dist.join(&path);
                    if same(&target) {
                        Ok(false)
                    } else {
                        self.journal(&path).and_then(|_| copy_atomic(source, &target)).map(|_| true)
                    }
                }
            };
            self.count(&path, result);
        }
        self.paths.insert(path);
    }

    fn put(&mut self, path: &str, bytes: &[u8]) {
        if self.error.is_some() {
            return;
        }
        let result = match &self.target {
            Target::Memory(_) => return,
            Target::DryRun(dist) => Ok(std::fs::read(dist.join(path)).ok().as_deref() != Some(bytes)),
            Target::Disk(dist) => {
                let dist = dist.clone();
                self.journal(path).and_then(|_| write_if_changed(&dist.join(path), bytes, compressible(path)))
            }
        };
        self.count(path, result);
    }

    /// Counts a write (`true`: the file changed), or keeps its error (the run stops writing).
    fn count(&mut self, path: &str, result: io::Result<bool>) {
        match result {
            Ok(true) => {
                self.stats.written += 1;
                self.stats.written_paths.push(path.to_owned());
            }
            Ok(false) => self.stats.unchanged += 1,
            Err(e) => self.error = Some((path.to_owned(), e)),
        }
    }

    /// Notes a path in the journal before it is first written.
    fn journal(&mut self, path: &str) -> io::Result<()> {
        let Target::Disk(dist) = &self.target else { return Ok(()) };
        // Opened (made) at the first write: while it exists, a run is under way or was stopped.
        if self.journal.is_none() {
            std::fs::create_dir_all(dist.join(STATE))?;
            let file = std::fs::OpenOptions::new().create(true).append(true).open(dist.join(STATE).join(JOURNAL))?;
            self.journal = Some(file);
        }
        if self.before.contains(path) {
            return Ok(());
        }
        let journal = self.journal.as_mut().expect("opened above");
        journal.write_all(format!("{path}\n").as_bytes())
    }

    /// Files a former run wrote at `paths`, kept as they are (all of them, if all are still there)
    /// with the size of each; `None` and nothing kept otherwise. Only on disk.
    pub fn keep(&mut self, paths: &[&str]) -> Option<Vec<usize>> {
        let (Target::Disk(dist) | Target::DryRun(dist)) = &self.target else { return None };
        let mut sizes = Vec::with_capacity(paths.len());
        for path in paths {
            let file = std::fs::metadata(dist.join(path)).ok().filter(|m| m.is_file() && !path.contains(".."))?;
            sizes.push(file.len() as usize);
        }
        if let Target::Disk(dist) = &self.target {
            for path in paths.iter().filter(|p| compressible(p)) {
                if let Err(e) = compress_if_stale(&dist.join(path)) {
                    self.error.get_or_insert((path.to_string(), e));
                }
            }
        }
        self.stats.unchanged += paths.len();
        self.paths.extend(paths.iter().map(|p| p.to_string()));
        Some(sizes)
    }

    /// The step's own state from a former run: the file `name` (on disk only).
    pub fn state(&self, name: &str) -> Option<String> {
        let (Target::Disk(dist) | Target::DryRun(dist)) = &self.target else { return None };
        std::fs::read_to_string(dist.join(STATE).join(name)).ok()
    }

    /// Keeps `text` as the step's state `name` for the next run (on disk only), once everything
    /// it describes is written.
    pub fn set_state(&mut self, name: &str, text: &str) {
        self.states.push((name.to_owned(), text.to_owned()));
    }

    /// Removes the step's state files that `stale` picks by name: state a former run kept for
    /// something that is no more (on disk only, at the end).
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
            _ => None,
        }
    }

    /// On disk: writes what names the other files, then the state, then removes what a former
    /// run wrote and this one did not (with its compressed copies; the search index's chunks
    /// after the grace period) and records what this run made. If anything could not be
    /// written, nothing that names the new files is written and nothing is removed: the site
    /// serves what it served, and the next run finishes the job.
    pub fn finish(mut self) -> Result<Written, (String, io::Error)> {
        let held = std::mem::take(&mut self.held);
        for ((_, path), bytes) in &held {
            self.put(path, bytes);
        }
        let dist = match &self.target {
            Target::Memory(_) => return Ok(self.stats),
            Target::DryRun(_) => {
                let stale: Vec<String> = self.before.difference(&self.paths).cloned().collect();
                self.stats.removed = stale.len();
                self.stats.removed_paths = stale;
                return Ok(self.stats);
            }
            Target::Disk(dist) => dist.clone(),
        };
        let state = dist.join(STATE);
        if let Some(e) = self.error.take() {
            // What was written is known to the next run by the journal; the former manifest stays.
            return Err(e);
        }
        for (name, text) in std::mem::take(&mut self.states) {
            if let Err(e) = write_atomic(&state.join(&name), text.as_bytes()) {
                return Err((format!("{STATE}/{name}"), e));
            }
        }
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let mut graveyard = read_graveyard(&state.join(GRAVEYARD));
        graveyard.retain(|path, _| !self.paths.contains(path));
        let stale: Vec<String> = self.before.difference(&self.paths).cloned().collect();
        for path in stale {
            // Only paths this step wrote; never anything outside DIST_DIR.
            if path.contains("..") || path.starts_with('/') {
                continue;
            }
            if retire_later(&path) {
                graveyard.entry(path).or_insert(now);
                continue;
            }
            if remove(&dist, &path) {
                self.stats.removed += 1;
                self.stats.removed_paths.push(path);
            }
        }
        let grace = self.grace.as_secs();
        graveyard.retain(|path, since| {
            if now.saturating_sub(*since) < grace {
                return true;
            }
            remove(&dist, path);
            false
        });
        self.stats.retired = graveyard.len();
        // The manifest lists what this run made and the chunks still in their grace period.
        let mut list: Vec<&str> = self.paths.iter().map(String::as_str).collect();
        list.extend(graveyard.keys().map(String::as_str));
        list.sort_unstable();
        list.dedup();
        let graveyard_text: String = graveyard.iter().map(|(p, t)| format!("{t}\t{p}\n")).collect();
        let result = write_atomic(&state.join(GRAVEYARD), graveyard_text.as_bytes())
            .and_then(|_| write_atomic(&state.join(MANIFEST), (list.join("\n") + "\n").as_bytes()))
            .and_then(|_| match std::fs::remove_file(state.join(JOURNAL)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            });
        result.map_err(|e| (format!("{STATE}/{MANIFEST}"), e))?;
        Ok(self.stats)
    }
}

/// What a former run made: its manifest, its graveyard, and, if it stopped before the end, the
/// paths it journalled. Their half-written leftovers are removed here.
fn former_paths(dist: &Path) -> BTreeSet<String> {
    let state = dist.join(STATE);
    let read = |name: &str| std::fs::read_to_string(state.join(name)).unwrap_or_default();
    let mut before: BTreeSet<String> = read(MANIFEST).lines().filter(|l| !l.is_empty()).map(str::to_owned).collect();
    before.extend(read_graveyard(&state.join(GRAVEYARD)).into_keys());
    if state.join(JOURNAL).exists() {
        let journal = read(JOURNAL);
        before.extend(journal.lines().filter(|l| !l.is_empty()).map(str::to_owned));
        for path in &before {
            for partial in [format!("{path}{PARTIAL}"), format!("{path}.br{PARTIAL}"), format!("{path}.gz{PARTIAL}")] {
                let _ = std::fs::remove_file(dist.join(partial));
            }
        }
    }
    before
}

fn read_graveyard(file: &Path) -> BTreeMap<String, u64> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(t, p)| Some((p.to_owned(), t.parse().ok()?)))
        .collect()
}

/// The search index's hashed chunks: an open page's search worker may still ask for them.
fn retire_later(path: &str) -> bool {
    path.starts_with("pagefind/") && held_rank(path).is_none()
}

/// Files that name other files wait for the end, in this order: the search index's entries and
/// part list, the content API's index, feeds and sitemap, then the pages.
fn held_rank(path: &str) -> Option<u8> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if path.starts_with("pagefind/") {
        let hashed =
            ["/index/", "/fragment/", "/filter/"].iter().any(|d| path.contains(d)) || name.ends_with(".pf_meta");
        return (!hashed).then_some(if name == "parts.json" { 1 } else { 0 });
    }
    if path.starts_with("nachrichten/") || path.starts_with("oembed/") || path.starts_with("api/articles/") {
        return None;
    }
    Some(if path.starts_with("api/") {
        2
    } else if path.ends_with(".html") {
        4
    } else {
        3
    })
}

/// Pagefind's chunks and wasm are gzip already (it unpacks them itself); photos, videos, audio
/// and archives are compressed by their format.
fn compressible(path: &str) -> bool {
    let photo = [".webp", ".jpg", ".jpeg", ".png", ".gif", ".avif", ".mp4", ".webm", ".m4v", ".mp3", ".ogg", ".zip"]
        .iter()
        .any(|e| path.ends_with(e));
    !(path.contains(".pf_") || path.ends_with(".pagefind") || photo)
}

/// Removes `path` and its compressed copies (and folders left empty); `true` if it was there.
fn remove(dist: &Path, path: &str) -> bool {
    let target = dist.join(path);
    let removed = std::fs::remove_file(&target).is_ok();
    remove_compressed(&target);
    // A folder left empty goes too (a former part of the search index, say).
    let mut dir = target.parent();
    while let Some(d) = dir.filter(|d| *d != dist) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    removed
}

/// Writes `bytes` to `target` unless it holds them already (then only its compressed copies are
/// checked); `true` when written.
fn write_if_changed(target: &Path, bytes: &[u8], compress: bool) -> io::Result<bool> {
    if std::fs::read(target).ok().as_deref() == Some(bytes) {
        if compress {
            compress_if_stale(target)?;
        }
        return Ok(false);
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // The old copies go before the file changes: a served `.br` is always of the file beside it.
    remove_compressed(target);
    write_atomic(target, bytes)?;
    if compress {
        write_compressed(target, bytes)?;
    }
    Ok(true)
}

/// Written beside and renamed: a reader never gets half a file.
fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let partial = with_suffix(target, PARTIAL);
    let result = std::fs::write(&partial, bytes).and_then(|_| std::fs::rename(&partial, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// `write_atomic` for a file copied as it is (its former compressed copies go first).
fn copy_atomic(source: &Path, target: &Path) -> io::Result<()> {
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    remove_compressed(target);
    let partial = with_suffix(target, PARTIAL);
    let result = std::fs::copy(source, &partial).and_then(|_| std::fs::rename(&partial, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn with_suffix(target: &Path, suffix: &str) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The `.br` and `.gz` (gzip -9) copies nginx serves instead of the file. Brotli at quality 10:
/// on the sample's entry pages and article files 2 % larger than at 11, in less than half the
/// time (quality 11 took ~10 ms a page, most of a first run's time).
fn write_compressed(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut br = Vec::with_capacity(bytes.len() / 3 + 64);
    // A window no larger than the file: most files are small, and a 4 MiB window for each made
    // compression most of the step's time.
    let lgwin = (usize::BITS - bytes.len().max(1).leading_zeros()).clamp(16, 24) as i32;
    let params = brotli::enc::BrotliEncoderParams { quality: 10, lgwin, size_hint: bytes.len(), ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gz = gz.finish()?;
    write_atomic(&with_suffix(target, ".br"), &br)?;
    write_atomic(&with_suffix(target, ".gz"), &gz)
}

/// Makes the compressed copies again when one is missing, empty or older than the file (a run
/// stopped between the file and its copies, or a full disk left an empty one).
fn compress_if_stale(target: &Path) -> io::Result<()> {
    let modified = |p: &Path| std::fs::metadata(p).ok().filter(|m| m.len() > 0).and_then(|m| m.modified().ok());
    let Some(source) = std::fs::metadata(target).ok().and_then(|m| m.modified().ok()) else { return Ok(()) };
    let fresh = |ext: &str| modified(&with_suffix(target, ext)).is_some_and(|t| t >= source);
    if fresh(".br") && fresh(".gz") {
        return Ok(());
    }
    remove_compressed(target);
    write_compressed(target, &std::fs::read(target)?)
}

/// The `.br` and `.gz` copies of a changed or removed file are stale.
fn remove_compressed(target: &Path) {
    for ext in [".br", ".gz"] {
        let _ = std::fs::remove_file(with_suffix(target, ext));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_names_other_files_waits_for_the_end_in_order() {
        assert_eq!(held_rank("nachrichten/a.html"), None);
        assert_eq!(held_rank("api/articles/a.json"), None);
        assert_eq!(held_rank("pagefind/2025-01/fragment/de_1a2b.pf_fragment"), None);
        assert_eq!(held_rank("pagefind/2025-01/pagefind.de_1a.pf_meta"), None);
        assert!(held_rank("pagefind/2025-01/pagefind-entry.json") < held_rank("pagefind/parts.json"));
        assert!(held_rank("pagefind/parts.json") < held_rank("api/news.json"));
        assert!(held_rank("api/news.json") < held_rank("feeds/nachrichten.xml"));
        assert!(held_rank("sitemap.xml") < held_rank("index.html"));
        assert!(retire_later("pagefind/2025-01/index/de_1.pf_index") && !retire_later("pagefind/parts.json"));
    }
}
