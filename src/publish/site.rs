//! The site file (`CONTENT_DIR/site.json`, optional), read with the core's decoder
//! (`core::site`), and served to the app as `api/site.json` (written with serde).

use super::Outputs;
pub use crate::core::site::Site;
use serde::Serialize;
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

#[derive(Serialize)]
struct SiteJson<'a> {
    name: &'a str,
    description: &'a str,
    publisher: &'a str,
    language: &'a str,
    contact: ContactJson<'a>,
    enforcement: EnforcementJson<'a>,
}

#[derive(Serialize)]
struct ContactJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
}

#[derive(Serialize)]
struct EnforcementJson<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// `api/site.json`: what the app shows of the site (the accessibility statement's contact).
pub fn write(out: &mut Outputs, site: &Site) -> Result<(), serde_json::Error> {
    let json = SiteJson {
        name: &site.name,
        description: &site.description,
        publisher: &site.publisher,
        language: &site.language,
        contact: ContactJson {
            email: site.contact.email.as_deref(),
            phone: site.contact.phone.as_deref(),
            address: site.contact.address.as_deref(),
        },
        enforcement: EnforcementJson { name: &site.enforcement.name, url: site.enforcement.url.as_deref() },
    };
    out.insert("api/site.json".into(), serde_json::to_vec(&json)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_site;

    #[test]
    fn the_served_site_file_reads_back_as_the_same_site() {
        let site = Site { publisher: "Stadt Musterstadt".into(), ..Site::default() };
        let mut out = Outputs::in_memory();
        write(&mut out, &site).unwrap();
        let (back, unknown) = decode_site(std::str::from_utf8(out.get("api/site.json").unwrap()).unwrap()).unwrap();
        assert!(unknown.is_empty());
        assert_eq!((back.publisher, back.enforcement, back.contact), (site.publisher, site.enforcement, site.contact));
        assert!(read(Path::new("/does/not/exist.json")).unwrap() == Site::default());
    }
}
