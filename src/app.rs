use crate::components::states::NotFound;
use crate::routes::{article::ArticlePage, list::ListPage};
use crate::store::NewsStore;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(NewsStore::new());

    view! {
        <Title formatter=|title: String| if title.is_empty() { "Newsroom".to_owned() } else { format!("{title} – Newsroom") }/>
        <Router>
            <a class="skip-link" href="#inhalt">"Zum Inhalt springen"</a>
            <header class="site-header">
                <a href="/" class="brand">"Newsroom"</a>
                <span class="tagline">"Nachrichten aus der Stadt"</span>
            </header>
            <main id="inhalt" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=ListPage/>
                    <Route path=path!("/nachrichten/:slug") view=ArticlePage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Newsroom – Pressemitteilungen, Ratsentscheidungen und Termine der Stadt."</p>
            </footer>
        </Router>
    }
}
