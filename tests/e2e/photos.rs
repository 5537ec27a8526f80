//! Real photos as readers get them (issue #27): the sample's camera original
//! (`content/media/holz.jpg`, 2560 × 1920, its content giving no size) is served as widths the
//! browser chooses from, the lead photo first and its space reserved; every image slot names its
//! widths and its drawn size.

use crate::pages::{ArticleView, ListView};
use crate::support::*;

const PHOTO_SLUG: &str = "grafik-aus-dortmund-ausstellung-und-grusskarten";
const PHOTO_HEADLINE: &str =
    "Grafik aus Dortmund: Ausstellung und Grußkarten zeigen Vielfalt der Dortmunder Kunstszene";
const LEAD_SIZES: &str = "(min-width: 52rem) 49rem, calc(100vw - 2rem)";
const TEASER_SIZES: &str = "(min-width: 60rem) 23rem, 34vw";

/// The `<img>` attributes that decide what is downloaded and when: [srcset, sizes, loading,
/// fetchpriority, width, height].
const ATTRS: &str = "(img) => img && ['srcset', 'sizes', 'loading', 'fetchpriority', 'width', 'height'].map((a) => img.getAttribute(a))";

#[test]
fn the_lead_photo_comes_in_the_width_it_needs_first_and_in_its_reserved_space() {
    with_browser(|c| async move {
        let chromium = std::env::var("BROWSER").as_deref() == Ok("chromium");
        ArticleView::open(&c, PHOTO_SLUG, PHOTO_HEADLINE).await;
        // As published (readers without JavaScript, and the first paint) and as the app draws it.
        let served = eval_async(
            &c,
            &format!(
                "const page = await (await fetch(location.href, {{ cache: 'no-store' }})).text();
                 const doc = new DOMParser().parseFromString(page, 'text/html');
                 return ({ATTRS})(doc.querySelector('#prerendered article header img'));"
            ),
        )
        .await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        wait_until(&c, "(() => { const i = document.querySelector('article header img'); return i && i.complete && i.naturalWidth > 0; })()", "the lead photo loaded").await;
        let shown = eval(&c, &format!("return ({ATTRS})(document.querySelector('article header img'))")).await;
        for (what, attrs) in [("published page", &served), ("app", &shown)] {
            let srcset = attrs[0].as_str().unwrap_or_else(|| panic!("{what}: no srcset: {attrs}"));
            let widths: Vec<&str> = srcset.split(", ").filter_map(|c| c.rsplit_once(' ').map(|(_, w)| w)).collect();
            assert_eq!(widths, ["320w", "480w", "640w", "800w", "1080w", "1440w", "1920w"], "{what}: {srcset}");
            assert!(srcset.split(", ").all(|c| c.starts_with("/media/v/") && c.contains(".webp ")), "{what}: {srcset}");
            assert_eq!(attrs[1], LEAD_SIZES, "{what}: sizes");
            assert_eq!(attrs[2], serde_json::Value::Null, "{what}: the lead photo must not wait (loading)");
            assert_eq!(attrs[3], "high", "{what}: fetchpriority");
            // The content gives no size: the publish step read it from the file (4:3).
            assert_eq!((attrs[4].as_str(), attrs[5].as_str()), (Some("1200"), Some("900")), "{what}: size");
        }
        // The browser took a WebP of about the drawn width (1280 × 900 window: a 40rem column).
        let chosen = eval(
            &c,
            "const i = document.querySelector('article header img');
             return [i.currentSrc, i.naturalWidth, i.getBoundingClientRect().width, devicePixelRatio]",
        )
        .await;
        let (current, natural, drawn, dpr) = (
            chosen[0].as_str().unwrap(),
            chosen[1].as_f64().unwrap(),
            chosen[2].as_f64().unwrap(),
            chosen[3].as_f64().unwrap(),
        );
        assert!(current.contains("/media/v/") && current.ends_with(".webp"), "{chosen}");
        assert!(
            natural >= drawn * dpr && natural <= 1440.0,
            "took {natural} px for {drawn} CSS px at {dpr}x: {chosen}"
        );
        // Served as a photo that never changes: its own type, cached for a year.
        let headers = eval_async(
            &c,
            "const r = await fetch(document.querySelector('article header img').currentSrc);
             return [r.status, r.headers.get('content-type'), r.headers.get('cache-control')];",
        )
        .await;
        assert_eq!(headers[0], 200);
        assert_eq!(headers[1], "image/webp", "{headers}");
        assert_eq!(headers[2], "public, max-age=31536000, immutable", "{headers}");
        if chromium {
            let cls = eval_async(
                &c,
                "let sum = 0;
                 new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
                   .observe({ type: 'layout-shift', buffered: true });
                 await new Promise((r) => setTimeout(r, 300));
                 return sum;",
            )
            .await;
            assert_eq!(cls.as_f64(), Some(0.0), "cumulative layout shift with a photo whose content gives no size");
        }
    });
}

