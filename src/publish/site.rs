//! The site file (`CONTENT_DIR/site.json`, optional), read with the core's decoder (`core::site`).

pub use crate::core::site::Site;
use std::path::Path;

/// Reads the site file; the defaults when there is none. A misspelt field is an error, so a
/// newsroom does not silently run on defaults.
pub fn read(path: &Path) -> Result<Site, String> {
    let name = path.display();
    let text = match std::fs::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Site::default()),
        Err(e) => return Err(format!("{name}: {e}")),
        Ok(text) => text,
    };
    let (site, unknown) =
        crate::core::decode::decode_site(&text).map_err(|e| format!("{name}: {}", e.explain("Die Datei")))?;
    if let Some(field) = unknown.first() {
        let known = crate::core::site::FIELDS.join(", ");
        return Err(format!("{name}: unbekanntes Feld '{field}' (bekannt sind: {known})"));
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
    }
}
