//! Newsroom: a city newsroom reader. `core` is plain Rust (tested natively); the rest wires it
//! to the DOM with Leptos.

pub mod core;

pub mod api;
pub mod app;
pub mod components;
pub mod panic;
pub mod routes;
pub mod store;

/// Starts the app in the page's body.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(app::App);
}
