//! The gallery and the video of format 1.2 on the sample's Wintergalerie article (issue #29):
//! the larger view by keyboard and pointer, on a phone and a desktop; the video's two-click
//! consent, checked by the requests the browser made; printing opens the answers.

use crate::support::*;
use fantoccini::Client;

const GALLERY: &str = "/nachrichten/wintergalerie-kunst-im-alten-kaufhof";
const SERVICE: &str = "/nachrichten/so-erreichen-sie-die-stadtverwaltung-ueber-den-jahreswechsel";

/// Requests the page made to a video platform's hosts (Resource Timing: every fetch, image and
/// frame the document asked for).
const PLATFORM_REQUESTS: &str = r#"
    return performance.getEntriesByType('resource').map(r => r.name)
        .filter(n => /(^|\.)(youtube(-nocookie)?\.com|ytimg\.com|googlevideo\.com|vimeo\.com|vimeocdn\.com)$/.test(new URL(n).hostname))"#;

/// Sends a key to the element `css` names, as a keyboard user with focus there would (a fresh
/// handle each try: WebKit's driver refuses the active element's).
async fn press(c: &Client, css: &str, key: &str) {
    for _ in 0..5 {
        if let Ok(e) = c.find(fantoccini::Locator::Css(css)).await {
            if e.send_keys(key).await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the key did not reach the page");
}

#[test]
fn a_gallery_opens_large_goes_on_by_keyboard_and_gives_focus_back() {
    with_browser(|c| async move {
        for (width, height) in [(390, 844), (1280, 800)] {
            open_framed(&c, &base(), GALLERY, width, height, None).await;
            wait_until(&c, "document.querySelectorAll('.gallery-link').length === 4", "the gallery's thumbnails").await;
            let grid = eval(
                &c,
                "const links = [...document.querySelectorAll('.gallery-link')];
                 return [document.documentElement.scrollWidth <= innerWidth, links[1].textContent,
                   links[1].getAttribute('href'), document.querySelectorAll('.gallery-caption')[1].textContent,
                   document.querySelector('.gallery figcaption').textContent]",
            )
            .await;
            assert_eq!(grid[0], true, "{width}px: the page is not wider than the screen");
            assert_eq!(grid[1], "Bild 2 von 4, vergrößern");
            assert!(
                grid[2].as_str().unwrap().starts_with("/media/v/"),
                "a published photo, not the original: {}",
                grid[2]
            );
            assert_eq!(grid[3], "Holzarbeiten aus einer Werkstatt in Hörde · Bild: Jean-François Fortin Tam");
            assert_eq!(grid[4], "Eindrücke aus der Wintergalerie");
            // By keyboard: focus the second thumbnail, Enter.
            press(&c, ".gallery-grid li:nth-child(2) .gallery-link", "\u{E007}").await;
            wait_until(&c, "document.querySelector('dialog.gallery-dialog')?.open", "the larger view open").await;
            let view = "const d = document.querySelector('dialog.gallery-dialog');
                 return [d.getAttribute('aria-label'), d.querySelector('.gallery-position').textContent,
                   d.querySelector('figcaption').textContent, d.contains(document.activeElement),
                   d.querySelector('img').getAttribute('alt'), location.pathname]";
            let open = eval(&c, view).await;
            assert_eq!(open[0], "Bildergalerie: Eindrücke aus der Wintergalerie");
            assert_eq!(open[1], "Bild 2 von 4");
            assert_eq!(open[2], "Holzarbeiten aus einer Werkstatt in Hörde · Bild: Jean-François Fortin Tam");
            assert_eq!(open[3], true, "focus is in the dialog");
            assert_eq!(open[4], "Nahaufnahme einer Holzarbeit mit deutlicher Maserung");
            assert_eq!(open[5], GALLERY, "the page stayed");
            press(&c, "dialog .gallery-close", "\u{E014}").await; // →
            wait_until(
                &c,
                "document.querySelector('.gallery-position').textContent === 'Bild 3 von 4'",
                "the next image",
            )
            .await;
            assert_eq!(
                eval(&c, "return document.querySelector('dialog img').getAttribute('alt')").await,
                "Grafik mit zwei Bergformen unter einer gelben Sonne auf dunklem Grund"
            );
            press(&c, "dialog .gallery-close", "\u{E012}").await; // ←
            press(&c, "dialog .gallery-close", "\u{E012}").await;
            press(&c, "dialog .gallery-close", "\u{E012}").await; // round to the last
            wait_until(
                &c,
                "document.querySelector('.gallery-position').textContent === 'Bild 4 von 4'",
                "the last image",
            )
            .await;
            // The page behind is inert while the dialog is open: its links cannot take focus.
            let inert = eval(
                &c,
                "const a = document.querySelector('.gallery-link'); a.focus(); return document.activeElement !== a",
            )
            .await;
            assert_eq!(inert, true, "the page behind the dialog is inert");
            press(&c, "dialog .gallery-close", "\u{E00C}").await; // Esc
            wait_until(&c, "!document.querySelector('dialog.gallery-dialog').open", "the view closed").await;
            wait_until(
                &c,
                "document.activeElement === document.querySelectorAll('.gallery-link')[3]",
                "focus back on the thumbnail of the image last shown",
            )
            .await;
            // By pointer: a thumbnail, "Nächstes Bild", "Schließen".
            find(&c, ".gallery-link").await.click().await.unwrap();
            wait_until(&c, "document.querySelector('dialog.gallery-dialog').open", "open by a click").await;
            find(&c, "dialog .gallery-next").await.click().await.unwrap();
            wait_until(
                &c,
                "document.querySelector('.gallery-position').textContent === 'Bild 2 von 4'",
                "next by the button",
            )
            .await;
            let fits = eval(
                &c,
                "const r = document.querySelector('dialog img').getBoundingClientRect();
                 return r.width <= innerWidth && r.bottom <= innerHeight && r.width > 100",
            )
            .await;
            assert_eq!(fits, true, "{width}px: the large picture fits the screen");
            find(&c, "dialog .gallery-close").await.click().await.unwrap();
            wait_until(&c, "!document.querySelector('dialog.gallery-dialog').open", "closed by its button").await;
            wait_until(
                &c,
                "document.activeElement === document.querySelectorAll('.gallery-link')[1]",
                "focus returned",
            )
            .await;
        }
    });
}

#[test]
fn a_platform_video_is_asked_for_only_after_the_reader_agrees() {
    with_browser(|c| async move {
        open_framed(&c, &base(), GALLERY, 390, 844, None).await;
        wait_until(&c, "document.querySelector('.video-consent button')", "the video's consent").await;
        let consent = eval(
            &c,
            "const f = document.querySelector('figure.video');
             return [f.querySelector('.video-notice p').textContent, f.querySelector('.video-play').textContent,
               f.querySelector('.video-title').textContent, !!f.querySelector('iframe'),
               f.querySelector('.video-notice a').getAttribute('href')]",
        )
        .await;
        assert!(consent[0]
            .as_str()
            .unwrap()
            .starts_with("Dieses Video wird von YouTube (Google Ireland Limited) bereitgestellt."));
        assert_eq!(consent[1], "Video abspielen");
        assert_eq!(consent[2], "Rundgang durch die Wintergalerie mit Kulturdezernent");
        assert_eq!(consent[3], false, "no player before consent");
        assert_eq!(consent[4], "https://policies.google.com/privacy");
        // Scrolled into view, the lazy still and everything else loaded: still nothing asked of YouTube.
        eval(&c, "document.querySelector('figure.video').scrollIntoView(); return null").await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert_eq!(eval(&c, PLATFORM_REQUESTS).await, serde_json::json!([]), "requests to the platform before consent");
        // By keyboard, as a reader without a mouse agrees.
        press(&c, ".video-play", "\u{E007}").await;
        wait_until(&c, "document.querySelector('figure.video iframe')", "the player after consent").await;
        wait_until(
            &c,
            "document.activeElement === document.querySelector('figure.video iframe')",
            "the keyboard in the player",
        )
        .await;
        let player = eval(
            &c,
            "const f = document.querySelector('figure.video iframe');
             return [f.getAttribute('src'), f.getAttribute('title')]",
        )
        .await;
        assert_eq!(player[0], "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1&rel=0");
        assert_eq!(player[1], "Video: Rundgang durch die Wintergalerie mit Kulturdezernent");
        // The policy allows the player: the test server logs every CSP report (none expected).
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let frames: Vec<String> =
            crate::hostile::csp_violations().into_iter().filter(|l| l.contains("frame")).collect();
        assert!(frames.is_empty(), "the CSP blocked the player: {frames:?}");
    });
}

#[test]
fn printing_opens_every_answer_and_closes_them_after() {
    with_browser(|c| async move {
        open_framed(&c, &base(), SERVICE, 1280, 800, None).await;
        wait_until(&c, "document.querySelector('.faq details')", "the questions").await;
        let open = "return [...document.querySelectorAll('.faq details')].map(d => d.open)";
        let before = eval(&c, open).await;
        assert!(before.as_array().unwrap().iter().all(|o| o == false), "{before}");
        eval(&c, "dispatchEvent(new Event('beforeprint')); return null").await;
        let printing = eval(&c, open).await;
        assert!(printing.as_array().unwrap().iter().all(|o| o == true), "every answer open on paper: {printing}");
        eval(&c, "dispatchEvent(new Event('afterprint')); return null").await;
        assert_eq!(eval(&c, open).await, before, "closed again after printing");
    });
}

#[test]
fn an_own_video_has_its_still_captions_and_transcript_and_waits_for_the_reader() {
    with_browser(|c| async move {
        open_fixture(&c, "media", "/nachrichten/rede").await;
        wait_until(&c, "document.querySelector('figure.video video')", "the video").await;
        let video = eval(
            &c,
            "const v = document.querySelector('figure.video video');
             const t = [...v.querySelectorAll('track')].map(t => [t.kind, t.srclang, t.label, t.default]);
             const links = [...document.querySelectorAll('figure.video .video-link a')].map(a => [a.textContent, a.getAttribute('href')]);
             return [v.controls, v.autoplay, v.paused, v.getAttribute('preload'), v.getAttribute('poster'), t, links,
               v.getAttribute('aria-label'), document.querySelector('figure.video figcaption .video-title').textContent]",
        )
        .await;
        assert_eq!(
            video,
            serde_json::json!([
                true,
                false,
                true,
                "none",
                "/fixture-api/media/still.svg",
                [["captions", "de", "Deutsch", true], ["captions", "en", "Englisch", false]],
                [
                    ["Video herunterladen", "/fixture-api/media/rede.webm"],
                    ["Abschrift lesen", "/fixture-api/media/rede.txt"]
                ],
                "Rede des Kämmerers zum Haushalt 2026",
                "Rede des Kämmerers zum Haushalt 2026"
            ])
        );
        // The first caption file is the one shown, and it is there to read. WebKit leaves the
        // choice of captions to the reader's system preference (its tracks stay `disabled` until
        // the reader picks one), so there only the tracks themselves are checked.
        let webkit = std::env::var("BROWSER").as_deref() == Ok("webkit");
        let shown = if webkit { "true" } else { "t.mode === 'showing'" };
        wait_until(
            &c,
            &format!(
                "(() => {{ const v = document.querySelector('figure.video video'); const t = v.textTracks[0];
                   return v.textTracks.length === 2 && t.kind === 'captions' && t.language === 'de' && {shown}; }})()"
            ),
            "the German captions chosen",
        )
        .await;
        let vtt = eval_async(
            &c,
            "const r = await fetch(document.querySelector('figure.video track').src); return (await r.text()).split('\\n')[0]",
        )
        .await;
        assert_eq!(vtt, "WEBVTT");
        // Nothing of the video file is loaded before the reader plays it (a still, `preload=none`).
        let loaded =
            eval(&c, "return performance.getEntriesByType('resource').some(r => r.name.endsWith('.webm'))").await;
        assert_eq!(loaded, false);
    });
}

