//! Any browser: without JavaScript, when the app cannot start, and at phone size.

use crate::support::*;
use fantoccini::{Client, Locator};

#[test]
fn without_javascript_an_article_is_readable_from_its_published_page() {
    with_session(Session { javascript: false }, |c| async move {
        c.goto(&format!("{}/nachrichten/{ARTICLE_SLUG}", base())).await.unwrap();
        assert_eq!(text(&c, "article h1").await, ARTICLE_HEADLINE);
        let article = text(&c, "article.article").await;
        for part in [
            "Do 11. Dezember 2025",
            "Ein Zusammenschluss europäischer Städte",
            "Schlagworte: bewerbung, dortmund, olympia, rhein-ruhr",
        ] {
            assert!(article.contains(part), "the article lacks {part:?}: {article}");
        }
        assert!(!find_all(&c, "article .lead").await.is_empty(), "the lead is shown");
        assert_eq!(texts(&c, "article .tags a").await, ["Internationales", "Familie", "Integration"]);
        assert!(find_all(&c, ".related .teaser-link").await.len() >= 3, "links to more news");
        // No "switch JavaScript on" note, and the "loading" note is hidden: nothing will load.
        assert!(!page_text(&c).await.contains("muss JavaScript eingeschaltet sein"));
        let booting = c.find(Locator::Css("#app-fallback")).await.unwrap();
        assert!(!booting.is_displayed().await.unwrap());
    });
}

#[test]
fn without_javascript_the_accessibility_statement_is_readable() {
    with_session(Session { javascript: false }, |c| async move {
        c.goto(&format!("{}/barrierefreiheit", base())).await.unwrap();
        assert_eq!(text(&c, "main h1").await, "Erklärung zur Barrierefreiheit");
        assert!(text(&c, ".statement").await.contains("Feedback und Kontakt"));
        assert!(!find_all(&c, ".statement a[href^='mailto:']").await.is_empty());
    });
}

#[test]
fn without_javascript_the_list_shows_the_newest_news_as_links() {
    with_session(Session { javascript: false }, |c| async move {
        c.goto(&format!("{}/", base())).await.unwrap();
        assert_eq!(text(&c, "main h1").await, "Nachrichten");
        let links = find_all(&c, ".teasers .teaser-link").await;
        assert_eq!(links.len(), 15, "the newest, as many as the app's first page");
        assert_eq!(attr(&links[0], "href").await.as_deref().map(|h| h.starts_with("/nachrichten/")), Some(true));
        // Images carry their credits, as in the app.
        let first = text(&c, ".teasers > li:first-child").await;
        assert!(first.contains("Bild: Stadt Dortmund / Markus Mielek"), "{first}");
    });
}

#[test]
fn when_the_app_cannot_start_the_reader_is_told_so() {
    with_browser(|c| async move {
        c.goto(&format!("{}/nachrichten/{ARTICLE_SLUG}", broken_base())).await.unwrap();
        let failed = find(&c, "#app-fallback.failed .boot-failed").await;
        assert!(failed.is_displayed().await.unwrap());
        assert!(failed.text().await.unwrap().contains("Der Newsroom kann in diesem Browser nicht starten."));
        assert!(!find(&c, "#app-fallback .booting").await.is_displayed().await.unwrap());
        let data = c.find(Locator::LinkText("Die Nachrichten als Datei (JSON)")).await.unwrap();
        assert_eq!(attr(&data, "href").await.as_deref(), Some("/api/news.json"));
        // The published article stays readable, under its own single h1.
        assert_eq!(find_all(&c, "h1").await.len(), 1);
        assert_eq!(text(&c, "article h1").await, ARTICLE_HEADLINE);
    });
}

/// The published list is unfiltered: opened at a topic's or a search's address it must not show
/// those news as the result. The app's start held back, the page says it is filtering; once the
/// app runs, the true result.
#[test]
fn a_filtered_address_never_shows_the_unfiltered_news_before_the_app() {
    with_browser(|c| async move {
        hold_the_app(&c).await;
        c.goto(&format!("{}/?tag=Internationales", base())).await.unwrap();
        assert_eq!(text(&c, "#prerendered .count").await, "Nachrichten werden gefiltert …");
        assert!(!find(&c, "#prerendered .teasers").await.is_displayed().await.unwrap(), "no unfiltered news");
        assert!(c.find(Locator::Css("#prerendered .more-news button")).await.is_ok());
        assert!(!find(&c, "#prerendered .more-news").await.is_displayed().await.unwrap());
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        wait_text(&c, ".count", "3 Nachrichten zum Thema Internationales").await;
    });
}

