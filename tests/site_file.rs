//! The site file drives the whole site: its name and legal links reach every published page (for
//! readers without JavaScript in the header and footer, for the app as `<meta>` elements it reads
//! at start), the web app manifest, and an article's oEmbed frames that article. A site file with
//! a field of the wrong type is refused, naming the field. Outputs are read back as a reader or a
//! parser sees them (attributes unescaped, JSON parsed), not by searching for markup.

#![cfg(not(target_arch = "wasm32"))]

use newsroom::publish::publish;
use std::fs;
use std::path::{Path, PathBuf};

fn scratch(name: &str, site: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsroom-site-file-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("content/articles")).unwrap();
    fs::create_dir_all(dir.join("dist")).unwrap();
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"), dir.join("dist/index.html")).unwrap();
    fs::write(dir.join("content/site.json"), site).unwrap();
    let doc = serde_json::json!({
        "slug": "kita-plaetze", "headline": "Mehr Kita-Plätze im Norden", "published": "2025-12-19T10:00:00+01:00",
        "lead": "Ein Vorspann.", "tags": ["Familie"], "body": [{"type": "paragraph", "text": "Text."}],
        "image": {"src": "/images/kita.svg", "alt": "Eine Kita", "width": 1200, "height": 675}
    });
    fs::write(dir.join("content/articles/kita-plaetze.json"), doc.to_string()).unwrap();
    dir
}

const SITE: &str = r#"{
  "name": "Stadtnachrichten <Süd> & Co",
  "impressum": "https://www.stadt.example/impressum",
  "datenschutz": "/datenschutz",
  "contact": {"email": "presse@stadt.example", "phone": "+49 231 50-0"}
}"#;

/// A tiny reading of HTML as a browser would give it back: attribute values and text unescaped.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The `content` of `<meta name="{name}">`.
fn meta(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!("<meta name=\"{name}\" content=\""))?;
    let rest = &page[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    Some(unescape(&rest[start..start + rest[start..].find('"')?]))
}

/// The footer's links: (href, text).
fn footer_links(page: &str) -> Vec<(String, String)> {
    let footer = &page[page.find("<footer class=\"site-footer\"").expect("a footer")..];
    let footer = &footer[..footer.find("</footer>").unwrap()];
    footer
        .match_indices("<a href=\"")
        .map(|(i, m)| {
            let rest = &footer[i + m.len()..];
            let href = &rest[..rest.find('"').unwrap()];
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</a>").unwrap()];
            (unescape(href), unescape(text))
        })
        .collect()
}

#[test]
fn every_page_carries_the_site_name_and_footer_links_and_the_manifest_its_name() {
    let dir = scratch("pages", SITE);
    let report = publish(&dir.join("content"), &dir.join("dist"), "https://nr.example").unwrap();
    assert!(!report.failed());
    let want = [
        ("https://www.stadt.example/impressum".to_owned(), "Impressum".to_owned()),
        ("/datenschutz".to_owned(), "Datenschutz".to_owned()),
        ("mailto:presse@stadt.example".to_owned(), "Kontakt: presse@stadt.example".to_owned()),
        ("tel:+49231500".to_owned(), "Telefon: +49 231 50-0".to_owned()),
    ];
    for page in
        ["index.html", "404.html", "nachrichten/kita-plaetze.html", "barrierefreiheit.html", "embed-builder.html"]
    {
        let html = fs::read_to_string(dir.join("dist").join(page)).unwrap();
        assert_eq!(meta(&html, "application-name").as_deref(), Some("Stadtnachrichten <Süd> & Co"), "{page}");
        assert_eq!(meta(&html, "newsroom:impressum").as_deref(), Some("https://www.stadt.example/impressum"), "{page}");
        assert_eq!(meta(&html, "newsroom:datenschutz").as_deref(), Some("/datenschutz"), "{page}");
        assert_eq!(meta(&html, "newsroom:email").as_deref(), Some("presse@stadt.example"), "{page}");
        if page == "embed-builder.html" {
            // The builder's view (its footer too) is the app's: it reads the metas above.
            continue;
        }
        let links = footer_links(&html);
        for link in &want {
            assert!(links.contains(link), "{page}: {link:?} not in {links:?}");
        }
        // The name is text, never markup.
        assert!(!html.contains("<Süd>"), "{page}");
        assert!(html.contains("Stadtnachrichten &lt;Süd&gt; &amp; Co"), "{page}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("dist/manifest.webmanifest")).unwrap()).unwrap();
    assert_eq!(manifest["short_name"], "Stadtnachrichten <Süd> & Co");
    assert_eq!(manifest["name"], "Stadtnachrichten <Süd> & Co – Nachrichten aus der Stadt");
    assert_eq!(manifest["start_url"], "/", "the rest stays the app's");
    assert!(manifest["icons"].as_array().is_some_and(|i| i.len() == 5));
}

#[test]
fn without_a_site_file_the_defaults_and_no_legal_links() {
    let dir = scratch("defaults", "{}");
    fs::remove_file(dir.join("content/site.json")).unwrap();
    publish(&dir.join("content"), &dir.join("dist"), "https://nr.example").unwrap();
    let html = fs::read_to_string(dir.join("dist/index.html")).unwrap();
    assert_eq!(meta(&html, "application-name").as_deref(), Some("Newsroom"));
    assert_eq!(meta(&html, "newsroom:impressum"), None);
    let texts: Vec<String> = footer_links(&html).into_iter().map(|(_, t)| t).collect();
    assert_eq!(texts, ["Erklärung zur Barrierefreiheit", "Nachrichten einbinden"]);
}

#[test]
fn an_articles_oembed_frames_that_article() {
    let dir = scratch("oembed", SITE);
    publish(&dir.join("content"), &dir.join("dist"), "https://nr.example").unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("dist/oembed/kita-plaetze.json")).unwrap()).unwrap();
    assert_eq!(doc["type"], "rich");
    assert_eq!(doc["title"], "Mehr Kita-Plätze im Norden");
    assert_eq!(doc["provider_name"], "Stadtnachrichten <Süd> & Co");
    assert_eq!(doc["thumbnail_url"], "https://nr.example/images/kita.svg");
    let html = doc["html"].as_str().unwrap();
    let src = &html[html.find("src=\"").unwrap() + 5..];
    assert_eq!(unescape(&src[..src.find('"').unwrap()]), "https://nr.example/embed?artikel=kita-plaetze");
    assert!(html.contains("title=\"Nachricht: Mehr Kita-Plätze im Norden\""), "{html}");
}

#[test]
fn a_site_file_with_wrong_types_is_refused_naming_the_field() {
    for (site, field, expected) in [
        (r#"{"name": 42}"#, "'name'", "erwartet wird ein Text"),
        (r#"{"contact": "x"}"#, "'contact'", "erwartet wird ein Objekt"),
        (r#"{"contact": {"email": ["a"]}}"#, "'contact.email'", "erwartet wird ein Text"),
        (r#"{"impressum": "javascript:alert(1)"}"#, "'impressum'", "keine gültige Adresse"),
    ] {
        let dir = scratch("wrong", site);
        let Err(fatal) = publish(&dir.join("content"), &dir.join("dist"), "https://nr.example") else {
            panic!("{site} was published")
        };
        let message = format!("{fatal:?}");
        assert!(message.contains(field) && message.contains(expected), "{site}: {message}");
        assert!(!dir.join("dist/nachrichten/kita-plaetze.html").exists(), "{site}: nothing is written");
    }
}
