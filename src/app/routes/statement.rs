//! Route `/barrierefreiheit`: the accessibility statement (BITV 2.0 § 7), from `core::statement`
//! with the contact of the site file.

use crate::app::components::blocks::ArticleBody;
use crate::app::components::states::{Failure, Loading};
use crate::app::fetch;
use crate::app::hooks::navigation::focus_heading_if_navigated;
use crate::app::hooks::takeover::release_when;
use crate::app::loader::Loader;
use crate::core::load_state::LoadState;
use crate::core::statement::{statement, TITLE};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn StatementPage() -> impl IntoView {
    let site = Loader::new();
    site.start(fetch::fetch_site);
    release_when(move || !site.is_loading());
    focus_heading_if_navigated();
    view! {
        <Title text=TITLE/>
        <h1 tabindex="-1">{TITLE}</h1>
        {move || match site.get() {
            LoadState::Loading => view! { <Loading label="Die Erklärung wird geladen …"/> }.into_any(),
            LoadState::Ready(site) => view! { <div class="statement"><ArticleBody blocks=statement(&site)/></div> }.into_any(),
            LoadState::Failed(error) => view! {
                <Failure error what="Die Erklärung" retry=Callback::new(move |_| site.start(fetch::fetch_site)) heading=false/>
            }.into_any(),
        }}
    }
}
