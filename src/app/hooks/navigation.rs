//! What a route change owes the reader: focus on the new view's h1 (so screen readers and
//! keyboards start there) and a way back to the list as they left it.

use crate::app::router::use_location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The path navigated to, whose view's h1 should take focus once it is rendered. Holding the
/// path (not a flag) keeps the view being left from taking the focus on its way out.
#[derive(Clone, Copy)]
struct FocusPending(RwSignal<Option<String>>);

/// The list URL the reader last saw (with filters and page), for "Zurück zur Übersicht".
#[derive(Clone, Copy)]
struct LastList(RwSignal<Option<String>>);

/// Call once, below `router::provide_location`.
pub fn provide_navigation() {
    let pending = RwSignal::new(None);
    provide_context(FocusPending(pending));
    provide_context(LastList(RwSignal::new(None)));
    let path = use_location().path;
    // Not on the first load: the reader has not moved yet, focus stays at the page start.
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.as_ref().is_some_and(|p| *p != now) {
            pending.set(Some(now.clone()));
        }
        now
    });
}

/// Called by each view once its h1 is in the DOM.
pub fn focus_heading_if_navigated() {
    let Some(FocusPending(pending)) = use_context::<FocusPending>() else { return };
    let mine = use_location().path.get_untracked();
    Effect::new(move |_| {
        if pending.read().as_deref() == Some(mine.as_str()) {
            pending.set(None);
            request_animation_frame(|| {
                if let Some(h1) = document().query_selector("main h1").ok().flatten() {
                    let h1 = h1.unchecked_into::<web_sys::HtmlElement>();
                    if !h1.has_attribute("tabindex") {
                        let _ = h1.set_attribute("tabindex", "-1");
                    }
                    // Without scrolling: back/forward restore the reader's position, which a
                    // focused heading at the top would undo.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = h1.focus_with_options(&options);
                }
            });
        }
    });
}

/// Remembers the list's current URL (path and query).
pub fn remember_list_url(url: String) {
    if let Some(LastList(last)) = use_context::<LastList>() {
        last.set(Some(url));
    }
}

/// The list URL the reader last saw in this visit, if any (not tracked).
pub fn last_list_url() -> Option<String> {
    use_context::<LastList>().and_then(|l| l.0.get_untracked())
}
