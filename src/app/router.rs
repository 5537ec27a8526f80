//! Moving between the reader's pages without reloading: the address as signals, links to the
//! app's own pages taken over, back and forward followed. The route table is `paths::Page`.
//!
//! Our own instead of leptos_router (decision 15): the reader needs three routes, a query and the
//! History API; the router crate and what it pulls in were a fifth of the first view's wasm.

use crate::core::paths::Page;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The address shown: its path and its query (with the `?`, or empty).
#[derive(Clone, Copy)]
pub struct Location {
    pub path: Memo<String>,
    pub search: Memo<String>,
    href: RwSignal<(String, String)>,
}

fn current() -> (String, String) {
    let location = window().location();
    (location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

/// Call once at the top of a page: the address as signals; `takes_over` says which paths this
/// page renders itself (their links are followed without a reload; any other goes to the server).
pub fn provide_location(takes_over: fn(&str) -> bool) -> Location {
    let href = RwSignal::new(current());
    let location = Location {
        path: Memo::new(move |_| href.read().0.clone()),
        search: Memo::new(move |_| href.read().1.clone()),
        href,
    };
    provide_context(location);
    SHOWN.with(|shown| shown.set(Some(location)));
    // Back and forward: the browser has changed the address (and restores the scroll position
    // once the new view is rendered, which happens before it looks).
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        // The entry typing replaced is gone (or was left): its address is not written over this one.
        UNWRITTEN.with(|u| u.take());
        follow(href, current());
    });
    let click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(to) = followed_link(&ev, takes_over) {
            ev.prevent_default();
            navigate(&to, false, true);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

thread_local! {
    /// The page's location also for code that runs outside the views (event listeners, tasks).
    static SHOWN: std::cell::Cell<Option<Location>> = const { std::cell::Cell::new(None) };
    /// The address typing has shown but not yet written into its history entry (see `navigate`).
    static UNWRITTEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Only a change of the address notifies: every view reading it would render again.
fn follow(href: RwSignal<(String, String)>, now: (String, String)) {
    if href.with_untracked(|h| *h != now) {
        href.set(now);
    }
}

/// Shows `to` (a path with an optional query): a new history entry, or the current one replaced
/// (typing in the search field); `scroll` to the top (or to the fragment's element) as a page
/// change does, not for a filter.
pub fn navigate(to: &str, replace: bool, scroll: bool) {
    let Some(Location { href, .. }) = SHOWN.with(std::cell::Cell::get) else { return };
    if replace && !scroll {
        // Typing: the view follows at once; the history entry in a task of its own, once per
        // burst of keys. `replaceState` alone took ~14 ms of a keystroke's task on a slow phone
        // (Chromium, CPU 4×), pushing it past 50 ms.
        if let Some(now) = resolved(to) {
            if UNWRITTEN.with(|u| u.replace(Some(to.to_owned())).is_none()) {
                set_timeout(write_unwritten, std::time::Duration::ZERO);
            }
            follow(href, now);
            return;
        }
    }
    write_unwritten();
    let history = window().history().ok();
    // The history entry first: the browser keeps the leaving page's scroll position with it.
    if let Some(history) = history {
        let _ = if replace || current_url() == to {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
        };
    }
    follow(href, current());
    if scroll {
        let hash = window().location().hash().unwrap_or_default();
        let target = hash.strip_prefix('#').filter(|h| !h.is_empty()).and_then(|h| {
            let id = js_sys::decode_uri_component(h).ok().and_then(|s| s.as_string()).unwrap_or_else(|| h.to_owned());
            document().get_element_by_id(&id)
        });
        match target {
            Some(el) => el.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    }
}

/// Writes what typing has shown into the current history entry (before any other navigation).
fn write_unwritten() {
    if let (Some(to), Ok(history)) = (UNWRITTEN.with(|u| u.take()), window().history()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
    }
}

/// Path and query of `to` as the browser would show them (resolved against the address, encoded).
fn resolved(to: &str) -> Option<(String, String)> {
    let url = web_sys::Url::new_with_base(to, &window().location().href().ok()?).ok()?;
    Some((url.pathname(), url.search()))
}

fn current_url() -> String {
    let location = window().location();
    let (path, search, hash) = (location.pathname(), location.search(), location.hash());
    format!("{}{}{}", path.unwrap_or_default(), search.unwrap_or_default(), hash.unwrap_or_default())
}

/// The address of the link a plain click followed, if it is one of this page's own: same origin,
/// a path `takes_over`, no new window, download or `rel=external`, and not only another fragment
/// of the same address (the browser scrolls to that by itself).
fn followed_link(ev: &web_sys::MouseEvent, takes_over: fn(&str) -> bool) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return None;
    }
    let a = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok()??;
    let a = a.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let external = a.get_attribute("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !a.target().is_empty() || a.has_attribute("download") || external {
        return None;
    }
    let location = window().location();
    if a.origin() != location.origin().ok()? || !takes_over(&a.pathname()) {
        return None;
    }
    let (path, search, hash) = (a.pathname(), a.search(), a.hash());
    if !hash.is_empty() && path == location.pathname().ok()? && search == location.search().ok()? {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}

/// The reader's links: its own pages (the list, articles, the statement).
pub fn reader_page(path: &str) -> bool {
    Page::at(path) != Page::NotFound
}

/// A page rendering only itself (the builder): every link is an ordinary one.
pub fn no_page(_: &str) -> bool {
    false
}

/// One parameter of a query (`?tag=A&tag=B`), decoded as the browser decodes it.
#[cfg(target_arch = "wasm32")]
pub fn query_values(search: &str, name: &str) -> Vec<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .map(|p| p.get_all(name).iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// Natively (the publish step renders the views): the same decoding (WHATWG's
/// application/x-www-form-urlencoded), by the `url` crate instead of the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn query_values(search: &str, name: &str) -> Vec<String> {
    let query = search.strip_prefix('?').unwrap_or(search);
    url::form_urlencoded::parse(query.as_bytes()).filter(|(n, _)| n == name).map(|(_, v)| v.into_owned()).collect()
}

/// Natively (the publish step renders the views): the address `path` + `search` as a location
/// that never changes (no window to follow).
pub fn provide_fixed_location(path: &str, search: &str) -> Location {
    let href = RwSignal::new((path.to_owned(), search.to_owned()));
    let location = Location {
        path: Memo::new(move |_| href.read().0.clone()),
        search: Memo::new(move |_| href.read().1.clone()),
        href,
    };
    provide_context(location);
    location
}
