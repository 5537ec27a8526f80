//! Route `/`: the newsroom list, newest first, with tag filters, search and paging.
//! All of its state lives in the URL (`?tag=…&tag=…&q=…&seite=…`), so every view is a link.

use crate::app::components::states::{Failure, InlineFailure, Loading};
use crate::app::components::teaser::{TeaserItem, TeaserStyle};
use crate::app::hooks::head::{use_feed_link, use_title};
use crate::app::hooks::language::{use_document_language, APP_LANGUAGE};
use crate::app::hooks::navigation::{focus_heading_if_navigated, remember_list_url};
use crate::app::hooks::takeover::release_when;
use crate::app::hooks::use_store;
use crate::app::offline::use_connection;
use crate::app::router::{navigate, query_values, use_location};
use crate::app::search::{self, Found};
use crate::app::store::Shared;
use crate::core::catalog::{list_title, shown, topics_left_out, Facet, Outcome, Query, PAGE_SIZE, TOPICS_SHOWN};
use crate::core::date::german_date;
use crate::core::images::EAGER_TEASERS;
use crate::core::list_state::ListFacts;
use crate::core::load_state::LoadState;
use crate::core::paths;
use leptos::prelude::*;

#[component]
pub fn ListPage() -> impl IntoView {
    let store = use_store();
    focus_heading_if_navigated();
    use_document_language(Signal::stored(APP_LANGUAGE.to_owned()));
    let location = use_location();
    // Only the list's own URLs: when the reader opens an article the location changes before
    // this view goes, and "Zurück zur Übersicht" must not point at the article.
    Effect::new(move |_| {
        if location.path.get() == "/" {
            let search = location.search.get();
            let query = search.trim_start_matches('?');
            remember_list_url(if query.is_empty() { "/".to_owned() } else { format!("/?{query}") });
        }
    });
    // Only the kind of state re-renders the page; older pages arriving update the list in place.
    let state = Memo::new(move |_| store.catalog().map(|_| ()));
    release_when(move || !state.read().is_loading());
    // Read from the address once per change, for the title and the list alike.
    let url = location.search;
    let query = Memo::new(move |_| read(&url.read()).0);
    // The title says what is shown: "Familie – Nachrichten – Newsroom".
    use_title(move || list_title(&query.read()));
    view! {
        <h1>"Nachrichten"</h1>
        {move || match state.get() {
            LoadState::Loading => view! { <Loading label="Die Nachrichten werden geladen …" on_cancel=Callback::new(move |_| store.cancel())/> }.into_any(),
            LoadState::Failed(error) => view! {
                <Failure error what="Die Nachrichtenliste" retry=Callback::new(move |_| store.retry()) heading=false to_list=false/>
            }.into_any(),
            LoadState::Ready(()) => view! { <NewsList query/> }.into_any(),
        }}
    }
}

/// The list's query and pages from its URL (`?tag=…&tag=…&q=…&seite=…`).
fn read(search: &str) -> (Query, usize) {
    paths::read_list(|name| query_values(search, name))
}

/// Moves to another list URL: a new history entry for filters and paging, a replaced one while
/// typing (so back does not step through every keystroke). Never scrolls to the top.
fn go(to: String, replace: bool) {
    navigate(&to, replace, false);
}

