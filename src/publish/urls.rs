//! Absolute URLs of the published site (canonical links, feeds, sitemap, oEmbed).

use crate::core::model::Slug;
use crate::core::paths;
use crate::core::safe_url;
use crate::core::text::fold;
use std::collections::BTreeMap;

pub struct Urls {
    /// `https://newsroom.stadt.example`, no trailing slash.
    pub site: String,
    /// Each tag's feed file name (`thema-familie`), unique even when two tags fold alike.
    feed_names: BTreeMap<String, String>,
}

impl Urls {
    pub fn new(site: &str, tags: impl IntoIterator<Item = String>) -> Urls {
        let mut feed_names = BTreeMap::new();
        let mut taken = std::collections::HashSet::new();
        for tag in tags {
            if feed_names.contains_key(&tag) {
                continue;
            }
            let base = format!("thema-{}", file_name(&tag));
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            feed_names.insert(tag, name);
        }
        Urls { site: site.trim_end_matches('/').to_owned(), feed_names }
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
        "/feeds/nachrichten.xml".to_owned()
    }

    pub fn feed_tag_path(&self, tag: &str) -> String {
        format!("/feeds/{}.xml", self.feed_names.get(tag).map(String::as_str).unwrap_or("thema"))
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

/// A tag as a file name: folded (ä = ae), lower case, other characters as single dashes.
fn file_name(tag: &str) -> String {
    let folded = fold(tag);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        "thema".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_feeds_have_unique_readable_names() {
        let urls = Urls::new(
            "https://nr.example/",
            ["Familie".to_owned(), "Kinder & Jugend".into(), "Kinder, Jugend".into(), "Größe".into()],
        );
        assert_eq!(urls.feed_tag_path("Familie"), "/feeds/thema-familie.xml");
        assert_eq!(urls.feed_tag_path("Kinder & Jugend"), "/feeds/thema-kinder-jugend.xml");
        assert_eq!(urls.feed_tag_path("Kinder, Jugend"), "/feeds/thema-kinder-jugend-2.xml");
        assert_eq!(urls.feed_tag_path("Größe"), "/feeds/thema-groesse.xml");
        assert_eq!(urls.image("/images/a.svg").as_deref(), Some("https://nr.example/images/a.svg"));
        assert_eq!(urls.image("javascript:alert(1)"), None);
    }
}
