//! A table block: a real `<table>` with `<caption>` and `<th scope>`, numbers aligned right,
//! inside a focusable region that scrolls sideways on a phone instead of widening the page.

use super::RichText;
use crate::core::model::{Table, Text};
use leptos::prelude::*;

#[component]
pub fn TableBlock(table: Table) -> impl IntoView {
    let numeric = table.numeric_columns();
    let note = table.omitted_note();
    let Table { caption, head, rows, header_column, .. } = table;
    // The region is named for keyboard and screen-reader users who reach it by Tab.
    let label = match &caption {
        Some(c) => format!("Tabelle: {c}"),
        None => "Tabelle".to_owned(),
    };
    let class = move |c: usize| numeric.get(c).copied().unwrap_or(false).then_some("num");
    let head = head
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(c, text)| view! { <th scope="col" class=class(c)><RichText text/></th> });
            view! { <tr>{cells.collect_view()}</tr> }
        })
        .collect::<Vec<_>>();
    let body = rows.into_iter().map(|row| view! { <tr>{row_cells(row, header_column, &class)}</tr> }).collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            <table>
                {caption.map(|c| view! { <caption dir="auto">{c}</caption> })}
                {(!head.is_empty()).then(|| view! { <thead>{head}</thead> })}
                <tbody>{body}</tbody>
            </table>
        </div>
        {note.map(|n| view! { <p class="body-omitted">{n}</p> })}
    }
}

fn row_cells(row: Vec<Text>, header_column: bool, class: &impl Fn(usize) -> Option<&'static str>) -> impl IntoView {
    row.into_iter()
        .enumerate()
        .map(|(c, text)| {
            if c == 0 && header_column {
                view! { <th scope="row" dir="auto"><RichText text/></th> }.into_any()
            } else {
                view! { <td dir="auto" class=class(c)><RichText text/></td> }.into_any()
            }
        })
        .collect_view()
}
