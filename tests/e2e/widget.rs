//! The widget on a foreign site (another origin) with aggressive global CSS: two script widgets
//! with different tags and one iframe embed.

use crate::filters::expected;
use crate::support::*;
use fantoccini::Client;
use serde_json::Value;

async fn js(c: &Client, script: &str) -> Value {
    eval(c, script).await
}

fn headlines_of(id: &str) -> String {
    format!(
        "return [...document.getElementById('{id}').shadowRoot.querySelectorAll('.headline')].map(a => a.textContent)"
    )
}

#[test]
fn widgets_and_iframe_on_a_foreign_site() {
    with_browser(|c| async move {
        let newsroom = base();
        open(&c, &format!("{}/", host_base())).await;
        let before = js(&c, "return [location.href, history.length]").await;
        js(
            &c,
            &format!(
                r#"const w = document.getElementById('widgets');
                   const widget = (id, attrs) => {{
                     const d = document.createElement('div'); d.id = id; d.setAttribute('data-newsroom', '');
                     for (const [k, v] of Object.entries(attrs)) d.setAttribute(k, v);
                     const a = document.createElement('a'); a.href = '{newsroom}/'; a.textContent = 'Nachrichten der Stadt';
                     d.appendChild(a); w.appendChild(d); }};
                   widget('w1', {{'data-tags': 'Familie', 'data-limit': '3'}});
                   widget('w2', {{'data-tags': 'Kultur', 'data-layout': 'cards', 'data-limit': '10'}});
                   document.getElementById('w2').style.setProperty('--newsroom-accent', 'rgb(200, 0, 0)');
                   widget('w3', {{'data-api': '{newsroom}/gibt-es-nicht'}});
                   const f = document.createElement('iframe'); f.id = 'f1'; f.title = 'Nachrichten der Stadt';
                   f.setAttribute('data-newsroom-embed', ''); f.src = '{newsroom}/embed?tag=Rat&limit=2';
                   f.style.cssText = 'height: 50px; width: 600px; border: 0'; w.appendChild(f);
                   const s = document.createElement('script'); s.type = 'module'; s.src = '{newsroom}/widget.js'; document.head.appendChild(s);
                   const e = document.createElement('script'); e.src = '{newsroom}/embed.js'; document.head.appendChild(e);
                   return null"#
            ),
        )
        .await;

        // Each widget shows the right items, newest first.
        wait_until(
            &c,
            "document.getElementById('w1').getAttribute('data-newsroom-state') === 'ready'",
            "widget 1 ready",
        )
        .await;
        wait_until(
            &c,
            "document.getElementById('w2').getAttribute('data-newsroom-state') === 'ready'",
            "widget 2 ready",
        )
        .await;
        // A card with a real photo names its widths, from the newsroom's host, and its slot.
        let photo = js(
            &c,
            "const img = [...document.getElementById('w2').shadowRoot.querySelectorAll('img')]
               .find((i) => i.getAttribute('srcset'));
             return img ? [img.getAttribute('srcset'), img.getAttribute('sizes'), img.getAttribute('loading')] : null",
        )
        .await;
        let srcset = photo[0].as_str().unwrap_or_else(|| panic!("no card with a photo's widths: {photo}"));
        assert!(
            srcset.split(", ").all(|c| c.starts_with(&format!("{newsroom}/media/v/")) && c.ends_with('w')),
            "{srcset}"
        );
        assert_eq!(photo[1], "(min-width:40rem) 16rem,34vw");
        assert_eq!(photo[2], "lazy");
        let familie: Vec<String> = expected(&["Familie"], "").into_iter().take(3).collect();
        assert_eq!(js(&c, &headlines_of("w1")).await, serde_json::json!(familie));
        let kultur = expected(&["Kultur"], "");
        assert_eq!(js(&c, &headlines_of("w2")).await, serde_json::json!(kultur));
        assert!(
            js(&c, "return document.getElementById('w2').shadowRoot.querySelectorAll('img').length")
                .await
                .as_u64()
                .unwrap()
                >= 1
        );

        // Links point to the newsroom, dates are German.
        let hrefs =
            js(&c, "return [...document.getElementById('w1').shadowRoot.querySelectorAll('a')].map(a => a.href)").await;
        for href in hrefs.as_array().unwrap() {
            assert!(href.as_str().unwrap().starts_with(&format!("{newsroom}/")), "{href}");
        }
        let date = js(&c, "return document.getElementById('w1').shadowRoot.querySelector('time').textContent").await;
        assert!(date.as_str().unwrap().contains("Dezember 2025"), "{date}");

        // The host's CSS does not reach the widget; the theme property does.
        let style = js(&c, "const a = document.getElementById('w1').shadowRoot.querySelector('.headline'); const s = getComputedStyle(a);
                            const li = getComputedStyle(a.closest('li'));
                            return [s.fontFamily, s.color, s.textDecorationLine, s.fontSize, li.marginTop, li.listStyleType]").await;
        let style: Vec<String> = serde_json::from_value(style).unwrap();
        assert!(!style[0].contains("Comic"), "{style:?}");
        assert_ne!(style[1], "rgb(255, 0, 255)");
        assert_ne!(style[2], "line-through");
        assert_ne!(style[3], "40px");
        assert_eq!(style[4], "0px");
        assert_eq!(style[5], "none");
        let accent = js(
            &c,
            "return getComputedStyle(document.getElementById('w2').shadowRoot.querySelector('.headline')).color",
        )
        .await;
        assert_eq!(accent, "rgb(200, 0, 0)");

        // The widget's CSS does not reach the host.
        let host = js(&c, "const s = getComputedStyle(document.querySelector('.host-text')); return [s.fontFamily, s.backgroundColor, s.color]").await;
        let host: Vec<String> = serde_json::from_value(host).unwrap();
        assert!(host[0].contains("Comic"), "{host:?}");
        assert_eq!(host[1], "rgb(255, 255, 0)");
        assert_eq!(host[2], "rgb(255, 0, 255)");

        // A widget whose content cannot be loaded leaves its fallback link usable.
        wait_until(
            &c,
            "document.getElementById('w3').getAttribute('data-newsroom-state') === 'failed'",
            "widget 3 failure",
        )
        .await;
        assert_eq!(js(&c, "return document.getElementById('w3').shadowRoot").await, Value::Null);
        assert_eq!(js(&c, "return document.querySelector('#w3 a').offsetHeight > 0").await, true);

        // The iframe grows to its content, and its links open in the top window.
        wait_until(&c, "parseInt(document.getElementById('f1').style.height) > 100", "iframe resize").await;
        let height = js(&c, "return parseInt(document.getElementById('f1').style.height)").await.as_i64().unwrap();
        c.enter_frame(0).await.unwrap();
        wait_until(&c, "document.getElementById('newsroom-embed').shadowRoot", "embed rendered").await;
        let rat: Vec<String> = expected(&["Rat"], "").into_iter().take(2).collect();
        assert_eq!(js(&c, &headlines_of("newsroom-embed")).await, serde_json::json!(rat));
        assert_eq!(
            js(&c, "return document.getElementById('newsroom-embed').shadowRoot.querySelector('.headline').target")
                .await,
            "_top"
        );
        let content = js(&c, "return document.documentElement.scrollHeight").await.as_i64().unwrap();
        assert!((height - content).abs() <= 2, "iframe {height}px, content {content}px");
        c.enter_parent_frame().await.unwrap();

        // The host's URL and history are untouched.
        assert_eq!(js(&c, "return [location.href, history.length]").await, before);
    });
}

#[test]
fn the_builder_makes_the_snippet_and_previews_it() {
    with_browser(|c| async move {
        open(&c, &format!("{}/embed/builder", base())).await;
        wait_text(&c, "h1", "Nachrichten einbetten").await;
        find(&c, "label[for='thema-Familie']").await.click().await.unwrap();
        let limit = find(&c, "#anzahl").await;
        limit.clear().await.unwrap();
        limit.send_keys("3").await.unwrap();
        let code = || async { find(&c, "#code").await.prop("value").await.unwrap().unwrap_or_default() };
        let origin = base();
        assert_eq!(
            code().await,
            format!("<div data-newsroom data-tags=\"Familie\" data-limit=\"3\"><a href=\"{origin}/\">Nachrichten der Stadt</a></div>\n<script type=\"module\" src=\"{origin}/widget.js\"></script>")
        );
        find(&c, "label[for='iframe']").await.click().await.unwrap();
        assert!(code().await.contains(&format!("src=\"{origin}/embed?tag=Familie&amp;limit=3&amp;layout=list\"")));
        // The preview shows what the snippet will show.
        let preview = find(&c, ".builder-preview").await;
        assert_eq!(attr(&preview, "src").await.as_deref(), Some("/embed?tag=Familie&limit=3&layout=list"));
        c.enter_frame(0).await.unwrap();
        wait_until(&c, "document.getElementById('newsroom-embed').shadowRoot && document.getElementById('newsroom-embed').shadowRoot.querySelectorAll('.item').length === 3", "preview").await;
        c.enter_parent_frame().await.unwrap();
    });
}

/// For the articles carrying `tag`, newest first: the credit line each image should show
/// ("Bild: …"), `None` for an image without a credit; articles without an image are left out.
fn image_credits(tag: &str, limit: usize) -> Vec<Option<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/articles");
    let mut articles: Vec<Value> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap())
        .filter(|a: &Value| a["tags"].as_array().is_some_and(|t| t.iter().any(|x| x == tag)))
        .collect();
    articles.sort_by_key(|a| {
        std::cmp::Reverse(chrono::DateTime::parse_from_rfc3339(a["published"].as_str().unwrap()).unwrap())
    });
    articles
        .iter()
        .take(limit)
        .filter(|a| a["image"].is_object())
        .map(|a| a["image"]["credit"].as_str().map(|c| format!("Bild: {c}")))
        .collect()
}

