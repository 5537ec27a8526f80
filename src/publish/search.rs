//! The full-text search index (decision 13): Pagefind's indexing API over one small HTML record
//! per article, built with the escaping writer from the same article model as the entry pages.
//! Pagefind splits the index into chunks the browser fetches only for the words searched
//! (`/pagefind/`), stems German words and counts the topics (`tag` filter) of every search.
//!
//! At archive scale one index answers a word found in most articles slowly (Pagefind scores and
//! returns every match: seconds to tens of seconds at 100,000), and cannot be stopped for a newer
//! question. So the archive is indexed in parts by months of publication (`parts`), newest first
//! in `pagefind/parts.json`; the browser (public/search-worker.js) searches the newest part
//! first, shows what it found and completes counts and ranking as older parts answer. Pagefind's
//! script and wasm are written once, beside the parts.

use super::compounds::{Cache, Splitter};
use super::html::Html;
use super::output::Outputs;
use super::source::Source;
use super::views::{body, figure};
use crate::core::paths;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::collections::BTreeSet;

/// What the shared views add for readers that is not the article's text (src/app/components);
/// named in `ENGINE`, so that a change rebuilds the index.
const NOT_THE_ARTICLES_WORDS: [&str; 2] = [".visually-hidden", ".external-mark"];

/// Where the index is served; the app's search (public/search.js) loads it from here.
pub const DIR: &str = "pagefind";

/// Pagefind's own files the app does not use (its ready-made interfaces and their styles; its
/// worker: Pagefind already runs in the app's search worker).
fn unused(name: &str) -> bool {
    name.starts_with("pagefind-worker")
        || name.starts_with("pagefind-ui")
        || name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name.starts_with("pagefind-highlight")
        || name.starts_with("playground")
}

/// Where the article's own words end in what Pagefind indexes: the search worker
/// (public/search-worker.js) makes excerpts of the words before it only, so topics, keywords
/// and compound parts are found but never shown as an excerpt (issue #31). Not a word, so not
/// searchable.
pub const END_OF_TEXT: &str = "⁂";

/// How much a compound's part counts against the same word on its own: "Markt" finds the news
/// with "Wochenmärkte", below those that say "Markt".
const PART_WEIGHT: &str = "0.25";

/// What Pagefind indexes of an article, with weights: the headline (`h1`, Pagefind's heaviest
/// default) above kicker, lead and topics, above the body (paragraphs, headings, lists, quotes,
/// link labels, captions and credits) and keywords; the parts of its compound words (`parts`,
/// `compounds::Cache::parts_of`) lowest. Meta (shown with a result) and the date (sorting) are read from
/// attributes, so the date's words are not searchable text.
pub fn record(source: &Source, parts: Option<&str>) -> String {
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
        h.append(Html::from_trusted(figure(image.clone(), crate::core::images::Slot::Lead)));
    }
    h.append(Html::from_trusted(body(a.body.blocks.clone())));
    h.element("p", &[], END_OF_TEXT);
    h.open("ul", &[("data-pagefind-weight", Some("3"))]);
    for tag in &t.tags {
        h.open("li", &[]).element("span", &[("data-pagefind-filter", Some("tag"))], tag).close("li");
    }
    h.close("ul");
    if !a.keywords.is_empty() {
        h.element("p", &[("data-pagefind-weight", Some("2"))], &a.keywords.join(", "));
    }
    if let Some(parts) = parts.filter(|p| !p.is_empty()) {
        h.element("p", &[("data-pagefind-weight", Some(PART_WEIGHT))], parts);
    }
    h.close("main").close("body").close("html");
    h.finish()
}

/// The article's own words: kicker, headline, lead, captions and credits, the body's text.
fn text(source: &Source) -> Vec<String> {
    use crate::core::model::Block;
    let a = &source.article;
    let t = &a.teaser;
    let mut out: Vec<String> =
        [t.kicker.clone(), Some(t.headline.clone()), t.lead.clone()].into_iter().flatten().collect();
    out.extend(t.image.iter().filter_map(|i| i.caption_line()));
    for block in &a.body.blocks {
        match block {
            // With the photographer: "Bild: Anja Kador" is found.
            Block::Image(i) => out.extend(i.caption_line()),
            Block::Gallery { caption, images, .. } => {
                out.extend(caption.clone());
                out.extend(images.iter().filter_map(|i| i.caption_line()));
            }
            other => other.texts(&mut |s| out.push(s.to_owned())),
        }
    }
    out.extend(a.contacts.iter().flat_map(|c| c.texts()).map(str::to_owned));
    out
}

/// What building the index took (printed by the publish step, measured by bench/publish.sh).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    pub files: usize,
    pub bytes: usize,
    pub seconds: f64,
    /// Parts of the index (months, see `parts`).
    pub parts: usize,
    /// Parts kept from the last run because nothing they index had changed.
    pub kept: usize,
    /// Why compound words are not split (the word list could not be read), if they are not.
    pub no_compounds: Option<String>,
}

