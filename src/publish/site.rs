//! The site file (`CONTENT_DIR/site.json`, optional): who publishes, under which name, with which
//! default image and contact. Every field has a default, so a newsroom works without one; no city
//! is hard-coded.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Site {
    /// The newsroom's name: page titles ("… – Newsroom"), og:site_name, feeds.
    pub name: String,
    /// One sentence for the list page's description.
    pub description: String,
    /// Who publishes: author and publisher in JSON-LD and the feeds.
    pub publisher: String,
    /// The publisher's logo (an absolute URL or a path on the site).
    pub logo: Option<String>,
    /// Shown in link previews of articles without an image.
    pub default_image: Option<SiteImage>,
    /// BCP 47 language of the newsroom ("de").
    pub language: String,
    /// Open Graph locale ("de_DE").
    pub locale: String,
    /// Feedback contact for the accessibility statement and the feeds.
    pub contact: Contact,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteImage {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

impl Default for Site {
    fn default() -> Site {
        Site {
            name: "Newsroom".into(),
            description: "Pressemitteilungen, Ratsentscheidungen und Termine der Stadt.".into(),
            publisher: "Presse- und Informationsamt".into(),
            logo: None,
            default_image: None,
            language: "de".into(),
            locale: "de_DE".into(),
            contact: Contact::default(),
        }
    }
}

impl Site {
    /// Reads the site file; `Ok(default)` when there is none.
    pub fn read(path: &std::path::Path) -> Result<Site, String> {
        match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Site::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
            Ok(text) => serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .map_err(|e| format!("{}: {e}", path.display())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults_and_unknown_ones_are_refused() {
        let site: Site = serde_json::from_str(r#"{"name": "Stadtnachrichten"}"#).unwrap();
        assert_eq!((site.name.as_str(), site.locale.as_str()), ("Stadtnachrichten", "de_DE"));
        assert!(serde_json::from_str::<Site>(r#"{"nmae": "x"}"#).is_err());
        assert_eq!(Site::read(std::path::Path::new("/does/not/exist.json")).unwrap().name, "Newsroom");
    }
}
