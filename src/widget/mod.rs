//! The embeddable news list (widget.js and the /embed page), or one article's card
//! (`data-article`, `/embed?artikel=SLUG`: what an article's oEmbed frames). Built from the same core as the app
//! (decoding, filtering, German dates, link rules) but rendered with plain DOM calls and no
//! framework, so the download stays small. Each widget lives in its own Shadow DOM: the host
//! page's CSS does not reach in, the widget's CSS does not leak out.

use crate::core::decode::{decode_article_teaser, IndexDecoder};
use crate::core::images::Slot;
use crate::core::listing::NewestWithTags;
use crate::core::model::Teaser;
use crate::core::safe_url;
use crate::core::tidy::shown_headline;
use crate::core::widget_config::{join_tags, Label, Layout, WidgetConfig, ARTICLE_PARAM};
use crate::schedule::in_slices;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element};

const CSS: &str = include_str!("../../style/widget.css");

/// Every `[data-newsroom]` element on the page becomes a widget. `newsroom` is the newsroom's
/// base URL (where widget.js came from).
pub fn start_widgets(newsroom: String) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all("[data-newsroom]:not([data-newsroom-state])") else { return };
    for i in 0..hosts.length() {
        let Some(host) = hosts.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let config = WidgetConfig::parse(|name| host.get_attribute(name), &newsroom);
        let _ = host.set_attribute("data-newsroom-state", "loading");
        wasm_bindgen_futures::spawn_local(async move {
            let shown = match load(&config).await {
                Ok(items) => render_into_shadow(&host, &config, &items, false),
                Err(e) => Err(e),
            };
            let state = match shown {
                Ok(()) => "ready",
                Err(e) => {
                    // The host element's own fallback link stays as it is.
                    web_sys::console::warn_1(&format!("Newsroom-Widget: {e}").into());
                    "failed"
                }
            };
            let _ = host.set_attribute("data-newsroom-state", state);
        });
    }
}

/// The /embed page: one list from the query (`tag`, `limit`, `layout`, `lang`), or one
/// article's card (`artikel`); links open in the top window, and the height is told to the
/// embedding page.
pub fn start_embed(newsroom: String) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(target) = document.get_element_by_id("newsroom-embed") else { return };
    let search = window.location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
    // Repeated `tag=` parameters, one tag each (a tag may hold a comma).
    let tags =
        params.as_ref().map(|p| join_tags(&p.get_all("tag").iter().filter_map(|v| v.as_string()).collect::<Vec<_>>()));
    let config = WidgetConfig::parse(
        |attr| match attr {
            "data-tags" => tags.clone(),
            "data-limit" => get("limit"),
            "data-layout" => get("layout"),
            "data-lang" => get("lang"),
            "data-article" => get(ARTICLE_PARAM),
            _ => None,
        },
        &newsroom,
    );
    let parent = parent_origin(get("parent"), document.referrer());
    wasm_bindgen_futures::spawn_local(async move {
        let shown = match load(&config).await {
            Ok(items) => render_into_shadow(&target, &config, &items, true),
            Err(e) => Err(e),
        };
        if let Err(e) = shown {
            web_sys::console::warn_1(&format!("Newsroom-Einbettung: {e}").into());
        }
        if let Some(origin) = parent {
            report_height(origin);
        }
    });
}

/// The embedding page's origin: the `parent` parameter, else the referrer's. Only http(s).
fn parent_origin(param: Option<String>, referrer: String) -> Option<String> {
    let candidate = param.filter(|p| !p.is_empty()).unwrap_or(referrer);
    let url = web_sys::Url::new(&candidate).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.origin())
}

/// Posts `{type: "newsroom:height", height}` to the parent whenever the content's height
/// changes, in both directions. The content (`main`) is measured, not the document: a document is
/// never lower than its iframe, so it could only ever report growth. Resizing the iframe does not
/// change the content's height, so the report cannot loop.
fn report_height(origin: String) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(content) = document.query_selector("main").ok().flatten() else { return };
    let measured = content.clone();
    let post = move || {
        let Some(window) = web_sys::window() else { return };
        let height = (measured.get_bounding_client_rect().bottom() + window.scroll_y().unwrap_or(0.0)).ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"newsroom:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, &origin);
        }
    };
    post();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&content);
    }
    // Lives as long as the page.
    callback.forget();
}

