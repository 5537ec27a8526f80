//! Page objects: each view's selectors and steps, defined once. Tests say what a reader does
//! ("choose the tag Familie", "wait for the status") and these say how.

use crate::support::*;
use fantoccini::{elements::Element, Client};

/// The list at `/`.
pub struct ListView<'c> {
    c: &'c Client,
}

impl<'c> ListView<'c> {
    pub const ENTRIES: &'static str = ".teasers > li";
    const STATUS: &'static str = ".count[role=status]";

    /// Opens `path` (e.g. "/?tag=Familie") of the build under test and waits for the list.
    pub async fn open(c: &'c Client, path: &str) -> ListView<'c> {
        open(c, &format!("{}{path}", base())).await;
        wait_text(c, "main h1", "Nachrichten").await;
        ListView { c }
    }

    /// The list already on screen.
    pub fn on(c: &'c Client) -> ListView<'c> {
        ListView { c }
    }

    /// Waits until the result count reads `want` ("16 Nachrichten").
    pub async fn wait_status(&self, want: &str) {
        wait_text(self.c, Self::STATUS, want).await;
    }

    /// Waits until `want` entries are shown.
    pub async fn wait_entries(&self, want: usize) {
        let css = Self::ENTRIES;
        if poll(self.c, PATIENCE, |c| async move { (find_all(&c, css).await.len() == want).then_some(()) })
            .await
            .is_none()
        {
            panic!("expected {want} entries, have {}", find_all(self.c, css).await.len());
        }
    }

    /// The headlines shown, top to bottom.
    pub async fn headlines(&self) -> Vec<String> {
        texts(self.c, ".teasers .teaser-headline").await
    }

    /// The filter button of `tag` (its label is "Tag (count)").
    pub async fn tag_button(&self, tag: &str) -> Element {
        for b in find_all(self.c, ".tag-toggle").await {
            if b.text().await.unwrap().trim_start_matches("✓ ").starts_with(&format!("{tag} (")) {
                return b;
            }
        }
        panic!("no filter button for {tag}");
    }

    pub async fn toggle_tag(&self, tag: &str) {
        self.tag_button(tag).await.click().await.unwrap();
    }

    pub async fn search_field(&self) -> Element {
        find(self.c, "#suche").await
    }

    /// "Mehr Nachrichten".
    pub async fn more(&self) {
        find(self.c, ".more-news button").await.click().await.unwrap();
    }

    /// The link to an article in the list.
    pub async fn link_to(&self, slug: &str) -> Element {
        find(self.c, &format!("a[href='/nachrichten/{slug}']")).await
    }

    /// The query string of the page's URL (the list's state).
    pub async fn query(&self) -> String {
        self.c.current_url().await.unwrap().query().unwrap_or_default().to_owned()
    }
}

/// An article at `/nachrichten/{slug}`.
pub struct ArticleView<'c> {
    c: &'c Client,
}

impl<'c> ArticleView<'c> {
    pub const HEADLINE: &'static str = "article h1";

    /// Opens the article `slug` of the build under test and waits for its headline.
    pub async fn open(c: &'c Client, slug: &str, headline: &str) -> ArticleView<'c> {
        open(c, &format!("{}/nachrichten/{slug}", base())).await;
        let view = ArticleView { c };
        view.wait_headline(headline).await;
        view
    }

    pub fn on(c: &'c Client) -> ArticleView<'c> {
        ArticleView { c }
    }

    /// Waits for the article `want` to be shown whole: its head (which an article opened from
    /// the list shows before the rest has loaded) and its body.
    pub async fn wait_headline(&self, want: &str) {
        wait_text(self.c, Self::HEADLINE, want).await;
        wait_until(self.c, "!!document.querySelector('article .article-body')", "the article's body").await;
    }
}
