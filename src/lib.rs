//! Newsroom: a city newsroom reader. `core` is plain Rust (tested natively); the rest wires it
//! to the DOM with Leptos.

pub mod core;

pub mod api;
pub mod app;
pub mod components;
pub mod loader;
pub mod panic;
pub mod routes;
pub mod store;
pub mod widget;

/// Starts the app in the page's body.
pub fn start() {
    panic::install_hook();
    remove_boot_fallback();
    leptos::mount::mount_to_body(app::App);
}

/// index.html's "loading / cannot start" note: the app has started, so it goes.
fn remove_boot_fallback() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app-fallback")) {
        el.remove();
    }
}
