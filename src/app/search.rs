//! Fetching for the full-text search (decision 13): `public/search.js` is imported on first use
//! through boot.js's `newsroomImport` (a dynamic `import()`, so neither it nor the index is part
//! of the first view) and asks Pagefind in a worker (`public/search-worker.js`). Its answers are
//! plain data, read here into `Found`. (An answer to a question a newer one overtook comes back
//! empty; the list drops it anyway, see `use_full_text`.)

use crate::core::model::{Teaser, Timestamp};
use crate::core::paths::article_slug;
use js_sys::{Array, Function, Promise, Reflect};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The news a full-text search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// How many news match (all of them, not only those in `hits`).
    pub total: usize,
    /// The first ones, best (or newest) first: each as a teaser (headline, kicker, date) and its
    /// excerpt as [text, found words, text, …], the found words to be highlighted.
    pub hits: Vec<(Arc<Teaser>, Arc<[String]>)>,
    /// Topics of the news found, with how many carry each.
    pub tags: Vec<(String, usize)>,
    /// False while older parts of the index are still being searched (`more` tells the rest).
    pub complete: bool,
    /// The question with its unknown words replaced by the archive's nearest ones, when it found
    /// little ("Meinten Sie: Toilettenwagen?").
    pub suggestion: Option<String>,
}

/// The search index could not be loaded or searched (offline, an HTTP error, no index).
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable;

async fn call(function: &str, args: &Array) -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let import: Function = Reflect::get(&window, &"newsroomImport".into())?.dyn_into()?;
    let module: Promise = import.call1(&JsValue::NULL, &"/search.js".into())?.dyn_into()?;
    let module = JsFuture::from(module).await?;
    let f: Function = Reflect::get(&module, &function.into())?.dyn_into()?;
    JsFuture::from(f.apply(&JsValue::NULL, args)?.dyn_into::<Promise>()?).await
}

/// Starts loading the search engine and its index's entry (the reader is about to search).
pub async fn prepare() {
    if let Err(e) = call("prepare", &Array::new()).await {
        leptos::logging::warn!("Volltextsuche nicht verfügbar: {e:?}");
    }
}

/// The first `count` news with every word of `text` (umlauts spelled either way: search-worker.js),
/// carrying every one of `tags`; by relevance or newest first.
pub async fn find(text: &str, tags: &[String], newest: bool, count: usize) -> Result<Found, Unavailable> {
    let tags: Array = tags.iter().map(|s| JsValue::from_str(s)).collect();
    let args = Array::of4(&text.into(), &tags, &newest.into(), &(count as f64).into());
    read(call("find", &args).await)
}

/// What the newest search found when the next part of the index has answered too (after a
/// `Found` that is not `complete`).
pub async fn more() -> Result<Found, Unavailable> {
    read(call("more", &Array::new()).await)
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

fn array(v: &JsValue, key: &str) -> Vec<JsValue> {
    get(v, key).dyn_into::<Array>().map(|a| a.iter().collect()).unwrap_or_default()
}

/// What search.js answered; anything unexpected in it is left out, never trusted.
fn read(answer: Result<JsValue, JsValue>) -> Result<Found, Unavailable> {
    let answer = answer.map_err(|e| {
        leptos::logging::warn!("Volltextsuche nicht verfügbar: {e:?}");
        Unavailable
    })?;
    let answer = &answer;
    let hits = array(answer, "hits")
        .iter()
        .filter_map(|h| {
            let kicker = Some(text(h, "kicker")).filter(|k| !k.is_empty());
            let teaser = Teaser {
                slug: article_slug(&text(h, "url"))?,
                headline: text(h, "title"),
                kicker,
                lead: None,
                published: Timestamp::parse(&text(h, "date"))?,
                tags: Vec::new(),
                image: None,
            };
            let excerpt = array(h, "excerpt").iter().map(|p| p.as_string().unwrap_or_default()).collect();
            Some((Arc::new(teaser), excerpt))
        })
        .collect();
    let tags = array(answer, "tags")
        .iter()
        .filter_map(|pair| {
            let pair: &Array = pair.dyn_ref()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_f64()? as usize))
        })
        .collect();
    let total = get(answer, "total").as_f64().unwrap_or(0.0) as usize;
    let suggestion = Some(text(answer, "suggestion")).filter(|s| !s.trim().is_empty());
    Ok(Found { total, hits, tags, complete: get(answer, "more") != JsValue::TRUE, suggestion })
}
