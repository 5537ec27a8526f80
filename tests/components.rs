//! Component tests in real browsers (wasm-bindgen-test): each block component renders the DOM a
//! reader needs. Run: cargo test --target wasm32-unknown-unknown --test components

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use newsroom::app::components::blocks::BlockView;
use newsroom::app::components::states::Failure;
use newsroom::app::components::teaser::{TeaserItem, TeaserStyle};
use newsroom::core::decode::{decode_article, decode_index};
use newsroom::core::error::LoadError;
use newsroom::core::images::Slot;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders a view into a fresh container and returns the container.
fn render<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone().unchecked_into::<HtmlElement>(), f);
    std::mem::forget(handle);
    container
}

/// Renders the first block of an article body given as JSON.
fn render_block(block_json: &str) -> Element {
    let article = decode_article(&format!(
        r#"{{"slug":"t","headline":"T","published":"2025-12-19T10:00:00+01:00","body":[{block_json}]}}"#
    ))
    .unwrap();
    let block = article.body.blocks.into_iter().next().expect("block decoded");
    render(move || view! { <BlockView block/> })
}

fn q(root: &Element, css: &str) -> Element {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("no {css} in {}", root.outer_html()))
}

fn count(root: &Element, css: &str) -> u32 {
    root.query_selector_all(css).unwrap().length()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn paragraph_with_runs() {
    let root = render_block(
        r#"{"type":"paragraph","text":[{"text":"Seit "},{"text":"1996","strong":true},{"text":" dabei: "},
            {"text":"Eurocities","href":"https://eurocities.eu/","em":true}]}"#,
    );
    let p = q(&root, "p");
    assert_eq!(text(&p), "Seit 1996 dabei: Eurocities\u{a0}↗ (externer Link)");
    let mark = p.query_selector(".external-mark").unwrap().unwrap();
    assert_eq!(mark.get_attribute("aria-hidden").as_deref(), Some("true"), "the mark is not read out");
    assert_eq!(text(&q(&p, "strong")), "1996");
    let a = q(&p, "em a");
    assert_eq!(a.get_attribute("href").as_deref(), Some("https://eurocities.eu/"));
    assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
}

