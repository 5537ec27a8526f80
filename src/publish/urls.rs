//! Absolute URLs of the published site (canonical links, feeds, sitemap, oEmbed).

use crate::core::model::Slug;
use crate::core::paths;
use crate::core::safe_url;

pub struct Urls {
    /// `https://newsroom.stadt.example`, no trailing slash.
    pub site: String,
}

impl Urls {
    pub fn new(site: &str) -> Urls {
        Urls { site: site.trim_end_matches('/').to_owned() }
    }

    /// The site's address as the step is given it: an absolute http(s) origin, or origin and
    /// path, and nothing else (no spaces, query, fragment, user or password); normalised
    /// (`HTTPS://Stadt.Example/` → `https://stadt.example`). It ends up in every page, feed and
    /// `robots.txt`, so it is checked where it enters.
    pub fn parse_site(given: &str) -> Result<String, String> {
        let refuse = |why: &str| {
            Err(format!(
                "--site-url '{}' ist keine gültige Adresse der Website: {why}; erwartet z. B. https://newsroom.stadt.example \
                 oder https://www.stadt.example/presse",
                given.escape_debug()
            ))
        };
        if given.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("sie enthält Leerzeichen oder Steuerzeichen");
        }
        let Ok(url) = url::Url::parse(given) else { return refuse("sie ist keine vollständige Adresse") };
        if !matches!(url.scheme(), "http" | "https") {
            return refuse("sie muss mit https:// (oder http://) beginnen");
        }
        if url.host_str().is_none_or(str::is_empty) {
            return refuse("ihr fehlt der Name des Servers");
        }
        if !url.username().is_empty() || url.password().is_some() {
            return refuse("sie darf keinen Benutzer und kein Passwort enthalten");
        }
        if url.query().is_some() || url.fragment().is_some() {
            return refuse("sie darf kein ? und kein # enthalten");
        }
        Ok(url.as_str().trim_end_matches('/').to_owned())
    }

    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.site)
    }

    pub fn article(&self, slug: &Slug) -> String {
        self.absolute(&paths::article(slug))
    }

    pub fn tag_page(&self, tag: &str) -> String {
        self.absolute(&paths::tag_filter(tag))
    }

    pub fn feed_all_path(&self) -> String {
        paths::FEED_ALL.to_owned()
    }

    pub fn feed_tag_path(&self, tag: &str) -> String {
        paths::tag_feed(tag)
    }

    pub fn oembed_path(&self, slug: &Slug) -> String {
        format!("/oembed/{slug}.json")
    }

    /// An image source as an absolute URL; `None` when it breaks the scheme rules.
    pub fn image(&self, src: &str) -> Option<String> {
        let src = safe_url::image_src(src)?;
        Some(if src.starts_with("http://") || src.starts_with("https://") {
            src
        } else if let Some(rest) = src.strip_prefix("//") {
            format!("https://{rest}")
        } else if src.starts_with('/') {
            self.absolute(&src)
        } else {
            self.absolute(&format!("/{src}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_absolute_and_images_follow_the_rules() {
        let urls = Urls::new("https://nr.example/");
        assert_eq!(urls.absolute(&urls.feed_tag_path("Familie")), "https://nr.example/feeds/thema-familie.xml");
        assert_eq!(urls.image("/images/a.svg").as_deref(), Some("https://nr.example/images/a.svg"));
        assert_eq!(urls.image("javascript:alert(1)"), None);
    }

    #[test]
    fn the_site_url_is_an_http_origin_with_an_optional_path_and_nothing_else() {
        assert_eq!(Urls::parse_site("HTTPS://Stadt.Example/").unwrap(), "https://stadt.example");
        assert_eq!(Urls::parse_site("https://www.stadt.example/presse/").unwrap(), "https://www.stadt.example/presse");
        assert_eq!(Urls::parse_site("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        for bad in [
            "https://",
            "https:// stadt.example",
            "https://stadt.example/?q=1",
            "https://stadt.example\nDisallow: /",
            "https://stadt.example#x",
            "ftp://stadt.example",
            "stadt.example",
            "https://user:pw@stadt.example",
            "",
        ] {
            let e = Urls::parse_site(bad).unwrap_err();
            assert!(e.starts_with("--site-url"), "{bad}: {e}");
        }
    }
}
