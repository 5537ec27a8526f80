//! Where the site's local files are: the content folder (originals, never served) and the site
//! as built. The checks and the photos look a local source up the same way.

use std::path::{Path, PathBuf};

pub struct Roots<'a> {
    /// The site as served (DIST_DIR).
    pub dist: &'a Path,
    /// The content folder.
    pub content: &'a Path,
}

impl Roots<'_> {
    /// Where a local source (`/media/a.jpg`, or `a.jpg` relative to the content API) may be: in the
    /// content folder, then in the site as built; `None` for other hosts and paths leaving the site.
    pub fn candidates(&self, src: &str) -> Option<(String, [PathBuf; 2])> {
        let safe = crate::core::safe_url::image_src(src)?;
        if safe.contains("://") || safe.starts_with("//") || safe.starts_with("data:") {
            return None;
        }
        let path = safe.split(['?', '#']).next().unwrap_or_default();
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy().into_owned();
        if decoded.split(['/', '\\']).any(|s| s == "..") {
            return None;
        }
        let site_path = decoded.trim_start_matches('/').to_owned();
        let candidates = if decoded.starts_with('/') {
            [self.content.join(&site_path), self.dist.join(&site_path)]
        } else {
            [self.content.join(&site_path), self.dist.join("api").join(&site_path)]
        };
        let site_path = if decoded.starts_with('/') { site_path } else { format!("api/{site_path}") };
        Some((site_path, candidates))
    }
}
