//! The site file (content/site.json) drives the whole site: after the app has taken over a
//! published page, its header and the window title carry the site's name, and every footer (list,
//! article, 404, statement) links the Impressum, the privacy statement and the contact. An
//! article's oEmbed, rendered by a foreign host page as an oEmbed consumer does, shows that
//! article's card.

use crate::support::*;
use fantoccini::Client;
use serde_json::Value;

fn site() -> Value {
    serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/site.json")).unwrap())
        .unwrap()
}

/// The site footer's links as the reader sees them: (text, href attribute).
async fn footer_links(c: &Client) -> Vec<(String, String)> {
    let links = eval(
        c,
        "return [...document.querySelectorAll('footer.site-footer a')].map(a => [a.textContent.trim(), a.getAttribute('href')])",
    )
    .await;
    serde_json::from_value(links).unwrap()
}

#[test]
fn the_site_name_is_in_the_header_and_the_title_after_the_app_takes_over() {
    with_browser(|c| async move {
        let name = site()["name"].as_str().unwrap().to_owned();
        assert_ne!(name, "Newsroom", "the sample's name differs from the default, so this test can tell them apart");
        open(&c, &format!("{}/", base())).await;
        wait_title(&c, &name).await;
        // As read (the tagline may wrap onto a line of its own).
        let brand = text(&c, ".site-header .brand").await.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(brand, format!("{name} – Nachrichten aus der Stadt"));
        // The app's own header (the published copy is gone): still the site's name after routing.
        find(&c, ".site-footer a[href='/barrierefreiheit']").await.click().await.unwrap();
        wait_text(&c, "main h1", "Erklärung zur Barrierefreiheit").await;
        wait_title(&c, &format!("Erklärung zur Barrierefreiheit – {name}")).await;
        assert_eq!(text(&c, ".site-header .brand").await.split_whitespace().collect::<Vec<_>>().join(" "), brand);
        open(&c, &format!("{}/nachrichten/{ARTICLE_SLUG}", base())).await;
        wait_title(&c, &format!("{ARTICLE_HEADLINE} – {name}")).await;
        assert_eq!(text(&c, ".site-header .brand").await.split_whitespace().collect::<Vec<_>>().join(" "), brand);
    });
}

#[test]
fn every_footer_links_the_impressum_the_privacy_statement_and_the_contact() {
    with_browser(|c| async move {
        let site = site();
        let want = [
            ("Impressum".to_owned(), site["impressum"].as_str().unwrap().to_owned()),
            ("Datenschutz".to_owned(), site["datenschutz"].as_str().unwrap().to_owned()),
            (
                format!("Kontakt: {}", site["contact"]["email"].as_str().unwrap()),
                format!("mailto:{}", site["contact"]["email"].as_str().unwrap()),
            ),
        ];
        for path in ["/", &format!("/nachrichten/{ARTICLE_SLUG}"), "/nachrichten/gibt-es-nicht", "/barrierefreiheit"] {
            open(&c, &format!("{}{path}", base())).await;
            wait_until(&c, "!!document.querySelector('main h1')", "the page's heading").await;
            let links = footer_links(&c).await;
            for link in &want {
                assert!(links.contains(link), "{path}: {link:?} not in the footer {links:?}");
            }
        }
    });
}

#[test]
fn an_articles_oembed_on_a_foreign_page_shows_that_article() {
    with_browser(|c| async move {
        let slug = "wintergalerie-kunst-im-alten-kaufhof";
        let article = newsroom::core::decode::decode_article(
            &std::fs::read_to_string(format!("{}/content/articles/{slug}.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        )
        .unwrap();
        let headline = newsroom::core::tidy::shown_headline(&article.teaser.headline).to_owned();
        let date = newsroom::core::date::german_date(&article.teaser.published);
        let newsroom = base();
        open(&c, &format!("{}/", host_base())).await;
        // An oEmbed consumer: it reads the document (CORS) and puts its `html` into the page.
        // An oEmbed consumer: it reads the document (CORS) and puts its `html` into the page. The
        // build was published for the sample's canonical address (scripts/build.sh), not the
        // test server's: the frame's address is read as published, then loaded from the server
        // under test.
        let framed = eval_async(
            &c,
            &format!(
                r#"const doc = await (await fetch('{newsroom}/oembed/{slug}.json')).json();
                   const t = document.createElement('template'); t.innerHTML = doc.html;
                   const frame = t.content.querySelector('iframe'); frame.id = 'oembed';
                   const published = new URL(frame.src);
                   frame.src = '{newsroom}' + published.pathname + published.search;
                   document.getElementById('widgets').appendChild(frame);
                   return [doc.type, doc.title, published.pathname + published.search, frame.title];"#
            ),
        )
        .await;
        assert_eq!(
            framed,
            serde_json::json!(["rich", headline, format!("/embed?artikel={slug}"), format!("Nachricht: {headline}")])
        );
        c.enter_frame(0).await.unwrap();
        wait_until(
            &c,
            "document.getElementById('newsroom-embed').shadowRoot?.querySelector('.headline')",
            "the article's card",
        )
        .await;
        let card = eval(
            &c,
            "const r = document.getElementById('newsroom-embed').shadowRoot;
             return [r.querySelectorAll('.item').length, r.querySelector('.headline').textContent,
                     r.querySelector('.headline').getAttribute('href'), r.querySelector('.headline').target,
                     r.querySelector('time').textContent, !!r.querySelector('img'), !!r.querySelector('.more')]",
        )
        .await;
        assert_eq!(
            card,
            serde_json::json!([1, headline, format!("{newsroom}/nachrichten/{slug}"), "_top", date, true, false])
        );
        c.enter_parent_frame().await.unwrap();
    });
}
