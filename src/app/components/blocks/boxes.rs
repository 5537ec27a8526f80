//! Blocks that hold blocks: the info box ("Hinweis", "Wichtig", "Auf einen Blick") and questions
//! with answers. What they hold goes through the one dispatch (`BlockView`).

use super::BlockView;
use crate::core::model::blocks::omitted_questions_note;
use crate::core::model::{Block, InfoboxKind, Question};
use leptos::prelude::*;

fn inner(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(|block| view! { <BlockView block/> }).collect_view()
}

/// A box announced as a note with what it is ("Wichtig: Sperrung der Brücke").
#[component]
pub fn Infobox(kind: InfoboxKind, title: Option<String>, blocks: Vec<Block>) -> impl IntoView {
    let label = kind.label();
    // "Auf einen Blick" titled "Auf einen Blick" says it once.
    let title = title.filter(|t| t != label);
    let name = match &title {
        Some(t) => format!("{label}: {t}"),
        None => label.to_owned(),
    };
    let class = match kind {
        InfoboxKind::Note => "infobox",
        InfoboxKind::Important => "infobox important",
        InfoboxKind::Summary => "infobox summary",
    };
    view! {
        <aside class=class role="note" aria-label=name>
            <p class="infobox-title">
                <span class="infobox-kind">{label}</span>
                {title.map(|t| view! { <strong dir="auto">{t}</strong> })}
            </p>
            {inner(blocks)}
        </aside>
    }
}

/// Questions as disclosure widgets: native `<details>`, so keyboard, screen readers and pages
/// without JavaScript open them alike.
#[component]
pub fn Faq(items: Vec<Question>, omitted: usize) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|Question { question, answer }| {
            view! {
                <details>
                    <summary dir="auto">{question}</summary>
                    <div class="answer">{inner(answer)}</div>
                </details>
            }
        })
        .collect_view();
    view! {
        <div class="faq">
            {items}
            {omitted_questions_note(omitted).map(|n| view! { <p class="body-omitted">{n}</p> })}
        </div>
    }
}
