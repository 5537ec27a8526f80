//! Route `/nachrichten/{slug}`: one article and "Weitere Nachrichten".

use crate::app::components::back::BackToList;
use crate::app::components::blocks::ArticleBody;
use crate::app::components::drawn::drawn;
use crate::app::components::figure::Figure;
use crate::app::components::share::ShareButton;
use crate::app::components::states::{Failure, InlineFailure, Loading, NotFound};
use crate::app::components::teaser::{TeaserList, TeaserStyle};
use crate::app::fetch;
use crate::app::hooks::head::{use_meta, use_title};
use crate::app::hooks::language::use_document_language;
use crate::app::hooks::navigation::focus_heading_if_navigated;
use crate::app::hooks::takeover::release_when;
use crate::app::hooks::use_store;
use crate::app::loader::Loader;
use crate::app::offline::{stored_copy_note, use_connection};
use crate::app::router::use_location;
use crate::core::date::{german_date, german_date_time};
use crate::core::error::LoadError;
use crate::core::images::Slot;
use crate::core::listing::{related, RELATED_LIMIT};
use crate::core::load_state::LoadState;
use crate::core::model::{Article, Slug, Teaser};
use crate::core::paths::{self, Page};
use crate::core::text::reading_minutes;
use crate::core::tidy::{direction, shown_headline};
use crate::core::tree;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let path = use_location().path;
    // The slug as written in the address; while the view is left for another page, the last.
    let slug = Memo::new(move |last: Option<&String>| match Page::article_slug(&path.read()) {
        Some(raw) => js_sys::decode_uri_component(raw).ok().and_then(|s| s.as_string()).unwrap_or_default(),
        None => last.cloned().unwrap_or_default(),
    });
    let article = Loader::new();
    let load = move || {
        let raw = slug.get_untracked();
        article.start(move |abort| async move {
            match Slug::parse(&raw) {
                Some(slug) => fetch::fetch_article(&slug, abort).await,
                None => Err(LoadError::NotFound),
            }
        })
    };
    // Another article in the same view: the request for the one left is aborted. Back online, a
    // stored copy or a failure is replaced by the network's article.
    let connection = use_connection();
    Effect::new(move |seen: Option<u32>| {
        slug.track();
        let returns = connection.map(|c| c.returns()).unwrap_or(0);
        let back_online = seen.is_some_and(|n| n != returns);
        let stale = || {
            article.failed_untracked()
                || Slug::parse(&slug.get_untracked())
                    .is_some_and(|s| fetch::stored_at(&fetch::article_url(&s)).is_some())
        };
        if !back_online || stale() {
            load();
        }
        returns
    });
    // A published page shows the article until the app's view has it and its related news.
    let store = use_store();
    release_when(move || !article.is_loading() && !store.catalog().is_loading());
    let retry = Callback::new(move |_| load());
    let cancel = Callback::new(move |_| article.cancel());
    // Opened from the list, the index already has the article's head: it is shown at once and
    // the body follows into the space below it (nothing above it moves when it arrives).
    let listed = move || {
        let slug = slug.get();
        store.catalog().ready().and_then(|c| c.items.iter().find(|t| t.slug.as_str() == slug).cloned())
    };
    let shown = Memo::new(move |_| match article.get() {
        LoadState::Ready(a) => Shown::Article(Arc::new(a.teaser.clone())),
        LoadState::Loading => listed().map_or(Shown::Loading, Shown::Article),
        LoadState::Failed(LoadError::NotFound) => Shown::NotFound,
        LoadState::Failed(error) => Shown::Failed(error),
    });
    move || match shown.get() {
        Shown::Loading => view! { <Loading label="Der Beitrag wird geladen …" on_cancel=cancel/> }.into_any(),
        Shown::Article(teaser) => view! {
            <ArticleView teaser article cancel/>
            {move || article.ready().map(|article| view! { <RelatedNews article/> })}
        }
        .into_any(),
        Shown::NotFound => view! { <NotFound/> }.into_any(),
        Shown::Failed(error) => {
            use_title(|| "Fehler".to_owned());
            view! { <Failure error what="Der Beitrag" retry/> }.into_any()
        }
    }
}

/// What the article page shows; the article's view stays while its head stays the same.
#[derive(Clone, PartialEq)]
enum Shown {
    Loading,
    /// The head known so far: the index's entry while the article loads, then the article's own.
    Article(Arc<Teaser>),
    NotFound,
    Failed(LoadError),
}

