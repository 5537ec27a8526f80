//! Fetching content. Each request takes the abort signal of its `Loader` (aborted when the view
//! goes away, a newer load starts or the reader gives up), and every failure keeps its kind (network, HTTP status, decode with the field's path): the reader's
//! message depends on which it was.

use crate::core::decode::{decode_article, IndexDecoder};
use crate::core::error::LoadError;
use crate::core::model::{Article, NewsIndex, Slug};
use crate::core::text::{declared_charset, is_utf8};
use crate::core::{paging, paths};
use crate::schedule::in_slices;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The content base URL: `<meta name="newsroom:api">` in index.html, so a deployment can point
/// it elsewhere without rebuilding. Defaults to `/api`.
pub fn api_base() -> String {
    if !crate::app::IN_BROWSER {
        return "/api".to_owned();
    }
    let configured = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='newsroom:api']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .map(|s| s.trim().trim_end_matches('/').to_owned())
        .filter(|s| !s.is_empty());
    configured.unwrap_or_else(|| "/api".to_owned())
}

/// The first page of the news index (`news.json`), as an absolute URL.
pub fn first_index_page() -> String {
    index_page_url(&paths::api_index(&api_base()))
}

/// The absolute URL of an index page: `next` may be relative to the content base.
pub fn index_page_url(next: &str) -> String {
    let url = paging::resolve(&api_base(), next);
    let page = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(&url, &page).map(|u| u.href()).unwrap_or(url)
}

/// The first page of the news index (`news.json`).
pub async fn fetch_index(abort: web_sys::AbortSignal) -> Result<Arc<NewsIndex>, LoadError> {
    fetch_index_page(&paths::api_index(&api_base()), Some(&abort)).await
}

/// One page of the index (at `url`, resolved), with entries that do not fit the format skipped
/// (and logged once).
pub async fn fetch_index_page(url: &str, abort: Option<&web_sys::AbortSignal>) -> Result<Arc<NewsIndex>, LoadError> {
    let text = fetch_text(url, abort).await?;
    let mut decoder = IndexDecoder::new(text)?;
    in_slices(|n| decoder.step(n)).await?;
    let decoded = decoder.finish();
    for reason in &decoded.skipped {
        leptos::logging::warn!("news.json: entry skipped: {reason}");
    }
    Ok(Arc::new(decoded.index))
}

