//! The HTML pages: an entry page per article (`nachrichten/{slug}.html`), the list (`index.html`)
//! and the 404 page, with their heads; and what those heads link to: the Atom feeds and the
//! oEmbed documents.

use super::feed::{self, Feed};
use super::html::Html;
use super::media::Photos;
use super::page::{self, alternate, meta, Head, Takeover};
use super::site::Site;
use super::source::Source;
use super::urls::Urls;
use super::views;
use super::{Fatal, Outputs};
use crate::core::html::{iframe, FrameSize};
use crate::core::listing::{RelatedIndex, RELATED_LIMIT};
use crate::core::model::{Article, Block, Contact, Teaser};
use crate::core::statement;
use crate::core::text;
use crate::core::tidy::shown_headline;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// How many news the list page shows as links: the app's first page, so the app takes the page
/// over without a change.
pub const LIST_PAGE_ITEMS: usize = crate::core::catalog::PAGE_SIZE;

/// oEmbed's frame size: one article's card (a 16:9 image, the headline and the date).
const EMBED_SIZE: (u32, u32) = (600, 480);

/// The app's web app manifest (icons, colours, scope), given the site's name at publish time.
const MANIFEST: &str = include_str!("../../public/manifest.webmanifest");

/// `manifest.webmanifest` with the site's name, short name, description and language; the rest
/// (icons, colours, scope) as the app has it.
pub fn manifest(site: &Site) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(MANIFEST).unwrap_or_else(|_| json!({}));
    doc["name"] = json!(format!("{} – Nachrichten aus der Stadt", site.name));
    doc["short_name"] = json!(site.name);
    doc["description"] = json!(site.description);
    doc["lang"] = json!(site.language);
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Every page, its oEmbed document and every feed, each by its own function below.
pub fn write(
    out: &mut Outputs,
    sources: &[Source],
    site: &Site,
    urls: &Urls,
    template: &str,
    photos: &Photos,
) -> Result<(), Fatal> {
    let pages = Pages { site, urls, template };
    let items: Vec<Arc<Teaser>> = sources.iter().map(|s| Arc::new(s.article.teaser.clone())).collect();
    article_pages(out, &pages, sources, &items, photos)?;
    list_page(out, &pages, items)?;
    out.insert("manifest.webmanifest".into(), manifest(site).into_bytes());
    statement_page(out, &pages)?;
    not_found_page(out, &pages)?;
    builder_page(out, &pages)?;
    feeds(out, sources, site, urls);
    Ok(())
}

/// What every page is made with: the site, its URLs and the app's page to render into.
struct Pages<'a> {
    site: &'a Site,
    urls: &'a Urls,
    template: &'a str,
}

impl Pages<'_> {
    /// The app's page with `head` and `body`, taken over by the app as `takeover` says.
    fn render(&self, head: &Head, body: &str, takeover: Takeover) -> Result<String, Fatal> {
        page::render(self.template, self.site, head, body, takeover).ok_or(Fatal::NotTheAppsPage)
    }

    /// A head in the site's language, at `path` (canonical).
    fn head(&self, title: String, description: String, path: &str, extra: Html) -> Head {
        Head { lang: self.site.language.clone(), title, description, canonical: self.urls.absolute(path), extra }
    }
}

/// An entry page and an oEmbed document per article.
fn article_pages(
    out: &mut Outputs,
    pages: &Pages,
    sources: &[Source],
    items: &[Arc<Teaser>],
    photos: &Photos,
) -> Result<(), Fatal> {
    let mut related = RelatedIndex::new(items);
    for s in sources {
        let a = &s.article;
        let related_news = related.related(a, RELATED_LIMIT).into_iter().cloned().collect();
        let head = article_head(a, pages.site, pages.urls, photos);
        let html = pages.render(&head, &views::article(pages.site, a, related_news), Takeover::WhenReady)?;
        out.insert(format!("nachrichten/{}.html", a.teaser.slug), html.into_bytes());
        out.insert(format!("oembed/{}.json", a.teaser.slug), oembed(a, pages.site, pages.urls).into_bytes());
    }
    Ok(())
}