#[component]
fn NewsList(query: Memo<Query>) -> impl IntoView {
    let store = use_store();
    let catalog = Memo::new(move |_| store.catalog().ready().cloned().unwrap_or_else(|| Shared(Default::default())));
    let url = use_location().search;
    let pages = Memo::new(move |_| read(&url.read()).1);
    let full_text = use_full_text(query, pages);
    let outcome = Memo::new(move |shown: Option<&Shared<Outcome>>| {
        let (catalog, query) = (catalog.read(), query.read());
        let full_text = full_text.get();
        // Before the first answer, what was shown stays (no pass over the loaded news per key).
        if let (FullText::Waiting(None), Some(shown)) = (&full_text, shown) {
            return shown.clone();
        }
        Shared(std::sync::Arc::new(match full_text {
            // While a newer answer is on its way, the topics keep the last answer's counts.
            FullText::Found(found) | FullText::Waiting(Some(found)) => catalog.outcome_of(&found.tags, &query.tags),
            // All news: prepared with the catalog (its first view must not wait for a search).
            _ if query.is_empty() => return Shared(catalog.everything()),
            // Tags only, or without an index: the search over the loaded news.
            _ => catalog.search(&query),
        }))
    });
    let count = Memo::new(move |_| match full_text.get() {
        FullText::Found(found) | FullText::Waiting(Some(found)) => found.total,
        _ => outcome.read().hits.len(),
    });
    // What is known, in one value; what the list shows follows from it (core::list_state).
    // A closure, not a memo: each reader tracks what it reads (a memo of a new type costs the
    // wasm more than these few reads).
    let facts = move || {
        let full_text = full_text.get();
        ListFacts {
            count: count.get(),
            searching: matches!(full_text, FullText::Found(_) | FullText::Waiting(_)),
            waiting: matches!(full_text, FullText::Waiting(_)),
            complete: !matches!(&full_text, FullText::Found(found) if !found.complete),
            older_pages: store.next_page().is_some(),
            pages: pages.get(),
        }
    };
    let visible = Memo::new(move |_| facts().visible());
    let searching = move || facts().searching;
    let items = move || {
        if let FullText::Found(found) | FullText::Waiting(Some(found)) = full_text.get() {
            return found.hits.iter().map(|(t, excerpt)| (t.clone(), Some(excerpt.clone()))).collect();
        }
        let (catalog, outcome) = (catalog.read(), outcome.read());
        outcome.hits[..visible.get()].iter().map(|&i| (catalog.items[i].clone(), None)).collect::<Vec<_>>()
    };
    // Paging past what is loaded (or opening "?seite=5" directly) loads older index pages; the
    // first page never does (a narrow filter would otherwise load the whole archive unasked).
    let needs_older = move || {
        pages.get() > 1
            && pages.get().saturating_mul(PAGE_SIZE) > count.get()
            && !searching()
            && store.next_page().is_some()
            && store.older_error().is_none()
    };
    // The list is not complete while it waits for an answer or an older page (assistive
    // technology, tests).
    let busy = move || {
        let waiting = {
            let f = facts();
            f.waiting || f.incomplete()
        };
        (waiting || store.loading_older() || needs_older()).then_some("true")
    };
    Effect::new(move |_| {
        if needs_older() && !store.loading_older() {
            store.load_older();
        }
    });
    let partial = move || facts().partial();
    let more = move |_| {
        let first_new = visible.get_untracked() + 1;
        go(paths::list(&query.get_untracked(), pages.get_untracked() + 1), false);
        // Keyboard and screen reader users continue at the first new entry.
        request_animation_frame(move || focus(&format!(".teasers > li:nth-child({first_new}) .teaser-link")));
    };
    let connection = use_connection();
    let oldest = move || catalog.read().items.last().map(|t| german_date(&t.published)).unwrap_or_default();

    // Feed readers find the news shown here: all news, and each chosen topic's own feed.
    use_feed_link(paths::FEED_ALL.to_owned(), "Alle Nachrichten".to_owned());
    let feeds = move || {
        for tag in &query.read().tags {
            use_feed_link(paths::tag_feed(tag), format!("Nachrichten zum Thema {tag}"));
        }
    };
    view! {
        {feeds}
        <FilterBar query outcome found=count/>
        <p class="count" role="status">
            {move || facts().status(&query.read())}
        </p>
        // A typing mistake: the archive's nearest words, one tap away (the same query otherwise).
        {move || match full_text.get() {
            FullText::Found(found) => found.suggestion.clone().map(|text| {
                let href = paths::list(&Query { text: text.clone(), ..query.get() }, 1);
                view! { <p class="coverage suggestion">"Meinten Sie: "<a href=href>{text}</a>"?"</p> }
            }),
            _ => None,
        }}
        {move || (full_text.get() == FullText::Unavailable).then(|| view! {
            <p class="coverage">
                "Die Volltextsuche ist gerade nicht erreichbar. Durchsucht wurden nur Überschrift, Vorspann und Themen der geladenen Nachrichten."
            </p>
        })}
        {move || connection.is_some_and(|c| c.offline()).then(|| view! {
            <p class="offline-note">
                {crate::app::offline::unreachable_why()}". Gezeigt wird, was auf diesem Gerät gespeichert ist."
            </p>
        })}
        {move || searching().then(|| view! { <SortChoice query/> })}
        {move || (partial() && !query.get().is_empty()).then(|| view! {
            <p class="coverage">
                {move || format!("Durchsucht wurden nur die bisher geladenen Nachrichten (bis {}). ", oldest())}
                <OlderButton/>
            </p>
        })}
        // Nothing found: the count above says so; one way out, right here (the filter bar's own
        // button steps aside meanwhile).
        {move || facts().nothing_found(&query.read()).then(|| view! {
            <div class="empty">
                <button type="button" class="button" on:click=move |_| go(paths::list(&Query::default(), 1), false)>
                    "Alle Filter entfernen"
                </button>
            </div>
        })}
        <ul class="teasers" aria-busy=busy>
            // Keyed by the excerpt too: the same news found by another word shows its new excerpt.
            <For
                each=move || items().into_iter().enumerate()
                key=|(_, (t, excerpt))| (t.slug.clone(), excerpt.clone())
                let:((position, (teaser, excerpt)))
            >
                <TeaserItem teaser style=TeaserStyle::Full excerpt eager=position < EAGER_TEASERS/>
            </For>
        </ul>
        <p class="more-news">
            {move || facts().more().then(|| view! {
                <button type="button" class="button" on:click=more disabled=move || store.loading_older()>
                    {move || if store.loading_older() { "Nachrichten werden geladen …" } else { "Mehr Nachrichten" }}
                </button>
            })}
            {move || store.older_error().map(|error| view! {
                <InlineFailure error what="Die nächste Seite älterer Nachrichten" retry=Callback::new(move |_| store.load_older_again())/>
            })}
        </p>
    }
}