/// Articles a part of the index holds at least: months are joined, from the oldest on, until a
/// part has this many. One part for a small newsroom; at archive scale, parts Pagefind answers
/// in a tenth of a second (CPU 1×) even for a word every article has (one index of 100,000:
/// 22 s). Smaller parts cost more: every word searched is a chunk per part (measured 1,000 /
/// 2,500 / 5,000 in docs/performance.md, ninth session).
pub const PART_SIZE: usize = 2_500;

/// The step's state file of one part: the fingerprint of what it was built from, then its files.
fn state_name(part: &str) -> String {
    format!("search-index-{part}.txt")
}
/// Pagefind's version (pinned in Cargo.toml) and settings: another version or other settings
/// build another index (so changing them rebuilds every part).
const ENGINE: &str = "pagefind 1.6.0, de, without .visually-hidden .external-mark, article's text ends at ⁂";
/// The list of parts, newest first, read by public/search-worker.js.
pub const PARTS: &str = "pagefind/parts.json";

/// The articles (their positions in `sources`) of each part of the index, newest part first,
/// named by its months ("2025-12", "2025-03_2025-07"). Months are joined from the oldest on until
/// a part holds `part_size` articles, so a new article changes only the newest part and the older
/// parts are kept as they are. Every part holds at least `part_size` (unless there is only one).
fn parts(sources: &[Source], part_size: usize) -> Vec<(String, Vec<usize>)> {
    use chrono::Datelike;
    let mut by_month = std::collections::BTreeMap::<(i32, u32), Vec<usize>>::new();
    for (i, s) in sources.iter().enumerate() {
        let t = s.article.teaser.published.0;
        by_month.entry((t.year(), t.month())).or_default().push(i);
    }
    // (first month, last month, articles)
    type Part = ((i32, u32), (i32, u32), Vec<usize>);
    let mut parts: Vec<Part> = Vec::new();
    let mut open: Option<Part> = None;
    for (month, articles) in by_month {
        let (first, _, mut members) = open.take().unwrap_or((month, month, Vec::new()));
        members.extend(articles);
        if members.len() >= part_size.max(1) {
            parts.push((first, month, members));
        } else {
            open = Some((first, month, members));
        }
    }
    // The newest months, fewer than a part: joined to the part before them. Relevance is ranked
    // across parts by Pagefind's own scores, which weigh a word by how rare it is in its part: a
    // small part would weigh its words unlike the others do.
    if let Some((first, last, members)) = open {
        match parts.last_mut() {
            Some(part) => {
                part.1 = last;
                part.2.extend(members);
            }
            None => parts.push((first, last, members)),
        }
    }
    let name = |(year, month): (i32, u32)| format!("{year:04}-{month:02}");
    parts
        .into_iter()
        .rev()
        .map(|(first, last, members)| {
            let part = if first == last { name(first) } else { format!("{}_{}", name(first), name(last)) };
            (part, members)
        })
        .collect()
}

/// Indexes every article, in parts (see `parts`), and adds Pagefind's files (its script, wasm and
/// each part's index chunks) under `pagefind/`. A part none of whose records changed since the
/// last run is kept as it is on disk (a CMS calls the step on every save, and a save changes one
/// article at most: the older parts are not built again).
pub fn write(out: &mut Outputs, sources: &[Source], part_size: usize) -> Result<Stats, String> {
    let started = std::time::Instant::now();
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    let mut stats = Stats::default();
    let mut counted = BTreeSet::new();
    let mut listed = Vec::new();
    let mut current = BTreeSet::new();
    let splitter = Splitter::from_system().map_err(|why| stats.no_compounds = Some(why)).ok();
    let mut compounds = splitter.as_ref().map(Cache::new);
    let mut words = Words::default();
    for (part, members) in parts(sources, part_size) {
        let records: Vec<(String, String)> = members
            .iter()
            .map(|&i| {
                let own = text(&sources[i]);
                words.count(&own);
                let parts = compounds.as_mut().map(|c| c.parts_of(&own.join(" ")));
                (paths::article(&sources[i].article.teaser.slug), record(&sources[i], parts.as_deref()))
            })
            .collect();
        listed.push(serde_json::json!({ "path": format!("{part}/"), "articles": records.len() }));
        current.insert(state_name(&part));
        stats.parts += 1;
        let fingerprint = fingerprint(&records);
        if keep_former(out, &part, &fingerprint, &mut counted, &mut stats) {
            stats.kept += 1;
            continue;
        }
        let files = runtime.block_on(async {
            // Labels for screen readers and marks for the eye (" ↗ (externer Link)") are the
            // page's words, not the article's: not indexed, so never in an excerpt (issue #31).
            let config = PagefindServiceConfig::builder()
                .force_language("de".into())
                .exclude_selectors(NOT_THE_ARTICLES_WORDS.iter().map(|s| s.to_string()).collect())
                .build();
            let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
            for ((url, record), &i) in records.into_iter().zip(&members) {
                index.add_html_file(None, Some(url), record).await.map_err(|e| format!("{}: {e}", sources[i].file))?;
            }
            index.get_files().await.map_err(|e| e.to_string())
        })?;
        let mut state = fingerprint;
        for file in files {
            let name = file.filename.to_string_lossy().replace('\\', "/");
            let name = name.trim_start_matches("./").trim_start_matches('/');
            if unused(name.rsplit('/').next().unwrap_or(name)) {
                continue;
            }
            // The engine (script, wasm) once for all parts; the index files in the part's folder.
            let path = if engine(name) { format!("{DIR}/{name}") } else { format!("{DIR}/{part}/{name}") };
            if counted.insert(path.clone()) {
                stats.files += 1;
                stats.bytes += file.contents.len();
            }
            state.push('\n');
            state.push_str(&path);
            out.insert(path, file.contents);
        }
        out.set_state(&state_name(&part), &state);
    }
    // The state of parts that are no more (their months joined anew, another part size) and of
    // the one index before parts (`search-index.txt`) would stay forever: a part's name changes
    // as its newest months fill up.
    out.remove_states(|name| name.starts_with("search-index") && !current.contains(name));
    let list = serde_json::json!({ "version": ENGINE, "parts": listed });
    out.insert(PARTS.to_owned(), list.to_string().into_bytes());
    for (letter, list) in words.by_first_letter(WORDS_PER_LETTER) {
        let json = serde_json::to_vec(&list).map_err(|e| e.to_string())?;
        stats.files += 1;
        stats.bytes += json.len();
        out.insert(format!("{WORDS}/{letter}.json"), json);
    }
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(stats)
}

