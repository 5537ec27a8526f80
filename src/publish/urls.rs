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
}
