//! The document's head follows the page shown: its title, description and keywords, and the
//! feeds it offers (`<link rel="alternate">`). Written here instead of by leptos_meta
//! (docs/decisions/0016-own-head.md): the same promises for less download.
//!
//! A value is *claimed* by the view that sets it and given up when that view goes. Views come and
//! go in an order of their own (the next page's effects may run before the last page's cleanup),
//! so each name keeps its claims in the order they were made and shows the newest one still
//! alive; with none, the page's own value from its HTML comes back.

use crate::core::text::page_title;
use leptos::prelude::*;
use std::cell::RefCell;

const TITLE: &str = "title";

#[derive(Default)]
struct Claims {
    next_id: u32,
    /// (claim, name, value): a value of `None` is claimed but not yet known.
    live: Vec<(u32, &'static str, Option<String>)>,
    /// The content each claimed `<meta name>` had before the first claim (`None`: it had none).
    original: Vec<(&'static str, Option<String>)>,
}

thread_local! {
    static CLAIMS: RefCell<Claims> = RefCell::new(Claims::default());
}

/// The window title "{title} – {site name}" (the site's name from the page: hooks/site.rs), following `title` while the calling view lives (the
/// site's name alone for an empty title).
pub fn use_title(title: impl Fn() -> String + 'static) {
    follow(TITLE, Box::new(title));
}

/// `<meta name="{name}" content="{content}">` while the calling view lives.
pub fn use_meta(name: &'static str, content: String) {
    if !crate::app::IN_BROWSER {
        return;
    }
    let id = claim(name);
    set(id, name, content);
}

/// `<link rel="alternate" type="application/atom+xml">` for a feed of what the calling view shows,
/// in the head while that view lives (feed readers and browsers find it there).
pub fn use_feed_link(href: String, title: String) {
    if !crate::app::IN_BROWSER {
        return;
    }
    let Some(head) = document().head() else { return };
    let Ok(link) = document().create_element("link") else { return };
    for (name, value) in [("rel", "alternate"), ("type", "application/atom+xml"), ("href", &href), ("title", &title)] {
        let _ = link.set_attribute(name, value);
    }
    let _ = head.append_child(&link);
    on_cleanup(move || link.remove());
}

/// One effect for every followed value (not one copy per caller).
fn follow(name: &'static str, value: Box<dyn Fn() -> String>) {
    if !crate::app::IN_BROWSER {
        return;
    }
    let id = claim(name);
    Effect::new(move |_| set(id, name, value()));
}

fn claim(name: &'static str) -> u32 {
    let id = CLAIMS.with(|c| {
        let mut c = c.borrow_mut();
        if name != TITLE && !c.original.iter().any(|(n, _)| *n == name) {
            let before = meta(name).and_then(|m| m.get_attribute("content"));
            c.original.push((name, before));
        }
        c.next_id += 1;
        let id = c.next_id;
        c.live.push((id, name, None));
        id
    });
    on_cleanup(move || {
        CLAIMS.with(|c| c.borrow_mut().live.retain(|(claim, ..)| *claim != id));
        show(name);
    });
    id
}

fn set(id: u32, name: &'static str, value: String) {
    CLAIMS.with(|c| {
        if let Some(entry) = c.borrow_mut().live.iter_mut().find(|(claim, ..)| *claim == id) {
            entry.2 = Some(value);
        }
    });
    show(name);
}

/// Writes the newest known claim on `name` into the document, or its original value.
fn show(name: &'static str) {
    let value = CLAIMS.with(|c| {
        let c = c.borrow();
        match c.live.iter().rev().find_map(|(_, n, v)| v.as_ref().filter(|_| *n == name)) {
            Some(value) => Some(value.clone()),
            None => c.original.iter().find(|(n, _)| *n == name).and_then(|(_, v)| v.clone()),
        }
    });
    if name == TITLE {
        let title = value.unwrap_or_default();
        let site = super::site::site();
        document().set_title(&if title.is_empty() { site.name.clone() } else { page_title(&title, &site.name) });
        return;
    }
    match (meta(name), value) {
        (Some(element), Some(content)) => {
            let _ = element.set_attribute("content", &content);
        }
        (Some(element), None) => element.remove(),
        (None, Some(content)) => {
            let Some(head) = document().head() else { return };
            let Ok(element) = document().create_element("meta") else { return };
            let _ = element.set_attribute("name", name);
            let _ = element.set_attribute("content", &content);
            let _ = head.append_child(&element);
        }
        (None, None) => {}
    }
}

fn meta(name: &str) -> Option<web_sys::Element> {
    document().query_selector(&format!("head > meta[name=\"{name}\"]")).ok().flatten()
}
