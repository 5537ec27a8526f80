use crate::core::model::Image;
use crate::core::safe_url;
use leptos::prelude::*;

/// An image as figure with "caption · Bild: credit". An image whose source breaks the format's
/// scheme rules is not loaded; its caption and credit still show.
#[component]
pub fn Figure(image: Image, #[prop(optional)] lazy: bool) -> impl IntoView {
    let caption = image.caption_line();
    let src = safe_url::image_src(&image.src);
    if src.is_none() {
        leptos::logging::warn!("image skipped: source \"{}\" is not http(s) or relative", image.src);
    }
    view! {
        <figure class="figure">
            {src.map(|src| view! {
                <img
                    src=src
                    alt=image.alt
                    width=image.width
                    height=image.height
                    loading=lazy.then_some("lazy")
                    decoding="async"
                />
            })}
            {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
        </figure>
    }
}
