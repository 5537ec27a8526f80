//! An article as semantic HTML, for readers without JavaScript, crawlers and reader modes: the
//! same structure and class names as the app's components (src/app/components/), one function
//! per block type and one dispatch (`block`), built with the escaping writer.

use super::html::Html;
use crate::core::date::{german_date, german_date_time};
use crate::core::images::{self, Slot, EAGER_TEASERS};
use crate::core::model::{Article, Block, HeadingLevel, Image, Run, Teaser, Text};
use crate::core::paths;
use crate::core::safe_url;
use crate::core::text::reading_minutes;
use crate::core::tidy::{direction, shown_headline};
use std::sync::Arc;

/// `<article class="article">…</article>` with every block, tags and keywords.
pub fn article(a: &Article) -> Html {
    let t = &a.teaser;
    let lang = a.language();
    let mut h = Html::new();
    h.open("article", &[("class", Some("article")), ("lang", Some(lang)), ("dir", Some(direction(lang)))]);
    h.open("header", &[("class", Some("article-header"))]);
    if let Some(kicker) = &t.kicker {
        h.element("p", &[("class", Some("kicker"))], kicker);
    }
    h.element("h1", &[("tabindex", Some("-1")), ("dir", Some("auto"))], shown_headline(&t.headline));
    let minutes = reading_minutes(a.word_count());
    h.open("p", &[("class", Some("article-date"))]);
    h.element("time", &[("datetime", Some(&t.published.to_rfc3339()))], &german_date(&t.published));
    let unit = if minutes == 1 { "Minute" } else { "Minuten" };
    h.element("span", &[("class", Some("reading-time"))], &format!(" · Lesezeit {minutes} {unit}"));
    h.close("p");
    if let Some(lead) = &t.lead {
        h.element("p", &[("class", Some("lead")), ("dir", Some("auto"))], lead);
    }
    if let Some(image) = &t.image {
        figure(&mut h, image, Slot::Lead);
    }
    h.close("header").newline();
    // Below the head, as in the app: the head is what the list already knows (app: ArticleView).
    if let Some(u) = a.shown_update() {
        h.open("p", &[("class", Some("article-updated"))]).text("Aktualisiert: ");
        h.element("time", &[("datetime", Some(&u.to_rfc3339()))], &german_date_time(u)).close("p");
    }
    h.append(body(&a.body.blocks, a.body.omitted_note().as_deref()));
    h.open("footer", &[("class", Some("article-footer"))]);
    if !t.tags.is_empty() {
        h.open("nav", &[("class", Some("tags")), ("aria-label", Some("Themen"))]).open("ul", &[]);
        for tag in &t.tags {
            h.open("li", &[]).element("a", &[("href", Some(&paths::tag_filter(tag))), ("class", Some("tag"))], tag);
            h.close("li");
        }
        h.close("ul").close("nav");
    }
    if !a.keywords.is_empty() {
        h.open("p", &[("class", Some("keywords"))]);
        h.element("span", &[("class", Some("label"))], "Schlagworte: ").text(&a.keywords.join(", "));
        h.close("p");
    }
    // The app's share control (it works once the app has taken over; noscript.css hides it).
    h.open("p", &[("class", Some("share"))]);
    h.element("button", &[("type", Some("button")), ("class", Some("button secondary"))], "Teilen");
    h.element("span", &[("class", Some("share-message")), ("role", Some("status"))], "").close("p");
    h.close("footer").close("article");
    h
}

/// `<div class="article-body">` with every block (and the note on blocks left out), as the app's
/// `ArticleBody`.
pub fn body(blocks: &[Block], omitted_note: Option<&str>) -> Html {
    let mut h = Html::new();
    h.open("div", &[("class", Some("article-body"))]);
    for b in blocks {
        block(&mut h, b);
        h.newline();
    }
    if let Some(note) = omitted_note {
        h.element("p", &[("class", Some("body-omitted"))], note);
    }
    h.close("div");
    h
}

/// The single dispatch over block types.
fn block(h: &mut Html, b: &Block) {
    match b {
        Block::Paragraph { text } => paragraph(h, text),
        Block::Heading { text, level } => heading(h, text, level.unwrap_or_default()),
        Block::List { ordered, items } => list(h, *ordered, items),
        Block::Quote { text, cite } => quote(h, text, cite.as_deref()),
        Block::Link { href, label, hreflang } => {
            h.open("p", &[("class", Some("link-block"))]);
            link(h, href, label, hreflang.as_deref());
            h.close("p");
        }
        Block::Image(image) => figure(h, image, Slot::Body),
    }
}

fn paragraph(h: &mut Html, text: &Text) {
    h.open("p", &[("dir", Some("auto"))]);
    rich_text(h, text);
    h.close("p");
}

fn heading(h: &mut Html, text: &str, level: HeadingLevel) {
    let name = if level == HeadingLevel::H3 { "h3" } else { "h2" };
    h.element(name, &[("dir", Some("auto"))], text);
}

