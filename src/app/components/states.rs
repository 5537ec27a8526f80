//! The states every view shares: loading, failure, not found.

use crate::app::hooks::language::{use_document_language, APP_LANGUAGE};
use crate::core::error::LoadError;
use leptos::prelude::*;

/// How long before a load counts as slow and the reader is offered to give up.
const SLOW_AFTER: std::time::Duration = std::time::Duration::from_secs(4);

/// Reserved space while content loads, so nothing jumps when it arrives. A slow load says so
/// and can be given up (`on_cancel`).
#[component]
pub fn Loading(#[prop(into)] label: String, #[prop(optional)] on_cancel: Option<Callback<()>>) -> impl IntoView {
    let slow = RwSignal::new(false);
    if let Ok(timer) = set_timeout_with_handle(move || slow.set(true), SLOW_AFTER) {
        on_cleanup(move || timer.clear());
    }
    view! {
        <div class="loading" aria-busy="true">
            <p role="status">
                {label}
                {move || slow.get().then_some(" Das dauert länger als gewohnt.")}
            </p>
            {move || (slow.get() && on_cancel.is_some()).then(|| view! {
                <p><button type="button" class="button secondary cancel" on:click=move |_| {
                    if let Some(cb) = on_cancel { cb.run(()) }
                }>"Abbrechen"</button></p>
            })}
            <div class="skeleton skeleton-title"></div>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line"></div>
            <div class="skeleton skeleton-line short"></div>
        </div>
    }
}

/// A failure in German words with a way on: retry (where it can help) and back to the list.
/// `what` names the content, e.g. "Der Beitrag".
#[component]
/// `heading=false` where the page already has its h1 (the list keeps "Nachrichten");
/// `to_list=false` on the list itself (a link to where the reader already is leads nowhere).
pub fn Failure(
    error: LoadError,
    what: &'static str,
    #[prop(optional)] retry: Option<Callback<()>>,
    #[prop(default = true)] heading: bool,
    #[prop(default = true)] to_list: bool,
) -> impl IntoView {
    leptos::logging::warn!("{what}: {error}");
    if heading {
        crate::app::hooks::navigation::focus_heading_if_navigated();
    }
    crate::app::hooks::takeover::release_prerendered();
    let retry = retry.filter(|_| error.retryable());
    view! {
        <section class="failure" role="alert" aria-labelledby="failure-title">
            {if heading {
                view! { <h1 id="failure-title" tabindex="-1">{error.title()}</h1> }.into_any()
            } else {
                view! { <h2 id="failure-title" tabindex="-1">{error.title()}</h2> }.into_any()
            }}
            <p>{error.explain(what)}</p>
            <p class="actions">
                {retry.map(|cb| view! {
                    <button type="button" class="button" on:click=move |_| cb.run(())>"Erneut versuchen"</button>
                })}
                {to_list.then(|| view! { <a href="/" class="button secondary">"Zur Nachrichtenübersicht"</a> })}
            </p>
        </section>
    }
}

/// A failure inside a view that stays: one sentence and "Erneut versuchen" (e.g. an older page
/// of the list, or the related news under an article).
#[component]
pub fn InlineFailure(error: LoadError, what: &'static str, retry: Callback<()>) -> impl IntoView {
    view! {
        <span class="failure-inline" role="alert">
            {error.explain(what)}" "
            <button type="button" class="button secondary" on:click=move |_| retry.run(())>"Erneut versuchen"</button>
        </span>
    }
}

/// Unknown path or slug.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::app::hooks::navigation::focus_heading_if_navigated();
    crate::app::hooks::takeover::release_prerendered();
    use_document_language(Signal::stored(APP_LANGUAGE.to_owned()));
    crate::app::hooks::head::use_title(|| "Seite nicht gefunden".to_owned());
    view! {
        <section class="failure not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">"Seite nicht gefunden"</h1>
            <p>"Diese Seite gibt es nicht (mehr). Vielleicht ist der Link veraltet oder falsch geschrieben."</p>
            <p class="actions"><a href="/" class="button">"Zur Nachrichtenübersicht"</a></p>
        </section>
    }
}