/// An article: its head from `teaser` at once, the rest once `article` has loaded. The
/// published entry page is this view, rendered natively (publish::views).
#[component]
pub fn ArticleView(teaser: Arc<Teaser>, article: Loader<Arc<Article>>, cancel: Callback<()>) -> impl IntoView {
    let t = &*teaser;
    focus_heading_if_navigated();
    let language = Memo::new(move |_| article.ready().map_or("de".to_owned(), |a| a.language().to_owned()));
    use_document_language(language.into());
    let headline = shown_headline(&t.headline).to_owned();
    use_title({
        let headline = headline.clone();
        move || headline.clone()
    });
    if let Some(lead) = &t.lead {
        use_meta("description", lead.clone());
    }
    view! {
        <BackToList/>
        <article class="article" lang=move || language.get() dir=move || direction(&language.get())>
            <header class="article-header">
                {t.kicker.clone().map(|k| view! { <p class="kicker">{k}</p> })}
                <h1 tabindex="-1" dir="auto">{headline.clone()}</h1>
                <p class="article-date">
                    <time datetime=t.published.to_rfc3339()>{german_date(&t.published)}</time>
                    {move || article.ready().map(|a| {
                        let minutes = reading_minutes(a.word_count());
                        view! { <span class="reading-time">{format!(" · Lesezeit {minutes} {}", if minutes == 1 { "Minute" } else { "Minuten" })}</span> }
                    })}
                </p>
                {t.lead.clone().map(|l| view! { <p class="lead" dir="auto">{l}</p> })}
                {t.image.clone().map(|image| view! { <Figure image place=Slot::Lead/> })}
            </header>
            {move || match article.ready() {
                None => view! { <Loading label="Der Beitrag wird geladen …" on_cancel=cancel/> }.into_any(),
                Some(a) => view! { <ArticleRest article=a/> }.into_any(),
            }}
        </article>
    }
}

fn keywords(a: &Article) -> Option<String> {
    (!a.keywords.is_empty()).then(|| a.keywords.join(", "))
}

/// What only the loaded article has: when it was updated, whether it is a stored copy, the body,
/// topics, keywords and sharing.
#[component]
fn ArticleRest(article: Arc<Article>) -> impl IntoView {
    let a = &*article;
    let tags = a.teaser.tags.clone();
    let stored = fetch::stored_at(&fetch::article_url(&a.teaser.slug));
    // Judged when shown: in the browser now, in the published page when it was published.
    let outdated = use_context::<crate::app::hooks::site::OutdatedAfter>()
        .and_then(|o| o.0)
        .and_then(|days| crate::core::date::outdated_note(&a.teaser.published, crate::app::now_ms(), days));
    if let Some(keywords) = keywords(a) {
        use_meta("keywords", keywords);
    }
    view! {
        {tree::blocks::corrections(a).map(drawn)}
        {outdated.map(|note| view! { <p class="outdated-note">{note}</p> })}
        {a.shown_update().map(|u| view! {
            <p class="article-updated">"Aktualisiert: "<time datetime=u.to_rfc3339()>{german_date_time(u)}</time></p>
        })}
        {stored.map(|when| view! { <p class="offline-note">{stored_copy_note(&when)}</p> })}
        <ArticleBody blocks=a.body.blocks.clone() omitted_note=a.body.omitted_note()/>
        {(!a.contacts.is_empty()).then(|| {
            let cards = a.contacts.iter().map(|c| drawn(tree::blocks::contact(c))).collect_view();
            view! {
                <section class="contacts" aria-labelledby="contacts-title">
                    <h2 id="contacts-title">"Kontakt für Medien"</h2>
                    {cards}
                </section>
            }
        })}
        <footer class="article-footer">
            {(!tags.is_empty()).then(|| view! {
                <nav class="tags" aria-label="Themen">
                    <ul>
                        {tags.into_iter().map(|tag| view! {
                            <li><a href=paths::tag_filter(&tag) class="tag">{tag.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
            })}
            {keywords(a).map(|k| view! { <p class="keywords"><span class="label">"Schlagworte: "</span>{k}</p> })}
            <ShareButton/>
        </footer>
    }
}

/// "Weitere Nachrichten" around `children` (the news, or their state).
#[component]
pub fn RelatedSection(children: Children) -> impl IntoView {
    view! {
        <section class="related" aria-labelledby="related-title">
            <h2 id="related-title">"Weitere Nachrichten"</h2>
            <p class="more"><a href="/">"Mehr Nachrichten"</a></p>
            {children()}
        </section>
    }
}

/// "Weitere Nachrichten" from the shared index.
#[component]
fn RelatedNews(article: Arc<Article>) -> impl IntoView {
    let store = use_store();
    view! {
        <RelatedSection>
            {move || match store.catalog() {
                LoadState::Loading => view! { <p class="loading-inline" role="status">"Weitere Nachrichten werden geladen …"</p> }.into_any(),
                LoadState::Failed(error) => view! {
                    <p><InlineFailure error what="Die Liste weiterer Nachrichten" retry=Callback::new(move |_| store.retry())/></p>
                }.into_any(),
                LoadState::Ready(catalog) => {
                    let items: Vec<_> = related(&article, &catalog.items, RELATED_LIMIT).into_iter().cloned().collect();
                    view! { <TeaserList items style=TeaserStyle::Compact/> }.into_any()
                }
            }}
        </RelatedSection>
    }
}
