//! The reader: the single-page app (Leptos, client-side rendered) that shows the list and the
//! articles. Data flows request (`fetch`) → decode (`crate::core`) → `store` → `routes`, which
//! render through `components`; `hooks` wire views to contexts, `schedule` slices long work.

pub mod clipboard;
pub mod components;
pub mod fetch;
pub mod hooks;
pub mod loader;
pub mod offline;
pub mod panic;
pub mod router;
pub mod routes;
pub mod search;
pub mod shell;
pub mod store;

/// Whether the views run in a browser. Natively the publish step renders the same views to HTML
/// (`publish::views`, decision 19): no document, no timers, no tasks, and every part of a view
/// at once.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The time now, Unix milliseconds: the browser's clock, or the publish step's.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    return std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
}

/// Starts the reader in the page's body.
pub fn start() {
    panic::install_hook();
    remove_boot_fallback();
    leptos::mount::mount_to_body(shell::App);
}

/// Starts the embed builder (its own page and bundle) in the page's body.
pub fn start_builder() {
    panic::install_hook();
    remove_boot_fallback();
    leptos::mount::mount_to_body(shell::BuilderApp);
}

/// index.html's "loading / cannot start" note and the 404 page's text for readers without
/// JavaScript: the app has started, so they go. (A published article's or list's prerendered
/// content stays until the app's view is ready: hooks/takeover.rs.)
fn remove_boot_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    for id in ["app-fallback", "static-page"] {
        if let Some(el) = document.get_element_by_id(id) {
            el.remove();
        }
    }
}
