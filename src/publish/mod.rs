//! The publish step (native only; `src/bin/publish.rs`): from `CONTENT_DIR/articles/*.json` alone
//! it derives everything a deployment serves besides the app — the content API the app reads,
//! an entry page per article with its metadata and its text as HTML, the list page, Atom feeds,
//! the sitemap, robots.txt, oEmbed documents and the 404 page. It reuses the core: the same
//! decoder, tidy rules, dates, URL rules, ordering and related-news ranking as the app.

pub mod api;
pub mod check;
pub mod compounds;
pub mod entry;
pub mod feed;
pub mod files;
pub mod html;
pub mod local;
pub mod lock;
pub mod media;
pub mod messages;
pub mod output;
pub mod page;
pub mod photos;
pub mod search;
pub mod site;
pub mod sitemap;
pub mod source;
pub mod urls;
pub mod views;

pub use output::Outputs;
use source::{Problem, Severity, Source};
use std::path::Path;
use std::time::Duration;

/// What a run did.
pub struct Report {
    pub published: usize,
    /// Articles whose file is broken and whose last good version stays online.
    pub kept: Vec<String>,
    pub problems: Vec<Problem>,
    pub written: output::Written,
    pub search_index: search::Stats,
    pub dry_run: bool,
}

impl Report {
    /// Some article could not be published as its file is.
    pub fn failed(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Whether any file of the site changed (or would, in a dry run).
    pub fn changed(&self) -> bool {
        self.written.written + self.written.removed > 0
    }
}

/// Why the outputs could not be made (they are made in memory first: nothing was written).
/// Each names what failed; shown to editors in German (`Display`).
#[derive(Debug)]
pub enum Fatal {
    /// DIST_DIR/index.html, which every page is made from, is not the app's page.
    NotTheAppsPage,
    /// A file of the content API could not be made as JSON.
    Json { file: &'static str, error: serde_json::Error },
    /// The accessibility statement did not read back as the page the app reads (a fault of the
    /// publish step itself, never of the content).
    Statement,
    /// Pagefind could not build the search index (its message).
    Search(String),
}

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fatal::NotTheAppsPage => f.write_str(
                "index.html im Build ist nicht die Seite der App (ihm fehlt <html>, <head>, <title> oder <body>): \
                 die App neu bauen (scripts/build.sh)",
            ),
            Fatal::Json { file, error } => write!(f, "{file} ließ sich nicht schreiben: {error}"),
            Fatal::Statement => f.write_str(
                "Die Erklärung zur Barrierefreiheit ließ sich nicht als Seite lesen (ein Fehler des \
                 Veröffentlichungsprogramms, nicht der Inhalte)",
            ),
            Fatal::Search(e) => write!(f, "Suchindex: {e}"),
        }
    }
}

/// Why a run stopped without publishing.
#[derive(Debug)]
pub enum Stop {
    /// Nothing was changed: a check refused the run before it wrote.
    Refused(Refusal),
    /// Writing failed part-way (a full disk, an unwritable file): the site still serves its former
    /// index and everything it names; the next run finishes the job.
    Interrupted(Interruption),
}

/// The check that refused a run: a CMS reads it as `reason` (`--format json`) and an editor
/// the German message. The messages of the checks made elsewhere (the site URL, the lock, the
/// site file, the folder) come from there.
#[derive(Debug)]
pub enum Refusal {
    SiteUrl(String),
    /// `DIST_DIR` is not a build of the app, or its page cannot be read.
    NotABuild(String),
    /// Another run is publishing into the same site.
    Locked(String),
    SiteFile(String),
    /// The articles folder is missing, empty or not a folder.
    ContentFolder(String),
    /// The run would remove more published articles than it may without `--allow-removals`.
    Removals {
        removed: Vec<String>,
        published: usize,
        bound: usize,
    },
}

/// Why writing stopped part-way.
#[derive(Debug)]
pub enum Interruption {
    /// An output could not be made.
    Build(Fatal),
    /// A file could not be written (`path`, relative to the site).
    Write { path: String, error: String },
}

