//! Newsroom: a city newsroom reader. Three front ends share one pure core:
//! - `core`: content model, decoding, dates, link rules, listing (plain Rust, tested natively);
//! - `app`: the reader, a Leptos single-page app (entry point `src/main.rs`);
//! - `widget`: the embeddable news list, plain DOM without a framework (`src/bin/widget.rs`).
//!
//! ARCHITECTURE.md describes the rooms and how data flows through them.

pub mod core;

pub mod app;
pub mod widget;