/// Loads the next older page of a paged index.
#[component]
fn OlderButton() -> impl IntoView {
    let store = use_store();
    view! {
        <button type="button" class="button secondary" on:click=move |_| store.load_older() disabled=move || store.loading_older()>
            {move || if store.loading_older() { "Ältere Nachrichten werden geladen …" } else { "Ältere Nachrichten laden" }}
        </button>
    }
}

/// Topic buttons made in one task; a newsroom's few dozen topics all come at once.
const TOPICS_AT_ONCE: usize = 60;

#[component]
fn FilterBar(query: Memo<Query>, outcome: Memo<Shared<Outcome>>, found: Memo<usize>) -> impl IntoView {
    // What the reader types; the URL keeps the trimmed text. Synced back on back/forward.
    let typed = RwSignal::new(query.get_untracked().text);
    Effect::new(move |_| {
        let text = query.read().text.clone();
        if typed.get_untracked().trim() != text.trim() {
            typed.set(text);
        }
    });
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        typed.set(value.clone());
        let q = Query { text: value, ..query.get_untracked() };
        go(paths::list(&q, 1), true);
    };
    let toggle = move |tag: String| {
        let mut q = query.get_untracked();
        if let Some(i) = q.tags.iter().position(|t| *t == tag) {
            q.tags.remove(i);
        } else {
            q.tags.push(tag);
        }
        go(paths::list(&q, 1), false);
    };
    // Chosen tags that nothing carries (an old link) stay visible so they can be removed.
    // The topics offered, and how many more there are (one pass over the outcome for both).
    let topics = Memo::new(move |_| {
        let outcome = outcome.read();
        let unknown = outcome.unknown_tags.iter().map(|t| Facet { tag: t.as_str().into(), count: 0, chosen: true });
        let (shown, left_out) = outcome.shown_facets(TOPICS_SHOWN);
        (shown.into_iter().cloned().chain(unknown).collect::<Vec<_>>(), left_out)
    });
    let facets = Memo::new(move |_| topics.read().0.clone());
    let left_out = Memo::new(move |_| topics.read().1);
    // The first view shows the first topics at once and the rest a slice per task (hundreds of
    // buttons in one task blocked WebKitGTK for up to 250 ms); later searches show all at once.
    // Published (rendered natively): every topic at once.
    let revealed = RwSignal::new(if crate::app::IN_BROWSER { TOPICS_AT_ONCE } else { usize::MAX });
    if crate::app::IN_BROWSER {
        leptos::task::spawn_local(async move {
            // Ends when every topic is shown or the view is gone (the signal disposed).
            while revealed.try_get_untracked().is_some_and(|n| n < facets.with_untracked(Vec::len)) {
                crate::schedule::yield_to_browser().await;
                revealed.try_update(|n| *n += TOPICS_AT_ONCE);
            }
            revealed.try_set(usize::MAX);
        });
    }
    let revealing = move || (revealed.get() < facets.read().len()).then_some("true");
    // One button per tag, kept across taps: only its count, state and `disabled` change.
    let slots = move || {
        let n = revealed.get();
        facets.read().iter().take(n).enumerate().map(|(i, f)| (i, f.tag.clone())).collect::<Vec<_>>()
    };
    let facet = move |i: usize| facets.read().get(i).map(|f| (f.count, f.chosen)).unwrap_or((0, false));
    let open = RwSignal::new(false);
    view! {
        <section class="filters" aria-label="Nachrichten filtern">
            // A real search form: on the published list, before the app has taken over, Enter
            // opens the list's search address (`/?q=…`, `paths::list_query::TEXT`; the form's
            // own address is the list's), which the app then shows. (An `action` as well cost the
            // wasm 230 B.)
            <form role="search" class="search" on:submit=|ev| ev.prevent_default()>
                <label for="suche">"Nachrichten durchsuchen"</label>
                <input id="suche" name="q" type="search" autocomplete="off" enterkeyhint="search"
                    prop:value=move || typed.get() on:input=on_input
                    on:focus=move |_| leptos::task::spawn_local(search::prepare())/>
            </form>
            // On a phone the topics wait behind one button, so the first news are on the first
            // screen; on wider screens the button is hidden and the topics always shown (CSS).
            <button type="button" class="filter-toggle" aria-controls="themen"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                "Themen filtern"{move || { let n = query.read().tags.len(); (n > 0).then(|| format!(" ({n})")) }}
            </button>
            <div id="themen" class="tag-filters" class:collapsed=move || !open.get() role="group" aria-labelledby="tag-filter-label">
                <span id="tag-filter-label" class="filter-label">"Themen"</span>
                <ul aria-busy=revealing>
                    <For each=slots key=|slot| slot.clone() let:((i, tag))>
                        <li>
                            <button type="button" class="tag-toggle" aria-pressed=move || facet(i).1.to_string()
                                disabled=move || { let (count, chosen) = facet(i); count == 0 && !chosen }
                                on:click={
                                    let tag = tag.clone();
                                    move |_| toggle(tag.to_string())
                                }>
                                {tag.clone()}
                                <span class="facet-count">{move || format!(" ({})", facet(i).0)}</span>
                            </button>
                        </li>
                    </For>
                </ul>
                {move || (left_out.get() > 0).then(|| view! { <p class="topics-more">{topics_left_out(left_out.get())}</p> })}
                {move || (!query.get().is_empty() && found.get() > 0).then(|| view! {
                    <button type="button" class="button secondary clear" on:click=move |_| go(paths::list(&Query::default(), 1), false)>
                        "Alle Filter entfernen"
                    </button>
                })}
            </div>
        </section>
    }
}

