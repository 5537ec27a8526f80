//! Light and dark: the system's setting by default, or the reader's choice (remembered), with a
//! way back to following the system. A labelled select shows the current state to sight and to
//! screen readers alike. public/boot.js applies and remembers the choice (before the app starts,
//! so nothing flashes and a choice made on the published page counts); this only draws it
//! (decision 21: it works from first paint and costs the wasm nothing).

use leptos::prelude::*;

/// The choice in force, as boot.js applied it: "light", "dark" or "system".
fn current() -> String {
    if !crate::app::IN_BROWSER {
        return "system".into();
    }
    document().document_element().and_then(|root| root.get_attribute("data-theme")).unwrap_or_else(|| "system".into())
}

#[component]
pub fn ThemeChoice() -> impl IntoView {
    let choice = current();
    view! {
        <label class="theme-choice">
            <span>"Design"</span>
            <select>
                <option value="system" selected=choice == "system">"System"</option>
                <option value="light" selected=choice == "light">"Hell"</option>
                <option value="dark" selected=choice == "dark">"Dunkel"</option>
            </select>
        </label>
    }
}
