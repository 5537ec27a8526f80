//! Reading aids and keyboard use: focus on route changes, theme, share, back to the list.

use crate::pages::{ArticleView, ListView};
use crate::support::*;
use fantoccini::{Client, Locator};

async fn active_element(c: &Client) -> String {
    eval(c, "const a = document.activeElement; return a.tagName + ':' + a.textContent.trim().slice(0, 60)")
        .await
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_route_change_moves_focus_to_the_new_h1_and_updates_the_title() {
    with_browser(|c| async move {
        open(&c, &format!("{}/?seite=2", base())).await;
        ListView::on(&c).link_to(ARTICLE_SLUG).await.click().await.unwrap();
        ArticleView::on(&c).wait_headline(ARTICLE_HEADLINE).await;
        let on_h1 = |c: Client| async move { Some(active_element(&c).await).filter(|a| a.starts_with("H1:")) };
        let active = poll(&c, std::time::Duration::from_secs(3), on_h1).await.unwrap_or(active_element(&c).await);
        assert_eq!(active, format!("H1:{}", &ARTICLE_HEADLINE.chars().take(60).collect::<String>()));
        assert_eq!(c.title().await.unwrap(), format!("{ARTICLE_HEADLINE} – Newsroom Dortmund"));
        // A first load leaves focus at the start of the page.
        reload(&c).await;
        ArticleView::on(&c).wait_headline(ARTICLE_HEADLINE).await;
        assert!(active_element(&c).await.starts_with("BODY"), "{}", active_element(&c).await);
    });
}

#[test]
fn a_link_to_another_page_of_the_site_loads_that_page() {
    with_browser(|c| async move {
        // The reader routes only its own pages; a link in the content to another page of the same
        // site (here the embed builder, which has its own bundle) is an ordinary page load.
        ListView::open(&c, "/").await;
        eval(
            &c,
            "window.sameDocument = true;
             const a = document.createElement('a'); a.href = '/embed/builder'; a.id = 'other-page';
             a.textContent = 'Nachrichten einbinden'; document.querySelector('main').prepend(a); return true",
        )
        .await;
        find(&c, "#other-page").await.click().await.unwrap();
        wait_text(&c, "main h1", "Nachrichten einbetten").await;
        assert_eq!(c.current_url().await.unwrap().path(), "/embed/builder");
        assert_eq!(eval(&c, "return window.sameDocument === undefined").await, true, "a new document");
    });
}

#[test]
fn the_skip_link_is_the_first_tab_stop_and_leads_to_the_content() {
    with_browser(|c| async move {
        open(&c, &format!("{}/", base())).await;
        find(&c, ".teasers > li").await;
        let body = c.find(Locator::Css("body")).await.unwrap();
        body.send_keys("\u{E004}").await.unwrap(); // Tab
        assert_eq!(active_element(&c).await, "A:Zum Inhalt springen");
        c.active_element().await.unwrap().send_keys("\u{E007}").await.unwrap(); // Enter
        assert_eq!(eval(&c, "return document.activeElement.id").await, "inhalt");
        // The next Tab continues inside the content, past the header.
        c.active_element().await.unwrap().send_keys("\u{E004}").await.unwrap();
        assert_eq!(eval(&c, "return document.activeElement.closest('main') !== null").await, true);
    });
}

#[test]
fn the_design_follows_the_system_or_the_readers_remembered_choice() {
    with_browser(|c| async move {
        let home = format!("{}/", base());
        open(&c, &home).await;
        eval(&c, "localStorage.setItem('newsroom-theme', 'light'); return null").await;
        open(&c, &home).await;
        let select = find(&c, ".theme-choice select").await;
        // The choice is visible and named: "Design", "Hell".
        assert_eq!(select.prop("value").await.unwrap().as_deref(), Some("light"));
        assert_eq!(text(&c, ".theme-choice span").await, "Design");
        let light_bg = eval(&c, "return getComputedStyle(document.body).backgroundColor").await;
        select.select_by_value("dark").await.unwrap();
        assert_eq!(eval(&c, "return document.documentElement.dataset.theme").await, "dark");
        let dark_bg = eval(&c, "return getComputedStyle(document.body).backgroundColor").await;
        assert_ne!(light_bg, dark_bg);
        // Remembered across visits.
        open(&c, &home).await;
        let select = find(&c, ".theme-choice select").await;
        assert_eq!(select.prop("value").await.unwrap().as_deref(), Some("dark"));
        assert_eq!(eval(&c, "return getComputedStyle(document.body).backgroundColor").await, dark_bg);
        // And back to following the system: nothing stored, no theme set.
        select.select_by_value("system").await.unwrap();
        assert_eq!(
            eval(
                &c,
                "return [localStorage.getItem('newsroom-theme'), document.documentElement.hasAttribute('data-theme')]"
            )
            .await,
            serde_json::json!([null, false])
        );
    });
}

#[test]
fn sharing_gives_visible_feedback() {
    with_browser(|c| async move {
        open(&c, &format!("{}/nachrichten/{ARTICLE_SLUG}", base())).await;
        // Stand in for the platform's share sheet and clipboard, which headless browsers lack.
        eval(&c, "window.__shared = null; navigator.share = undefined;
                  Object.defineProperty(navigator, 'clipboard', { value: { writeText: t => { window.__shared = t; return Promise.resolve(); } } });
                  return null").await;
        find(&c, ".share button").await.click().await.unwrap();
        wait_text(&c, ".share-message", "Link kopiert.").await;
        let shared = eval(&c, "return window.__shared").await;
        assert!(shared.as_str().unwrap().ends_with(&format!("/nachrichten/{ARTICLE_SLUG}")));
        assert_eq!(attr(&find(&c, ".share-message").await, "role").await.as_deref(), Some("status"));
    });
}

#[test]
fn back_to_the_list_keeps_the_filters() {
    with_browser(|c| async move {
        open(&c, &format!("{}/?tag=Familie", base())).await;
        ListView::on(&c).link_to(ARTICLE_SLUG).await.click().await.unwrap();
        ArticleView::on(&c).wait_headline(ARTICLE_HEADLINE).await;
        c.find(Locator::LinkText("← Zurück zur Übersicht")).await.unwrap().click().await.unwrap();
        find(&c, ".tag-toggle[aria-pressed=true]").await;
        assert_eq!(c.current_url().await.unwrap().query(), Some("tag=Familie"));
    });
}

#[test]
fn back_to_the_list_links_the_list_the_reader_came_from() {
    with_browser(|c| async move {
        ListView::open(&c, "/?tag=Familie").await;
        let first = find(&c, ".teasers > li:first-child .teaser-link").await;
        let headline = first.text().await.unwrap();
        first.click().await.unwrap();
        ArticleView::on(&c).wait_headline(&headline).await;
        // The link's address is the list with its filter: for a new tab, copying, a links list.
        let back = find(&c, ".back a").await;
        assert_eq!(attr(&back, "href").await.as_deref(), Some("/?tag=Familie"));
        back.click().await.unwrap();
        ListView::on(&c)
            .wait_status(&format!("{} Nachrichten zum Thema Familie", crate::filters::expected(&["Familie"], "").len()))
            .await;
    });
}

#[test]
fn an_updated_article_says_when_it_was_changed() {
    with_browser(|c| async move {
        let headline = "In Hörde hat sich viel getan – Stadtumbau nach 16 Jahren vor dem Abschluss";
        ArticleView::open(&c, "in-hoerde-hat-sich-viel-getan", headline).await;
        assert_eq!(text(&c, ".article-updated").await, "Aktualisiert: Di 16. Dezember 2025, 9:15 Uhr");
        let time = find(&c, ".article-updated time").await;
        assert_eq!(attr(&time, "datetime").await.as_deref(), Some("2025-12-16T09:15:00+01:00"));
        // An article never changed says nothing of the kind.
        ArticleView::open(&c, ARTICLE_SLUG, ARTICLE_HEADLINE).await;
        assert!(find_all(&c, ".article-updated").await.is_empty());
    });
}

#[test]
fn printing_is_dark_on_white_with_link_addresses_in_both_themes() {
    // Print media can be emulated only through Chromium's DevTools; the other engines have no
    // WebDriver way to it.
    if std::env::var("BROWSER").as_deref() != Ok("chromium") {
        eprintln!("print emulation needs Chromium's DevTools: checked in the Chromium run");
        return;
    }
    with_browser(|c| async move {
        for theme in ["dark", "light"] {
            open(&c, &format!("{}/", base())).await;
            eval(&c, &format!("localStorage.setItem('newsroom-theme', '{theme}'); return null")).await;
            ArticleView::open(&c, ARTICLE_SLUG, ARTICLE_HEADLINE).await;
            let print = serde_json::json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] });
            devtools(&c, "Emulation.setEmulatedMedia", print).await;
            let seen = eval(
                &c,
                "const b = getComputedStyle(document.body); const a = document.querySelector('.article-body a.external');
                 return [b.color, b.backgroundColor, getComputedStyle(a).color, getComputedStyle(a, '::after').content, a.getAttribute('href')]",
            )
            .await;
            assert_eq!(seen[0], "rgb(0, 0, 0)", "{theme}: text");
            assert_eq!(seen[1], "rgb(255, 255, 255)", "{theme}: paper");
            assert_eq!(seen[2], "rgb(0, 0, 0)", "{theme}: links");
            let after = seen[3].as_str().unwrap_or_default();
            assert!(after.contains(seen[4].as_str().unwrap()), "{theme}: the link's address is printed: {after}");
            devtools(&c, "Emulation.setEmulatedMedia", serde_json::json!({ "media": "" })).await;
        }
    });
}