#[test]
fn cards_credit_their_photos_english_widgets_write_english_and_empty_topics_say_so() {
    with_browser(|c| async move {
        let newsroom = base();
        open(&c, &format!("{}/", host_base())).await;
        js(
            &c,
            &format!(
                r#"const w = document.getElementById('widgets');
                   const widget = (id, attrs) => {{
                     const d = document.createElement('div'); d.id = id; d.setAttribute('data-newsroom', '');
                     for (const [k, v] of Object.entries(attrs)) d.setAttribute(k, v);
                     w.appendChild(d); }};
                   widget('cards', {{'data-tags': 'Kultur', 'data-layout': 'cards', 'data-limit': '10'}});
                   widget('english', {{'data-lang': 'en', 'data-limit': '2'}});
                   widget('none', {{'data-tags': 'Familie,Wirtschaft'}});
                   const s = document.createElement('script'); s.type = 'module'; s.src = '{newsroom}/widget.js'; document.head.appendChild(s);
                   return null"#
            ),
        )
        .await;
        for id in ["cards", "english", "none"] {
            let ready = format!("document.getElementById('{id}').getAttribute('data-newsroom-state') === 'ready'");
            wait_until(&c, &ready, &format!("widget {id} ready")).await;
        }
        // Every photo carries its credit, as everywhere in the newsroom.
        let shown = js(
            &c,
            "return [...document.getElementById('cards').shadowRoot.querySelectorAll('.item')]
                .filter(li => li.querySelector('img'))
                .map(li => li.querySelector('.credit') ? li.querySelector('.credit').textContent : null)",
        )
        .await;
        let want = image_credits("Kultur", 10);
        assert!(want.iter().any(Option::is_some), "the sample has credited photos");
        assert_eq!(shown, serde_json::json!(want));
        // English labels with English dates.
        let english = js(
            &c,
            "const r = document.getElementById('english').shadowRoot;
             return [[...r.querySelectorAll('time')].map(t => t.textContent), r.querySelector('.more').textContent]",
        )
        .await;
        let dates: Vec<String> = serde_json::from_value(english[0].clone()).unwrap();
        assert_eq!(dates.len(), 2);
        for d in &dates {
            let words: Vec<&str> = d.split(' ').collect();
            assert!(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].contains(&words[0]), "{d}");
            assert!(d.contains("December 2025") || d.contains("November 2025"), "{d}");
        }
        assert_eq!(english[1], "More news");
        // Two topics without news: said in the plural.
        let empty =
            js(&c, "return document.getElementById('none').shadowRoot.querySelector('.empty').textContent").await;
        assert_eq!(empty, "Zurzeit keine Nachrichten zu diesen Themen.");
    });
}

