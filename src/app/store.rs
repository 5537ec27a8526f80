//! The news index for the whole session: fetched once, shared by the list, the filters and every
//! article's "Weitere Nachrichten". Older pages of a paged index are appended on demand.

use crate::app::fetch;
use crate::app::loader::Loader;
use crate::core::catalog::{Catalog, CatalogBuilder};
use crate::core::error::LoadError;
use crate::core::load_state::LoadState;
use crate::core::model::NewsIndex;
use crate::core::paging::PageTrail;
use crate::schedule::in_slices;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// An `Arc` compared by identity, so a memo of it changes only when it is rebuilt.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[derive(Clone, Copy)]
pub struct NewsStore {
    first: Loader<Arc<NewsIndex>>,
    older: RwSignal<Vec<Arc<NewsIndex>>>,
    /// The latest older page asked for: `Ready(())` when none is under way or failed.
    older_state: RwSignal<LoadState<()>>,
    /// Rebuilt (a slice at a time) whenever a page arrives.
    catalog: RwSignal<LoadState<Shared<Catalog>>>,
    building: StoredValue<u64>,
    /// A rebuild is under way: the catalog does not yet hold every loaded page.
    rebuilding: RwSignal<bool>,
    /// The index pages fetched: a `next` back to one of them (or past the bound) ends the paging.
    trail: StoredValue<PageTrail>,
}

impl NewsStore {
    /// Starts loading the index at once (hence not `Default`).
    #[allow(clippy::new_without_default)]
    pub fn new() -> NewsStore {
        let first = Loader::new();
        first.start(fetch::fetch_index);
        let older = RwSignal::new(Vec::<Arc<NewsIndex>>::new());
        let catalog = RwSignal::new(LoadState::Loading);
        let building = StoredValue::new(0u64);
        let rebuilding = RwSignal::new(false);
        let trail = StoredValue::new(PageTrail::new(&fetch::first_index_page()));
        let older_state = RwSignal::new(LoadState::Ready(()));
        let store = NewsStore { first, older, older_state, catalog, building, rebuilding, trail };
        Effect::new(move |_| match first.get() {
            LoadState::Loading => catalog.set(LoadState::Loading),
            LoadState::Failed(e) => catalog.set(LoadState::Failed(e)),
            LoadState::Ready(first) => {
                store.warn_if_paging_stops(&fetch::first_index_page(), &first);
                let mut pages = vec![first];
                pages.extend(older.get());
                store.build(pages);
            }
        });
        store
    }

    /// A store that already has the whole index, built at once: natively, the publish step
    /// renders the list with what the app would load (`index.next` must be `None`: nothing to
    /// fetch).
    pub fn ready(index: Arc<NewsIndex>) -> NewsStore {
        let catalog = Catalog::new(&[index.items.as_slice()]);
        NewsStore {
            first: Loader::with_ready(index),
            older: RwSignal::new(Vec::new()),
            older_state: RwSignal::new(LoadState::Ready(())),
            catalog: RwSignal::new(LoadState::Ready(Shared(Arc::new(catalog)))),
            building: StoredValue::new(0),
            rebuilding: RwSignal::new(false),
            trail: StoredValue::new(PageTrail::new("")),
        }
    }

    /// A `next` that leads back (or past the bound) is a content error worth telling the
    /// newsroom's editors in the console; the reader just sees the end of the list.
    fn warn_if_paging_stops(&self, url: &str, page: &NewsIndex) {
        if let Some(next) = &page.next {
            if let Err(stop) = self.trail.with_value(|t| t.check(&fetch::index_page_url(next))) {
                leptos::logging::warn!("news index page {url}: {stop}");
            }
        }
    }

    /// Prepares the catalog of `pages` without blocking the page; a newer build supersedes it.
    fn build(&self, pages: Vec<Arc<NewsIndex>>) {
        self.building.update_value(|g| *g += 1);
        let mine = self.building.get_value();
        self.rebuilding.set(true);
        let this = *self;
        spawn_local(async move {
            let slices: Vec<&[_]> = pages.iter().map(|p| p.items.as_slice()).collect();
            let mut builder = CatalogBuilder::new(&slices);
            // A newer build ends this one between two steps.
            let current = || this.building.try_get_value() == Some(mine);
            let _ = in_slices(|n| Ok::<_, ()>(!current() || builder.step(n))).await;
            if current() {
                this.catalog.set(LoadState::Ready(Shared(Arc::new(builder.finish()))));
                this.rebuilding.set(false);
            }
        });
    }

    /// `Loading` while the first page loads (or its catalog is first built). Tracked.
    pub fn catalog(&self) -> LoadState<Shared<Catalog>> {
        self.catalog.get()
    }

    /// The URL of the next older page not yet loaded, if the index is paged (and the link does
    /// not lead back to a page already loaded).
    pub fn next_page(&self) -> Option<String> {
        let older = self.older.read();
        let next = match older.last() {
            Some(page) => page.next.clone(),
            None => self.first.get().ready()?.next.clone(),
        }?;
        let url = fetch::index_page_url(&next);
        self.trail.with_value(|t| t.check(&url)).ok().map(|()| url)
    }

    /// An older page is being fetched, or the catalog is being rebuilt with it.
    pub fn loading_older(&self) -> bool {
        self.older_state.read().is_loading() || self.rebuilding.get()
    }

    pub fn older_error(&self) -> Option<LoadError> {
        self.older_state.read().error().cloned()
    }

    /// Fetches the next older page and appends it.
    pub fn load_older(&self) {
        let Some(url) = self.next_page() else { return };
        if self.loading_older() {
            return;
        }
        let this = *self;
        this.older_state.set(LoadState::Loading);
        this.trail.update_value(|t| t.record(&url));
        spawn_local(async move {
            match fetch::fetch_index_page(&url, None).await {
                Ok(page) => {
                    this.warn_if_paging_stops(&url, &page);
                    this.older.update(|o| o.push(page));
                    this.older_state.set(LoadState::Ready(()));
                }
                Err(e) => this.older_state.set(LoadState::Failed(e)),
            }
        });
    }

    /// Tries the older page again after a failure.
    pub fn load_older_again(&self) {
        self.older_state.set(LoadState::Ready(()));
        self.load_older();
    }

    /// The first page failed (not tracked).
    pub fn failed_untracked(&self) -> bool {
        self.catalog.with_untracked(|c| c.error().is_some())
    }

    /// Starts over after a failure of the first page.
    pub fn retry(&self) {
        self.trail.set_value(PageTrail::new(&fetch::first_index_page()));
        self.older.set(Vec::new());
        self.older_state.set(LoadState::Ready(()));
        self.first.start(fetch::fetch_index);
    }

    /// Gives up waiting for the first page (the request is aborted).
    pub fn cancel(&self) {
        self.first.cancel();
    }
}
