//! Pages from the app's own `index.html` (same scripts, same CSP, no inline script or style): the
//! head gets the page's title, description, canonical URL, Open Graph, Twitter card, JSON-LD and
//! alternate links; the body gets the content as HTML before the app's own elements. When the
//! app starts, it replaces that content with its own view (src/app/mod.rs).

use super::html::{escape, Html};
use crate::core::site::{meta as site_meta, Site};
use serde::Serialize;

/// The marker that says a page was made by the publish step (so a template is never a
/// published page, and a fresh Trunk build is recognised).
pub const MARKER: &str = "<meta name=\"generator\" content=\"newsroom-publish\">";

/// What a page's head says about it.
pub struct Head {
    pub lang: String,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// Further tags: Open Graph, Twitter, alternates, JSON-LD (already escaped markup).
    pub extra: Html,
}

/// `<meta property|name=… content=…>`.
pub fn meta(h: &mut Html, key: &'static str, name: &str, content: &str) {
    h.open("meta", &[(key, Some(name)), ("content", Some(content))]).newline();
}

/// `<link rel=alternate type=… href=… title=…>`.
pub fn alternate(h: &mut Html, kind: &str, href: &str, title: &str) {
    h.open("link", &[("rel", Some("alternate")), ("type", Some(kind)), ("href", Some(href)), ("title", Some(title))]);
    h.newline();
}

/// A JSON-LD block. serde writes the JSON; `<`, `>` and `&` (which JSON only has inside strings)
/// are written as `\u003c` etc., so no headline can end the script element or open a comment.
pub fn json_ld(h: &mut Html, value: &impl Serialize) -> Result<(), serde_json::Error> {
    let json = serde_json::to_string(value)?.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    // Noncharacters are not allowed in an HTML document (serde keeps them as they are).
    let json: String = json.chars().map(|c| if crate::core::html::noncharacter(c) { '\u{FFFD}' } else { c }).collect();
    let mut block = Html::new();
    block.open("script", &[("type", Some("application/ld+json"))]);
    let mut markup = block.finish();
    markup.push_str(&json);
    markup.push_str("</script>\n");
    h.append(Html::from_trusted(markup));
    Ok(())
}

/// How the app takes over a page's prerendered content.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Takeover {
    /// The content is what the app will show (an article, the list): it stays until the app's
    /// view is ready, so the reader sees no change (`#prerendered`, src/app/hooks/takeover.rs).
    WhenReady,
    /// The content is for readers without JavaScript only (the 404 page): the app removes it
    /// when it starts (`#static-page`).
    AtStart,
}

/// The template with `head` and `body` filled in. `None` when the template lacks what the
/// publish step needs (an `index.html` that is not the app's).
pub fn render(template: &str, site: &Site, head: &Head, body: &str, takeover: Takeover) -> Option<String> {
    let mut page = template.to_owned();
    // <html lang>
    let html_at = page.find("<html")?;
    let html_end = html_at + page[html_at..].find('>')?;
    page.replace_range(html_at..=html_end, &format!("<html lang=\"{}\">", escape(&head.lang)));
    // <title>
    let t0 = page.find("<title>")?;
    let t1 = t0 + page[t0..].find("</title>")? + "</title>".len();
    page.replace_range(t0..t1, &format!("<title>{}</title>", escape(&head.title)));
    // The template's generic description goes; ours follows.
    if let Some(d0) = page.find("<meta name=\"description\"") {
        let d1 = d0 + page[d0..].find('>')? + 1;
        page.replace_range(d0..d1, "");
    }
    let mut tags = Html::new();
    tags.newline();
    meta(&mut tags, "name", "description", &head.description);
    tags.open("link", &[("rel", Some("canonical")), ("href", Some(&head.canonical))]).newline();
    tags.append(site_metas(site));
    let mut tags = tags.finish();
    tags.push_str(MARKER);
    tags.push('\n');
    let head_end = page.find("</head>")?;
    page.insert_str(head_end, &format!("{tags}{}", head.extra.as_str()));
    // The "switch JavaScript on" note is wrong on a page that can be read without it.
    let body_at = page.find("<body")?;
    if let Some(n0) = page[body_at..].find("<noscript>").map(|i| i + body_at) {
        let n1 = n0 + page[n0..].find("</noscript>")? + "</noscript>".len();
        page.replace_range(n0..n1, "");
    }
    // The "cannot start" note names the newsroom in an h1; the page already has its own.
    if let Some(f) = page.find("id=\"app-fallback\"") {
        if let Some(h0) = page[f..].find("<h1>").map(|i| i + f) {
            let h1 = h0 + page[h0..].find("</h1>")?;
            page.replace_range(h1..h1 + 5, "</h2>");
            page.replace_range(h0..h0 + 4, "<h2>");
        }
    }
    let body_open = body_at + page[body_at..].find('>')? + 1;
    let id = if takeover == Takeover::WhenReady { "prerendered" } else { "static-page" };
    page.insert_str(body_open, &format!("\n<div id=\"{id}\">\n{body}\n</div>"));
    Some(page)
}

/// What the app reads from the page at start (src/app/hooks/site.rs): the site's name, its legal
/// links and its contact, as `<meta name>` elements (text in attributes, escaped; never markup).
pub fn site_metas(site: &Site) -> Html {
    let mut h = Html::new();
    meta(&mut h, "name", site_meta::NAME, &site.name);
    let links = [
        (site_meta::IMPRESSUM, site.impressum.as_deref()),
        (site_meta::DATENSCHUTZ, site.datenschutz.as_deref()),
        (site_meta::EMAIL, site.contact.email.as_deref()),
        (site_meta::PHONE, site.contact.phone.as_deref()),
    ];
    for (name, value) in links {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            meta(&mut h, "name", name, value);
        }
    }
    if let Some(days) = site.outdated_after_days {
        meta(&mut h, "name", site_meta::OUTDATED_AFTER_DAYS, &days.to_string());
    }
    h
}