fn list(h: &mut Html, ordered: bool, items: &[Text]) {
    let name = if ordered { "ol" } else { "ul" };
    h.open(name, &[]);
    for item in items {
        h.open("li", &[("dir", Some("auto"))]);
        rich_text(h, item);
        h.close("li");
    }
    h.close(name);
}

fn quote(h: &mut Html, text: &str, cite: Option<&str>) {
    h.open("figure", &[("class", Some("quote"))]).open("blockquote", &[]);
    h.element("p", &[("dir", Some("auto"))], text).close("blockquote");
    if let Some(cite) = cite {
        h.element("figcaption", &[], cite);
    }
    h.close("figure");
}

/// An image with "caption · Bild: credit"; a source outside the rules is not used.
pub fn figure(h: &mut Html, image: &Image, place: Slot) {
    h.open("figure", &[("class", Some("figure"))]);
    picture(h, image, place, false);
    if let Some(caption) = image.caption_line() {
        h.element("figcaption", &[], &caption);
    }
    h.close("figure");
}

/// The `<img>` of an image in `place`, as the app's `Picture` writes it (`core::images`).
fn picture(h: &mut Html, image: &Image, place: Slot, eager: bool) {
    let Some(src) = safe_url::image_src(&image.src) else { return };
    let (w, ht) = (image.width.map(|w| w.to_string()), image.height.map(|v| v.to_string()));
    let srcset = images::srcset(image);
    let first = eager || place.eager();
    h.open(
        "img",
        &[
            ("src", Some(&src)),
            ("srcset", srcset.as_deref()),
            ("sizes", srcset.as_ref().map(|_| place.sizes())),
            ("alt", Some(&image.alt)),
            ("width", w.as_deref()),
            ("height", ht.as_deref()),
            ("loading", (!first).then_some("lazy")),
            ("fetchpriority", place.eager().then_some("high")),
            ("decoding", Some("async")),
        ],
    );
}

fn rich_text(h: &mut Html, text: &Text) {
    match text {
        Text::Plain(s) => {
            h.text(s);
        }
        Text::Runs(runs) => runs.iter().for_each(|r| run(h, r)),
    }
}

fn run(h: &mut Html, r: &Run) {
    if r.strong {
        h.open("strong", &[]);
    }
    if r.em {
        h.open("em", &[]);
    }
    match &r.href {
        Some(href) => link(h, href, &r.text, None),
        None => {
            h.text(&r.text);
        }
    }
    if r.em {
        h.close("em");
    }
    if r.strong {
        h.close("strong");
    }
}

/// A link within the format's scheme rules; anything else is plain text (as in the app).
fn link(h: &mut Html, href: &str, label: &str, hreflang: Option<&str>) {
    let label = if label.trim().is_empty() { href.trim() } else { label };
    match safe_url::link_href(href) {
        Some(href) if safe_url::is_external(&href) => {
            let attrs = [
                ("href", Some(href.as_str())),
                ("class", Some("external")),
                ("rel", Some("noopener noreferrer")),
                ("hreflang", hreflang),
            ];
            h.open("a", &attrs).text(label);
            h.element("span", &[("class", Some("external-mark")), ("aria-hidden", Some("true"))], "\u{a0}↗");
            h.element("span", &[("class", Some("visually-hidden"))], " (externer Link)").close("a");
        }
        Some(href) => {
            h.element("a", &[("href", Some(&href)), ("hreflang", hreflang)], label);
        }
        None => {
            h.element("span", &[("class", Some("unlinked"))], label);
        }
    }
}

/// A list of teasers as links (the list page, "Weitere Nachrichten").
pub fn teasers(items: &[&Arc<Teaser>], full: bool) -> Html {
    let mut h = Html::new();
    h.open("ul", &[("class", Some(if full { "teasers" } else { "teasers compact" }))]);
    for (position, t) in items.iter().enumerate() {
        h.open("li", &[("class", Some("teaser"))]).open("article", &[]);
        if let (true, Some(kicker)) = (full, &t.kicker) {
            h.element("p", &[("class", Some("kicker"))], kicker);
        }
        let heading = if full { "h2" } else { "h3" };
        h.open(heading, &[("class", Some("teaser-headline"))]);
        h.element(
            "a",
            &[("href", Some(&paths::article(&t.slug))), ("class", Some("teaser-link")), ("dir", Some("auto"))],
            shown_headline(&t.headline),
        );
        h.close(heading);
        h.open("p", &[("class", Some("teaser-date"))]);
        h.element("time", &[("datetime", Some(&t.published.to_rfc3339()))], &german_date(&t.published)).close("p");
        if let (true, Some(lead)) = (full, &t.lead) {
            h.element("p", &[("class", Some("teaser-lead")), ("dir", Some("auto"))], lead);
        }
        if let Some(image) = t.image.as_ref().filter(|i| safe_url::image_src(&i.src).is_some()) {
            h.open("div", &[("class", Some("teaser-image"))]);
            picture(&mut h, image, Slot::Teaser, full && position < EAGER_TEASERS);
            if let Some(credit) = image.credit_line() {
                h.element("small", &[("class", Some("credit"))], &credit);
            }
            h.close("div");
        }
        h.close("article").close("li").newline();
    }
    h.close("ul");
    h
}
