//! Share an article: the Web Share API where the browser has it, otherwise copy the link, with
//! a visible (and announced) confirmation. public/boot.js does the sharing (a tap works from first
//! paint, before the app has taken over); this only draws the button and its note (decision 21).

use leptos::prelude::*;

#[component]
pub fn ShareButton() -> impl IntoView {
    view! {
        <p class="share">
            <button type="button" class="button secondary">"Teilen"</button>
            <span class="share-message" role="status"></span>
        </p>
    }
}
