//! The site file (`CONTENT_DIR/site.json`, optional), read with the core's decoder (`core::site`).

pub use crate::core::site::Site;
use std::path::Path;

/// Reads the site file; the defaults when there is none. A misspelt field, a field of the wrong
/// type and a link that is no http(s) URL or site path are errors (each named, with what it must
/// hold), so a newsroom does not silently run on defaults.
pub fn read(path: &Path) -> Result<Site, String> {
    let name = path.display();
    let text = match std::fs::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Site::default()),
        Err(e) => return Err(format!("{name}: {e}")),
        Ok(text) => text,
    };
    let (site, problems) =
        crate::core::decode::decode_site(&text).map_err(|e| format!("{name}: {}", e.explain("Die Datei")))?;
    if !problems.is_empty() {
        let each: Vec<String> = problems.iter().map(|p| format!("{name}: {}", p.german())).collect();
        return Err(each.join("\n"));
    }
    Ok(site)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_site;

    #[test]
    fn no_site_file_means_the_defaults_and_a_misspelt_field_is_refused() {
        assert!(read(Path::new("/does/not/exist.json")).unwrap() == Site::default());
        let dir = std::env::temp_dir().join(format!("newsroom-site-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("site.json"), r#"{"nmae": "Stadt"}"#).unwrap();
        let error = read(&dir.join("site.json")).unwrap_err();
        assert!(error.contains("unbekanntes Feld 'nmae'"), "{error}");
        assert_eq!(decode_site(r#"{"name": "Stadt"}"#).unwrap().0.name, "Stadt");
        std::fs::write(dir.join("site.json"), r#"{"name": 42, "contact": "x"}"#).unwrap();
        let error = read(&dir.join("site.json")).unwrap_err();
        assert!(error.contains("Feld 'name' hat den falschen Typ: erwartet wird ein Text"), "{error}");
        assert!(error.contains(r#"z. B. "name": "Newsroom der Stadt""#), "{error}");
        assert!(error.contains("Feld 'contact' hat den falschen Typ: erwartet wird ein Objekt"), "{error}");
    }
}