#[test]
fn the_iframe_embed_follows_its_content_down_as_well_as_up() {
    with_browser(|c| async move {
        let newsroom = base();
        open(&c, &format!("{}/", host_base())).await;
        js(
            &c,
            &format!(
                r#"const f = document.createElement('iframe'); f.id = 'resized'; f.title = 'Nachrichten der Stadt';
                   f.setAttribute('data-newsroom-embed', ''); f.src = '{newsroom}/embed?limit=5';
                   f.style.cssText = 'height: 60px; width: 640px; border: 0';
                   document.getElementById('widgets').appendChild(f);
                   const e = document.createElement('script'); e.src = '{newsroom}/embed.js'; document.head.appendChild(e);
                   return null"#
            ),
        )
        .await;
        let height = "return parseInt(document.getElementById('resized').style.height || '0')";
        wait_until(&c, "parseInt(document.getElementById('resized').style.height || '0') > 100", "the first height")
            .await;
        // Let the height settle (images may arrive after the first report).
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let wide = js(&c, height).await.as_i64().unwrap();
        // A phone turning: narrower, the text wraps, the frame grows …
        js(&c, "document.getElementById('resized').style.width = '280px'; return null").await;
        wait_until(&c, &format!("parseInt(document.getElementById('resized').style.height) > {wide}"), "growing").await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let narrow = js(&c, height).await.as_i64().unwrap();
        // … and wider again, it shrinks back to what it was.
        js(&c, "document.getElementById('resized').style.width = '640px'; return null").await;
        wait_until(&c, &format!("parseInt(document.getElementById('resized').style.height) < {narrow}"), "shrinking")
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let again = js(&c, height).await.as_i64().unwrap();
        assert!((again - wide).abs() <= 2, "wide {wide} px, narrow {narrow} px, wide again {again} px");
        // No resize loop: the height stays put.
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert_eq!(js(&c, height).await.as_i64().unwrap(), again);
    });
}

