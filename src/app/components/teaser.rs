use super::figure::Picture;
use crate::app::offline::use_connection;
use crate::core::date::german_date;
use crate::core::images::Slot;
use crate::core::model::Teaser;
use crate::core::tidy::shown_headline;
use crate::core::{paths, safe_url};
use leptos::prelude::*;
use std::sync::Arc;

/// How a teaser list presents each entry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TeaserStyle {
    /// The newsroom list: kicker and lead too; headlines are h2 under the page's h1.
    Full,
    /// "Weitere Nachrichten": date, headline, image; headlines are h3 under that section's h2.
    Compact,
}

/// A real list of teasers.
#[component]
pub fn TeaserList(items: Vec<Arc<Teaser>>, style: TeaserStyle) -> impl IntoView {
    view! {
        <ul class="teasers" class:compact=style == TeaserStyle::Compact>
            {items.into_iter().map(|teaser| view! { <TeaserItem teaser style/> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn TeaserItem(
    teaser: Arc<Teaser>,
    style: TeaserStyle,
    /// A full-text search's excerpt, [text, found words, text, …]: shown instead of the lead,
    /// the found words highlighted, every part a text node.
    #[prop(default = None)]
    excerpt: Option<Arc<[String]>>,
    /// At the top of the list (on the first screen): its photo is not loaded lazily.
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let href = paths::article(&teaser.slug);
    let slug = teaser.slug.to_string();
    let connection = use_connection();
    let unavailable = move || {
        connection
            .is_some_and(|c| c.unavailable(&slug))
            .then(|| view! { <p class="offline-mark">"Offline nicht verfügbar"</p> })
    };
    let date = german_date(&teaser.published);
    let datetime = teaser.published.to_rfc3339();
    let full = style == TeaserStyle::Full;
    let link = view! { <a href=href class="teaser-link" dir="auto">{shown_headline(&teaser.headline).to_owned()}</a> };
    let headline = if full {
        view! { <h2 class="teaser-headline">{link}</h2> }.into_any()
    } else {
        view! { <h3 class="teaser-headline">{link}</h3> }.into_any()
    };
    let image = teaser.image.as_ref().and_then(|image| {
        safe_url::image_src(&image.src)?;
        let credit = image.credit_line();
        Some(view! {
            <div class="teaser-image">
                <Picture image=image.clone() place=Slot::Teaser eager/>
                {credit.map(|c| view! { <small class="credit">{c}</small> })}
            </div>
        })
    });
    view! {
        <li class="teaser">
            <article>
                {full.then(|| teaser.kicker.clone().map(|k| view! { <p class="kicker">{k}</p> }))}
                {headline}
                <p class="teaser-date"><time datetime=datetime>{date}</time></p>
                {unavailable}
                {full.then(|| teaser.lead.clone().map(|l| view! { <p class="teaser-lead" dir="auto">{l}</p> }))}
                {excerpt.map(|parts| view! {
                    <p class="teaser-lead excerpt" dir="auto">
                        {parts.iter().enumerate().map(|(i, part)| {
                            let part = part.clone();
                            if i % 2 == 1 { view! { <mark>{part}</mark> }.into_any() } else { part.into_any() }
                        }).collect_view()}
                    </p>
                })}
                {image}
            </article>
        </li>
    }
}
