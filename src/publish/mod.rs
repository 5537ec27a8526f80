//! The publish step (native only; `src/bin/publish.rs`): from `CONTENT_DIR/articles/*.json` alone
//! it derives everything a deployment serves besides the app — the content API the app reads,
//! an entry page per article with its metadata and its text as HTML, the list page, Atom feeds,
//! the sitemap, robots.txt, oEmbed documents and the 404 page. It reuses the core: the same
//! decoder, tidy rules, dates, URL rules, ordering and related-news ranking as the app.

pub mod api;
pub mod article_html;
pub mod entry;
pub mod feed;
pub mod html;
pub mod output;
pub mod page;
pub mod search;
pub mod site;
pub mod sitemap;
pub mod source;
pub mod urls;

pub use output::Outputs;
use source::{Problem, Severity, Source};
use std::path::Path;

/// What a run did.
pub struct Report {
    pub published: usize,
    pub problems: Vec<Problem>,
    pub written: output::Written,
    pub search_index: search::Stats,
}

impl Report {
    /// Some article could not be published.
    pub fn failed(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// A run that could not start (no template, unreadable site file): nothing was written.
#[derive(Debug)]
pub struct Fatal(pub String);

/// Publishes `content` into `dist` (a release build of the app) for the site at `site_url`.
pub fn publish(content: &Path, dist: &Path, site_url: &str) -> Result<Report, Fatal> {
    publish_with(content, dist, site_url, search::PART_SIZE)
}

/// As `publish`, with the search index in parts of at least `search_part_size` articles (months
/// joined until a part has as many; `search::parts`).
pub fn publish_with(content: &Path, dist: &Path, site_url: &str, search_part_size: usize) -> Result<Report, Fatal> {
    let site = site::read(&content.join("site.json")).map_err(Fatal)?;
    let template = output::template(dist).map_err(|e| Fatal(format!("{}: {e}", dist.join("index.html").display())))?;
    let (sources, problems) = source::read_articles(&content.join("articles"));
    let mut out = Outputs::on_disk(dist);
    let search_index = build(&mut out, &sources, &site, site_url, &template, search_part_size)?;
    let written = out.finish().map_err(|e| Fatal(format!("{}: {e}", dist.display())))?;
    Ok(Report { published: sources.len(), problems, written, search_index })
}

/// Every output, into `out` (on disk, or in memory for tests); what the search index took.
pub fn build(
    out: &mut Outputs,
    sources: &[Source],
    site: &site::Site,
    site_url: &str,
    template: &str,
    search_part_size: usize,
) -> Result<search::Stats, Fatal> {
    let urls = urls::Urls::new(site_url);
    api::write(out, sources).map_err(|e| Fatal(e.to_string()))?;
    entry::write(out, sources, site, &urls, template)?;
    sitemap::write(out, sources, &urls);
    search::write(out, sources, search_part_size).map_err(|e| Fatal(format!("Suchindex: {e}")))
}
