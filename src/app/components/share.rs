//! Share an article: the Web Share API where the browser has it, otherwise copy the link, with
//! a visible (and announced) confirmation.

use crate::app::clipboard;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(target, &name.into()).map(|f| f.is_function()).unwrap_or(false)
}

#[component]
pub fn ShareButton(title: String) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let share = move |_| {
        let title = title.clone();
        leptos::task::spawn_local(async move {
            let navigator = window().navigator();
            let url = window().location().href().unwrap_or_default();
            let result = if has(&navigator, "share") {
                let data = web_sys::ShareData::new();
                data.set_title(&title);
                data.set_url(&url);
                JsFuture::from(navigator.share_with_data(&data)).await.map(|_| "")
            } else {
                clipboard::copy(&url).await.map(|_| "Link kopiert.")
            };
            message.set(match result {
                Ok(m) => m.to_owned(),
                // The reader closing the share sheet is no error worth a message.
                Err(e) if e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "AbortError") => {
                    String::new()
                }
                Err(_) => format!("Teilen ist hier nicht möglich. Die Adresse lautet: {url}"),
            });
        });
    };
    view! {
        <p class="share">
            <button type="button" class="button secondary" on:click=share>"Teilen"</button>
            <span class="share-message" role="status">{move || message.get()}</span>
        </p>
    }
}
