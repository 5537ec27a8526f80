//! One module per route.

pub mod article;
pub mod builder;
pub mod list;
pub mod statement;
