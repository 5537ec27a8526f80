//! Copying text for the reader (the embed builder's snippet). Sharing an article copies its link
//! in public/boot.js instead (decision 21).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard. `Err` where the browser has no clipboard API (older
/// browsers, insecure origins) or refuses (permissions).
pub async fn copy(text: &str) -> Result<(), JsValue> {
    let clipboard = leptos::prelude::window().navigator().clipboard();
    let write_text = js_sys::Reflect::get(clipboard.unchecked_ref::<JsValue>(), &"writeText".into())?;
    if !write_text.is_function() {
        return Err(JsValue::NULL);
    }
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}
