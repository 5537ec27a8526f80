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
    /// The Impressum (§ 5 DDG): an http(s) URL or a path on the site, linked in every footer.
    pub impressum: Option<String>,
    /// The privacy statement (GDPR Art. 13): an http(s) URL or a path on the site, linked in
    /// every footer.
    pub datenschutz: Option<String>,
    /// News older than this many days says it may be out of date (none: never).
    pub outdated_after_days: Option<u32>,
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
            impressum: None,
            datenschutz: None,
            outdated_after_days: None,
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
pub const FIELDS: [&str; 12] = [
    "name",
    "description",
    "publisher",
    "logo",
    "default_image",
    "language",
    "locale",
    "contact",
    "enforcement",
    "impressum",
    "datenschutz",
    "outdated_after_days",
];

/// What a site file gets wrong beyond its syntax: the publish step refuses it (a newsroom must
/// not silently run on defaults); the decoded `Site` still has a default in each such place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteProblem {
    /// A field the site file may not have (a misspelling).
    Unknown(String),
    /// A field of the wrong JSON type (`"name": 42`); `path` as written ("contact.email").
    WrongType { path: String, expected: Expected },
    /// A link field that is neither an http(s) URL nor a path on the site.
    BadUrl { path: String, value: String },
}

/// What a field must hold, with an example of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text(&'static str),
    Object(&'static str),
    Number(&'static str),
}

impl SiteProblem {
    /// In plain German, naming the field, what it must hold and an example.
    pub fn german(&self) -> String {
        match self {
            SiteProblem::Unknown(field) => {
                format!("unbekanntes Feld '{field}' (bekannt sind: {})", FIELDS.join(", "))
            }
            SiteProblem::WrongType { path, expected: Expected::Text(example) } => {
                format!("Feld '{path}' hat den falschen Typ: erwartet wird ein Text in Anführungszeichen, z. B. {example}")
            }
            SiteProblem::WrongType { path, expected: Expected::Number(example) } => {
                format!("Feld '{path}' hat den falschen Typ: erwartet wird eine ganze Zahl ohne Anführungszeichen, z. B. {example}")
            }
            SiteProblem::WrongType { path, expected: Expected::Object(example) } => {
                format!("Feld '{path}' hat den falschen Typ: erwartet wird ein Objekt in geschweiften Klammern, z. B. {example}")
            }
            SiteProblem::BadUrl { path, value } => format!(
                "Feld '{path}' ist keine gültige Adresse: „{value}“ (erlaubt sind http(s)-Adressen und Pfade der Website, z. B. \"https://www.stadt.example/impressum\" oder \"/impressum\")"
            ),
        }
    }
}

/// The type and an example of each field (`path` as written: "contact.email").
pub fn expected(path: &str) -> Expected {
    match path {
        "name" => Expected::Text(r#""name": "Newsroom der Stadt""#),
        "outdated_after_days" => Expected::Number(r#""outdated_after_days": 365"#),
        "description" => Expected::Text(r#""description": "Pressemitteilungen und Termine der Stadt.""#),
        "publisher" => Expected::Text(r#""publisher": "Stadt Musterstadt, Presseamt""#),
        "logo" => Expected::Text(r#""logo": "/images/logo.svg""#),
        "language" => Expected::Text(r#""language": "de""#),
        "locale" => Expected::Text(r#""locale": "de_DE""#),
        "impressum" => Expected::Text(r#""impressum": "https://www.stadt.example/impressum""#),
        "datenschutz" => Expected::Text(r#""datenschutz": "https://www.stadt.example/datenschutz""#),
        "default_image" => Expected::Object(r#""default_image": {"src": "/images/stadt.jpg", "alt": "Das Rathaus"}"#),
        "contact" => Expected::Object(r#""contact": {"email": "presse@stadt.example"}"#),
        "contact.email" => Expected::Text(r#""contact": {"email": "presse@stadt.example"}"#),
        "contact.phone" => Expected::Text(r#""contact": {"phone": "+49 231 123456"}"#),
        "contact.address" => Expected::Text(r#""contact": {"address": "Friedensplatz 1, 44135 Dortmund"}"#),
        "enforcement" => Expected::Object(
            r#""enforcement": {"name": "Schlichtungsstelle BGG", "url": "https://www.schlichtungsstelle-bgg.de"}"#,
        ),
        "enforcement.name" => Expected::Text(r#""enforcement": {"name": "Schlichtungsstelle BGG"}"#),
        _ => Expected::Text(r#""enforcement": {"url": "https://www.schlichtungsstelle-bgg.de"}"#),
    }
}

/// A link of the site file (Impressum, Datenschutz): an http(s) URL or a path on the site
/// (`/impressum`), within the content's link rules (`safe_url`). `None`: refused.
pub fn page_url(raw: &str) -> Option<String> {
    let url = super::safe_url::image_src(raw)?;
    let lower = url.to_ascii_lowercase();
    let absolute = lower.starts_with("https://") || lower.starts_with("http://");
    let path = url.starts_with('/') && !super::safe_url::is_external(&url);
    (absolute || path).then_some(url)
}

/// The site's own values a page carries as `<meta name>` elements for the app (written by the
/// publish step, read by the app at start): the site's name, the footer's links, the contact.
pub mod meta {
    /// The site's name (a standard name: browsers and tools read it too).
    pub const NAME: &str = "application-name";
    pub const IMPRESSUM: &str = "newsroom:impressum";
    pub const DATENSCHUTZ: &str = "newsroom:datenschutz";
    pub const EMAIL: &str = "newsroom:email";
    pub const PHONE: &str = "newsroom:phone";
    pub const OUTDATED_AFTER_DAYS: &str = "newsroom:outdated-after-days";
}

/// The footer's legal links and contact, as every footer shows them (the app's and the
/// published pages'): (href, text), each only when the site file has it.
pub fn footer_links(
    impressum: Option<&str>,
    datenschutz: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
) -> Vec<(String, String)> {
    let mut links = Vec::new();
    if let Some(url) = impressum.and_then(page_url) {
        links.push((url, "Impressum".to_owned()));
    }
    if let Some(url) = datenschutz.and_then(page_url) {
        links.push((url, "Datenschutz".to_owned()));
    }
    if let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) {
        if let Some(href) = super::safe_url::link_href(&format!("mailto:{email}")) {
            links.push((href, format!("Kontakt: {email}")));
        }
    }
    if let Some(phone) = phone.map(str::trim).filter(|p| !p.is_empty()) {
        let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        if let Some(href) = super::safe_url::link_href(&format!("tel:{digits}")) {
            links.push((href, format!("Telefon: {phone}")));
        }
    }
    links
}

impl Site {
    /// The footer's legal links and contact (`footer_links`).
    pub fn footer_links(&self) -> Vec<(String, String)> {
        footer_links(
            self.impressum.as_deref(),
            self.datenschutz.as_deref(),
            self.contact.email.as_deref(),
            self.contact.phone.as_deref(),
        )
    }
}
