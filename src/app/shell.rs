use crate::app::components::states::NotFound;
use crate::app::components::theme::ThemeChoice;
use crate::app::hooks::navigation::provide_navigation;
use crate::app::hooks::site::SiteInfo;
use crate::app::hooks::takeover::provide_takeover;
use crate::app::offline::provide_connection;
use crate::app::router::{no_page, provide_location, reader_page};
use crate::app::routes::{article::ArticlePage, builder::BuilderPage, list::ListPage, statement::StatementPage};
use crate::app::store::NewsStore;
use crate::core::paths::Page;
use leptos::children::Children;
use leptos::prelude::*;
use std::rc::Rc;

/// The reader: the list, the articles and the accessibility statement.
#[component]
pub fn App() -> impl IntoView {
    let location = provide_location(reader_page);
    // Only another kind of page renders anew: from one article to the next, the view stays.
    let page = Memo::new(move |_| Page::at(&location.path.read()));
    view! {
        <Frame>
            {move || match page.get() {
                Page::List => view! { <ListPage/> }.into_any(),
                Page::Article => view! { <ArticlePage/> }.into_any(),
                Page::Statement => view! { <StatementPage/> }.into_any(),
                Page::NotFound => view! { <NotFound/> }.into_any(),
            }}
        </Frame>
    }
}

/// The embed builder, a page of its own (`/embed/builder`, its own wasm: src/bin/builder.rs), so
/// the reader's download does not carry a tool for editors.
#[component]
pub fn BuilderApp() -> impl IntoView {
    let location = provide_location(no_page);
    let here = move || *location.path.read() == "/embed/builder";
    view! {
        <Frame>
            {move || if here() { view! { <BuilderPage/> }.into_any() } else { view! { <NotFound/> }.into_any() }}
        </Frame>
    }
}

/// What every page has: the news store and the shell around `children` (the
/// page shown).
#[component]
fn Frame(children: Children) -> impl IntoView {
    let store = NewsStore::new();
    provide_context(store);
    provide_connection(store);
    view! {
        <Shell site=crate::app::hooks::site::site()>{children()}</Shell>
    }
}

/// The page frame: landmarks, skip link and the page shown, with the site's name and footer
/// links (in the app: as the page it started in has them, hooks/site.rs; published: from the
/// site file). Below `router::provide_location`.
#[component]
pub fn Shell(site: Rc<SiteInfo>, children: Children) -> impl IntoView {
    provide_navigation();
    provide_takeover(crate::app::router::use_location().path);
    provide_context(crate::app::hooks::site::OutdatedAfter(site.outdated_after_days));
    let about = format!("{} – Pressemitteilungen, Ratsentscheidungen und Termine der Stadt.", site.name);
    let legal = site
        .footer_links
        .iter()
        // Pages of their own (a path on the site too): loaded, not routed.
        .map(|(href, text)| view! { <li><a href=href.clone() rel="external">{text.clone()}</a></li> })
        .collect::<Vec<_>>();
    view! {
        <a class="skip-link" href="#inhalt" on:click=skip_to_content>"Zum Inhalt springen"</a>
        <header class="site-header">
            <a href="/" class="brand">{site.name.clone()}<span class="tagline">" – Nachrichten aus der Stadt"</span></a>
            <nav class="site-nav" aria-label="Hauptnavigation">
                <ul>
                    <li class="nav-all"><a href="/">"Alle Nachrichten"</a></li>
                    <li><ThemeChoice/></li>
                </ul>
            </nav>
        </header>
        <main id="inhalt" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{about}</p>
            <nav aria-label="Service">
                <ul class="footer-links">
                    <li><a href="/barrierefreiheit">"Erklärung zur Barrierefreiheit"</a></li>
                    // Another page with its own bundle: loaded, not routed (rel=external).
                    <li><a href="/embed/builder" rel="external">"Nachrichten einbinden"</a></li>
                    {legal}
                </ul>
            </nav>
        </footer>
    }
}

/// Moves keyboard focus into the content itself (a fragment link alone only scrolls in some
/// browsers).
fn skip_to_content(ev: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().get_element_by_id("inhalt") {
        ev.prevent_default();
        let main = main.unchecked_into::<web_sys::HtmlElement>();
        let _ = main.focus();
        main.scroll_into_view();
    }
}
