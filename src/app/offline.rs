//! Offline reading, the app's side (decision 14). public/offline.js runs the service worker and
//! tells, in two attributes of the root element and the event "newsroom-connection", whether the
//! server answers and which articles are stored on this device. The views show it: a note on the list,
//! "Offline nicht verfügbar" on news that are not stored, the stored copy's date on an article;
//! back online, a view that showed a stored copy or a failure loads again.

use crate::app::store::NewsStore;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Connection {
    offline: RwSignal<bool>,
    /// The slugs of the articles stored on this device, each between spaces: " a b ".
    saved: RwSignal<String>,
    /// Counts the returns to the network.
    returns: RwSignal<u32>,
}

impl Connection {
    /// The server does not answer (tracked).
    pub fn offline(&self) -> bool {
        self.offline.get()
    }

    /// Offline, and `slug` is not stored on this device (tracked).
    pub fn unavailable(&self, slug: &str) -> bool {
        self.offline.get() && !self.saved.with(|s| s.split(' ').any(|saved| saved == slug))
    }

    /// Changes each time the network answers again after it did not (tracked).
    pub fn returns(&self) -> u32 {
        self.returns.get()
    }
}

/// Provides the connection's state to every view, kept up to date from offline.js (attributes
/// of the root element: `data-offline`, and `data-saved`, the stored slugs between spaces).
/// Back online, a list that could not load loads again.
pub fn provide_connection(store: NewsStore) {
    let c =
        Connection { offline: RwSignal::new(false), saved: RwSignal::new(String::new()), returns: RwSignal::new(0) };
    let _ = window_event_listener_untyped("newsroom-connection", move |_| {
        let Some(root) = document().document_element() else { return };
        let offline = root.has_attribute("data-offline");
        if c.offline.get_untracked() && !offline {
            c.returns.update(|n| *n += 1);
            if store.failed_untracked() {
                store.retry();
            }
        }
        c.offline.set(offline);
        c.saved.set(root.get_attribute("data-saved").unwrap_or_default());
    });
    provide_context(c);
}

pub fn use_connection() -> Option<Connection> {
    use_context()
}

/// Why the news do not come from the server: this device has no connection, or the server does
/// not answer (then checking the connection would not help).
pub fn unreachable_why() -> &'static str {
    if crate::app::fetch::device_offline() {
        "Sie sind offline"
    } else {
        "Der Server antwortet gerade nicht"
    }
}

/// "Sie sind offline – gespeicherte Fassung vom 26.11.2026, 14:05" (`when`: from the service
/// worker, in the device's time zone; empty if unknown).
pub fn stored_copy_note(when: &str) -> String {
    let why = unreachable_why();
    if when.is_empty() {
        format!("{why} – gespeicherte Fassung")
    } else {
        format!("{why} – gespeicherte Fassung vom {when}")
    }
}