/// A search sent before the app has taken over (Enter in the published search box) opens the
/// list's search address, and the app then shows that search: the words are not lost.
#[test]
fn a_search_sent_before_the_app_runs_is_the_search_it_shows() {
    with_browser(|c| async move {
        hold_the_app(&c).await;
        c.goto(&format!("{}/", base())).await.unwrap();
        find(&c, "#prerendered #suche").await.send_keys("Wochenmarkt\u{E007}").await.unwrap();
        wait_until(&c, "location.search === '?q=Wochenmarkt'", "the search's address").await;
        assert_eq!(text(&c, "#prerendered .count").await, "Nachrichten werden gefiltert …");
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        assert_eq!(eval(&c, "return document.getElementById('suche').value").await, "Wochenmarkt");
        wait_until(
            &c,
            "[...document.querySelectorAll('.teasers > li')].some(li => /Wochenm(a|ä)rkt/.test(li.textContent))",
            "the search's results",
        )
        .await;
    });
}

/// A reader on a phone does not wait for the app: what they do on the published list before it
/// has taken over works at once where it can and reaches the app afterwards. Typed text, the
/// caret and the focus survive the takeover; a topic, "Themen filtern" and "Mehr Nachrichten"
/// tapped are not lost; the design chosen stays chosen.
#[test]
fn what_the_reader_does_before_the_takeover_is_kept() {
    with_browser(|c| async move {
        hold_the_app(&c).await;
        frame(&c, &base(), "/", 360, 740, None).await; // a phone: the topics behind "Themen filtern"
        assert!(!find(&c, "#prerendered #themen").await.is_displayed().await.unwrap());
        find(&c, "#prerendered .filter-toggle").await.click().await.unwrap();
        assert!(find(&c, "#prerendered #themen").await.is_displayed().await.unwrap(), "opened at once");
        assert_eq!(
            attr(&find(&c, "#prerendered .filter-toggle").await, "aria-expanded").await.as_deref(),
            Some("true")
        );
        find(&c, "#prerendered .theme-choice select").await.select_by_value("dark").await.unwrap();
        assert_eq!(eval(&c, "return document.documentElement.dataset.theme").await, "dark", "applied at once");
        c.find(Locator::XPath("//*[@id='prerendered']//button[starts-with(., 'Familie')]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(
            text(&c, "#prerendered .count").await,
            "Nachrichten werden gefiltert …",
            "no unfiltered news as the result"
        );
        let search = find(&c, "#prerendered #suche").await;
        search.click().await.unwrap();
        search.send_keys("Charta").await.unwrap();
        assert_eq!(
            eval(&c, "return document.getElementById('prerendered') !== null").await,
            true,
            "still before the takeover"
        );
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        wait_until(
            &c,
            "location.search.includes('tag=Familie') && location.search.includes('q=Charta')",
            "the topic and the search in the app",
        )
        .await;
        assert_eq!(
            eval(&c, "const s = document.getElementById('suche'); return [s.value, document.activeElement === s, s.selectionStart]").await,
            serde_json::json!(["Charta", true, 6]),
            "the typed text, the focus and the caret kept"
        );
        assert_eq!(attr(&find(&c, ".filter-toggle").await, "aria-expanded").await.as_deref(), Some("true"));
        assert!(find(&c, "#themen").await.is_displayed().await.unwrap(), "the topics open");
        assert_eq!(find(&c, ".theme-choice select").await.prop("value").await.unwrap().as_deref(), Some("dark"));
        assert_eq!(eval(&c, "return document.documentElement.dataset.theme").await, "dark");
    });
}

/// "Mehr Nachrichten" and "Teilen" tapped before the takeover are not lost either.
#[test]
fn more_news_and_share_tapped_before_the_takeover_work() {
    with_browser(|c| async move {
        hold_the_app(&c).await;
        c.goto(&format!("{}/", base())).await.unwrap();
        find(&c, "#prerendered .more-news button").await.click().await.unwrap();
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        wait_until(&c, "document.querySelectorAll('.teasers > li').length === 16", "the second page of news").await;

        hold_the_app(&c).await;
        c.goto(&format!("{}/nachrichten/{ARTICLE_SLUG}", base())).await.unwrap();
        eval(&c, "window.__shared = null; navigator.share = undefined;
                  Object.defineProperty(navigator, 'clipboard', { value: { writeText: t => { window.__shared = t; return Promise.resolve(); } } });
                  return null").await;
        find(&c, "#prerendered .share button").await.click().await.unwrap();
        wait_text(&c, "#prerendered .share-message", "Link kopiert.").await;
        let shared = eval(&c, "return window.__shared").await;
        assert!(shared.as_str().unwrap().ends_with(&format!("/nachrichten/{ARTICLE_SLUG}")));
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
    });
}

#[test]
fn a_filtered_address_says_its_news_are_unfiltered_when_the_app_cannot_start() {
    with_browser(|c| async move {
        c.goto(&format!("{}/?tag=Internationales&q=Charta", broken_base())).await.unwrap();
        find(&c, "#app-fallback.failed .boot-failed").await;
        assert_eq!(text(&c, "#prerendered .count").await, "Nicht gefiltert: alle 16 Nachrichten");
        assert!(find(&c, "#prerendered .teasers").await.is_displayed().await.unwrap(), "the news readable");
    });
}

/// Interactive elements smaller than 44 × 44 CSS px (inline links in running text are exempt),
/// and teaser cards whose centre does not open the teaser's article.
async fn small_targets(c: &Client) -> Vec<String> {
    let v = eval(
        c,
        r#"
        const out = [];
        for (const el of document.querySelectorAll('main button, main input, main select, main .tag, main .more a, main .link-block a, header a')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.width < 44 || r.height < 44) out.push(el.outerHTML.slice(0, 80) + ` ${Math.round(r.width)}x${Math.round(r.height)}`);
        }
        for (const li of document.querySelectorAll('.teasers > li')) {
            li.scrollIntoView({block: 'center'});
            const r = li.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            const link = hit && hit.closest('a');
            if (!link || link !== li.querySelector('.teaser-link')) out.push('card ' + li.textContent.slice(0, 40));
        }
        window.scrollTo(0, 0);
        return out;
        "#,
    )
    .await;
    serde_json::from_value(v).unwrap()
}

async fn horizontal_overflow(c: &Client) -> f64 {
    eval(c, "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        .await
        .as_f64()
        .unwrap()
}

async fn open_on_phone(c: &Client, path: &str) {
    open_framed(c, &base(), path, 390, 844, None).await;
}

#[test]
fn at_phone_size_nothing_scrolls_sideways_and_targets_are_touch_sized() {
    with_browser(|c| async move {
        let article = format!("/nachrichten/{ARTICLE_SLUG}");
        // 320 px is also what 1280 px at 400 % zoom, or 640 px at 200 %, leave.
        for (path, width) in
            [("/", 390), ("/?tag=Familie&q=stadt", 390), (article.as_str(), 390), ("/", 320), (article.as_str(), 320)]
        {
            open_framed(&c, &base(), path, width, 844, None).await;
            find(&c, "h1").await;
            find(&c, ".teasers > li").await;
            let width = eval(&c, "return document.documentElement.clientWidth").await.as_f64().unwrap();
            assert!(width <= 390.0, "a phone-sized viewport ({width})");
            let _ = path;
            assert_eq!(horizontal_overflow(&c).await, 0.0, "{path} scrolls sideways");
            assert_eq!(small_targets(&c).await, Vec::<String>::new(), "{path}");
        }
        // The filters work at this size too (the topics open behind "Themen filtern").
        open_on_phone(&c, "/").await;
        find(&c, ".filter-toggle").await.click().await.unwrap();
        find(&c, ".tag-toggle").await.click().await.unwrap();
        find(&c, ".tag-toggle[aria-pressed=true]").await;
        assert!(eval(&c, "return location.search").await.as_str().unwrap().starts_with("?tag="));
    });
}