/// The list (`index.html`): the app's list with every news loaded, which shows the first page
/// (noscript.css hides its controls: without JavaScript the feeds and the sitemap lead further).
fn list_page(out: &mut Outputs, pages: &Pages, items: Vec<Arc<Teaser>>) -> Result<(), Fatal> {
    let (site, urls) = (pages.site, pages.urls);
    let mut extra = Html::new();
    let feed = urls.absolute(&urls.feed_all_path());
    alternate(&mut extra, "application/atom+xml", &feed, &format!("Nachrichten – {}", site.name));
    social(&mut extra, site, &site.name, &site.description, &urls.absolute("/"), "website");
    let head = pages.head(site.name.clone(), site.description.clone(), "/", extra);
    let html = pages.render(&head, &views::list(site, items), Takeover::WhenReady)?;
    out.insert("index.html".into(), html.into_bytes());
    Ok(())
}

/// The accessibility statement: for the app as a page in the content format, and the page the
/// app shows of it, readable without JavaScript.
fn statement_page(out: &mut Outputs, pages: &Pages) -> Result<(), Fatal> {
    let site = pages.site;
    let page = statement::page(site).ok_or(Fatal::Statement)?;
    let json = super::api::write_page(out, &page)
        .map_err(|error| Fatal::Json { file: "api/pages/barrierefreiheit.json", error })?;
    // The page as the app reads it from the content API: the same bytes, the same view.
    let body = std::str::from_utf8(&json)
        .ok()
        .and_then(|json| crate::core::decode::decode_article(json).ok())
        .map(|page| views::statement(site, Arc::new(page)))
        .ok_or(Fatal::Statement)?;
    let title = format!("{} – {}", statement::TITLE, site.name);
    let description = format!("{}: Stand, Einschränkungen, Kontakt", statement::TITLE);
    let head = pages.head(title, description, "/barrierefreiheit", Html::new());
    out.insert("barrierefreiheit.html".into(), pages.render(&head, &body, Takeover::WhenReady)?.into_bytes());
    Ok(())
}

/// The 404 page (nginx answers unknown addresses with it, status 404).
fn not_found_page(out: &mut Outputs, pages: &Pages) -> Result<(), Fatal> {
    let site = pages.site;
    let head = pages.head(format!("Seite nicht gefunden – {}", site.name), site.description.clone(), "/", Html::new());
    out.insert("404.html".into(), pages.render(&head, &views::not_found(site), Takeover::AtStart)?.into_bytes());
    Ok(())
}

/// The embed builder's page: the app's page starting the builder's own bundle, with the site's
/// name and footer links like every other page (the builder renders its view itself).
fn builder_page(out: &mut Outputs, pages: &Pages) -> Result<(), Fatal> {
    let site = pages.site;
    let title = format!("Nachrichten einbetten – {}", site.name);
    let head = pages.head(title, site.description.clone(), "/embed/builder", Html::new());
    let builder =
        Pages { template: &builder_template(pages.template), ..*pages }.render(&head, "", Takeover::AtStart)?;
    out.insert("embed-builder.html".into(), builder.into_bytes());
    Ok(())
}

