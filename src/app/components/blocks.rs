//! The article body and the one dispatch over block types (`BlockView`). What each block is
//! made of is decided in the core (`core::tree::blocks`, one function per block type); content
//! is structured data: every string is rendered as text, never as HTML.

use super::drawn::drawn;
use super::figure::Figure;
use crate::core::images::Slot;
use crate::core::model::Block;
use crate::core::tree;
use leptos::prelude::*;

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

/// The single dispatch over block types: an image is a figure, every other block is drawn from
/// its element tree (`core::tree::blocks`, decision 23). The gallery's larger view, a video's
/// consent and printing the answers need no app state: `public/boot.js` wires them (decision 21).
#[component]
pub fn BlockView(block: Block) -> impl IntoView {
    match (tree::blocks::block(&block), block) {
        (Some(nodes), _) => nodes.into_iter().map(drawn).collect_view().into_any(),
        (None, Block::Image(image)) => view! { <Figure image place=Slot::Body/> }.into_any(),
        (None, _) => ().into_any(),
    }
}
