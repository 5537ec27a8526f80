use crate::app::components::states::NotFound;
use crate::app::components::theme::ThemeChoice;
use crate::app::hooks::navigation::provide_navigation;
use crate::app::hooks::takeover::provide_takeover;
use crate::app::offline::provide_connection;
use crate::app::routes::{article::ArticlePage, builder::BuilderPage, list::ListPage, statement::StatementPage};
use crate::app::store::NewsStore;
use crate::core::text::page_title;
use leptos::children::Children;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The reader: the list, the articles and the accessibility statement.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=ListPage/>
                <Route path=path!("/nachrichten/:slug") view=ArticlePage/>
                <Route path=path!("/barrierefreiheit") view=StatementPage/>
            </Routes>
        </Frame>
    }
}

/// The embed builder, a page of its own (`/embed/builder`, its own wasm: src/bin/builder.rs), so
/// the reader's download does not carry a tool for editors.
#[component]
pub fn BuilderApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/embed/builder") view=BuilderPage/>
            </Routes>
        </Frame>
    }
}

/// What every page has: the title's form, the news store, the router, and the shell around
/// `children` (the routes).
#[component]
fn Frame(children: Children) -> impl IntoView {
    provide_meta_context();
    let store = NewsStore::new();
    provide_context(store);
    provide_connection(store);
    view! {
        <Title formatter=|title: String| if title.is_empty() { "Newsroom".to_owned() } else { page_title(&title, "Newsroom") }/>
        <Router>
            <Shell>{children()}</Shell>
        </Router>
    }
}

/// The page frame: landmarks, skip link and the routes.
#[component]
fn Shell(children: Children) -> impl IntoView {
    provide_navigation();
    provide_takeover(leptos_router::hooks::use_location().pathname);
    view! {
        <a class="skip-link" href="#inhalt" on:click=skip_to_content>"Zum Inhalt springen"</a>
        <header class="site-header">
            <a href="/" class="brand">"Newsroom"<span class="tagline">" – Nachrichten aus der Stadt"</span></a>
            <nav class="site-nav" aria-label="Hauptnavigation">
                <ul>
                    <li class="nav-all"><a href="/">"Alle Nachrichten"</a></li>
                    <li><ThemeChoice/></li>
                </ul>
            </nav>
        </header>
        <main id="inhalt" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>"Newsroom – Pressemitteilungen, Ratsentscheidungen und Termine der Stadt."</p>
            <nav aria-label="Service">
                <ul class="footer-links">
                    <li><a href="/barrierefreiheit">"Erklärung zur Barrierefreiheit"</a></li>
                    // Another page with its own bundle: loaded, not routed (rel=external).
                    <li><a href="/embed/builder" rel="external">"Nachrichten einbinden"</a></li>
                </ul>
            </nav>
        </footer>
    }
}

/// Moves keyboard focus into the content itself (a fragment link alone only scrolls in some
/// browsers, and the router would turn it into a navigation).
fn skip_to_content(ev: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().get_element_by_id("inhalt") {
        ev.prevent_default();
        let main = main.unchecked_into::<web_sys::HtmlElement>();
        let _ = main.focus();
        main.scroll_into_view();
    }
}
