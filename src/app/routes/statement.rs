//! Route `/barrierefreiheit`: the accessibility statement (BITV 2.0 § 7). The publish step writes
//! it from `core::statement` with the site file's contact as a page in the content format
//! (`{api}/pages/barrierefreiheit.json`); the app shows it like an article body.

use crate::app::components::blocks::ArticleBody;
use crate::app::components::states::{Failure, Loading, NotFound};
use crate::app::fetch;
use crate::app::hooks::head::use_title;
use crate::app::hooks::language::{use_document_language, APP_LANGUAGE};
use crate::app::hooks::navigation::focus_heading_if_navigated;
use crate::app::hooks::takeover::release_when;
use crate::app::loader::Loader;
use crate::core::error::LoadError;
use crate::core::load_state::LoadState;
use crate::core::model::Article;
use crate::core::tidy::shown_headline;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn StatementPage() -> impl IntoView {
    let page = Loader::new();
    use_document_language(Signal::stored(APP_LANGUAGE.to_owned()));
    let load = move || page.start(|abort| fetch::fetch_page(crate::core::statement::SLUG, abort));
    load();
    release_when(move || !page.is_loading());
    move || match page.get() {
        LoadState::Loading => view! { <Loading label="Die Erklärung wird geladen …"/> }.into_any(),
        LoadState::Ready(page) => view! { <StatementView page/> }.into_any(),
        LoadState::Failed(LoadError::NotFound) => view! { <NotFound/> }.into_any(),
        LoadState::Failed(error) => {
            use_title(|| "Fehler".to_owned());
            view! { <Failure error what="Die Erklärung zur Barrierefreiheit" retry=Callback::new(move |_| load())/> }
                .into_any()
        }
    }
}

/// The statement itself (the published page is this view, rendered natively: publish::views).
#[component]
pub fn StatementView(page: Arc<Article>) -> impl IntoView {
    focus_heading_if_navigated();
    let title = shown_headline(&page.teaser.headline).to_owned();
    use_title({
        let title = title.clone();
        move || title.clone()
    });
    view! {
        <h1 tabindex="-1">{title}</h1>
        <div class="statement"><ArticleBody blocks=page.body.blocks.clone()/></div>
    }
}