/// The Atom feeds: all news, and one per topic.
fn feeds(out: &mut Outputs, sources: &[Source], site: &Site, urls: &Urls) {
    let mut by_tag: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
    for s in sources {
        for tag in &s.article.teaser.tags {
            by_tag.entry(tag).or_default().push(&s.article);
        }
    }
    let all: Vec<&Article> = sources.iter().map(|s| &s.article).collect();
    // An article in several feeds is rendered once.
    let mut rendered: HashMap<String, String> = HashMap::new();
    let mut body = |a: &Article| {
        rendered.entry(a.teaser.slug.to_string()).or_insert_with(|| views::body(a.body.blocks.clone())).clone()
    };
    let feed_all = Feed {
        title: format!("Nachrichten – {}", site.name),
        self_url: urls.absolute(&urls.feed_all_path()),
        page_url: urls.absolute("/"),
        publisher: &site.publisher,
        language: &site.language,
    };
    out.insert(
        urls.feed_all_path().trim_start_matches('/').to_owned(),
        feed::atom(&feed_all, &all, urls, &mut body).into_bytes(),
    );
    for (tag, articles) in by_tag {
        let f = Feed {
            title: text::page_title(&format!("Nachrichten zum Thema {tag}"), &site.name),
            self_url: urls.absolute(&urls.feed_tag_path(tag)),
            page_url: urls.tag_page(tag),
            publisher: &site.publisher,
            language: &site.language,
        };
        out.insert(
            urls.feed_tag_path(tag).trim_start_matches('/').to_owned(),
            feed::atom(&f, &articles, urls, &mut body).into_bytes(),
        );
    }
}

/// The app's page starting the embed builder's bundle (`/builder/`, built by scripts/build.sh)
/// instead of the reader's: its bundle metas pointed there, the reader's preloads gone.
fn builder_template(template: &str) -> String {
    let mut page = template.to_owned();
    for (name, file) in [("newsroom:js", "newsroom-builder.js"), ("newsroom:wasm", "newsroom-builder_bg.wasm")] {
        let open = format!("<meta name=\"{name}\" content=\"");
        if let Some(start) = page.find(&open).map(|at| at + open.len()) {
            if let Some(len) = page[start..].find('"') {
                page.replace_range(start..start + len, &format!("/builder/{file}"));
            }
        }
    }
    // The reader's preloads (its js and wasm) go; other links stay.
    let mut out = String::with_capacity(page.len());
    let mut rest = page.as_str();
    while let Some(at) = rest.find("<link ") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        let reader_preload =
            tag.contains("rel=\"modulepreload\"") || (tag.contains("rel=\"preload\"") && tag.contains("wasm"));
        out.push_str(&rest[..at]);
        if !reader_preload {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// What a link preview shows: the lead, or the start of the text.
fn description(a: &Article) -> String {
    let text = a.teaser.lead.clone().unwrap_or_else(|| {
        a.body
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { text } => Some(text.plain()),
                _ => None,
            })
            .unwrap_or_default()
    });
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 200 {
        return text;
    }
    let cut: String = text.chars().take(200).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

/// The lead photo's crops in the ratios search engines ask for (16:9, 4:3, 1:1), when made.
fn ld_images(t: &Teaser, urls: &Urls, photos: &Photos) -> Option<Vec<String>> {
    let crops = photos.crops.get(&t.image.as_ref()?.src)?;
    Some(crops.iter().filter_map(|(path, _, _)| urls.image(path)).collect())
}

fn article_head(a: &Article, site: &Site, urls: &Urls, photos: &Photos) -> Head {
    let t = &a.teaser;
    let headline = shown_headline(&t.headline);
    let url = urls.article(&t.slug);
    let desc = description(a);
    let mut h = Html::new();
    if !a.keywords.is_empty() {
        meta(&mut h, "name", "keywords", &a.keywords.join(", "));
    }
    social(&mut h, site, headline, &desc, &url, "article");
    let image = t.image.as_ref().and_then(|i| Some((urls.image(&i.src)?, i.alt.clone(), i.width, i.height)));
    let image = image.or_else(|| {
        site.default_image.as_ref().and_then(|i| Some((urls.image(&i.src)?, i.alt.clone(), i.width, i.height)))
    });
    if let Some((src, alt, w, ht)) = &image {
        meta(&mut h, "property", "og:image", src);
        if let Some(w) = w {
            meta(&mut h, "property", "og:image:width", &w.to_string());
        }
        if let Some(ht) = ht {
            meta(&mut h, "property", "og:image:height", &ht.to_string());
        }
        meta(&mut h, "property", "og:image:alt", alt);
        meta(&mut h, "name", "twitter:image", src);
        meta(&mut h, "name", "twitter:image:alt", alt);
    }
    meta(&mut h, "name", "twitter:card", if image.is_some() { "summary_large_image" } else { "summary" });
    meta(&mut h, "property", "article:published_time", &t.published.to_rfc3339());
    meta(&mut h, "property", "article:modified_time", &feed::last_change(a));
    for tag in &t.tags {
        meta(&mut h, "property", "article:tag", tag);
    }
    alternate(
        &mut h,
        "application/atom+xml",
        &urls.absolute(&urls.feed_all_path()),
        &format!("Nachrichten – {}", site.name),
    );
    for tag in &t.tags {
        alternate(
            &mut h,
            "application/atom+xml",
            &urls.absolute(&urls.feed_tag_path(tag)),
            &format!("Nachrichten zum Thema {tag}"),
        );
    }
    alternate(&mut h, "application/json+oembed", &urls.absolute(&urls.oembed_path(&t.slug)), headline);
    let mut organization = json!({"@type": "Organization", "name": site.publisher});
    if let Some(logo) = site.logo.as_deref().and_then(|l| urls.image(l)) {
        organization["logo"] = json!({"@type": "ImageObject", "url": logo});
    }
    // Press contacts: schema.org's place for them is the organization's contact points.
    let contact_points: Vec<serde_json::Value> = contacts(a)
        .map(|c| {
            let mut point =
                json!({"@type": "ContactPoint", "contactType": c.role.as_deref().unwrap_or("Pressekontakt")});
            for (key, value) in [("name", &c.name), ("telephone", &c.phone), ("email", &c.email)] {
                if let Some(v) = value {
                    point[key] = json!(v);
                }
            }
            point
        })
        .collect();
    if !contact_points.is_empty() {
        organization["contactPoint"] = json!(contact_points);
    }
    let ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": desc,
        "image": ld_images(t, urls, photos).or_else(|| image.as_ref().map(|i| vec![i.0.clone()])).unwrap_or_default(),
        "datePublished": t.published.to_rfc3339(),
        "dateModified": feed::last_change(a),
        "author": organization,
        "publisher": organization,
        "inLanguage": a.language(),
        "keywords": a.keywords.join(", "),
        "articleSection": t.kicker,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    });
    // serde_json cannot fail on a json! value.
    let _ = page::json_ld(&mut h, &ld);
    if let Some(faq) = faq_page(a) {
        let _ = page::json_ld(&mut h, &faq);
    }
    Head {
        lang: a.language().to_owned(),
        title: text::page_title(headline, &site.name),
        description: desc,
        canonical: url,
        extra: h,
    }
}

