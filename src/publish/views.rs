//! The published pages' content, rendered natively from the app's own views (Leptos renders
//! views to HTML as well as to the DOM; decision 19): the entry page of an article, the list,
//! the accessibility statement and the 404 page are what the app shows at those addresses, so
//! it takes them over without a change. The search index's records use the same blocks.

use crate::app::components::blocks::ArticleBody;
use crate::app::components::figure::Figure;
use crate::app::components::states::NotFound;
use crate::app::components::teaser::{TeaserList, TeaserStyle};
use crate::app::hooks::site::SiteInfo;
use crate::app::loader::Loader;
use crate::app::router::provide_fixed_location;
use crate::app::routes::article::{ArticleView, RelatedSection};
use crate::app::routes::list::ListPage;
use crate::app::routes::statement::StatementView;
use crate::app::shell::Shell;
use crate::app::store::NewsStore;
use crate::core::html::forbidden;
use crate::core::images::Slot;
use crate::core::model::{Article, Block, Image, NewsIndex, Teaser};
use crate::core::site::Site;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

/// The HTML of the view `make` builds, rendered once under its own reactive owner.
///
/// Leptos marks places for hydration with empty comments (`<!>`), which HTML parses as an error
/// (incorrectly opened comment) and the app does not need: it renders its own view and takes
/// the page over. They go; the text cannot contain one (text and attribute values are escaped,
/// `<` included). Controls and noncharacters from content, which HTML and XML forbid, become
/// U+FFFD as with the escaping writer (`html::escape`); markup has none.
pub fn html<V: IntoView + 'static>(make: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| make().into_view().to_html());
    owner.cleanup();
    html.replace("<!>", "").chars().map(|c| if forbidden(c) { '\u{FFFD}' } else { c }).collect()
}

/// The page at `path` in the site's frame (header, `main`, footer), as the app's shell has it.
fn page<V: IntoView + 'static>(site: &Site, path: &str, content: impl FnOnce() -> V + Send + 'static) -> String {
    let info = Rc::new(SiteInfo {
        name: site.name.clone(),
        footer_links: site.footer_links(),
        outdated_after_days: site.outdated_after_days,
    });
    let path = path.to_owned();
    html(move || {
        provide_fixed_location(&path, "");
        view! { <Shell site=info>{content()}</Shell> }
    })
}

/// An article's entry page: the article (with the way back) and "Weitere Nachrichten" (`related`).
pub fn article(site: &Site, a: &Article, related: Vec<Arc<Teaser>>) -> String {
    let article = Arc::new(a.clone());
    let path = crate::core::paths::article(&a.teaser.slug);
    page(site, &path, move || {
        let teaser = Arc::new(article.teaser.clone());
        view! {
            <ArticleView teaser article=Loader::with_ready(article) cancel=Callback::new(|_| {})/>
            <RelatedSection><TeaserList items=related style=TeaserStyle::Compact/></RelatedSection>
        }
    })
}

/// The list page: its controls and first news as the app first shows them, from `items`
/// (newest first).
pub fn list(site: &Site, items: Vec<Arc<Teaser>>) -> String {
    page(site, "/", move || {
        provide_context(NewsStore::ready(Arc::new(NewsIndex { items, next: None })));
        view! { <ListPage/> }
    })
}

/// The accessibility statement, `page` as the app reads it from the content API.
pub fn statement(site: &Site, page_content: Arc<Article>) -> String {
    page(site, "/barrierefreiheit", move || view! { <StatementView page=page_content/> })
}

/// The 404 page.
pub fn not_found(site: &Site) -> String {
    page(site, "/404", || view! { <NotFound/> })
}

/// An article's body (`<div class="article-body">`) alone, for the search index.
pub fn body(blocks: Vec<Block>) -> String {
    html(move || view! { <ArticleBody blocks/> })
}

/// An image as its figure, for the search index.
pub fn figure(image: Image, place: Slot) -> String {
    html(move || view! { <Figure image place/> })
}
