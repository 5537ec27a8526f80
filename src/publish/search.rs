//! The full-text search index (decision 13): Pagefind's indexing API over one small HTML record
//! per article, built with the escaping writer from the same article model as the entry pages.
//! Pagefind splits the index into chunks the browser fetches only for the words searched
//! (`/pagefind/`), stems German words and counts the topics (`tag` filter) of every search.

use super::article_html::{body, figure};
use super::html::Html;
use super::output::Outputs;
use super::source::Source;
use crate::core::paths;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

/// Where the index is served; the app's search (public/search.js) loads it from here.
pub const DIR: &str = "pagefind";

/// Pagefind's own files the app does not use (its ready-made interfaces and their styles).
fn unused(name: &str) -> bool {
    name.starts_with("pagefind-ui")
        || name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name.starts_with("pagefind-highlight")
        || name.starts_with("playground")
}

/// What Pagefind indexes of an article, with weights: the headline (`h1`, Pagefind's heaviest
/// default) above kicker, lead and topics, above the body (paragraphs, headings, lists, quotes,
/// link labels, captions and credits) and keywords. Meta (shown with a result) and the date
/// (sorting) are read from attributes, so the date's words are not searchable text.
pub fn record(source: &Source) -> String {
    let a = &source.article;
    let t = &a.teaser;
    // Sorted as text: UTC, so that offsets do not disturb the order.
    let utc = t.published.0.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut h = Html::new();
    // One language for all: the reader searches one index, in German (decision 13).
    h.open("html", &[("lang", Some("de"))]).open("body", &[]);
    h.open("main", &[("data-pagefind-body", Some(""))]);
    h.element(
        "time",
        &[
            ("datetime", Some(&t.published.to_rfc3339())),
            ("data-utc", Some(&utc)),
            ("data-pagefind-meta", Some("date[datetime]")),
            ("data-pagefind-sort", Some("date[data-utc]")),
        ],
        "",
    );
    if let Some(kicker) = &t.kicker {
        h.element("p", &[("data-pagefind-meta", Some("kicker")), ("data-pagefind-weight", Some("3"))], kicker);
    }
    h.element("h1", &[("data-pagefind-meta", Some("title"))], &t.headline);
    if let Some(lead) = &t.lead {
        h.element("p", &[("data-pagefind-weight", Some("2"))], lead);
    }
    if let Some(image) = &t.image {
        figure(&mut h, image, false);
    }
    h.append(body(&a.body.blocks, None));
    h.open("ul", &[("data-pagefind-weight", Some("3"))]);
    for tag in &t.tags {
        h.open("li", &[]).element("span", &[("data-pagefind-filter", Some("tag"))], tag).close("li");
    }
    h.close("ul");
    if !a.keywords.is_empty() {
        h.element("p", &[("data-pagefind-weight", Some("2"))], &a.keywords.join(", "));
    }
    h.close("main").close("body").close("html");
    h.finish()
}

/// What building the index took (printed by the publish step, measured by bench/publish.sh).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Stats {
    pub files: usize,
    pub bytes: usize,
    pub seconds: f64,
    /// Nothing it indexes had changed: the last run's index was kept, not built again.
    pub kept: bool,
}

/// The step's state file: the fingerprint of what the index was built from, then its files.
const STATE: &str = "search-index.txt";
/// Pagefind's version (pinned in Cargo.toml): another version builds another index.
const ENGINE: &str = "pagefind 1.6.0, de";

/// Indexes every article and adds Pagefind's files (its script, wasm and the index chunks)
/// under `pagefind/`. When no record changed since the last run (a CMS calls the step on every
/// save, and most saves change no article), the index on disk is kept: building it is most of
/// the step's time (minutes at 100,000 articles).
pub fn write(out: &mut Outputs, sources: &[Source]) -> Result<Stats, String> {
    let started = std::time::Instant::now();
    let records: Vec<(String, String)> =
        sources.iter().map(|s| (paths::article(&s.article.teaser.slug), record(s))).collect();
    let fingerprint = fingerprint(&records);
    if let Some(mut stats) = keep_former(out, &fingerprint) {
        stats.seconds = started.elapsed().as_secs_f64();
        return Ok(stats);
    }
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder().force_language("de".into()).build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for ((url, record), source) in records.into_iter().zip(sources) {
            index.add_html_file(None, Some(url), record).await.map_err(|e| format!("{}: {e}", source.file))?;
        }
        index.get_files().await.map_err(|e| e.to_string())
    })?;
    let mut stats = Stats::default();
    let mut state = fingerprint;
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        let name = name.trim_start_matches("./").trim_start_matches('/');
        if unused(name.rsplit('/').next().unwrap_or(name)) {
            continue;
        }
        stats.files += 1;
        stats.bytes += file.contents.len();
        let path = format!("{DIR}/{name}");
        state.push('\n');
        state.push_str(&path);
        out.insert(path, file.contents);
    }
    out.set_state(STATE, &state);
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

/// What the index is built from, in one line: the engine, then a hash of every article's address
/// and record (two independent 64-bit hashes: a change that both miss is not to be expected).
fn fingerprint(records: &[(String, String)]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hashes = [std::hash::DefaultHasher::new(), std::hash::DefaultHasher::new()];
    1u8.hash(&mut hashes[1]);
    for (url, record) in records {
        for h in &mut hashes {
            (url, record).hash(h);
        }
    }
    format!("{ENGINE}; {} articles; {:016x}{:016x}", records.len(), hashes[0].finish(), hashes[1].finish())
}

/// The last run's index, if it was built from the same records and all its files are there.
fn keep_former(out: &mut Outputs, fingerprint: &str) -> Option<Stats> {
    let state = out.state(STATE)?;
    let mut lines = state.lines();
    if lines.next() != Some(fingerprint) {
        return None;
    }
    let files: Vec<&str> = lines.collect();
    if files.is_empty() {
        return None;
    }
    let bytes = out.keep(&files)?;
    Some(Stats { files: files.len(), bytes, seconds: 0.0, kept: true })
}
