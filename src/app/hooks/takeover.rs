//! Taking over a published page. The publish step's entry pages carry their content as HTML
//! (`#prerendered`) for readers without JavaScript; the app renders its own view of the same page
//! hidden beside it (style/main.css) and removes the prerendered copy once that view is ready, in
//! one frame: the reader sees the same text throughout, no loading state, no layout shift.

use leptos::prelude::*;
use std::time::Duration;

/// However long a load takes, the prerendered page goes after this: the app's own states (slow
/// load, failure) are then what the reader needs.
const AT_THE_LATEST: Duration = Duration::from_secs(15);

fn prerendered() -> Option<web_sys::Element> {
    if !crate::app::IN_BROWSER {
        return None;
    }
    document().get_element_by_id("prerendered")
}

/// The view of the first page is ready: the prerendered copy goes (in the next frame, when the
/// app's DOM is complete).
pub fn release_prerendered() {
    if prerendered().is_some() {
        request_animation_frame(|| {
            if let Some(el) = prerendered() {
                el.remove();
            }
        });
    }
}

/// Call once in the shell: a navigation inside the app leaves the prerendered page behind at
/// once, and no page keeps it longer than `AT_THE_LATEST`.
pub fn provide_takeover(path: Memo<String>) {
    if prerendered().is_none() {
        return;
    }
    set_timeout(release_prerendered, AT_THE_LATEST);
    Effect::new(move |first: Option<String>| {
        let now = path.get();
        if first.as_ref().is_some_and(|f| *f != now) {
            release_prerendered();
        }
        first.unwrap_or(now)
    });
}

/// Releases the prerendered page once `ready` holds (tracked).
pub fn release_when(ready: impl Fn() -> bool + 'static) {
    if prerendered().is_none() {
        return;
    }
    Effect::new(move |_| {
        if ready() {
            release_prerendered();
        }
    });
}
