//! Route `/embed/builder`: an editor picks tags, limit, layout and mode, sees a live preview
//! and copies the snippet for their site.

use crate::app::clipboard;
use crate::app::components::states::{Failure, Loading};
use crate::app::hooks::head::use_title;
use crate::app::hooks::language::{use_document_language, APP_LANGUAGE};
use crate::app::hooks::navigation::focus_heading_if_navigated;
use crate::app::hooks::use_store;
use crate::app::store::Shared;
use crate::core::catalog::{Outcome, Query};
use crate::core::load_state::LoadState;
use crate::core::paths::{self, encode_query};
use crate::core::widget_config::{snippet, EmbedMode, Layout, MAX_LIMIT};
use leptos::prelude::*;

#[component]
pub fn BuilderPage() -> impl IntoView {
    focus_heading_if_navigated();
    let store = use_store();
    use_document_language(Signal::stored(APP_LANGUAGE.to_owned()));
    crate::app::hooks::takeover::release_prerendered();
    let tags = RwSignal::new(Vec::<String>::new());
    let limit = RwSignal::new(5usize);
    let cards = RwSignal::new(false);
    let iframe_mode = RwSignal::new(false);
    let copied = RwSignal::new(String::new());
    let origin = window().location().origin().unwrap_or_default();
    // What the editor typed into "Anzahl": the snippet never shows anything else; an invalid
    // number is explained, and the code waits until it is corrected.
    let limit_text = RwSignal::new(limit.get_untracked().to_string());
    let limit_error = Memo::new(move |_| match limit_text.read().trim().parse::<usize>() {
        Ok(n) if (1..=MAX_LIMIT).contains(&n) => None,
        _ => Some(format!("Bitte eine ganze Zahl von 1 bis {MAX_LIMIT} eingeben.")),
    });
    // "Code kopiert." is about the code as it was: any change of the options takes it back.
    Effect::new(move |first: Option<()>| {
        tags.track();
        limit.track();
        cards.track();
        iframe_mode.track();
        if first.is_some() {
            copied.set(String::new());
        }
    });
    let preview_frame = NodeRef::<leptos::html::Iframe>::new();
    let preview_height = RwSignal::new(320i32);
    follow_preview_height(preview_frame, preview_height, origin.clone());

    let layout = move || if cards.get() { Layout::Cards } else { Layout::List };
    let code = {
        let origin = origin.clone();
        move || {
            let mode = if iframe_mode.get() { EmbedMode::Iframe } else { EmbedMode::Script };
            snippet(mode, &origin, &tags.get(), limit.get(), layout())
        }
    };
    let preview = move || paths::embed(&tags.get(), limit.get(), layout());
    let code_shown = code.clone();
    // What the widget would show with the chosen topics, and each topic's count if added.
    let outcome = Memo::new(move |_| {
        let query = Query { tags: tags.get(), ..Query::default() };
        Shared(std::sync::Arc::new(store.catalog().ready().map(|c| c.search(&query)).unwrap_or_else(|| Outcome {
            hits: Vec::new(),
            facets: Vec::new(),
            unknown_tags: Vec::new(),
        })))
    });
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

    use_title(|| "Nachrichten einbetten".to_owned());
    view! {
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
                                let counted = tag.clone();
                                // How many news the widget would show with this topic added.
                                let count = move || outcome.read().facets.iter().find(|f| f.tag == counted).map_or(0, |f| f.count);
                                view! {
                                    <li>
                                        <input type="checkbox" id=id.clone() on:change=move |_| toggle_tag(t.to_string())/>
                                        <label for=id><span>{tag}<span class="facet-count">{move || format!(" ({})", count())}</span></span></label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p class="builder-result" role="status">{move || match outcome.read().hits.len() {
                            0 => "Zu dieser Auswahl gibt es zurzeit keine Nachrichten: Das eingebundene Widget bliebe leer. Wählen Sie weniger Themen.".to_owned(),
                            1 => "Mit dieser Auswahl zeigt das Widget zurzeit 1 Nachricht.".to_owned(),
                            n => format!("Mit dieser Auswahl zeigt das Widget zurzeit {} Nachrichten.", n.min(limit.get())),
                        }}</p>
                    </fieldset>
                    <p>
                        <label for="anzahl">"Anzahl der Nachrichten"</label>
                        // The field's value follows valid numbers only: binding it to what is typed
                        // would clear a half-typed "-" or "2." under the editor's fingers.
                        <input id="anzahl" type="number" min="1" max=MAX_LIMIT.to_string() step="1" inputmode="numeric"
                            prop:value=move || limit.get().to_string()
                            aria-invalid=move || limit_error.get().is_some().to_string() aria-describedby="anzahl-hinweis"
                            on:input=move |ev| {
                                let typed = event_target_value(&ev);
                                if let Ok(n) = typed.trim().parse::<usize>() {
                                    if (1..=MAX_LIMIT).contains(&n) {
                                        limit.set(n);
                                    }
                                }
                                limit_text.set(typed);
                            }
                            // Leaving the field with an invalid number brings back the valid one.
                            on:change=move |ev| {
                                if limit_error.get_untracked().is_some() {
                                    let valid = limit.get_untracked().to_string();
                                    event_target::<web_sys::HtmlInputElement>(&ev).set_value(&valid);
                                    limit_text.set(valid);
                                }
                            }/>
                        <span id="anzahl-hinweis" class="field-hint" aria-live="polite">
                            {move || limit_error.get().unwrap_or_else(|| format!("1 bis {MAX_LIMIT}"))}
                        </span>
                    </p>
                    <EitherOr legend="Darstellung" name="darstellung" first=("liste", "Liste")
                        second=("karten", "Karten mit Bild") chosen=cards/>
                    <EitherOr legend="Einbindung" name="einbindung" first=("skript", "Skript (passt sich Ihrer Seite an)")
                        second=("iframe", "iframe (völlig getrennt)") chosen=iframe_mode/>
                </form>
            }.into_any(),
        }}
        <h2>"Vorschau"</h2>
        <iframe class="builder-preview" title="Vorschau der eingebetteten Nachrichten" src=preview node_ref=preview_frame
            style:height=move || format!("{}px", preview_height.get())></iframe>
        <h2>"Code für Ihre Seite"</h2>
        <label for="code" class="visually-hidden">"Code zum Einbetten"</label>
        <textarea id="code" class="builder-code" readonly rows="5"
            prop:value=move || if limit_error.get().is_some() { "Bitte korrigieren Sie zuerst die Anzahl.".to_owned() } else { code_shown() }></textarea>
        <p class="share">
            <button type="button" class="button" on:click=copy disabled=move || limit_error.get().is_some()>"Code kopieren"</button>
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

/// The preview frame takes the height its content reports (the /embed page posts it, as to any
/// host page), so no card or item is cut off, growing and shrinking with the options.
fn follow_preview_height(frame: NodeRef<leptos::html::Iframe>, height: RwSignal<i32>, origin: String) {
    use wasm_bindgen::JsCast;
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        if ev.origin() != origin {
            return;
        }
        let (Some(source), Some(iframe)) = (ev.source(), frame.get_untracked()) else { return };
        let Some(preview) = iframe.content_window() else { return };
        if !js_sys::Object::is(&source, preview.unchecked_ref()) {
            return;
        }
        let data = ev.data();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
        let reported = js_sys::Reflect::get(&data, &"height".into()).ok().and_then(|h| h.as_f64());
        if let (Some("newsroom:height"), Some(h)) = (kind.as_deref(), reported) {
            if h.is_finite() {
                height.set((h.round() as i32).clamp(80, 6000));
            }
        }
    });
    on_cleanup(move || handle.remove());
}
