use crate::core::images::{self, Slot};
use crate::core::model::Image;
use crate::core::safe_url;
use leptos::prelude::*;

/// An image as figure with "caption · Bild: credit". An image whose source breaks the format's
/// scheme rules is not loaded; its caption and credit still show.
#[component]
pub fn Figure(image: Image, place: Slot) -> impl IntoView {
    let caption = image.caption_line();
    view! {
        <figure class="figure">
            <Picture image place/>
            {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
        </figure>
    }
}

/// The `<img>` of an image in `place`: its widths (`srcset`, `sizes`), its size reserved (on the
/// surface colour while it loads: the average colour would cost the first view bytes, measured),
/// and loaded first only where it is the page's largest paint.
#[component]
pub fn Picture(image: Image, place: Slot, #[prop(optional)] eager: bool) -> impl IntoView {
    let Some(src) = safe_url::image_src(&image.src) else {
        if crate::app::IN_BROWSER {
            leptos::logging::warn!("image skipped: source \"{}\" is not http(s) or relative", image.src);
        }
        return None;
    };
    let srcset = images::srcset(&image);
    let sizes = srcset.as_ref().map(|_| place.sizes());
    let first = eager || place.eager();
    Some(view! {
        <img
            src=src
            srcset=srcset
            sizes=sizes
            alt=image.alt
            width=image.width
            height=image.height
            loading=(!first).then_some("lazy")
            fetchpriority=place.eager().then_some("high")
            decoding="async"
        />
    })
}