/// The newest `config.limit` entries for the widget's tags (chosen a slice at a time); or the one
/// article's teaser, read from its own file (any article, however old).
async fn load(config: &WidgetConfig) -> Result<Vec<Arc<Teaser>>, String> {
    if let Some(slug) = &config.article {
        let text = fetch_text(&config.article_file(slug)).await?;
        return Ok(vec![Arc::new(decode_article_teaser(&text).map_err(|e| e.to_string())?)]);
    }
    let items = shared_index(format!("{}/news.json", config.api)).await?;
    let mut list = NewestWithTags::new(&items, &config.tags, config.limit);
    in_slices(|n| Ok::<_, String>(list.step(n))).await?;
    Ok(list.finish())
}

type Loaded = Result<Rc<Vec<Arc<Teaser>>>, String>;

/// A content URL's index: loading (with the widgets waiting for it) or loaded.
enum SharedLoad {
    Loading(Vec<js_sys::Function>),
    Done(Loaded),
}

thread_local! {
    /// One load per content URL for all the widgets of a page (twenty widgets, one download).
    static LOADS: RefCell<HashMap<String, SharedLoad>> = RefCell::new(HashMap::new());
}

/// The entries of the index at `url`, loaded once for every widget that asks for it.
async fn shared_index(url: String) -> Loaded {
    let waiting = LOADS.with(|loads| {
        let mut loads = loads.borrow_mut();
        match loads.get_mut(&url) {
            Some(SharedLoad::Done(result)) => Err(result.clone()),
            Some(SharedLoad::Loading(waiters)) => {
                Ok(Some(js_sys::Promise::new(&mut |resolve, _| waiters.push(resolve))))
            }
            None => {
                loads.insert(url.clone(), SharedLoad::Loading(Vec::new()));
                Ok(None)
            }
        }
    });
    match waiting {
        Err(done) => done,
        Ok(Some(wait)) => {
            let _ = JsFuture::from(wait).await;
            LOADS.with(|loads| match loads.borrow().get(&url) {
                Some(SharedLoad::Done(result)) => result.clone(),
                _ => Err(format!("{url}: not loaded")),
            })
        }
        Ok(None) => {
            let result = fetch_index(&url).await.map(Rc::new);
            let previous = LOADS.with(|loads| loads.borrow_mut().insert(url.clone(), SharedLoad::Done(result.clone())));
            if let Some(SharedLoad::Loading(waiters)) = previous {
                for resolve in waiters {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
            result
        }
    }
}

/// Fetches and decodes an index in slices of main-thread time: the host page keeps answering
/// while a large index is decoded.
async fn fetch_index(url: &str) -> Result<Vec<Arc<Teaser>>, String> {
    let text = fetch_text(url).await?;
    let mut decoder = IndexDecoder::new(text).map_err(|e| e.to_string())?;
    in_slices(|n| decoder.step(n)).await.map_err(|e| e.to_string())?;
    Ok(decoder.finish().index.items)
}

async fn fetch_text(url: &str) -> Result<String, String> {
    // The browser's fetch directly: gloo-net's error type would bring serde_json's messages along.
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("network error for {url}: {}", js_message(&e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {} for {url}", response.status()));
    }
    // The bytes, not `text()`: copying UTF-8 into the wasm memory is one fast copy, where turning
    // the browser's string of a 10 MB index into UTF-8 blocked the host page (Firefox: 200 ms).
    let body = response.array_buffer().map_err(|e| js_message(&e))?;
    let bytes = js_sys::Uint8Array::new(&JsFuture::from(body).await.map_err(|e| js_message(&e))?).to_vec();
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "unknown error".into())
}

fn el(document: &Document, tag: &str, class: &str, text: Option<&str>) -> Option<Element> {
    let e = document.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if text.is_some() {
        e.set_text_content(text);
    }
    Some(e)
}

/// Renders the list into the host element's own shadow root; a host element that cannot have
/// one (an `<a>`, a `<p>`, one that already has one) is told why in the console.
fn render_into_shadow(host: &Element, config: &WidgetConfig, items: &[Arc<Teaser>], top: bool) -> Result<(), String> {
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).map_err(|e| {
        format!(
            "<{}> cannot hold the widget ({}): use a <div data-newsroom> or <section data-newsroom>",
            host.tag_name().to_ascii_lowercase(),
            js_message(&e)
        )
    })?;
    render_list(&shadow, host, config, items, top).ok_or_else(|| "the list could not be built".to_owned())
}

fn render_list(
    shadow: &web_sys::ShadowRoot,
    host: &Element,
    config: &WidgetConfig,
    items: &[Arc<Teaser>],
    top: bool,
) -> Option<()> {
    let document = host.owner_document()?;
    adopt_styles(shadow, &document)?;
    let section = el(&document, "section", "newsroom", None)?;
    section.set_attribute("aria-label", config.label(Label::Region)).ok()?;
    // One article: its card (the same item as in a list of cards).
    let one = config.article.is_some();
    section.set_attribute("data-layout", if config.layout == Layout::Cards || one { "cards" } else { "list" }).ok()?;
    let target = top.then_some("_top");
    if items.is_empty() {
        let empty = el(&document, "p", "empty", Some(config.label(Label::Empty)))?;
        section.append_child(&empty).ok()?;
    } else {
        let list = el(&document, "ul", "items", None)?;
        for t in items {
            let entry = item(&document, config, t, target)?;
            list.append_child(&entry).ok()?;
        }
        section.append_child(&list).ok()?;
    }
    if !one {
        let more = link(&document, &config.more_url(), config.label(Label::More), "more", target)?;
        section.append_child(&more).ok()?;
    }
    shadow.append_child(&section).ok()?;
    Some(())
}

/// A URL from the content, resolved as the content means it: against the content base
/// (`{api}/`), not against the host page the widget sits in.
fn content_url(document: &Document, config: &WidgetConfig, url: &str) -> String {
    let page = document.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(&format!("{}/", config.api), &page)
        .and_then(|base| web_sys::Url::new_with_base(url, &base.href()))
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_owned())
}