#[test]
fn without_javascript_the_photos_and_the_video_are_links() {
    with_session(Session { javascript: false }, |c| async move {
        c.goto(&format!("{}{GALLERY}", base())).await.unwrap();
        let links = eval(
            &c,
            "return [...document.querySelectorAll('#prerendered .gallery-link')].map(a => a.getAttribute('href'))",
        )
        .await;
        // The drawings as they are, the camera photo as the published WebP (never the original).
        let want =
            ["/media/wintergalerie-1.svg", "/media/v/…", "/media/wintergalerie-2.svg", "/media/wintergalerie-3.svg"];
        let links: Vec<String> = serde_json::from_value(links).unwrap();
        assert_eq!(links.len(), 4, "{links:?}");
        for (link, want) in links.iter().zip(want) {
            assert!(link.starts_with(want.trim_end_matches('…')), "{link} is not {want}");
        }
        let video = eval(
            &c,
            "const f = document.querySelector('#prerendered figure.video');
             return [getComputedStyle(f.querySelector('.video-play')).display, !!f.querySelector('iframe'),
               [...f.querySelectorAll('.video-link a')].map(a => a.getAttribute('href'))]",
        )
        .await;
        assert_eq!(
            video,
            serde_json::json!(["none", false, ["https://www.youtube.com/watch?v=M7lc1UVf-VE"]]),
            "no button that cannot work, the video's page as a link"
        );
        assert_eq!(eval(&c, PLATFORM_REQUESTS).await, serde_json::json!([]));
    });
}