/// What the full-text search says about the list's query.
#[derive(Clone, PartialEq)]
enum FullText {
    /// No text to search (the list, or tags only: the loaded index answers that at once).
    Off,
    /// Asked; the answer to an earlier query (if any) is still shown.
    Waiting(Option<Shared<Found>>),
    Found(Shared<Found>),
    /// The index could not be loaded: today's search over the loaded news stands in.
    Unavailable,
}

/// The full-text search of the list's query, for the pages shown. Each question is numbered; an
/// answer to an older one arriving late is dropped, so the newest query always wins.
fn use_full_text(query: Memo<Query>, pages: Memo<usize>) -> ReadSignal<FullText> {
    let waiting = !query.get_untracked().text.trim().is_empty();
    let (state, set_state) = signal(if waiting { FullText::Waiting(None) } else { FullText::Off });
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let q = query.get();
        let count = shown(pages.get(), usize::MAX);
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        if q.text.trim().is_empty() {
            // Only if it changes: every dependant (the list's outcome) would compute again.
            if state.with_untracked(|s| *s != FullText::Off) {
                set_state.set(FullText::Off);
            }
            return;
        }
        // What was found so far stays shown (marked busy) until the new answer arrives. Without
        // an index, today's search answers at once meanwhile (the index is asked again anyway).
        set_state.update(|s| {
            let shown = match s {
                FullText::Found(f) => Some(f.clone()),
                FullText::Waiting(f) => f.clone(),
                FullText::Unavailable => return,
                FullText::Off => None,
            };
            *s = FullText::Waiting(shown);
        });
        leptos::task::spawn_local(async move {
            let mut found = search::find(&q.text, &q.tags, q.newest, count).await;
            // An index in parts answers part by part: each answer is shown until the last.
            while asked.try_get_value() == Some(mine) {
                let complete = found.as_ref().map_or(true, |f| f.complete);
                set_state.try_set(match found {
                    Ok(found) => FullText::Found(Shared(std::sync::Arc::new(found))),
                    Err(_) => FullText::Unavailable,
                });
                if complete {
                    break;
                }
                found = search::more().await;
            }
        });
    });
    state
}

/// "Relevanz / Neueste zuerst" for a text search.
#[component]
fn SortChoice(query: Memo<Query>) -> impl IntoView {
    let choose = move |newest: bool| {
        move |_| {
            let q = Query { newest, ..query.get_untracked() };
            go(paths::list(&q, 1), true);
        }
    };
    view! {
        <div class="sort-choice" role="group" aria-label="Sortierung">
            <button type="button" class="button secondary" aria-pressed=move || (!query.read().newest).to_string()
                on:click=choose(false)>"Relevanz"</button>
            <button type="button" class="button secondary" aria-pressed=move || query.read().newest.to_string()
                on:click=choose(true)>"Neueste zuerst"</button>
        </div>
    }
}

fn focus(css: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().query_selector(css).ok().flatten() {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
