//! Route `/`: the newsroom list, newest first.

use crate::app::use_index;
use crate::components::states::{Failure, Loading};
use crate::components::teaser::{TeaserList, TeaserStyle};
use crate::core::listing::newest_first;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ListPage() -> impl IntoView {
    let index = use_index().0;
    let retry = Callback::new(move |_| index.refetch());
    view! {
        <Title text=""/>
        {move || match index.get() {
            None => view! { <h1>"Nachrichten"</h1><Loading label="Die Nachrichten werden geladen …"/> }.into_any(),
            Some(Err(error)) => view! { <Failure error what="Die Nachrichtenliste" retry/> }.into_any(),
            Some(Ok(index)) => {
                let items: Vec<_> = newest_first(&index.items).into_iter().cloned().collect();
                view! {
                    <h1>"Nachrichten"</h1>
                    <p class="count" role="status">{format!("{} Nachrichten", items.len())}</p>
                    <TeaserList items style=TeaserStyle::Full/>
                }
                .into_any()
            }
        }}
    }
}
