//! Hooks: functions a view calls to wire itself to shared state (contexts, the router, focus).
//! Components render; hooks connect.

pub mod head;
pub mod language;
pub mod navigation;
pub mod site;
pub mod takeover;

use crate::app::store::NewsStore;

/// The session's news store, provided by the app shell.
pub fn use_store() -> NewsStore {
    leptos::prelude::expect_context::<NewsStore>()
}