#[test]
fn the_app_takes_over_the_gallery_and_the_video_without_a_change() {
    with_browser(|c| async move {
        let ready = "document.querySelectorAll('.related .teaser').length > 0";
        crate::publish::takes_over_without_a_change(&c, GALLERY, "prerendered", "article h1", ready, &[]).await;
    });
}

/// The larger view and the video's player are wired by boot.js (decision 21): they work on the
/// published page before the app has started, and what the reader opened there outlasts the
/// takeover: the player is the app's copy's, the open view stays open and gives focus back to
/// the app's thumbnail.
#[test]
fn the_gallery_and_the_video_work_before_the_app_has_started() {
    with_browser(|c| async move {
        hold_the_app(&c).await;
        frame(&c, &base(), GALLERY, 390, 844, None).await;
        wait_until(&c, "window.newsroomPrefetch", "boot.js run").await;
        eval(&c, "document.querySelector('#prerendered figure.video').scrollIntoView(); return null").await;
        find(&c, "#prerendered .video-play").await.click().await.unwrap();
        // Its code is loaded at this first use (media-blocks.js).
        wait_until(&c, "document.querySelector('#prerendered figure.video iframe')", "the player").await;
        let player = eval(
            &c,
            "const f = document.querySelector('#prerendered figure.video iframe');
             return [f && new URL(f.src).hostname, document.activeElement === f, !!document.getElementById('app-fallback')]",
        )
        .await;
        assert_eq!(player, serde_json::json!(["www.youtube-nocookie.com", true, true]), "the player before the app");
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        wait_until(&c, "document.querySelector('figure.video iframe')", "the player in the app's copy").await;
        assert_eq!(eval(&c, "return document.querySelectorAll('iframe').length").await, 1, "one player");

        hold_the_app(&c).await;
        frame(&c, &base(), GALLERY, 390, 844, None).await;
        wait_until(&c, "window.newsroomPrefetch", "boot.js run").await;
        press(&c, "#prerendered .gallery-grid li:nth-child(2) .gallery-link", "\u{E007}").await;
        wait_until(&c, "document.querySelector('dialog.gallery-dialog')?.open", "the larger view before the app").await;
        press(&c, "dialog .gallery-close", "\u{E014}").await; // →
        assert_eq!(text(&c, ".gallery-position").await, "Bild 3 von 4");
        assert_eq!(
            eval(&c, "return !!document.getElementById('prerendered')").await,
            true,
            "still before the takeover"
        );
        let_the_app_start(&c).await;
        wait_until(&c, "!document.getElementById('prerendered')", "the app taking over").await;
        assert_eq!(
            eval(&c, "return [document.querySelector('dialog.gallery-dialog').open, location.pathname]").await,
            serde_json::json!([true, GALLERY]),
            "the view stays open through the takeover"
        );
        press(&c, "dialog .gallery-close", "\u{E00C}").await; // Esc
        wait_until(
            &c,
            "document.activeElement === document.querySelectorAll('.gallery-link')[2] && document.activeElement.isConnected",
            "focus on the app's third thumbnail",
        )
        .await;
    });
}