thread_local! {
    /// The last stored copy loaded (its URL and when it was stored), until its URL is loaded
    /// from the network.
    static STORED: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// When `url`'s copy was stored ("26.11.2026, 14:05", or empty if unknown), if the last load of
/// `url` came from this device's store (offline) and was the last stored copy loaded.
pub fn stored_at(url: &str) -> Option<String> {
    STORED.with(|last| last.borrow().as_ref().filter(|(u, _)| u == url).map(|(_, when)| when.clone()))
}

pub fn article_url(slug: &Slug) -> String {
    paths::api_article(&api_base(), slug)
}

/// One article.
pub async fn fetch_article(slug: &Slug, abort: web_sys::AbortSignal) -> Result<Arc<Article>, LoadError> {
    let url = article_url(slug);
    let text = fetch_text(&url, Some(&abort)).await?;
    let article = decode_article(&text)?;
    for reason in &article.body.skipped {
        leptos::logging::warn!("{slug}.json: block skipped: {reason}");
    }
    Ok(Arc::new(article))
}

/// A page of the site in the content format (`{api}/pages/{name}.json`, written by the publish
/// step), such as the accessibility statement: its text lives with the content, not in the app.
pub async fn fetch_page(name: &'static str, abort: web_sys::AbortSignal) -> Result<Arc<Article>, LoadError> {
    let text = fetch_text(&paths::api_page(&api_base(), name), Some(&abort)).await?;
    Ok(Arc::new(decode_article(&text)?))
}

/// The response boot.js already requested for `url`, taken once (a retry fetches anew). It is
/// cancelled with `abort`, like a request of our own.
fn take_prefetched(url: &str, abort: Option<&web_sys::AbortSignal>) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let map = js_sys::Reflect::get(&window, &"newsroomPrefetch".into()).ok()?;
    let entry = js_sys::Reflect::get(&map, &url.into()).ok().filter(|e| e.is_object())?;
    js_sys::Reflect::delete_property(map.unchecked_ref::<js_sys::Object>(), &url.into()).ok()?;
    let cancel = js_sys::Reflect::get(&entry, &"abort".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    if let Some(signal) = abort {
        if signal.aborted() {
            let _ = cancel.call0(&JsValue::NULL);
        } else {
            let _ = signal.add_event_listener_with_callback("abort", &cancel);
        }
    }
    js_sys::Reflect::get(&entry, &"response".into()).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// GET a URL as text.
async fn fetch_text(url: &str, abort: Option<&web_sys::AbortSignal>) -> Result<String, LoadError> {
    let response = match take_prefetched(url, abort) {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
            .map(gloo_net::http::Response::from)
            .ok_or_else(|| network_error_text("prefetch failed"))?,
        None => gloo_net::http::Request::get(url).abort_signal(abort).send().await.map_err(network_error)?,
    };
    // The service worker's answers (public/offline.js, decision 14): a stored copy, or "offline
    // and none stored".
    if response.headers().get("x-newsroom-offline").is_some() {
        check_connection();
        // The worker cannot tell a device without a connection from a server not answering.
        return Err(if device_offline() { LoadError::Offline } else { LoadError::Network("no answer".into()) });
    }
    let stored = response.headers().get("x-newsroom-saved");
    if stored.is_some() {
        check_connection();
    }
    STORED.with(|last| {
        let mut last = last.borrow_mut();
        match stored {
            Some(when) => *last = Some((url.to_owned(), when)),
            // The same content from the network again; other content leaves the note alone.
            None if last.as_ref().is_some_and(|(u, _)| u == url) => *last = None,
            None => {}
        }
    });
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(LoadError::NotFound),
        status => return Err(LoadError::Http(status)),
    }
    let kind = response.headers().get("content-type").unwrap_or_default();
    if !kind.is_empty() && !acceptable_content_type(&kind) {
        return Err(LoadError::ContentType(kind.split(';').next().unwrap_or("").trim().to_owned()));
    }
    // The bytes, not `text()`: copying UTF-8 into the wasm memory is cheaper than the browser
    // decoding it and the app encoding it again (a multi-megabyte index takes that twice).
    let bytes = response.binary().await.map_err(network_error)?;
    match declared_charset(&kind).filter(|c| !is_utf8(c)) {
        // Declared another encoding (ISO-8859-1 from an old CMS): read as declared, by the browser.
        Some(charset) => web_sys::TextDecoder::new_with_label(&charset)
            .and_then(|d| d.decode_with_u8_array(&bytes))
            .map_err(|_| LoadError::Charset(charset)),
        None => Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())),
    }
}

/// This device has no connection (the browser says so). A failed request while it has one is the
/// server not answering, and the reader is told that, not to check their connection.
pub fn device_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Asks public/offline.js to look at the connection again: a load failed, or came from a stored
/// copy. (What it finds reaches the views through app/offline.rs.)
fn check_connection() {
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("newsroom-check") {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// JSON by any of its names; `text/plain` and `application/octet-stream` too, which file
/// servers send for unknown files. HTML, images and the like are not content.
fn acceptable_content_type(value: &str) -> bool {
    let t = value.to_ascii_lowercase();
    t.contains("json") || t.starts_with("text/plain") || t.starts_with("application/octet-stream")
}

/// A failed request: only the browser's own message is kept (gloo-net's other kinds are about
/// JSON bodies, which this app decodes itself; formatting them would ship serde_json's messages).
fn network_error(e: gloo_net::Error) -> LoadError {
    match e {
        gloo_net::Error::JsError(e) => network_error_text(&e.message),
        _ => network_error_text("request failed"),
    }
}

fn network_error_text(e: &str) -> LoadError {
    check_connection();
    if device_offline() {
        LoadError::Offline
    } else {
        LoadError::Network(e.to_owned())
    }
}
