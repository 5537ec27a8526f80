//! View components. They only wire data and signals to DOM; decisions live in `crate::core`.

pub mod back;
pub mod blocks;
pub mod drawn;
pub mod figure;
pub mod share;
pub mod states;
pub mod teaser;
pub mod theme;
