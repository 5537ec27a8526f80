//! The site's own values, read once from the page the app starts in: the publish step writes the
//! site file's name, legal links and contact into every page as `<meta name>` elements
//! (`publish::page::site_metas`). Text only, read from attributes; the defaults (`Site::default`)
//! where a page has none (the app's bare `index.html` before any publish).

use crate::core::site::{footer_links, meta};
use std::rc::Rc;

pub struct SiteInfo {
    /// The site's name: the header's brand, the footer, the window titles' end.
    pub name: String,
    /// The footer's legal links and contact: (href, text), checked by the URL rules.
    pub footer_links: Vec<(String, String)>,
    /// News older than this many days says it may be out of date.
    pub outdated_after_days: Option<u32>,
}

/// `SiteInfo::outdated_after_days`, for the article view (provided by the shell).
#[derive(Clone, Copy)]
pub struct OutdatedAfter(pub Option<u32>);

thread_local! {
    static SITE: Rc<SiteInfo> = Rc::new(read());
}

/// The site's values (read from the document the first time).
pub fn site() -> Rc<SiteInfo> {
    SITE.with(Rc::clone)
}

fn read() -> SiteInfo {
    let content = |name: &str| {
        let document = web_sys::window()?.document()?;
        let element = document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
        element.get_attribute("content").map(|c| c.trim().to_owned()).filter(|c| !c.is_empty())
    };
    SiteInfo {
        name: content(meta::NAME).unwrap_or_else(|| "Newsroom".to_owned()),
        footer_links: footer_links(
            content(meta::IMPRESSUM).as_deref(),
            content(meta::DATENSCHUTZ).as_deref(),
            content(meta::EMAIL).as_deref(),
            content(meta::PHONE).as_deref(),
        ),
        outdated_after_days: content(meta::OUTDATED_AFTER_DAYS).and_then(|d| d.parse().ok()),
    }
}