#[test]
fn the_open_gallery_has_no_accessibility_violations() {
    with_browser(|c| async move {
        for theme in ["light", "dark"] {
            open_framed(&c, &base(), GALLERY, 390, 844, Some(theme)).await;
            wait_until(&c, "document.querySelector('.gallery-link')", "the gallery").await;
            find(&c, ".gallery-link").await.click().await.unwrap();
            wait_until(&c, "document.querySelector('dialog.gallery-dialog')?.open", "the larger view").await;
            let found = crate::accessibility::violations(&c).await;
            assert!(found.is_empty(), "{theme}: axe violations with the gallery open:\n{}", found.join("\n"));
        }
    });
}

#[test]
fn old_news_says_it_may_be_out_of_date_and_recent_news_does_not() {
    with_browser(|c| async move {
        open_fixture(&c, "media", "/nachrichten/archiv").await;
        wait_until(&c, "document.querySelector('.article-body')", "the old article").await;
        let note = eval(
            &c,
            "const n = document.querySelector('.outdated-note');
             return n && [n.textContent, !!(n.compareDocumentPosition(document.querySelector('.article-body')) & 4)]",
        )
        .await;
        assert_eq!(
            note,
            serde_json::json!(["Diese Meldung ist vom Do 3. Mai 2012 und möglicherweise nicht mehr aktuell.", true]),
            "the note above the text"
        );
        // An article of last year is within the fixtures' ten years.
        open_fixture(&c, "media", "/nachrichten/rede").await;
        wait_until(&c, "document.querySelector('.article-body')", "the recent article").await;
        assert_eq!(eval(&c, "return !!document.querySelector('.outdated-note')").await, false);
    });
}
