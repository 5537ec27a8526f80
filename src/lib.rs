//! Newsroom: a city newsroom reader. Three front ends share one pure core:
//! - `core`: content model, decoding, dates, link rules, listing (plain Rust, tested natively);
//! - `app`: the reader, a Leptos single-page app (entry point `src/main.rs`);
//! - `widget`: the embeddable news list, plain DOM without a framework (`src/bin/widget.rs`);
//! - `publish`: the publish step, native only (`src/bin/publish.rs`): entry pages, feeds,
//!   sitemap, oEmbed and the content API, from the articles alone.
//!
//! ARCHITECTURE.md describes the rooms and how data flows through them.

pub mod core;

pub mod app;
/// Long work on the browser's main thread in slices (the app and the widget).
pub mod schedule;
pub mod widget;

#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