#[test]
fn the_builder_counts_topics_validates_the_number_and_previews_at_full_height() {
    with_browser(|c| async move {
        open(&c, &format!("{}/embed/builder", base())).await;
        wait_text(&c, "h1", "Nachrichten einbetten").await;
        // Each topic says how many news it would bring.
        let familie = expected(&["Familie"], "").len();
        assert_eq!(text(&c, "label[for='thema-Familie']").await, format!("Familie ({familie})"));
        find(&c, "label[for='thema-Familie']").await.click().await.unwrap();
        let both = expected(&["Familie", "Wirtschaft"], "").len();
        assert_eq!(text(&c, "label[for='thema-Wirtschaft']").await, format!("Wirtschaft ({both})"));
        assert_eq!(both, 0, "the sample has no news on both");
        find(&c, "label[for='thema-Wirtschaft']").await.click().await.unwrap();
        // An empty widget is announced before anyone copies it.
        wait_contains(&c, ".builder-result", "keine Nachrichten").await;
        find(&c, "label[for='thema-Wirtschaft']").await.click().await.unwrap();
        wait_contains(&c, ".builder-result", &format!("zurzeit {} Nachrichten", familie.min(5))).await;

        // "Code kopiert." is about the code as it was.
        eval(&c, "Object.defineProperty(navigator, 'clipboard', { value: { writeText: t => Promise.resolve() } }); return null").await;
        // Pressed by script: the preview above resizes itself when the topics change, and a
        // pointer click at where the button was can land on the preview's links (WebKit).
        eval(&c, "document.querySelector('.share button').click(); return null").await;
        wait_text(&c, ".share [role=status]", "Code kopiert.").await;
        find(&c, "label[for='karten']").await.click().await.unwrap();
        wait_text(&c, ".share [role=status]", "").await;

        // A number the widget cannot take is explained, and the code waits for a valid one.
        let limit = find(&c, "#anzahl").await;
        // Typed over as an editor does (backspaces, not WebDriver's clear, which also fires the
        // "change" of leaving the field).
        // Backspace and Delete: where the caret lands in a number field differs between engines.
        let erase = format!("{}{}", "\u{E003}".repeat(6), "\u{E017}".repeat(6));
        for wrong in ["-3", "2.5", "99"] {
            limit.send_keys(&format!("{erase}{wrong}")).await.unwrap();
            wait_text(&c, "#anzahl-hinweis", "Bitte eine ganze Zahl von 1 bis 50 eingeben.").await;
            assert_eq!(attr(&limit, "aria-invalid").await.as_deref(), Some("true"), "{wrong}");
            assert_eq!(attr(&find(&c, ".share button").await, "disabled").await.as_deref(), Some(""), "{wrong}");
            assert!(!find(&c, "#code").await.prop("value").await.unwrap().unwrap_or_default().contains("data-limit"));
        }
        limit.send_keys(&format!("{erase}7")).await.unwrap();
        wait_until(&c, "document.getElementById('code').value.includes('data-limit=\"7\"')", "the code with 7").await;
        assert_eq!(attr(&limit, "aria-invalid").await.as_deref(), Some("false"));

        // The preview is as high as what it shows: the last card is not cut off.
        let fits = format!(
            "(() => {{ const f = document.querySelector('.builder-preview'); const d = f.contentDocument;
               const root = d && d.getElementById('newsroom-embed') && d.getElementById('newsroom-embed').shadowRoot;
               const items = root ? root.querySelectorAll('.item') : [];
               if (items.length !== {}) return false;
               const last = items[items.length - 1].getBoundingClientRect();
               return last.bottom <= f.getBoundingClientRect().height && f.getBoundingClientRect().height > 320; }})()",
            familie.min(7)
        );
        wait_until(&c, &fits, "a preview as high as its cards").await;
    });
}