#[wasm_bindgen_test]
fn markup_in_text_stays_text() {
    let root = render_block(r#"{"type":"paragraph","text":"<img src=x onerror=alert(1)><b>fett</b>"}"#);
    assert_eq!(text(&q(&root, "p")), "<img src=x onerror=alert(1)><b>fett</b>");
    assert_eq!(count(&root, "img, b"), 0);
}

#[wasm_bindgen_test]
fn headings_by_level() {
    assert_eq!(text(&q(&render_block(r#"{"type":"heading","text":"Zwei"}"#), "h2")), "Zwei");
    assert_eq!(text(&q(&render_block(r#"{"type":"heading","text":"Drei","level":3}"#), "h3")), "Drei");
}

#[wasm_bindgen_test]
fn lists_unordered_and_ordered() {
    let root =
        render_block(r#"{"type":"list","items":["Erfahrungsaustausch","Positionspapiere",[{"text":"Maßnahmen"}]]}"#);
    assert_eq!(count(&root, "ul > li"), 3);
    assert_eq!(text(&q(&root, "ul > li:nth-child(3)")), "Maßnahmen");
    let root = render_block(r#"{"type":"list","ordered":true,"items":["Eins","Zwei"]}"#);
    assert_eq!(count(&root, "ol > li"), 2);
}

#[wasm_bindgen_test]
fn quote_with_cite() {
    let root = render_block(r#"{"type":"quote","text":"Vielfalt ist Realität.","cite":"Oberbürgermeister"}"#);
    assert_eq!(text(&q(&root, "blockquote")), "Vielfalt ist Realität.");
    assert_eq!(text(&q(&root, "figcaption")), "Oberbürgermeister");
}

#[wasm_bindgen_test]
fn link_block_keeps_hreflang() {
    let root = render_block(
        r#"{"type":"link","href":"https://eurocities.eu/cities/dortmund/","label":"Beitrag (auf Englisch)","hreflang":"en"}"#,
    );
    let a = q(&root, "a");
    assert_eq!(a.get_attribute("hreflang").as_deref(), Some("en"));
    assert!(a.class_list().contains("external"));
    let root = render_block(r#"{"type":"link","href":"/nachrichten/x","label":"Intern"}"#);
    let a = q(&root, "a");
    assert_eq!(a.get_attribute("rel"), None);
    assert!(!a.class_list().contains("external"));
}

#[wasm_bindgen_test]
fn forbidden_link_schemes_render_as_text() {
    for href in ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "java\\tscript:alert(1)"] {
        let root = render_block(&format!(r#"{{"type":"link","href":"{href}","label":"Klick"}}"#));
        assert_eq!(count(&root, "a"), 0, "{href} became a link");
        assert_eq!(text(&root), "Klick");
    }
}

#[wasm_bindgen_test]
fn image_as_figure_with_caption_and_credit() {
    let root = render_block(
        r#"{"type":"image","src":"/images/a.svg","alt":"Ein Toilettenwagen","caption":"In der City","credit":"Stadt Dortmund / Laura Koscholke","width":1200,"height":675}"#,
    );
    let img = q(&root, "figure img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Ein Toilettenwagen"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("675"));
    assert_eq!(text(&q(&root, "figcaption")), "In der City · Bild: Stadt Dortmund / Laura Koscholke");
}

#[wasm_bindgen_test]
fn a_body_photo_names_its_widths_and_its_slot_and_waits_until_near() {
    let root = render_block(
        r#"{"type":"image","src":"/media/v/ab-1200.jpg","alt":"Markt","width":1200,"height":800,
            "srcset":[{"src":"/media/v/ab-320.webp","width":320},{"src":"/media/v/ab-640.webp","width":640},
                      {"src":"javascript:alert(1)","width":800},{"src":"/a.webp, /evil.webp","width":900}]}"#,
    );
    let img = q(&root, "figure img");
    // A width whose source breaks the rules, or would split the attribute, is not offered.
    assert_eq!(img.get_attribute("srcset").as_deref(), Some("/media/v/ab-320.webp 320w, /media/v/ab-640.webp 640w"));
    assert_eq!(img.get_attribute("sizes").as_deref(), Some(Slot::Body.sizes()));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("fetchpriority"), None);
    // Without widths (another producer's index): `src` alone, no `sizes`.
    let root = render_block(r#"{"type":"image","src":"/images/a.svg","alt":""}"#);
    assert_eq!(q(&root, "img").get_attribute("srcset"), None);
    assert_eq!(q(&root, "img").get_attribute("sizes"), None);
}

#[wasm_bindgen_test]
fn decorative_image_and_unsafe_source() {
    let root = render_block(r#"{"type":"image","src":"/images/a.svg","alt":""}"#);
    assert_eq!(q(&root, "img").get_attribute("alt").as_deref(), Some(""));
    let root = render_block(r#"{"type":"image","src":"javascript:alert(1)","alt":"x","credit":"Foto: A"}"#);
    assert_eq!(count(&root, "img"), 0);
    assert_eq!(text(&q(&root, "figcaption")), "Bild: Foto: A");
}

#[wasm_bindgen_test]
fn teaser_shows_german_date_and_links_the_article() {
    let index = decode_index(
        r#"{"version":1,"items":[{"slug":"olympia","headline":"Dortmund stimmt über Olympia ab","kicker":"Sport",
            "published":"2025-12-19T11:00:00+01:00","image":{"src":"/i.svg","alt":"","credit":"IMAGO / Sven Simon"}}]}"#,
    )
    .unwrap();
    let teaser = index.index.items[0].clone();
    let root = render(move || view! { <TeaserItem teaser style=TeaserStyle::Full/> });
    assert_eq!(text(&q(&root, "time")), "Fr 19. Dezember 2025");
    assert_eq!(q(&root, "time").get_attribute("datetime").as_deref(), Some("2025-12-19T11:00:00+01:00"));
    assert_eq!(q(&root, "h2 a").get_attribute("href").as_deref(), Some("/nachrichten/olympia"));
    assert_eq!(text(&q(&root, ".credit")), "Bild: IMAGO / Sven Simon");
    assert_eq!(text(&q(&root, ".kicker")), "Sport");
}

#[wasm_bindgen_test]
fn failure_names_the_problem_and_offers_retry() {
    let error = decode_article(r#"{"slug":"a","published":"2025-12-19T10:00:00+01:00","body":[]}"#).unwrap_err();
    let retried = RwSignal::new(0);
    let root = render(move || {
        view! { <Failure error what="Der Beitrag" retry=Callback::new(move |_| retried.update(|n| *n += 1))/> }
    });
    assert!(text(&root).contains("Der Beitrag konnte nicht gelesen werden: das Feld 'headline' fehlt."));
    q(&root, "button").unchecked_into::<HtmlElement>().click();
    assert_eq!(retried.get_untracked(), 1);
    assert_eq!(q(&root, "a").get_attribute("href").as_deref(), Some("/"));

    // Nothing to retry for content that does not exist.
    let root =
        render(move || view! { <Failure error=LoadError::NotFound what="Der Beitrag" retry=Callback::new(|_| ())/> });
    assert_eq!(count(&root, "button"), 0);
}

#[wasm_bindgen_test]
fn a_table_is_a_real_table_in_a_named_region_and_markup_in_cells_stays_text() {
    let root = render_block(
        r#"{"type":"table","caption":"Hebesätze","head":[["Art","2026"]],"header_column":true,
            "rows":[["B","625 %"],["<b>A</b>",[{"text":"530 %","strong":true}]]]}"#,
    );
    let region = q(&root, "div.table-scroll[role=region][tabindex='0']");
    assert_eq!(region.get_attribute("aria-label").as_deref(), Some("Tabelle: Hebesätze"));
    assert_eq!(text(&q(&region, "table > caption")), "Hebesätze");
    assert_eq!(count(&region, "thead th[scope=col]"), 2);
    assert_eq!(count(&region, "tbody th[scope=row]"), 2);
    assert_eq!(text(&q(&region, "tbody tr:last-child th")), "<b>A</b>");
    assert_eq!(count(&region, "b"), 0);
    assert_eq!(text(&q(&region, "td.num strong")), "530 %");
}

#[wasm_bindgen_test]
fn boxes_questions_files_and_contacts() {
    let root =
        render_block(r#"{"type":"infobox","kind":"important","title":"Sperrung","blocks":"Die Brücke ist zu."}"#);
    let aside = q(&root, "aside.infobox.important[role=note]");
    assert_eq!(aside.get_attribute("aria-label").as_deref(), Some("Wichtig: Sperrung"));
    assert_eq!(text(&q(&aside, "p:last-child")), "Die Brücke ist zu.");
    let root = render_block(r#"{"type":"faq","items":[{"question":"Wann?","answer":"Morgen."}]}"#);
    assert_eq!(text(&q(&root, ".faq details > summary")), "Wann?");
    let root =
        render_block(r#"{"type":"downloads","files":[{"href":"/vorlage.pdf","label":"Vorlage","size":418000}]}"#);
    assert_eq!(text(&q(&root, ".downloads li a[href='/vorlage.pdf']")), "Vorlage (PDF, 418 KB)");
    let root = render_block(r#"{"type":"contact","name":"Presse","phone":"0231 50-0","email":"javascript:alert(1)"}"#);
    assert_eq!(q(&root, "address.contact a").get_attribute("href").as_deref(), Some("tel:0231500"));
    assert_eq!(count(&root, "a"), 1, "an e-mail that is not an address is text");
}