/// The article's contacts: its own and its contact blocks'.
fn contacts(a: &Article) -> impl Iterator<Item = &Contact> {
    let blocks = a.body.blocks.iter().filter_map(|b| match b {
        Block::Contact(c) => Some(c),
        _ => None,
    });
    a.contacts.iter().chain(blocks)
}

/// The questions of the article's FAQ blocks as schema.org's FAQPage (answers as their text).
fn faq_page(a: &Article) -> Option<serde_json::Value> {
    let questions: Vec<serde_json::Value> = a
        .body
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Faq { items, .. } => Some(items),
            _ => None,
        })
        .flatten()
        .map(|q| {
            let mut answer = Vec::new();
            q.answer.iter().for_each(|b| b.texts(&mut |s| answer.push(s.trim().to_owned())));
            json!({
                "@type": "Question",
                "name": q.question,
                "acceptedAnswer": {"@type": "Answer", "text": answer.join(" ")},
            })
        })
        .collect();
    (!questions.is_empty())
        .then(|| json!({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}))
}

/// Open Graph and Twitter basics shared by every page.
fn social(h: &mut Html, site: &Site, title: &str, description: &str, url: &str, kind: &str) {
    meta(h, "property", "og:type", kind);
    meta(h, "property", "og:title", title);
    meta(h, "property", "og:description", description);
    meta(h, "property", "og:url", url);
    meta(h, "property", "og:site_name", &site.name);
    meta(h, "property", "og:locale", &site.locale);
    meta(h, "name", "twitter:title", title);
    meta(h, "name", "twitter:description", description);
}

