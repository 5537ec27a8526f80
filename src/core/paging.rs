//! Following the `next` links of a paged index (RFC 5005 style). The links come from content, so
//! they may lead in a circle (a page pointing to itself, A → B → A) or on without end: a reader's
//! tab must never fetch forever. Every page is fetched at most once, and only so many in all.

use std::collections::HashSet;

/// More index pages than any archive needs (at 1,000 entries a page: a million news).
pub const MAX_PAGES: usize = 1000;

/// Where a `next` link (already scheme-checked) points: absolute URLs and root-relative paths as
/// they are, anything else under the content base `api` (no trailing slash), as the format says.
pub fn resolve(api: &str, next: &str) -> String {
    let before_query = next.split(['?', '#']).next().unwrap_or("");
    let absolute = before_query.contains(':') || next.starts_with(['/', '\\']);
    if absolute {
        next.to_owned()
    } else {
        format!("{api}/{next}")
    }
}

/// Why paging stops although the last page has a `next`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagingStop {
    /// The link leads to a page fetched before.
    Repeat(String),
    /// `MAX_PAGES` pages are loaded.
    TooMany,
}

impl std::fmt::Display for PagingStop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PagingStop::Repeat(url) => write!(f, "next leads back to {url}, a page already loaded: paging stops"),
            PagingStop::TooMany => write!(f, "more than {MAX_PAGES} index pages: paging stops"),
        }
    }
}

/// The pages fetched so far, by their absolute URL without fragment.
#[derive(Debug, Default, Clone)]
pub struct PageTrail {
    seen: HashSet<String>,
}

impl PageTrail {
    /// A trail that starts at the first page `first`.
    pub fn new(first: &str) -> PageTrail {
        let mut trail = PageTrail::default();
        trail.seen.insert(key(first).to_owned());
        trail
    }

    /// Whether the page at `url` may be fetched next (without recording it).
    pub fn check(&self, url: &str) -> Result<(), PagingStop> {
        if self.seen.contains(key(url)) {
            Err(PagingStop::Repeat(key(url).to_owned()))
        } else if self.seen.len() >= MAX_PAGES {
            Err(PagingStop::TooMany)
        } else {
            Ok(())
        }
    }

    /// Records that the page at `url` is being fetched.
    pub fn record(&mut self, url: &str) {
        self.seen.insert(key(url).to_owned());
    }
}

fn key(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_resolve_under_the_content_base() {
        assert_eq!(resolve("/api", "news-2.json"), "/api/news-2.json");
        assert_eq!(
            resolve("/api", "news-2.json?after=https://x.example/"),
            "/api/news-2.json?after=https://x.example/"
        );
        assert_eq!(resolve("/api", "seiten/3.json#x"), "/api/seiten/3.json#x");
        assert_eq!(resolve("https://inhalte.example/nr", "news-2.json"), "https://inhalte.example/nr/news-2.json");
        assert_eq!(resolve("/api", "/archiv/news-2.json"), "/archiv/news-2.json");
        assert_eq!(resolve("/api", "https://cdn.example/news-2.json"), "https://cdn.example/news-2.json");
    }

    #[test]
    fn a_circle_of_pages_ends_at_the_first_repeat() {
        let mut trail = PageTrail::new("https://s.example/api/news.json");
        assert_eq!(trail.check("https://s.example/api/news-2.json"), Ok(()));
        trail.record("https://s.example/api/news-2.json");
        // B → A, A → A (with a fragment, still the same page)
        for back in ["https://s.example/api/news.json", "https://s.example/api/news-2.json#top"] {
            assert!(matches!(trail.check(back), Err(PagingStop::Repeat(_))), "{back}");
        }
    }

    #[test]
    fn an_endless_chain_ends_at_the_bound() {
        let mut trail = PageTrail::new("/p/0");
        let mut fetched = 1;
        while trail.check(&format!("/p/{fetched}")).is_ok() {
            trail.record(&format!("/p/{fetched}"));
            fetched += 1;
        }
        assert_eq!((fetched, trail.check("/p/x")), (MAX_PAGES, Err(PagingStop::TooMany)));
    }
}