impl Stop {
    /// The German message for an editor.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// The stop as a CMS branches on it: "site_url", "not_a_build", "locked", "site_file",
    /// "content_folder", "removals"; "build", "write".
    pub fn reason(&self) -> &'static str {
        match self {
            Stop::Refused(Refusal::SiteUrl(_)) => "site_url",
            Stop::Refused(Refusal::NotABuild(_)) => "not_a_build",
            Stop::Refused(Refusal::Locked(_)) => "locked",
            Stop::Refused(Refusal::SiteFile(_)) => "site_file",
            Stop::Refused(Refusal::ContentFolder(_)) => "content_folder",
            Stop::Refused(Refusal::Removals { .. }) => "removals",
            Stop::Interrupted(Interruption::Build(_)) => "build",
            Stop::Interrupted(Interruption::Write { .. }) => "write",
        }
    }
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::core::text::thousands;
        match self {
            Stop::Refused(
                Refusal::SiteUrl(m)
                | Refusal::NotABuild(m)
                | Refusal::Locked(m)
                | Refusal::SiteFile(m)
                | Refusal::ContentFolder(m),
            ) => f.write_str(m),
            Stop::Refused(Refusal::Removals { removed, published, bound }) => {
                let examples: Vec<&str> = removed.iter().take(5).map(String::as_str).collect();
                let more = if removed.len() > 5 { ", …" } else { "" };
                write!(
                    f,
                    "dieser Lauf würde {} der {} veröffentlichten Beiträge entfernen ({}{more}); ohne Bestätigung sind \
                     höchstens {} erlaubt. Nichts wurde veröffentlicht oder entfernt. Fehlen die Dateien versehentlich \
                     (Inhaltsordner, Export)? Wenn die Beiträge wirklich entfernt werden sollen: erneut mit \
                     --allow-removals {}",
                    thousands(removed.len()),
                    thousands(*published),
                    examples.join(", "),
                    thousands(*bound),
                    removed.len()
                )
            }
            Stop::Interrupted(Interruption::Build(fatal)) => write!(f, "{fatal}"),
            Stop::Interrupted(Interruption::Write { path, error }) => write!(
                f,
                "{path} konnte nicht geschrieben werden ({error}). Die Website zeigt weiter den Stand des letzten \
                 vollständigen Laufs; nach Behebung (z. B. Speicherplatz) erneut veröffentlichen."
            ),
        }
    }
}

/// How a run publishes.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's address (`Urls::parse_site` checks it).
    pub site_url: String,
    pub search_part_size: usize,
    /// How many published articles a run may remove; `None`: the default bound (`removal_bound`).
    pub allow_removals: Option<usize>,
    /// Every finding (an unknown field, a missing image) refuses the article.
    pub strict: bool,
    /// Read, check and compare only; write nothing.
    pub dry_run: bool,
    /// How long the search index's former chunks stay for open pages.
    pub grace: Duration,
    /// How long to wait for another run on the same site.
    pub wait: Duration,
}

impl Options {
    pub fn new(site_url: &str) -> Options {
        Options {
            site_url: site_url.to_owned(),
            search_part_size: search::PART_SIZE,
            allow_removals: None,
            strict: false,
            dry_run: false,
            grace: output::GRACE,
            wait: Duration::from_secs(600),
        }
    }
}

/// How many published articles a run removes without being told "yes, really": a few (an editor
/// deleting a release or two), or a tenth of the archive — never all of it by a typo.
pub fn removal_bound(published: usize) -> usize {
    (published / 10).max(3)
}

/// Publishes `content` into `dist` (a release build of the app) for the site at `site_url`.
pub fn publish(content: &Path, dist: &Path, site_url: &str) -> Result<Report, Stop> {
    publish_with(content, dist, site_url, search::PART_SIZE)
}

/// As `publish`, with the search index in parts of at least `search_part_size` articles (months
/// joined until a part has as many; `search::parts`).
pub fn publish_with(content: &Path, dist: &Path, site_url: &str, search_part_size: usize) -> Result<Report, Stop> {
    let options = Options { search_part_size, ..Options::new(site_url) };
    run(content, dist, &options)
}

