//! One component per block type and one dispatch (`BlockView`). Content is structured data:
//! every string is rendered as text, never as HTML.

mod boxes;
pub mod contact;
mod table;

use super::figure::Figure;
use crate::core::images::Slot;
use crate::core::model::{Block, HeadingLevel, Run, Text};
use crate::core::safe_url;
use boxes::{Faq, Infobox};
use contact::{ContactCard, Downloads};
use leptos::prelude::*;
use table::TableBlock;

/// Blocks rendered in one task. A longer body (thousands of blocks) follows a slice at a time,
/// with the browser free to paint and answer between slices.
const BLOCKS_AT_ONCE: usize = 200;

/// The whole article body: the first blocks at once, the rest in slices (`aria-busy` meanwhile),
/// and the note if the body had more blocks than are shown.
#[component]
pub fn ArticleBody(blocks: Vec<Block>, #[prop(default = None)] omitted_note: Option<String>) -> impl IntoView {
    let slices = blocks.len().div_ceil(BLOCKS_AT_ONCE);
    let blocks = StoredValue::new(blocks);
    // Published (rendered natively): every block at once.
    let shown = RwSignal::new(if crate::app::IN_BROWSER { slices.min(1) } else { slices });
    if shown.get_untracked() < slices {
        leptos::task::spawn_local(async move {
            // Ends when every slice is shown or the view is gone (the signal disposed).
            while shown.try_get_untracked().is_some_and(|n| n < slices) {
                crate::schedule::yield_to_browser().await;
                shown.try_update(|n| *n += 1);
            }
        });
    }
    let slice = move |i: usize| {
        blocks.with_value(|b| {
            let part = &b[i * BLOCKS_AT_ONCE..b.len().min((i + 1) * BLOCKS_AT_ONCE)];
            part.iter().cloned().map(|block| view! { <BlockView block/> }).collect_view()
        })
    };
    // Each slice appears once (its memo turns true once), without a keyed list: small in the wasm.
    let parts = (0..slices)
        .map(|i| {
            let visible = Memo::new(move |_| shown.get() > i);
            move || visible.get().then(|| slice(i))
        })
        .collect_view();
    view! {
        <div class="article-body" aria-busy=move || (shown.get() < slices).then_some("true")>
            {parts}
            {omitted_note.map(|note| view! { <p class="body-omitted">{note}</p> })}
        </div>
    }
}

/// The single dispatch over block types.
#[component]
pub fn BlockView(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph { text } => view! { <Paragraph text/> }.into_any(),
        Block::Heading { text, level } => view! { <Heading text level=level.unwrap_or_default()/> }.into_any(),
        Block::List { ordered, items } => view! { <ListBlock ordered items/> }.into_any(),
        Block::Quote { text, cite } => view! { <Quote text cite/> }.into_any(),
        Block::Link { href, label, hreflang } => view! { <LinkBlock href label hreflang/> }.into_any(),
        Block::Image(image) => view! { <Figure image place=Slot::Body/> }.into_any(),
        Block::Table(table) => view! { <TableBlock table/> }.into_any(),
        Block::Infobox { kind, title, blocks } => view! { <Infobox kind title blocks/> }.into_any(),
        Block::Faq { items, omitted } => view! { <Faq items omitted/> }.into_any(),
        Block::Downloads { title, files } => view! { <Downloads title files/> }.into_any(),
        Block::Contact(contact) => view! { <ContactCard contact/> }.into_any(),
    }
}

#[component]
pub fn Paragraph(text: Text) -> impl IntoView {
    view! { <p dir="auto"><RichText text/></p> }
}

#[component]
pub fn Heading(text: String, level: HeadingLevel) -> impl IntoView {
    match level {
        HeadingLevel::H2 => view! { <h2 dir="auto">{text}</h2> }.into_any(),
        HeadingLevel::H3 => view! { <h3 dir="auto">{text}</h3> }.into_any(),
    }
}

#[component]
pub fn ListBlock(ordered: bool, items: Vec<Text>) -> impl IntoView {
    let items =
        move || items.clone().into_iter().map(|text| view! { <li dir="auto"><RichText text/></li> }).collect_view();
    if ordered {
        view! { <ol>{items()}</ol> }.into_any()
    } else {
        view! { <ul>{items()}</ul> }.into_any()
    }
}

#[component]
pub fn Quote(text: String, cite: Option<String>) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote><p dir="auto">{text}</p></blockquote>
            {cite.map(|c| view! { <figcaption>{c}</figcaption> })}
        </figure>
    }
}

/// A stand-alone link line, as under the reference article ("zur Seite des Eurocities-Netzwerkes").
#[component]
pub fn LinkBlock(href: String, label: String, hreflang: Option<String>) -> impl IntoView {
    view! { <p class="link-block"><SafeLink href label hreflang/></p> }
}

/// A link that follows the format's scheme rules; anything else becomes plain text.
#[component]
pub fn SafeLink(href: String, label: String, #[prop(default = None)] hreflang: Option<String>) -> impl IntoView {
    // A link needs a name: without a label, its address is the label.
    let label = if label.trim().is_empty() { href.trim().to_owned() } else { label };
    match safe_url::link_href(&href) {
        Some(href) if safe_url::is_external(&href) => view! {
            <a href=href class="external" rel="noopener noreferrer" hreflang=hreflang>
                // The mark sticks to the last word (no-break space): it never wraps alone or drifts.
                {label}<span class="external-mark" aria-hidden="true">"\u{a0}↗"</span>
                <span class="visually-hidden">" (externer Link)"</span>
            </a>
        }
        .into_any(),
        Some(href) => view! { <a href=href hreflang=hreflang>{label}</a> }.into_any(),
        None => {
            // For the newsroom's developers in the console; the publish step tells editors itself.
            if crate::app::IN_BROWSER {
                leptos::logging::warn!("link rendered as text: scheme of \"{href}\" is not allowed");
            }
            view! { <span class="unlinked">{label}</span> }.into_any()
        }
    }
}

/// Text as a string or as runs with link, strong and em.
#[component]
pub fn RichText(text: Text) -> impl IntoView {
    match text {
        Text::Plain(s) => s.into_any(),
        Text::Runs(runs) => runs.into_iter().map(run_view).collect_view().into_any(),
    }
}

fn run_view(run: Run) -> AnyView {
    let Run { text, href, strong, em } = run;
    let inner = match href {
        Some(href) => view! { <SafeLink href label=text/> }.into_any(),
        None => text.into_any(),
    };
    let inner = if em { view! { <em>{inner}</em> }.into_any() } else { inner };
    if strong {
        view! { <strong>{inner}</strong> }.into_any()
    } else {
        inner
    }
}
