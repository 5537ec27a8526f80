//! The article view, opened by URL and from the list.

use crate::pages::{ArticleView, ListView};
use crate::support::*;
use fantoccini::Locator;

/// The head's descriptions (all of them) and its keywords (or null).
const HEAD_DESCRIPTION: &str =
    "return [[...document.querySelectorAll('head meta[name=description]')].map(m => m.content), \
     document.querySelector('head meta[name=keywords]')?.content ?? null]";

#[test]
fn article_by_url_shows_the_reference_article_block_by_block() {
    with_browser(|c| async move {
        ArticleView::open(&c, ARTICLE_SLUG, ARTICLE_HEADLINE).await;
        assert_eq!(find_all(&c, "h1").await.len(), 1, "exactly one h1");
        assert_eq!(text(&c, "article .kicker").await.to_lowercase(), "internationales");
        assert!(text(&c, "article .lead")
            .await
            .starts_with("Die Stadt Dortmund schließt sich der \"Integrating Cities Charta\""));

        let time = find(&c, "article .article-date time").await;
        assert_eq!(time.text().await.unwrap(), "Do 11. Dezember 2025");
        assert!(text(&c, "article .article-date").await.ends_with("· Lesezeit 2 Minuten"));
        assert_eq!(attr(&time, "datetime").await.as_deref(), Some("2025-12-11T10:15:00+01:00"));

        assert_eq!(texts(&c, "article .article-body h2").await, ["Ein Zusammenschluss europäischer Städte"]);
        assert_eq!(
            texts(&c, "article .article-body ul > li").await,
            [
                "Erfahrungsaustausch",
                "Entwicklung von gemeinsamen Positionspapieren",
                "Durchführung gemeinsamer Maßnahmen bzw. Aktivitäten zu den Themen Migration, Integration und Teilhabe von Menschen mit Zuwanderungsgeschichte",
            ]
        );
        let body = text(&c, "article .article-body").await;
        for fact in [
            "seit 1996",
            "Mehr als 200 Großstädte",
            "mehr als 130 Millionen Einwohner*innen",
            "EU-Kommission",
            "Charta der Vielfalt",
        ] {
            assert!(body.contains(fact), "body lacks {fact:?}");
        }

        // Both links, the English one with hreflang, marked external and without opener.
        let links = find_all(&c, "article .link-block a").await;
        assert_eq!(links.len(), 2);
        assert_eq!(attr(&links[0], "href").await.as_deref(), Some("https://eurocities.eu/"));
        assert!(links[0].text().await.unwrap().starts_with("zur Seite des Eurocities-Netzwerkes"));
        assert_eq!(attr(&links[1], "href").await.as_deref(), Some("https://eurocities.eu/cities/dortmund/"));
        assert_eq!(attr(&links[1], "hreflang").await.as_deref(), Some("en"));
        for link in &links {
            let rel = attr(link, "rel").await.unwrap_or_default();
            assert!(rel.contains("noopener") && rel.contains("noreferrer"), "rel={rel}");
        }

        // Tags link to the list filtered by that tag.
        assert_eq!(texts(&c, "article .tags a").await, ["Internationales", "Familie", "Integration"]);
        let tag_hrefs: Vec<_> = {
            let mut v = Vec::new();
            for a in find_all(&c, "article .tags a").await {
                v.push(attr(&a, "href").await.unwrap());
            }
            v
        };
        assert_eq!(tag_hrefs, ["/?tag=Internationales", "/?tag=Familie", "/?tag=Integration"]);

        // Document metadata.
        assert_eq!(c.title().await.unwrap(), format!("{ARTICLE_HEADLINE} – Newsroom Dortmund"));
        assert_eq!(eval(&c, "return document.documentElement.lang").await, "de");
        assert_eq!(
            eval(&c, "return document.querySelector('meta[name=keywords]').content").await,
            "bewerbung, dortmund, olympia, rhein-ruhr"
        );

        // "Weitere Nachrichten": 15 others, the editor's picks first, never the article itself.
        assert_eq!(text(&c, ".related h2").await, "Weitere Nachrichten");
        let related = find_all(&c, ".related .teasers > li").await;
        assert_eq!(related.len(), 15);
        let headlines = texts(&c, ".related .teaser-headline").await;
        assert_eq!(headlines[0], "Stadt Dortmund und ihr Netzwerk bieten Wohnungslosen umfangreiche Hilfen an");
        assert_eq!(headlines[1], "Dortmund ist in der Auswahl für ein Yad Vashem Bildungszentrum");
        assert!(!headlines.iter().any(|h| h == ARTICLE_HEADLINE));
        // After the picks, newest first: an order a reader can see at a glance.
        let stamps =
            eval(&c, "return [...document.querySelectorAll('.related time')].map(t => t.getAttribute('datetime'))")
                .await;
        let stamps: Vec<chrono::DateTime<chrono::FixedOffset>> = stamps
            .as_array()
            .unwrap()
            .iter()
            .map(|s| chrono::DateTime::parse_from_rfc3339(s.as_str().unwrap()).unwrap())
            .collect();
        assert!(stamps[2..].windows(2).all(|w| w[0] >= w[1]), "not newest first: {stamps:?}");
        let first = text(&c, ".related .teasers > li:first-child").await;
        assert!(first.contains("Do 18. Dezember 2025") && first.contains("Bild: Adobe Stock / kuarmungadd"), "{first}");
        let more = c.find(Locator::LinkText("Mehr Nachrichten")).await.unwrap();
        assert_eq!(attr(&more, "href").await.as_deref(), Some("/"));

        // The content was requested once each, by boot.js before the app ran, and the app took
        // those answers: the file names boot.js spells are the app's own (core::paths).
        let requested = eval(
            &c,
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)\
             .filter(p => p.endsWith('.json'))",
        )
        .await;
        assert_eq!(requested, serde_json::json!([format!("/api/articles/{ARTICLE_SLUG}.json"), "/api/news.json"]));
    });
}