#[test]
fn teasers_name_their_widths_and_only_the_first_screen_loads_at_once() {
    with_browser(|c| async move {
        ListView::open(&c, "/").await;
        // As published (the list page readers see first) and as the app draws it: the same.
        let served = eval_async(
            &c,
            &format!(
                "const page = await (await fetch('/', {{ cache: 'no-store' }})).text();
                 const doc = new DOMParser().parseFromString(page, 'text/html');
                 return [...doc.querySelectorAll('#prerendered .teasers .teaser')].map((t) =>
                   [t.querySelector('.teaser-link').getAttribute('href'), ({ATTRS})(t.querySelector('.teaser-image img'))])"
            ),
        )
        .await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        let teasers = eval(
            &c,
            &format!(
                "return [...document.querySelectorAll('.teasers .teaser')].map((t) =>
                   [t.querySelector('.teaser-link').getAttribute('href'), ({ATTRS})(t.querySelector('.teaser-image img'))])"
            ),
        )
        .await;
        let served = served.as_array().unwrap();
        assert!(!served.is_empty(), "the published list page shows news");
        assert_eq!(served[..], teasers.as_array().unwrap()[..served.len()], "published list page and app");
        let teasers = teasers.as_array().unwrap();
        assert!(teasers.len() > 5, "{teasers:?}");
        let mut photo = false;
        for (position, teaser) in teasers.iter().enumerate() {
            let attrs = &teaser[1];
            if attrs.is_null() {
                continue;
            }
            let loading = attrs[2].as_str();
            assert_eq!(loading, if position < 3 { None } else { Some("lazy") }, "teaser {position}: {teaser}");
            assert_eq!(attrs[3], serde_json::Value::Null, "teasers never take the lead photo's priority");
            if teaser[0].as_str().is_some_and(|h| h.ends_with(PHOTO_SLUG)) {
                photo = true;
                assert!(attrs[0].as_str().is_some_and(|s| s.contains("320w") && s.contains("1920w")), "{teaser}");
                assert_eq!(attrs[1], TEASER_SIZES, "{teaser}");
            } else {
                // A drawing (SVG) has one size for every width: no srcset to choose from.
                assert_eq!(attrs[0], serde_json::Value::Null, "{teaser}");
            }
        }
        assert!(photo, "the photo's teaser is on the list");
        // "Weitere Nachrichten" under another article show the photo with the teaser's sizes.
        ArticleView::open(&c, ARTICLE_SLUG, ARTICLE_HEADLINE).await;
        wait_until(&c, "document.querySelectorAll('.related .teaser').length > 0", "Weitere Nachrichten").await;
        let related = eval(
            &c,
            &format!(
                "return [...document.querySelectorAll('.related .teaser-image img')].map(({ATTRS}))
                   .filter((a) => a[0] !== null)"
            ),
        )
        .await;
        for attrs in related.as_array().unwrap() {
            assert_eq!(attrs[1], TEASER_SIZES, "{attrs}");
            assert_eq!(attrs[2], "lazy", "{attrs}");
        }
    });
}

#[test]
fn the_one_article_embed_takes_the_photo_for_its_frame_at_once() {
    with_browser(|c| async move {
        open(&c, &format!("{}/embed?artikel={PHOTO_SLUG}", base())).await;
        // The embed draws into its element, in a shadow root or not (whichever the widget uses).
        let find = "(() => { const e = document.getElementById('newsroom-embed');
                      const root = e && (e.shadowRoot || e); return root && root.querySelector('img[srcset]'); })()";
        wait_until(&c, find, "the embed's photo").await;
        let attrs = eval(&c, &format!("return ({ATTRS})({find})")).await;
        assert!(attrs[0].as_str().is_some_and(|s| s.contains("/media/v/") && s.contains("1920w")), "{attrs}");
        // As wide as its frame: the default sizes (100vw); the frame's largest paint: not lazy.
        assert_eq!(attrs[1], serde_json::Value::Null, "{attrs}");
        assert_eq!(attrs[2], serde_json::Value::Null, "{attrs}");
    });
}