/// The oEmbed document (oembed.com, type "rich"): the iframe embed of the article itself, its
/// card (headline, date, image, link: `/embed?artikel=SLUG`, the widget's single-article form).
fn oembed(a: &Article, site: &Site, urls: &Urls) -> String {
    let embed = urls.absolute(&crate::core::paths::embed_article(&a.teaser.slug));
    let headline = shown_headline(&a.teaser.headline);
    let html = iframe(&embed, &format!("Nachricht: {headline}"), FrameSize::Fixed(EMBED_SIZE.0, EMBED_SIZE.1));
    let mut doc = json!({
        "version": "1.0",
        "type": "rich",
        "title": shown_headline(&a.teaser.headline),
        "provider_name": site.name,
        "provider_url": urls.absolute("/"),
        "author_name": site.publisher,
        "html": html,
        "width": EMBED_SIZE.0,
        "height": EMBED_SIZE.1,
        "cache_age": 3600,
    });
    if let Some(image) = a.teaser.image.as_ref() {
        if let (Some(src), Some(w), Some(h)) = (urls.image(&image.src), image.width, image.height) {
            doc["thumbnail_url"] = json!(src);
            doc["thumbnail_width"] = json!(w);
            doc["thumbnail_height"] = json!(h);
        }
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_whose_page_is_not_the_apps_is_named_and_nothing_is_made() {
        let mut out = Outputs::in_memory();
        let urls = Urls::new("https://nr.example");
        let outcome = write(&mut out, &[], &Site::default(), &urls, "<p>keine Seite</p>", &Photos::default());
        let Err(fatal) = outcome else { panic!("pages were made from a page that is not the app's") };
        assert!(matches!(fatal, Fatal::NotTheAppsPage));
        let message = fatal.to_string();
        assert!(message.contains("index.html") && message.contains("scripts/build.sh"), "{message}");
        assert!(out.get("index.html").is_none(), "no list page");
    }

    #[test]
    fn the_builders_page_starts_the_builders_bundle_without_the_readers_preloads() {
        let template = concat!(
            "<head><link rel=\"modulepreload\" href=\"/newsroom-1a.js\" crossorigin>",
            "<link rel=\"preload\" href=\"/newsroom-1a_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
            "<link rel=\"preload\" href=\"/font.woff2\" as=\"font\"><link rel=\"manifest\" href=\"/manifest.webmanifest\">\n",
            "<meta name=\"newsroom:js\" content=\"/newsroom-1a.js\"><meta name=\"newsroom:wasm\" content=\"/newsroom-1a_bg.wasm\">",
            "<script type=\"module\" src=\"/boot.js\"></script></head>"
        );
        assert_eq!(
            builder_template(template),
            concat!(
                "<head><link rel=\"preload\" href=\"/font.woff2\" as=\"font\"><link rel=\"manifest\" href=\"/manifest.webmanifest\">\n",
                "<meta name=\"newsroom:js\" content=\"/builder/newsroom-builder.js\">",
                "<meta name=\"newsroom:wasm\" content=\"/builder/newsroom-builder_bg.wasm\">",
                "<script type=\"module\" src=\"/boot.js\"></script></head>"
            )
        );
    }

    #[test]
    fn the_manifest_has_the_sites_name_and_keeps_the_apps_icons() {
        let site = Site { name: "Stadtnachrichten".into(), ..Site::default() };
        let manifest: serde_json::Value = serde_json::from_str(&manifest(&site)).unwrap();
        assert_eq!(manifest["short_name"], "Stadtnachrichten");
        assert_eq!(manifest["name"], "Stadtnachrichten – Nachrichten aus der Stadt");
        assert_eq!(manifest["display"], "standalone");
        assert_eq!(manifest["icons"].as_array().unwrap().len(), 5);
    }
}