/// The whole step: checks where it runs, takes the site's lock, reads and checks every article,
/// refuses what would take news off the site by mistake, then writes (`Outputs`).
pub fn run(content: &Path, dist: &Path, options: &Options) -> Result<Report, Stop> {
    let site_url = urls::Urls::parse_site(&options.site_url).map_err(|m| Stop::Refused(Refusal::SiteUrl(m)))?;
    recognise_build(dist)?;
    let _lock = if options.dry_run {
        None
    } else {
        Some(lock::Lock::take(dist, options.wait).map_err(|m| Stop::Refused(Refusal::Locked(m)))?)
    };
    let site = site::read(&content.join("site.json")).map_err(|m| Stop::Refused(Refusal::SiteFile(m)))?;
    let articles = content.join("articles");
    if let Some(why) = source::folder_problem(&articles) {
        return Err(Stop::Refused(Refusal::ContentFolder(format!(
            "{why}. Nichts wurde veröffentlicht oder entfernt."
        ))));
    }
    let template = output::template(dist).map_err(|e| {
        Stop::Refused(Refusal::NotABuild(format!("{}: nicht lesbar ({e})", dist.join("index.html").display())))
    })?;
    let reading = source::Reading { dist: Some(dist), content: Some(content), strict: options.strict };
    let (mut sources, mut problems) = source::read(&articles, reading);
    let mut out = if options.dry_run { Outputs::dry_run(dist) } else { Outputs::on_disk(dist) };
    out.grace = options.grace;
    check_removals(&out, &sources, options)?;
    let (photos, photo_problems) = media::prepare(&mut out, &mut sources, &local::Roots { dist, content });
    problems.extend(photo_problems);
    problems.extend(files::prepare(&mut out, &mut sources, &local::Roots { dist, content }));
    let search_index = build(&mut out, &sources, &site, &site_url, &template, options.search_part_size, &photos)
        .map_err(|f| Stop::Interrupted(Interruption::Build(f)))?;
    let written = out
        .finish()
        .map_err(|(path, e)| Stop::Interrupted(Interruption::Write { path: path.to_string(), error: e.to_string() }))?;
    let kept = sources.iter().filter(|s| s.kept).map(|s| s.file.clone()).collect();
    Ok(Report { published: sources.len(), kept, problems, written, search_index, dry_run: options.dry_run })
}

/// Refuses to write into a folder that is not a build of the app (a mistyped DIST_DIR would
/// otherwise get a newsroom's files among its own).
fn recognise_build(dist: &Path) -> Result<(), Stop> {
    let index = dist.join("index.html");
    let not_a_build = |why: String| {
        Stop::Refused(Refusal::NotABuild(format!(
            "{} ist kein Newsroom-Build: {} {why}",
            dist.display(),
            index.display()
        )))
    };
    let text = std::fs::read_to_string(&index).map_err(|e| {
        not_a_build(format!("fehlt oder ist nicht lesbar ({e}). Erst `bash scripts/build.sh` ausführen."))
    })?;
    if text.contains(page::MARKER) || text.contains("<meta name=\"newsroom:api\"") {
        Ok(())
    } else {
        Err(not_a_build("ist nicht die Seite der App. Nichts wurde geschrieben.".into()))
    }
}

/// More published articles removed than the bound: a mistyped folder, a failed export.
fn check_removals(out: &Outputs, sources: &[Source], options: &Options) -> Result<(), Stop> {
    let published: Vec<&str> =
        out.former().iter().filter_map(|p| p.strip_prefix("api/articles/")?.strip_suffix(".json")).collect();
    let now: std::collections::HashSet<&str> = sources.iter().map(|s| s.article.teaser.slug.as_str()).collect();
    let removed: Vec<&str> = published.iter().copied().filter(|slug| !now.contains(slug)).collect();
    let bound = options.allow_removals.unwrap_or_else(|| removal_bound(published.len()));
    if removed.len() <= bound {
        return Ok(());
    }
    Err(Stop::Refused(Refusal::Removals {
        removed: removed.into_iter().map(str::to_owned).collect(),
        published: published.len(),
        bound,
    }))
}

/// Every output, into `out` (on disk, or in memory for tests); what the search index took.
pub fn build(
    out: &mut Outputs,
    sources: &[Source],
    site: &site::Site,
    site_url: &str,
    template: &str,
    search_part_size: usize,
    photos: &media::Photos,
) -> Result<search::Stats, Fatal> {
    let urls = urls::Urls::new(site_url);
    api::write(out, sources).map_err(|error| Fatal::Json { file: "api/news.json", error })?;
    entry::write(out, sources, site, &urls, template, photos)?;
    sitemap::write(out, sources, &urls);
    search::write(out, sources, search_part_size).map_err(Fatal::Search)
}
