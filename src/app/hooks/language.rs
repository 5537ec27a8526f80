//! The document's language and direction (`<html lang dir>`) follow the view shown: an Arabic
//! article sets `ar`/`rtl`, and the German list after it sets `de`/`ltr` again (WCAG 3.1.1).

use crate::core::tidy::direction;
use leptos::prelude::*;
use std::cell::Cell;

/// The language of the app's own text.
pub const APP_LANGUAGE: &str = "de";

thread_local! {
    /// Which view set the language last: a view leaving resets it only if no other view has set it
    /// since (the next view's effect may run before the last view's cleanup).
    static OWNER: Cell<u64> = const { Cell::new(0) };
}

/// Sets the document's language to `lang` (tracked: an article's is known once it has loaded)
/// while the calling view is shown.
pub fn use_document_language(lang: Signal<String>) {
    Effect::new(move |_| {
        let lang = lang.get();
        let me = OWNER.with(|o| {
            o.set(o.get() + 1);
            o.get()
        });
        set(&lang);
        on_cleanup(move || {
            if OWNER.with(Cell::get) == me {
                set(APP_LANGUAGE);
            }
        });
    });
}

fn set(lang: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", direction(lang));
    }
}
