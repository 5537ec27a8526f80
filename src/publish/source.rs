//! Reading `CONTENT_DIR/articles/*.json` with the app's own decoder and rules. A broken article
//! is reported (file and field, in German) and left out; it never stops the others.

use super::{check, messages};
use crate::core::decode::decode_article;
use crate::core::error::LoadError;
use crate::core::listing::newer_first;
use crate::core::model::Article;
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

/// An article as read, with the file it came from and its bytes (served as they are).
pub struct Source {
    pub file: String,
    pub article: Article,
    pub raw: Vec<u8>,
    /// Not this file's content: the file is broken, and this is the version the site published
    /// last (kept online until the file is mended or deleted).
    pub kept: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The article is not published as it is in the file.
    Error,
    /// Published, with something left out or unknown.
    Warning,
}

/// One finding, for people (`german`) and for a CMS (serialized as JSON).
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub file: String,
    pub severity: Severity,
    /// The field's path inside the article, where one is to blame (`headline`, `body[3].text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Where in the file, for JSON syntax errors (1-based; the column counts characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// German, for people: "das Feld 'headline' fehlt".
    pub message: String,
}

impl Problem {
    pub fn error(file: &str, field: Option<String>, message: String) -> Problem {
        Problem { file: file.to_owned(), severity: Severity::Error, field, line: None, column: None, message }
    }
    pub fn warning(file: &str, field: Option<String>, message: String) -> Problem {
        Problem { file: file.to_owned(), severity: Severity::Warning, field, line: None, column: None, message }
    }

    /// `meldung-00002.json: das Feld 'headline' fehlt`
    pub fn german(&self) -> String {
        let kind = if self.severity == Severity::Warning { "Hinweis: " } else { "" };
        format!("{}: {kind}{}", self.file, self.message)
    }
}

/// How the publish step reads: with the site's last good versions, the checks, and `strict`
/// (every finding refuses the article).
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    /// The site as served (DIST_DIR): its `api/articles/{slug}.json` are the last good versions,
    /// and local images are looked for there.
    pub dist: Option<&'a Path>,
    /// The content folder (local images are looked for there too).
    pub content: Option<&'a Path>,
    pub strict: bool,
}

/// Why there is nothing to read: the run must not go on (it would remove every article).
pub fn folder_problem(dir: &Path) -> Option<String> {
    let name = dir.display();
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Some(format!("den Ordner {name} gibt es nicht (ist der Inhaltsordner richtig geschrieben?)"))
        }
        Err(e) => Some(format!("der Ordner {name} ist nicht lesbar ({e})")),
        Ok(m) if !m.is_dir() => Some(format!("{name} ist kein Ordner")),
        Ok(_) => match std::fs::read_dir(dir) {
            Err(e) => Some(format!("der Ordner {name} ist nicht lesbar ({e})")),
            Ok(entries) => {
                let any = entries.flatten().any(|e| e.path().extension().is_some_and(|x| x == "json"));
                (!any).then(|| format!("der Ordner {name} enthält keine Beiträge (keine .json-Dateien)"))
            }
        },
    }
}

/// Every article that can be published, newest first, and what was found on the way (no last
/// good versions, no checks: the content as the app alone would read it).
pub fn read_articles(dir: &Path) -> (Vec<Source>, Vec<Problem>) {
    read(dir, Reading { dist: None, content: None, strict: false })
}

/// Every article to publish, newest first: each file that decodes, and for each file that does
/// not, the version the site published last (`kept`); with every problem found.
pub fn read(dir: &Path, how: Reading) -> (Vec<Source>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            problems.push(Problem::error(&dir.display().to_string(), None, format!("Ordner nicht lesbar: {e}")));
            return (Vec::new(), problems);
        }
    };
    for other in files.iter().filter(|p| p.extension().is_some_and(|e| e != "json" && e.eq_ignore_ascii_case("json"))) {
        let name = other.file_name().unwrap_or_default().to_string_lossy();
        problems.push(Problem::warning(
            &name,
            None,
            format!("wird nicht gelesen: nur Dateien auf '.json' (klein geschrieben) sind Beiträge; bitte umbenennen in '{}'", {
                let stem = other.file_stem().unwrap_or_default().to_string_lossy();
                format!("{stem}.json")
            }),
        ));
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut sources = Vec::new();
    let mut slugs = HashSet::new();
    for path in files {
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let stem = file.trim_end_matches(".json").to_owned();
        match read_one(&path, &file, how, &mut slugs, &mut problems) {
            Some(source) => sources.push(source),
            None => {
                if let Some(kept) = last_good(how, &stem, &mut slugs) {
                    problems.push(Problem::error(
                        &file,
                        None,
                        "die zuletzt veröffentlichte Fassung bleibt online, bis die Datei berichtigt ist".into(),
                    ));
                    sources.push(Source { file, article: kept.0, raw: kept.1, kept: true });
                }
            }
        }
    }
    for source in &sources {
        for pick in &source.article.related {
            if !slugs.contains(pick) {
                problems.push(Problem::warning(
                    &source.file,
                    Some("related".into()),
                    format!("der verwandte Beitrag '{pick}' existiert nicht"),
                ));
            }
        }
    }
    sources.sort_by(|a, b| newer_first(&a.article.teaser, &b.article.teaser));
    (sources, problems)
}

