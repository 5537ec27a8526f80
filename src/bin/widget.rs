//! The widget's own small build (dist/widget/): no router, no framework.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn start_widgets(newsroom: String) {
    newsroom::widget::start_widgets(newsroom);
}

#[wasm_bindgen]
pub fn start_embed(newsroom: String) {
    newsroom::widget::start_embed(newsroom);
}

fn main() {}