/// The archive's words "Meinten Sie …?" suggests from (public/search-worker.js fetches them only
/// when a search finds little): one file per first letter (umlauts as their vowel, `_` for any
/// other), `[[word, articles], …]` most frequent first — a typing mistake is rarely the first
/// letter, and a phone fetches one letter's words (a few KiB), not the archive's.
pub const WORDS: &str = "pagefind/words";
/// How many of a letter's most frequent words its file holds (docs/performance.md).
const WORDS_PER_LETTER: usize = 5_000;

/// How many articles each word is in, in the spelling most articles use.
#[derive(Default)]
struct Words {
    /// Lower-cased word → (articles, spelling → articles).
    counts: std::collections::HashMap<String, (usize, std::collections::HashMap<String, usize>)>,
}

impl Words {
    fn count(&mut self, text: &[String]) {
        // Articles, not occurrences: "Markt" and "markt" in one article count once.
        let mut seen = std::collections::HashSet::new();
        for piece in text {
            for word in piece.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 4) {
                let lower = word.to_lowercase();
                if seen.insert(lower.clone()) {
                    let entry = self.counts.entry(lower).or_default();
                    entry.0 += 1;
                    *entry.1.entry(word.to_owned()).or_default() += 1;
                }
            }
        }
    }

    /// Each first letter's `n` most frequent words, in the spelling most articles use.
    fn by_first_letter(&self, n: usize) -> std::collections::BTreeMap<char, Vec<(String, usize)>> {
        let mut letters = std::collections::BTreeMap::<char, Vec<(String, usize)>>::new();
        for (lower, (articles, spellings)) in &self.counts {
            let spelling = spellings.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|s| s.0.clone());
            letters.entry(first_letter(lower)).or_default().push((spelling.unwrap_or_default(), *articles));
        }
        for list in letters.values_mut() {
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list.truncate(n);
        }
        letters
    }
}

/// The file a word's suggestions are in: its first letter as the search folds it ("ä" as "a",
/// "ß" as "s"), "_" for any other (the worker's `letterOf`).
fn first_letter(lower: &str) -> char {
    crate::core::text::fold(lower).chars().next().filter(char::is_ascii_lowercase).unwrap_or('_')
}

/// Pagefind's script and wasm (the same for every part), as opposed to a part's own index: its
/// entry, metadata and chunks.
fn engine(name: &str) -> bool {
    !name.contains('/') && (name.ends_with(".js") || name.ends_with(".pagefind"))
}

/// What a part is built from, in one line: the engine, then a hash of every article's address
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

/// Keeps the last run's files of `part` if they were built from the same records and are all
/// there; counts them into `stats` (the engine's files once for all parts: `counted`).
fn keep_former(
    out: &mut Outputs,
    part: &str,
    fingerprint: &str,
    counted: &mut BTreeSet<String>,
    stats: &mut Stats,
) -> bool {
    let Some(state) = out.state(&state_name(part)) else { return false };
    let mut lines = state.lines();
    if lines.next() != Some(fingerprint) {
        return false;
    }
    let files: Vec<&str> = lines.collect();
    if files.is_empty() {
        return false;
    }
    let Some(sizes) = out.keep(&files) else { return false };
    for (file, size) in files.into_iter().zip(sizes) {
        if counted.insert(file.to_owned()) {
            stats.files += 1;
            stats.bytes += size;
        }
    }
    true
}
