//! Reading `CONTENT_DIR/articles/*.json` with the app's own decoder and rules. A broken article
//! is reported (file and field, in German) and left out; it never stops the others.

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The article is not published.
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
    /// German, for people: "das Feld 'headline' fehlt".
    pub message: String,
}

impl Problem {
    fn error(file: &str, field: Option<String>, message: String) -> Problem {
        Problem { file: file.to_owned(), severity: Severity::Error, field, message }
    }
    fn warning(file: &str, field: Option<String>, message: String) -> Problem {
        Problem { file: file.to_owned(), severity: Severity::Warning, field, message }
    }

    /// `meldung-00002.json: das Feld 'headline' fehlt`
    pub fn german(&self) -> String {
        let kind = if self.severity == Severity::Warning { "Hinweis: " } else { "" };
        format!("{}: {kind}{}", self.file, self.message)
    }
}

/// Every article that can be published, newest first, and what was found on the way.
pub fn read_articles(dir: &Path) -> (Vec<Source>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => {
            problems.push(Problem::error(&dir.display().to_string(), None, format!("Ordner nicht lesbar: {e}")));
            return (Vec::new(), problems);
        }
    };
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut sources = Vec::new();
    let mut slugs = HashSet::new();
    for path in files {
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let raw = match std::fs::read(&path) {
            Ok(raw) => raw,
            Err(e) => {
                problems.push(Problem::error(&file, None, format!("Datei nicht lesbar: {e}")));
                continue;
            }
        };
        // Served as they are: bytes that are not UTF-8 (a file saved as ISO-8859-1) would reach
        // every reader mangled, so such a file is not published.
        let text = match std::str::from_utf8(&raw) {
            Ok(text) => text,
            Err(e) => {
                let at = e.valid_up_to();
                problems.push(Problem::error(
                    &file,
                    None,
                    format!("die Datei ist nicht in UTF-8 kodiert (Byte {at}); bitte als UTF-8 speichern"),
                ));
                continue;
            }
        };
        let article = match decode_article(text) {
            Ok(article) => article,
            Err(e) => {
                problems.push(decode_problem(&file, e));
                continue;
            }
        };
        let stem = file.trim_end_matches(".json");
        let slug = article.teaser.slug.as_str().to_owned();
        if slug != stem {
            problems.push(Problem::error(
                &file,
                Some("slug".into()),
                format!("der slug '{slug}' passt nicht zum Dateinamen (erwartet: {slug}.json)"),
            ));
            continue;
        }
        if !slugs.insert(slug.clone()) {
            problems.push(Problem::error(
                &file,
                Some("slug".into()),
                format!("der slug '{slug}' ist doppelt vergeben"),
            ));
            continue;
        }
        for skipped in &article.body.skipped {
            problems.push(Problem::warning(&file, None, format!("ein Block wurde übersprungen: {skipped}")));
        }
        sources.push(Source { file, article, raw });
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

fn decode_problem(file: &str, e: LoadError) -> Problem {
    match e {
        LoadError::Decode(d) => Problem::error(file, Some(d.path.clone()), d.german()),
        LoadError::NotJson | LoadError::Syntax(_) => {
            Problem::error(file, None, format!("die Datei ist kein gültiges JSON ({e})"))
        }
        other => Problem::error(file, None, other.to_string()),
    }
}
