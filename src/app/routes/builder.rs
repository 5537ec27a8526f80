//! Route `/embed/builder`: an editor picks tags, limit, layout and mode, sees a live preview
//! and copies the snippet for their site.

use crate::app::clipboard;
use crate::app::components::states::{Failure, Loading};
use crate::app::hooks::navigation::focus_heading_if_navigated;
use crate::app::hooks::use_store;
use crate::core::load_state::LoadState;
use crate::core::paths::{self, encode_query};
use crate::core::widget_config::{snippet, EmbedMode, Layout, MAX_LIMIT};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn BuilderPage() -> impl IntoView {
    focus_heading_if_navigated();
    let store = use_store();
    crate::app::hooks::takeover::release_prerendered();
    let tags = RwSignal::new(Vec::<String>::new());
    let limit = RwSignal::new(5usize);
    let cards = RwSignal::new(false);
    let iframe_mode = RwSignal::new(false);
    let copied = RwSignal::new(String::new());
    let origin = window().location().origin().unwrap_or_default();

    let layout = move || if cards.get() { Layout::Cards } else { Layout::List };
    let code = {
        let origin = origin.clone();
        move || {
            let mode = if iframe_mode.get() { EmbedMode::Iframe } else { EmbedMode::Script };
            snippet(mode, &origin, &tags.get(), limit.get(), layout())
        }
    };
    let preview = move || paths::embed(&tags.get(), limit.get(), layout());
    let copy = {
        let code = code.clone();
        move |_| {
            let text = code();
            leptos::task::spawn_local(async move {
                let done = clipboard::copy(&text).await;
                copied.set(if done.is_ok() {
                    "Code kopiert.".into()
                } else {
                    "Bitte markieren und kopieren Sie den Code selbst.".into()
                });
            });
        }
    };
    let toggle_tag = move |tag: String| {
        tags.update(|t| match t.iter().position(|x| *x == tag) {
            Some(i) => {
                t.remove(i);
            }
            None => t.push(tag),
        })
    };

    view! {
        <Title text="Nachrichten einbetten"/>
        <h1>"Nachrichten einbetten"</h1>
        <p>"Zeigen Sie die Nachrichten der Stadt auf Ihrer eigenen Seite: Themen wählen, Code kopieren, einfügen."</p>
        {move || match store.catalog() {
            LoadState::Loading => view! { <Loading label="Die Themen werden geladen …"/> }.into_any(),
            LoadState::Failed(error) => view! { <Failure error what="Die Themenliste" retry=Callback::new(move |_| store.retry()) heading=false/> }.into_any(),
            LoadState::Ready(catalog) => view! {
                <form class="builder" on:submit=|ev| ev.prevent_default()>
                    <fieldset>
                        <legend>"Themen (alle gewählten müssen passen)"</legend>
                        <ul class="builder-tags">
                            {catalog.tags.iter().cloned().map(|tag| {
                                let id = format!("thema-{}", encode_query(&tag));
                                let t = tag.clone();
                                view! {
                                    <li>
                                        <input type="checkbox" id=id.clone() on:change=move |_| toggle_tag(t.clone())/>
                                        <label for=id>{tag}</label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <p>
                        <label for="anzahl">"Anzahl der Nachrichten"</label>
                        <input id="anzahl" type="number" min="1" max=MAX_LIMIT.to_string() prop:value=move || limit.get().to_string()
                            on:input=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                                    limit.set(n.clamp(1, MAX_LIMIT));
                                }
                            }/>
                    </p>
                    <EitherOr legend="Darstellung" name="darstellung" first=("liste", "Liste")
                        second=("karten", "Karten mit Bild") chosen=cards/>
                    <EitherOr legend="Einbindung" name="einbindung" first=("skript", "Skript (passt sich Ihrer Seite an)")
                        second=("iframe", "iframe (völlig getrennt)") chosen=iframe_mode/>
                </form>
            }.into_any(),
        }}
        <h2>"Vorschau"</h2>
        <iframe class="builder-preview" title="Vorschau der eingebetteten Nachrichten" src=preview></iframe>
        <h2>"Code für Ihre Seite"</h2>
        <label for="code" class="visually-hidden">"Code zum Einbetten"</label>
        <textarea id="code" class="builder-code" readonly rows="5" prop:value=code></textarea>
        <p class="share">
            <button type="button" class="button" on:click=copy>"Code kopieren"</button>
            <span role="status">{move || copied.get()}</span>
        </p>
    }
}

/// A choice of two as radio buttons (the first checked at the start); `chosen` is true when the
/// second is picked.
#[component]
fn EitherOr(
    legend: &'static str,
    name: &'static str,
    first: (&'static str, &'static str),
    second: (&'static str, &'static str),
    chosen: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{legend}</legend>
            <input type="radio" id=first.0 name=name checked=true on:change=move |_| chosen.set(false)/>
            <label for=first.0>{first.1}</label>
            <input type="radio" id=second.0 name=name on:change=move |_| chosen.set(true)/>
            <label for=second.0>{second.1}</label>
        </fieldset>
    }
}
