//! The site file (`site.json`): who publishes the newsroom, under which name, with which default
//! image, feedback contact and enforcement body (for the accessibility statement). Every field has
//! a default, so a newsroom works without one; no city is hard-coded. The publish step reads it
//! from CONTENT_DIR (`decode::decode_site`) for the pages' metadata, the feeds and the
//! accessibility statement.

use super::model::Image;

#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// The newsroom's name: page titles ("… – Newsroom"), og:site_name, feeds.
    pub name: String,
    /// One sentence for the list page's description.
    pub description: String,
    /// Who publishes: author and publisher in JSON-LD and the feeds; the statement's "we".
    pub publisher: String,
    /// The publisher's logo (an absolute URL or a path on the site).
    pub logo: Option<String>,
    /// Shown in link previews of articles without an image.
    pub default_image: Option<Image>,
    /// BCP 47 language of the newsroom ("de").
    pub language: String,
    /// Open Graph locale ("de_DE").
    pub locale: String,
    /// Feedback contact for barriers (accessibility statement) and the feeds.
    pub contact: Contact,
    /// Where readers turn when feedback gets no satisfying answer (BITV 2.0 § 7).
    pub enforcement: Enforcement,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enforcement {
    pub name: String,
    pub url: Option<String>,
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
            enforcement: Enforcement::default(),
        }
    }
}

impl Default for Enforcement {
    fn default() -> Enforcement {
        Enforcement {
            name: "die Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG)".into(),
            url: Some("https://www.schlichtungsstelle-bgg.de".into()),
        }
    }
}

/// The fields a site file may have (a misspelt one is reported, not silently ignored).
pub const FIELDS: [&str; 9] =
    ["name", "description", "publisher", "logo", "default_image", "language", "locale", "contact", "enforcement"];
