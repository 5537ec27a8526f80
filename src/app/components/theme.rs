//! Light and dark themes: the system setting by default, a toggle that is remembered.
//! (public/boot.js applies a remembered choice before the app starts, so nothing flashes.)

use leptos::prelude::*;

const KEY: &str = "newsroom-theme";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn system_prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let stored = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    let dark = RwSignal::new(match stored.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => system_prefers_dark(),
    });
    let toggle = move |_| {
        dark.update(|d| *d = !*d);
        let theme = if dark.get_untracked() { "dark" } else { "light" };
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, theme);
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme);
        }
    };
    view! {
        <button type="button" class="theme-toggle" aria-pressed=move || dark.get().to_string() on:click=toggle>
            <span aria-hidden="true">{move || if dark.get() { "☾ " } else { "☀ " }}</span>
            "Dunkles Design"
        </button>
    }
}
