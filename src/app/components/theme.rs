//! Light and dark: the system's setting by default, or the reader's choice (remembered), with a
//! way back to following the system. A labelled select shows the current state to sight and to
//! screen readers alike. (public/boot.js applies a remembered choice before the app starts, so
//! nothing flashes.)

use leptos::prelude::*;

const KEY: &str = "newsroom-theme";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The reader's choice, as stored (`None`: follow the system).
fn stored() -> &'static str {
    if !crate::app::IN_BROWSER {
        return "system";
    }
    match storage().and_then(|s| s.get_item(KEY).ok().flatten()).as_deref() {
        Some("dark") => "dark",
        Some("light") => "light",
        _ => "system",
    }
}

/// Remembers and applies a choice: "system", "light" or "dark".
fn apply(choice: &str) {
    let root = document().document_element();
    match choice {
        "light" | "dark" => {
            if let Some(s) = storage() {
                let _ = s.set_item(KEY, choice);
            }
            if let Some(root) = root {
                let _ = root.set_attribute("data-theme", choice);
            }
        }
        _ => {
            if let Some(s) = storage() {
                let _ = s.remove_item(KEY);
            }
            if let Some(root) = root {
                let _ = root.remove_attribute("data-theme");
            }
        }
    }
}

#[component]
pub fn ThemeChoice() -> impl IntoView {
    let choice = RwSignal::new(stored());
    let on_change = move |ev| {
        let value = match event_target_value(&ev).as_str() {
            "light" => "light",
            "dark" => "dark",
            _ => "system",
        };
        choice.set(value);
        apply(value);
    };
    view! {
        <label class="theme-choice">
            <span>"Design"</span>
            <select on:change=on_change>
                <option value="system" selected=move || choice.get() == "system">"System"</option>
                <option value="light" selected=move || choice.get() == "light">"Hell"</option>
                <option value="dark" selected=move || choice.get() == "dark">"Dunkel"</option>
            </select>
        </label>
    }
}