/// The article a broken file `stem`.json last published, if the site has it and it still reads.
fn last_good(how: Reading, stem: &str, slugs: &mut HashSet<String>) -> Option<(Article, Vec<u8>)> {
    let slug = crate::core::model::Slug::parse(stem)?;
    let raw = std::fs::read(how.dist?.join("api/articles").join(format!("{slug}.json"))).ok()?;
    let article = decode_article(std::str::from_utf8(&raw).ok()?).ok()?;
    (article.teaser.slug == slug && slugs.insert(stem.to_owned())).then_some((article, raw))
}

/// One file: its article, or `None` with its problems told.
fn read_one(
    path: &Path,
    file: &str,
    how: Reading,
    slugs: &mut HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Option<Source> {
    let raw = match std::fs::read(path) {
        Ok(raw) => raw,
        Err(e) => {
            problems.push(Problem::error(file, None, format!("Datei nicht lesbar: {e}")));
            return None;
        }
    };
    // Served as they are: bytes that are not UTF-8 (a file saved as ISO-8859-1) would reach
    // every reader mangled, so such a file is not published.
    let text = match std::str::from_utf8(&raw) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&raw[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = messages::line_and_column(valid, valid.len());
            let mut p = Problem::error(
                file,
                None,
                format!(
                    "die Datei ist nicht in UTF-8 gespeichert (Zeile {line}, Spalte {column}); bitte im Editor als UTF-8 speichern"
                ),
            );
            (p.line, p.column) = (Some(line), Some(column));
            problems.push(p);
            return None;
        }
    };
    let article = match decode_article(text) {
        Ok(article) => article,
        Err(e) => {
            problems.push(decode_problem(file, text, e));
            return None;
        }
    };
    let stem = file.trim_end_matches(".json");
    let slug = article.teaser.slug.as_str().to_owned();
    if slug != stem {
        problems.push(Problem::error(
            file,
            Some("slug".into()),
            format!("der slug '{slug}' passt nicht zum Dateinamen (erwartet: {slug}.json, oder \"slug\": \"{stem}\")"),
        ));
        return None;
    }
    if !slugs.insert(slug.clone()) {
        problems.push(Problem::error(file, Some("slug".into()), format!("der slug '{slug}' ist doppelt vergeben")));
        return None;
    }
    let mut refused = false;
    if let (Some(dist), Some(content)) = (how.dist, how.content) {
        let value = crate::core::json::parse(text).ok()?;
        for finding in check::article(&value, &super::local::Roots { dist, content }) {
            if how.strict {
                refused = true;
                problems.push(Problem::error(file, Some(finding.field), format!("{} (--strict)", finding.message)));
            } else {
                problems.push(Problem::warning(file, Some(finding.field), finding.message));
            }
        }
    } else {
        for skipped in &article.body.skipped {
            problems.push(Problem::warning(file, None, format!("ein Block wurde übersprungen: {skipped}")));
        }
    }
    if article.body.omitted > 0 {
        problems.push(Problem::warning(
            file,
            Some("body".into()),
            format!(
                "der Beitrag hat mehr als {} Blöcke: {} werden nicht gezeigt",
                crate::core::text::thousands(crate::core::model::Body::MAX_BLOCKS),
                messages::count(article.body.omitted, "Block", "Blöcke")
            ),
        ));
    }
    if refused {
        slugs.remove(&slug);
        return None;
    }
    Some(Source { file: file.to_owned(), article, raw, kept: false })
}

fn decode_problem(file: &str, text: &str, e: LoadError) -> Problem {
    match e {
        LoadError::Decode(d) => {
            let value = crate::core::json::parse(text).ok();
            let found = value.as_ref().and_then(|v| messages::value_at(v, &d.path));
            Problem::error(file, Some(d.path.clone()), messages::decode(&d, found))
        }
        LoadError::NotJson | LoadError::Syntax(_) => match crate::core::json::parse(text) {
            Err(syntax) => {
                let (line, column) = messages::line_and_column(text, syntax.at);
                let mut p = Problem::error(file, None, messages::syntax(text, &syntax));
                (p.line, p.column) = (Some(line), Some(column));
                p
            }
            Ok(_) => Problem::error(file, None, "die Datei ist kein gültiges JSON".into()),
        },
        other => Problem::error(file, None, other.to_string()),
    }
}