fn link(document: &Document, href: &str, text: &str, class: &str, target: Option<&str>) -> Option<Element> {
    let a = el(document, "a", class, Some(text))?;
    a.set_attribute("href", href).ok()?;
    if let Some(t) = target {
        a.set_attribute("target", t).ok()?;
    }
    Some(a)
}

fn item(document: &Document, config: &WidgetConfig, t: &Teaser, target: Option<&str>) -> Option<Element> {
    let li = el(document, "li", "item", None)?;
    if config.layout == Layout::Cards || config.article.is_some() {
        if let Some((image, src)) = t.image.as_ref().and_then(|i| Some((i, safe_url::image_src(&i.src)?))) {
            let img = el(document, "img", "", None)?;
            img.set_attribute("src", &content_url(document, config, &src)).ok()?;
            img.set_attribute("alt", &image.alt).ok()?;
            // The same widths and slot sizes as the app's (core::images): a card on a phone
            // takes a thumbnail, not the photographer's original.
            if !image.srcset.is_empty() {
                let mut srcset = String::new();
                for v in &image.srcset {
                    if !srcset.is_empty() {
                        srcset.push_str(", ");
                    }
                    srcset.push_str(&content_url(document, config, &v.src));
                    srcset.push(' ');
                    srcset.push_str(&v.width.to_string());
                    srcset.push('w');
                }
                img.set_attribute("srcset", &srcset).ok()?;
            }
            // The one-article embed's card is as wide as its frame: the default `sizes` (100vw,
            // `Slot::Embed`), and it is the frame's largest paint (not lazy).
            if config.article.is_none() {
                img.set_attribute("sizes", Slot::WidgetCard.sizes()).ok()?;
                img.set_attribute("loading", "lazy").ok()?;
            }
            if let (Some(w), Some(h)) = (image.width, image.height) {
                img.set_attribute("width", &w.to_string()).ok()?;
                img.set_attribute("height", &h.to_string()).ok()?;
            }
            li.append_child(&img).ok()?;
            // Press photos are licensed with a credit: shown wherever the photo is.
            if let Some(credit) = image.credit_line() {
                let small = el(document, "small", "credit", Some(&credit))?;
                li.append_child(&small).ok()?;
            }
        }
    }
    let a = link(document, &config.article_url(t.slug.as_str()), shown_headline(&t.headline), "headline", target)?;
    a.set_attribute("dir", "auto").ok()?;
    li.append_child(&a).ok()?;
    let time = el(document, "time", "date", Some(&config.date(&t.published)))?;
    time.set_attribute("datetime", &t.published.to_rfc3339()).ok()?;
    li.append_child(&time).ok()?;
    Some(li)
}

/// The widget's styles as a constructed stylesheet: not an inline `<style>`, so a host's strict
/// CSP does not block it. Browsers without constructable stylesheets (Safari before 16.4) get a
/// `<style>` element, which a host CSP must then allow.
fn adopt_styles(shadow: &web_sys::ShadowRoot, document: &Document) -> Option<()> {
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        sheet.replace_sync(CSS).ok()?;
        let sheets = js_sys::Array::of1(&sheet);
        if js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets).unwrap_or(false) {
            return Some(());
        }
    }
    let style = el(document, "style", "", Some(CSS))?;
    shadow.append_child(&style).ok()?;
    Some(())
}
