//! The pure core: content model, decoding, dates, link rules and listing logic.
//! No web-sys here, so all of it is unit-tested natively with `cargo test`.

pub mod catalog;
pub mod date;
pub mod decode;
pub mod error;
pub mod html;
pub mod images;
pub mod json;
pub mod list_state;
pub mod listing;
pub mod load_state;
pub mod model;
pub mod paging;
pub mod paths;
pub mod safe_url;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod site;
pub mod sliced_sort;
pub mod statement;
pub mod text;
pub mod tidy;
pub mod tree;
pub mod widget_config;
