//! "Zurück zur Übersicht": the way back to the list as the reader left it.

use crate::app::hooks::navigation::last_list_url;
use leptos::prelude::*;

/// "Zurück zur Übersicht": to the list as the reader left it. When the list is the previous
/// history entry, it goes back, which also restores the scroll position.
#[component]
pub fn BackToList() -> impl IntoView {
    let last = last_list_url();
    let came_from_list = last.is_some();
    let href = last.unwrap_or_else(|| "/".to_owned());
    let on_click = move |ev: web_sys::MouseEvent| {
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) && ev.button() == 0;
        if came_from_list && plain {
            if let Ok(history) = window().history() {
                ev.prevent_default();
                let _ = history.back();
            }
        }
    };
    view! { <p class="back"><a href=href on:click=on_click>"← Zurück zur Übersicht"</a></p> }
}