#[test]
fn article_opens_from_the_list_and_back() {
    with_browser(|c| async move {
        open(&c, &format!("{}/", base())).await;
        find(&c, ".teasers > li").await;
        assert_eq!(find_all(&c, ".teasers > li").await.len(), 15, "a first page of 15");
        let headlines = texts(&c, ".teaser-headline").await;
        // Newest first, whatever the order in news.json.
        assert_eq!(
            headlines[0],
            "So erreichen Sie die Stadtverwaltung über den Jahreswechsel - Wochenmärkte verschieben sich"
        );

        // The reference article is the oldest: on the second page.
        find(&c, ".more-news button").await.click().await.unwrap();
        let link = ListView::on(&c).link_to(ARTICLE_SLUG).await;
        assert_eq!(find_all(&c, ".teasers > li").await.len(), 16);
        assert!(c.current_url().await.unwrap().query().unwrap_or_default().contains("seite=2"));
        link.click().await.unwrap();
        ArticleView::on(&c).wait_headline(ARTICLE_HEADLINE).await;
        assert!(c.current_url().await.unwrap().path().ends_with(ARTICLE_SLUG));
        assert_eq!(text(&c, "article .article-date time").await, "Do 11. Dezember 2025");
        // The head describes the article: its title, one description (its lead), its keywords.
        wait_title(&c, &format!("{ARTICLE_HEADLINE} – Newsroom Dortmund")).await;
        wait_until(&c, "document.querySelector('head meta[name=keywords]')", "the article's keywords").await;
        let head = eval(&c, HEAD_DESCRIPTION).await;
        assert_eq!(head[0].as_array().map(Vec::len), Some(1), "one description: {head}");
        assert!(head[0][0].as_str().unwrap().starts_with("Die Stadt Dortmund schließt sich der"), "{head}");
        assert_eq!(head[1], "bewerbung, dortmund, olympia, rhein-ruhr");

        // Back: the list as the reader left it, both pages, and the head the list's again.
        c.back().await.unwrap();
        ListView::on(&c).link_to(ARTICLE_SLUG).await;
        assert_eq!(find_all(&c, ".teasers > li").await.len(), 16);
        wait_title(&c, "Newsroom Dortmund").await;
        let head = eval(&c, HEAD_DESCRIPTION).await;
        assert_eq!(
            head,
            serde_json::json!([["Newsroom der Stadt: Pressemitteilungen, Ratsentscheidungen und Termine."], null]),
            "the site's description again, no keywords"
        );

        // The index was fetched once for the list, the article's related news and the list again.
        let fetched = eval(
            &c,
            "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/api/news.json')).length",
        )
        .await;
        assert_eq!(fetched, 1);
    });
}

#[test]
fn back_from_an_article_restores_the_list_scroll_position() {
    with_browser(|c| async move {
        open(&c, &format!("{}/?seite=2", base())).await;
        let link = ListView::on(&c).link_to(ARTICLE_SLUG).await;
        eval(&c, "document.querySelector('.teasers > li:last-child').scrollIntoView(); return null").await;
        let before = eval(&c, "return Math.round(window.scrollY)").await.as_f64().unwrap();
        assert!(before > 300.0, "the list is long enough to scroll ({before})");
        link.click().await.unwrap();
        ArticleView::on(&c).wait_headline(ARTICLE_HEADLINE).await;
        c.back().await.unwrap();
        ListView::on(&c).link_to(ARTICLE_SLUG).await;
        let restored = poll(&c, std::time::Duration::from_secs(2), |c| async move {
            let after = eval(&c, "return Math.round(window.scrollY)").await.as_f64()?;
            ((after - before).abs() <= 40.0).then_some(after)
        })
        .await;
        let after = eval(&c, "return Math.round(window.scrollY)").await;
        assert!(restored.is_some(), "scroll position {after}, was {before}");
    });
}

