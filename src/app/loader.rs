//! One load at a time, abortable at once. A new load, the reader giving up, or the view going
//! away aborts the request in flight (its `AbortController`), and a superseded load can never
//! overwrite a newer one. (Leptos' resources only start a new load after the previous one has
//! finished, which keeps a reader waiting on a slow request they have already left.)

use crate::core::error::LoadError;
use crate::core::load_state::LoadState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::future::Future;

pub struct Loader<T: Send + Sync + 'static> {
    state: RwSignal<LoadState<T>>,
    generation: StoredValue<u64>,
    in_flight: StoredValue<SendWrapper<Option<web_sys::AbortController>>>,
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Loader<T> {}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    /// A loader that aborts its request when the current reactive owner is cleaned up.
    // Not `Default`: it registers a cleanup with the current reactive owner.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        let loader = Loader {
            state: RwSignal::new(LoadState::Loading),
            generation: StoredValue::new(0),
            in_flight: StoredValue::new(SendWrapper::new(None)),
        };
        on_cleanup(move || loader.abort_in_flight());
        loader
    }

    /// A loader that already has `value` (the publish step renders views with what it has).
    pub fn with_ready(value: T) -> Self {
        let loader = Self::new();
        loader.state.set(LoadState::Ready(value));
        loader
    }

    /// The state of the latest load. Tracked.
    pub fn get(&self) -> LoadState<T> {
        self.state.get()
    }

    /// What the latest load gave, once it has. Tracked.
    pub fn ready(&self) -> Option<T> {
        self.state.with(|s| s.ready().cloned())
    }

    /// Whether the latest load failed. Not tracked.
    pub fn failed_untracked(&self) -> bool {
        self.state.with_untracked(|s| s.error().is_some())
    }

    /// Whether the latest load is still under way. Tracked.
    pub fn is_loading(&self) -> bool {
        self.state.read().is_loading()
    }

    /// Starts a load, aborting the one in flight. `load` gets the signal to pass to `fetch`.
    pub fn start<F, Fut>(&self, load: F)
    where
        F: FnOnce(web_sys::AbortSignal) -> Fut + 'static,
        Fut: Future<Output = Result<T, LoadError>> + 'static,
    {
        self.abort_in_flight();
        let mine = self.next_generation();
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        self.in_flight.set_value(SendWrapper::new(controller));
        self.state.set(LoadState::Loading);
        let this = *self;
        spawn_local(async move {
            let outcome = match signal {
                Some(signal) => load(signal).await,
                None => Err(LoadError::Network("AbortController unavailable".into())),
            };
            // The view may be gone, or a newer load may have started meanwhile.
            if this.generation.try_get_value() == Some(mine) {
                this.in_flight.set_value(SendWrapper::new(None));
                this.state.set(outcome.into());
            }
        });
    }

    /// The reader gives up: the request is aborted and the view says so.
    pub fn cancel(&self) {
        self.abort_in_flight();
        self.next_generation();
        self.state.set(LoadState::Failed(LoadError::Aborted));
    }

    fn next_generation(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    fn abort_in_flight(&self) {
        if let Some(slot) = self.in_flight.try_get_value() {
            if let Some(controller) = slot.as_ref() {
                controller.abort();
            }
            self.in_flight.try_set_value(SendWrapper::new(None));
        }
    }
}