/// Twenty widgets on one page share one download; a tag may hold a comma (`\,` in `data-tags`);
/// images given relative to the content load from the content's place, not the host page's; an
/// element that cannot hold the widget says why in the console.
#[test]
fn many_widgets_share_one_load_and_any_tag_fits() {
    with_browser(|c| async move {
        let newsroom = base();
        let host = host_base();
        open(&c, &format!("{host}/")).await;
        js(
            &c,
            &format!(
                r#"window.__warnings = [];
                   const warn = console.warn.bind(console);
                   console.warn = (...args) => {{ window.__warnings.push(args.join(' ')); warn(...args); }};
                   const w = document.getElementById('widgets');
                   for (let i = 0; i < 20; i++) {{
                     const d = document.createElement('div'); d.id = 'w' + i; d.setAttribute('data-newsroom', '');
                     d.setAttribute('data-api', '{host}/inhalte'); d.setAttribute('data-layout', 'cards');
                     d.setAttribute('data-tags', 'Kinder\\, Jugend'); w.appendChild(d);
                   }}
                   const a = document.createElement('a'); a.id = 'no-shadow'; a.href = '{newsroom}/';
                   a.setAttribute('data-newsroom', ''); a.setAttribute('data-api', '{host}/inhalte');
                   a.textContent = 'Nachrichten der Stadt'; w.appendChild(a);
                   const s = document.createElement('script'); s.type = 'module'; s.src = '{newsroom}/widget.js';
                   document.head.appendChild(s); return null"#
            ),
        )
        .await;
        wait_until(
            &c,
            "[...document.querySelectorAll('[data-newsroom]')].every(e => ['ready', 'failed'].includes(e.getAttribute('data-newsroom-state')))",
            "every widget settled",
        )
        .await;
        for i in [0, 19] {
            assert_eq!(
                js(&c, &headlines_of(&format!("w{i}"))).await,
                serde_json::json!(["Ferienbetreuung für Kinder und Jugendliche", "Jugendforum tagt im Rathaus"])
            );
        }
        let src = js(&c, "return document.getElementById('w3').shadowRoot.querySelector('img').src").await;
        assert_eq!(src, format!("{host}/inhalte/bilder/ferien.svg"));
        // Card images load lazily: in view, it loads from the content's place.
        js(&c, "document.getElementById('w3').scrollIntoView(); return null").await;
        wait_until(
            &c,
            "document.getElementById('w3').shadowRoot.querySelector('img').complete && performance.getEntriesByType('resource').some(e => e.name.endsWith('/inhalte/bilder/ferien.svg'))",
            "the image loaded",
        )
        .await;
        let loads = js(
            &c,
            "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/inhalte/news.json')).length",
        )
        .await;
        assert_eq!(loads, 1, "twenty widgets, one download of the index");
        // The link element keeps working as a link, and the console says what to do.
        assert_eq!(
            js(&c, "return document.getElementById('no-shadow').getAttribute('data-newsroom-state')").await,
            "failed"
        );
        let warnings = js(&c, "return window.__warnings.join('\\n')").await;
        assert!(warnings.as_str().unwrap().contains("<a> cannot hold the widget"), "{warnings}");
    });
}