#[test]
fn the_external_link_mark_stays_with_the_links_last_word_on_a_narrow_screen() {
    with_browser(|c| async move {
        for width in [320, 390] {
            open_framed(&c, &base(), &format!("/nachrichten/{ARTICLE_SLUG}"), width, 844, None).await;
            wait_until(&c, "document.querySelector('.article-body a.external .external-mark')", "the external links")
                .await;
            // For each external link: where its label's last character ends and where the mark is.
            let found = eval(
                &c,
                "return [...document.querySelectorAll('main a.external')].map(a => {
                   const label = a.firstChild; const r = document.createRange();
                   r.setStart(label, label.length - 1); r.setEnd(label, label.length);
                   const last = r.getBoundingClientRect(); const mark = a.querySelector('.external-mark').getBoundingClientRect();
                   return [a.textContent, Math.round(mark.top - last.top), Math.round(mark.left - last.right)]; })",
            )
            .await;
            let found = found.as_array().unwrap();
            assert!(!found.is_empty());
            for link in found {
                let (top, gap) = (link[1].as_i64().unwrap(), link[2].as_i64().unwrap());
                // On the same line as the last word, right after it (a no-break space apart).
                assert!(top.abs() <= 4 && (0..=12).contains(&gap), "{width}px: {link}");
            }
        }
    });
}

/// The document's language follows the view: an Arabic article sets `ar`/`rtl`, the German list
/// after it `de`/`ltr` again (WCAG 3.1.1), and so does the way back.
#[test]
fn the_document_language_follows_the_view() {
    with_browser(|c| async move {
        const LANG: &str = "return [document.documentElement.lang, document.documentElement.dir || 'ltr']";
        open_fixture(&c, "hostile/rtl-and-emoji", "/nachrichten/fall").await;
        wait_until(&c, "document.documentElement.lang === 'ar'", "the Arabic article's language").await;
        assert_eq!(eval(&c, LANG).await, serde_json::json!(["ar", "rtl"]));
        find(&c, ".brand").await.click().await.unwrap();
        wait_until(&c, "document.querySelector('.teasers li')", "the list").await;
        assert_eq!(eval(&c, LANG).await, serde_json::json!(["de", "ltr"]));
        c.back().await.unwrap();
        wait_until(&c, "document.documentElement.lang === 'ar'", "the article again").await;
        assert_eq!(eval(&c, LANG).await, serde_json::json!(["ar", "rtl"]));
    });
}

/// Opened from the list, the article's head (kicker, headline, date, lead, image) is there at
/// once, from the index, while the body still loads; when the body arrives nothing above it moves
/// and the headline keeps the focus.
#[test]
fn from_the_list_the_head_shows_at_once_and_stays_put() {
    with_browser(|c| async move {
        open(&c, &format!("{}/", base())).await;
        find(&c, ".teasers > li").await;
        // Articles are held back until the test lets them through (the page's own fetch, patched).
        eval(
            &c,
            "const real = window.fetch.bind(window); window.__held = [];
             window.fetch = (input, init) => {
               const url = String(input && input.url || input);
               if (!url.includes('/articles/')) return real(input, init);
               return new Promise((resolve) => window.__held.push(() => resolve(real(input, init))));
             };
             return null",
        )
        .await;
        let first = find(&c, ".teasers > li:first-child").await;
        let headline = text(&c, ".teasers > li:first-child .teaser-headline").await;
        let lead = text(&c, ".teasers > li:first-child .teaser-lead").await;
        let images = find_all(&c, ".teasers > li:first-child img").await.len();
        first.find(Locator::Css("a")).await.unwrap().click().await.unwrap();
        wait_text(&c, "article h1", &headline).await;
        assert_eq!(text(&c, "article .lead").await, lead);
        assert_eq!(find_all(&c, "article .article-header img").await.len(), images, "the image is in the head");
        assert!(find_all(&c, "article .article-body").await.is_empty(), "the body has not arrived");
        assert!(text(&c, "article .loading").await.contains("Der Beitrag wird geladen"));
        let head = "const r = document.querySelector('article .article-header').getBoundingClientRect();
                    return [Math.round(r.top + scrollY), Math.round(r.height)]";
        let before = eval(&c, head).await;
        wait_until(&c, "document.activeElement === document.querySelector('article h1')", "focus on the headline")
            .await;

        eval(&c, "window.__held.forEach((go) => go()); return null").await;
        wait_until(&c, "!!document.querySelector('article .article-body')", "the body").await;
        find(&c, "article .tags a").await;
        assert_eq!(eval(&c, head).await, before, "the head moved when the body arrived");
        assert_eq!(
            eval(&c, "return document.activeElement === document.querySelector('article h1')").await,
            true,
            "the headline keeps the focus"
        );
        assert!(text(&c, "article .article-date").await.contains("Lesezeit"));
    });
}
