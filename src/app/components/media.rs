//! The blocks that answer the reader: a gallery opens its larger view, a platform's video plays
//! after the reader agrees. What they draw is decided in the core (`core::tree::media`); these
//! components only keep which image is open and whether the video may play.

use super::drawn::drawn;
use crate::core::model::blocks::{Video, VideoSource};
use crate::core::model::Image;
use crate::core::tree::media;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The closest element to a click's target matching `selector`, inside the component.
fn clicked(ev: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// A grid of thumbnails; a plain click on one opens the larger view, a modal `<dialog>` (the
/// page behind is inert) made on the first open. Arrow keys and the buttons go to the previous
/// and next image; Esc, "Schließen" and a click beside the picture close it, and focus returns
/// to the thumbnail of the image last shown. One handler per event for all of it, and the
/// picture changed in place: each typed view and handler costs every reader's download
/// (decision 23).
#[component]
pub fn Gallery(caption: Option<String>, images: Vec<Image>, omitted: usize) -> impl IntoView {
    let grid = media::gallery(caption.as_deref(), &images, omitted);
    let name = caption.map_or_else(|| "Bildergalerie".to_owned(), |c| format!("Bildergalerie: {c}"));
    let images = StoredValue::new(images);
    let made = RwSignal::new(false);
    let shown = StoredValue::new(0usize);
    let root = NodeRef::<leptos::html::Div>::new();
    // Shows image `i` (wrapping around) in the open or opening view.
    let show = move |i: usize| {
        let Some(root) = root.get_untracked() else { return };
        let count = images.with_value(Vec::len).max(1);
        let i = i % count;
        shown.set_value(i);
        let Some(view) = images.with_value(|im| media::gallery_large(im, i)) else { return };
        let Some(picture) = view.find("img") else { return };
        if let Ok(Some(img)) = root.query_selector(".gallery-large") {
            for name in ["src", "srcset", "sizes", "alt", "width", "height"] {
                let _ = match picture.get(name) {
                    Some(v) => img.set_attribute(name, v),
                    None => img.remove_attribute(name),
                };
            }
        }
        for (selector, text) in [
            (".gallery-view figcaption", view.find("figcaption").map(|f| f.plain())),
            (".gallery-position", Some(media::position(i, count))),
        ] {
            if let Ok(Some(e)) = root.query_selector(selector) {
                e.set_text_content(text.as_deref());
            }
        }
    };
    let dialog =
        move || root.get_untracked()?.query_selector("dialog").ok()??.dyn_into::<web_sys::HtmlDialogElement>().ok();
    let close = move || {
        if let Some(d) = dialog() {
            d.close();
        }
        let thumb = root
            .get_untracked()
            .and_then(|r| r.query_selector(&format!("a[data-index=\"{}\"]", shown.get_value())).ok()?);
        if let Some(a) = thumb.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = a.focus();
        }
    };
    let click = move |ev: web_sys::MouseEvent| {
        if let Some(a) = clicked(&ev, "a[data-index]") {
            // A click that opens a new tab or window keeps its meaning.
            if ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            ev.prevent_default();
            let i = a.get_attribute("data-index").and_then(|i| i.parse().ok()).unwrap_or(0);
            shown.set_value(i);
            made.set(true);
            // Once the view is drawn (the next frame): the picture, then the dialog.
            request_animation_frame(move || {
                show(shown.get_value());
                if let Some(d) = dialog() {
                    let _ = d.show_modal();
                }
            });
        } else if let Some(step) = clicked(&ev, "[data-step]").and_then(|b| b.get_attribute("data-step")) {
            let count = images.with_value(Vec::len).max(1);
            show(shown.get_value() + if step == "1" { 1 } else { count - 1 });
        } else if clicked(&ev, ".gallery-close").is_some()
            || ev.target().is_some_and(|t| t.dyn_ref::<web_sys::HtmlDialogElement>().is_some())
        {
            close();
        }
    };
    let keys = move |ev: web_sys::KeyboardEvent| {
        if !dialog().is_some_and(|d| d.open()) {
            return;
        }
        let count = images.with_value(Vec::len).max(1);
        match ev.key().as_str() {
            "ArrowLeft" => show(shown.get_value() + count - 1),
            "ArrowRight" => show(shown.get_value() + 1),
            // Closed here rather than by the browser, so focus returns where it belongs.
            "Escape" => {
                ev.prevent_default();
                close();
            }
            _ => {}
        }
    };
    view! {
        <div class="gallery-block" node_ref=root on:click=click on:keydown=keys>
            {drawn(grid)}
            {move || made.get().then(|| images.with_value(|im| drawn(media::gallery_dialog(&name, im, 0))))}
        </div>
    }
}

/// A video. A platform's shows the consent first; "Video abspielen" puts the platform's player
/// in its place and moves focus to it.
#[component]
pub fn VideoBlock(video: Video) -> impl IntoView {
    if let VideoSource::File { .. } = video.source {
        return drawn(media::video(&video, false));
    }
    let playing = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let play = move |ev: web_sys::MouseEvent| {
        if clicked(&ev, "button.video-play").is_some() {
            playing.set(true);
            // Once the player is drawn (the next frame), the keyboard is in it.
            request_animation_frame(move || {
                let frame = root.get_untracked().and_then(|r| r.query_selector("iframe").ok().flatten());
                if let Some(f) = frame.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = f.focus();
                }
            });
        }
    };
    view! { <div class="video-block" node_ref=root on:click=play>{move || drawn(media::video(&video, playing.get()))}</div> }
        .into_any()
}
