//! The reader: the single-page app (Leptos, client-side rendered) that shows the list and the
//! articles. Data flows request (`fetch`) → decode (`crate::core`) → `store` → `routes`, which
//! render through `components`; `hooks` wire views to contexts, `schedule` slices long work.

pub mod clipboard;
pub mod components;
pub mod fetch;
pub mod hooks;
pub mod loader;
pub mod panic;
pub mod routes;
pub mod schedule;
pub mod shell;
pub mod store;

/// Starts the app in the page's body.
pub fn start() {
    panic::install_hook();
    remove_boot_fallback();
    leptos::mount::mount_to_body(shell::App);
}

/// index.html's "loading / cannot start" note: the app has started, so it goes.
fn remove_boot_fallback() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-fallback")) {
        el.remove();
    }
}
