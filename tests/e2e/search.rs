//! Full-text search: the index the publish step builds (Pagefind), searched from the list. Most
//! cases run on a newsroom published from tests/fixtures/search-newsroom/ (scripts/nginx.sh,
//! port + 9), whose articles are written for them; one on the sample.

use crate::pages::ListView;
use crate::support::*;
use fantoccini::Client;

/// The newsroom published from tests/fixtures/search-newsroom/.
fn search_base() -> String {
    let port: u16 = base().rsplit(':').next().unwrap().trim_end_matches('/').parse().unwrap();
    format!("http://127.0.0.1:{}", port + 9)
}

/// Opens the list of `origin` searching `query` (as a link would) and waits for the answer:
/// the headlines found, best first.
async fn search(c: &Client, origin: &str, query: &str, status: &str) -> Vec<String> {
    open(c, &format!("{origin}/?{query}")).await;
    ListView::on(c).wait_status(status).await;
    wait_until(c, "!document.querySelector('.teasers[aria-busy]')", "the list no longer busy").await;
    ListView::on(c).headlines().await
}

const LERNPLAETZE: &str = "Mehr Lernplätze in der Stadtbibliothek";
const HAUSHALT: &str = "Rat beschließt den Haushalt 2026";
const KAEMMEREI: &str = "Die Kämmerei erklärt ihre Arbeit";
const SOMMERFEST: &str = "Sommerfest im Westpark";

#[test]
fn words_in_bodies_and_captions_are_found_in_any_form() {
    with_browser(|c| async move {
        let origin = search_base();
        for (query, status, want) in [
            // Only in the body.
            ("q=Nordstadt", "1 Nachricht mit „Nordstadt“", LERNPLAETZE),
            // Stemmed: Schule finds "Schulen", Lernplatz "Lernplätze", Maßnahme "Maßnahmen".
            ("q=Schule", "1 Nachricht mit „Schule“", LERNPLAETZE),
            ("q=Lernplatz", "1 Nachricht mit „Lernplatz“", LERNPLAETZE),
            ("q=Ma%C3%9Fnahme", "1 Nachricht mit „Maßnahme“", LERNPLAETZE),
            // ß = ss, any case.
            ("q=MASSNAHMEN", "1 Nachricht mit „MASSNAHMEN“", LERNPLAETZE),
            // Umlauts spelled out: "Bruecke" finds "Brücke", "Uebergaenge" (body) "Übergänge".
            ("q=Bruecke", "1 Nachricht mit „Bruecke“", "Brücke am Hafen gesperrt"),
            ("q=Uebergaenge", "1 Nachricht mit „Uebergaenge“", "Brücke am Hafen gesperrt"),
            // An image's caption and its credit.
            ("q=Musikpavillon", "1 Nachricht mit „Musikpavillon“", SOMMERFEST),
            ("q=Mustermann", "1 Nachricht mit „Mustermann“", SOMMERFEST),
        ] {
            assert_eq!(search(&c, &origin, query, status).await, [want], "{query}");
        }
        // The found word is highlighted in the excerpt.
        search(&c, &origin, "q=Nordstadt", "1 Nachricht mit „Nordstadt“").await;
        assert_eq!(texts(&c, ".teasers .excerpt mark").await, ["Nordstadt"]);
        // An excerpt is the article's words: a link's label without the marks and labels the
        // page adds to it for the eye and for screen readers.
        search(&c, &origin, "q=Lernraumanmeldung", "1 Nachricht mit „Lernraumanmeldung“").await;
        let excerpt = text(&c, ".teasers .excerpt").await;
        assert!(excerpt.contains("Zur Lernraumanmeldung"), "{excerpt}");
        assert!(!excerpt.contains("externer Link") && !excerpt.contains('↗'), "{excerpt}");
    });
}

#[test]
fn words_match_at_their_start_not_inside_other_words() {
    with_browser(|c| async move {
        // "Rat" finds the council ("Rat der Stadt", "Der Rat lädt …"), not "Integration" or "Gratis".
        let found = search(&c, &search_base(), "q=Rat", "2 Nachrichten mit „Rat“").await;
        assert_eq!(found, [HAUSHALT, SOMMERFEST]);
        // Several words: all of them — also across the index's parts, where the older part has
        // news about the council but none with "Sommerfest".
        let found = search(&c, &search_base(), "q=Rat%20Sommerfest", "1 Nachricht mit „Rat Sommerfest“").await;
        assert_eq!(found, [SOMMERFEST]);
        // A word no news has: nothing (Pagefind alone would answer for the other word).
        let found = search(&c, &search_base(), "q=Rat%20Xylophon", "Keine Nachrichten mit „Rat Xylophon“").await;
        assert!(found.is_empty(), "{found:?}");
    });
}

#[test]
fn headline_hits_rank_first_and_newest_first_is_a_choice() {
    with_browser(|c| async move {
        let origin = search_base();
        // "Haushalt" is the headline of one and only in the body of the other (a newer one). The
        // index is in two parts (scripts/nginx.sh): the newer news in one, the headline in the
        // other, older one, which answers second — and still ranks first.
        assert_eq!(search(&c, &origin, "q=Haushalt", "2 Nachrichten mit „Haushalt“").await, [HAUSHALT, KAEMMEREI]);
        let parts =
            eval_async(&c, "return (await (await fetch('/pagefind/parts.json')).json()).parts.map(p => p.path)").await;
        assert_eq!(parts, serde_json::json!(["2026-03/", "2026-01_2026-02/"]));
        assert_eq!(
            attr(&find(&c, ".sort-choice [aria-pressed=true]").await, "aria-pressed").await.as_deref(),
            Some("true")
        );
        assert_eq!(text(&c, ".sort-choice [aria-pressed=true]").await, "Relevanz");
        assert_chosen_order_shows(&c).await;
        find(&c, ".sort-choice button:nth-child(2)").await.click().await.unwrap();
        wait_until(&c, "location.search.includes('sortierung=neueste')", "the order in the URL").await;
        wait_until(&c, "!document.querySelector('.teasers[aria-busy]')", "the newest first").await;
        assert_eq!(ListView::on(&c).headlines().await, [KAEMMEREI, HAUSHALT]);
        // The URL holds it: a reload (or a shared link) shows the same.
        reload(&c).await;
        ListView::on(&c).wait_status("2 Nachrichten mit „Haushalt“").await;
        wait_until(&c, "!document.querySelector('.teasers[aria-busy]')", "the reloaded list").await;
        assert_eq!(ListView::on(&c).headlines().await, [KAEMMEREI, HAUSHALT]);
        assert_eq!(text(&c, ".sort-choice [aria-pressed=true]").await, "Neueste zuerst");
        assert_chosen_order_shows(&c).await;
    });
}

/// The chosen order is seen, not only told to assistive technology: filled (the other one is
/// not) and ticked.
async fn assert_chosen_order_shows(c: &Client) {
    let looks = eval(
        c,
        "return [...document.querySelectorAll('.sort-choice button')].map(b => [b.getAttribute('aria-pressed'),
           getComputedStyle(b).backgroundColor, getComputedStyle(b, '::before').content])",
    )
    .await;
    let looks = looks.as_array().unwrap();
    let (chosen, other) = if looks[0][0] == "true" { (&looks[0], &looks[1]) } else { (&looks[1], &looks[0]) };
    assert_ne!(chosen[1], other[1], "the chosen order looks like the other one: {looks:?}");
    assert_eq!(chosen[2], "\"✓ \"", "{looks:?}");
    assert!(matches!(other[2].as_str(), Some("none" | "normal" | "")), "{looks:?}");
}

#[test]
fn typing_searches_and_combines_with_topics() {
    with_browser(|c| async move {
        open(&c, &format!("{}/", search_base())).await;
        let list = ListView::on(&c);
        // Nothing of the search is loaded with the page; focusing the field starts loading it.
        let loaded = "performance.getEntriesByType('resource').some(e => /\\/search(-worker)?\\.js$|\\/pagefind\\//.test(e.name))";
        assert_eq!(eval(&c, &format!("return {loaded}")).await, false, "search code in the first view");
        list.search_field().await.click().await.unwrap();
        wait_until(&c, loaded, "the search code loading on focus").await;
        // The label names the field; each key is a new query, the last one wins.
        assert_eq!(text(&c, "label[for=suche]").await, "Nachrichten durchsuchen");
        // Every status the reader is told, in order.
        eval(
            &c,
            "window.__statuses = []; const s = document.querySelector('.count');
             new MutationObserver(() => window.__statuses.push(s.textContent))
               .observe(s, { subtree: true, childList: true, characterData: true }); return null",
        )
        .await;
        list.search_field().await.send_keys("Rat").await.unwrap();
        list.wait_status("2 Nachrichten mit „Rat“").await;
        // The index's newer part answers first, and the reader is told that older news are still
        // being searched (the council's budget is in the older part).
        let statuses = eval(&c, "return window.__statuses").await;
        let told = |s: &str| statuses.as_array().unwrap().iter().any(|t| t == s);
        assert!(told("1 Nachricht mit „Rat“ – ältere werden noch durchsucht …"), "{statuses}");
        assert_eq!(list.query().await, "q=Rat");
        wait_until(&c, "!document.querySelector('.teasers[aria-busy]')", "the answer to the last key").await;
        assert_eq!(list.headlines().await, [HAUSHALT, SOMMERFEST]);
        // Topic counts are those of the news found.
        let kultur = list.tag_button("Kultur").await.text().await.unwrap();
        assert!(kultur.ends_with("(1)"), "Kultur among the news found: {kultur}");
        list.toggle_tag("Kultur").await;
        list.wait_status("1 Nachricht zum Thema Kultur mit „Rat“").await;
        wait_until(&c, "!document.querySelector('.teasers[aria-busy]')", "the narrowed list").await;
        assert_eq!(list.headlines().await, [SOMMERFEST]);
        // The typed text survived the topic change; Enter (U+E007) does not submit the form away.
        assert_eq!(list.search_field().await.prop("value").await.unwrap().as_deref(), Some("Rat"));
        list.search_field().await.send_keys("\u{E007}").await.unwrap();
        assert_eq!(list.headlines().await, [SOMMERFEST]);
        // Back: the search without the topic again.
        c.back().await.unwrap();
        list.wait_status("2 Nachrichten mit „Rat“").await;
    });
}

#[test]
fn more_results_come_page_by_page() {
    with_browser(|c| async move {
        // 17 news mention the market (16 "Wochenmarkt", one "Wochenmärkte": the same word to
        // Pagefind's stemmer): 15 shown, "Mehr Nachrichten" brings the others. (Pagefind alone
        // would answer a part without the word for the longest word it has that begins it.)
        let first = search(&c, &search_base(), "q=Wochenmarkt", "17 Nachrichten mit „Wochenmarkt“").await;
        assert_eq!(first.len(), 15);
        ListView::on(&c).more().await;
        ListView::on(&c).wait_entries(17).await;
        wait_until(&c, "location.search.includes('seite=2')", "the page in the URL").await;
        let all = ListView::on(&c).headlines().await;
        assert_eq!(all[..15], first[..], "the first 15 stay in place");
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 17, "17 different news: {all:?}");
        assert!(find_all(&c, ".more-news button").await.is_empty(), "no more to load");
    });
}

#[test]
fn content_in_an_excerpt_is_shown_as_text() {
    with_browser(|c| async move {
        // The article's text holds `<img src=x onerror=…>` and a `<script>` element.
        search(&c, &search_base(), "q=Werkstatt", "1 Nachricht mit „Werkstatt“").await;
        let excerpt = text(&c, ".teasers .excerpt").await;
        assert!(excerpt.contains("<img src=x onerror=\"document.title='pwned'\">"), "{excerpt}");
        assert!(excerpt.contains("<script>document.title='pwned'</script>"), "{excerpt}");
        assert_eq!(eval(&c, "return document.querySelectorAll('.excerpt img, .excerpt script').length").await, 0);
        assert_ne!(c.title().await.unwrap(), "pwned");
    });
}

#[test]
fn the_sample_finds_what_only_its_bodies_say() {
    with_browser(|c| async move {
        let found = search(&c, &base(), "q=Erfahrungsaustausch", "1 Nachricht mit „Erfahrungsaustausch“").await;
        assert_eq!(found, ["Dortmund tritt Charta \"Integrating Cities\" für weltoffene Großstädte bei"]);
    });
}

#[test]
fn without_its_index_the_search_says_so_and_searches_what_is_loaded() {
    with_browser(|c| async move {
        // The fixture server has no index (/pagefind/ answers 404).
        open_fixture(&c, "paged", "/?q=meldung").await;
        wait_contains(&c, ".coverage", "Die Volltextsuche ist gerade nicht erreichbar").await;
        wait_contains(&c, ".count", "mit „meldung“").await;
        assert!(!find_all(&c, ".teasers > li").await.is_empty());
    });
}

/// A copy of the search newsroom behind its own nginx (port E2E_PORT + 20), which the test
/// publishes into again while a page is open.
struct Republished {
    port: u16,
    root: std::path::PathBuf,
    content: std::path::PathBuf,
}

impl Republished {
    fn new() -> Republished {
        let port = base_port() + 20;
        let repo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = repo.join(format!(".e2e/republished-{port}"));
        let content = repo.join(format!(".e2e/republished-content-{port}"));
        for dir in [&root, &content] {
            let _ = std::fs::remove_dir_all(dir);
        }
        let copy = |from: &std::path::Path, to: &std::path::Path| {
            assert!(std::process::Command::new("cp").arg("-a").arg(from).arg(to).status().unwrap().success());
        };
        copy(&repo.join(format!(".e2e/nginx-{}/dist-search", base_port())), &root);
        copy(&repo.join("tests/fixtures/search-newsroom"), &content);
        let site = Republished { port, root, content };
        site.nginx("start");
        site
    }

    fn nginx(&self, cmd: &str) {
        let repo = env!("CARGO_MANIFEST_DIR");
        let mut c = std::process::Command::new("bash");
        c.arg(format!("{repo}/scripts/nginx.sh")).args([cmd, &self.port.to_string()]);
        if cmd == "start" {
            c.arg(&self.root);
        }
        assert!(c.status().unwrap().success(), "nginx {cmd} on {}", self.port);
    }

    /// Publishes the content as it is now, as a CMS would (the default grace period).
    fn publish(&self) {
        let repo = env!("CARGO_MANIFEST_DIR");
        let out = std::process::Command::new("bash")
            .arg(format!("{repo}/scripts/publish.sh"))
            .arg(&self.content)
            .arg(&self.root)
            .args(["--site-url", &format!("http://127.0.0.1:{}", self.port), "--search-part-size", "5"])
            .output()
            .unwrap();
        assert!(out.status.success(), "publish: {}", String::from_utf8_lossy(&out.stderr));
    }
}

impl Drop for Republished {
    fn drop(&mut self) {
        self.nginx("stop");
    }
}

#[test]
fn an_open_page_still_searches_after_a_publish_removed_and_added_news() {
    with_browser(|c| async move {
        let site = Republished::new();
        open(&c, &format!("http://127.0.0.1:{}/", site.port)).await;
        let list = ListView::on(&c);
        list.search_field().await.click().await.unwrap();
        list.search_field().await.send_keys("Sommerfest").await.unwrap();
        list.wait_status("1 Nachricht mit „Sommerfest“").await;
        // Meanwhile the newsroom publishes: a March release removed, one added, one changed;
        // the part of the index with March is built anew.
        let articles = site.content.join("articles");
        std::fs::remove_file(articles.join("bruecke-am-hafen-gesperrt.json")).unwrap();
        let added = serde_json::json!({
            "slug": "zirkus-im-westpark", "headline": "Zirkus im Westpark", "published": "2026-03-09T10:00:00+01:00",
            "tags": ["Kultur"], "body": [{"type": "paragraph", "text": "Die Karten gibt es im Bürgerhaus."}]
        });
        std::fs::write(articles.join("zirkus-im-westpark.json"), added.to_string()).unwrap();
        let changed = articles.join("offene-werkstatt.json");
        let text = std::fs::read_to_string(&changed).unwrap().replace("Offene Werkstatt", "Offene Fahrradwerkstatt");
        std::fs::write(&changed, text).unwrap();
        site.publish();
        // The open page's search still has the index it loaded, and its files are still served:
        // the changed release is found as it was when the page loaded the index, with its excerpt.
        list.search_field().await.clear().await.unwrap();
        list.search_field().await.send_keys("Werkstatt").await.unwrap();
        list.wait_status("1 Nachricht mit „Werkstatt“").await;
        wait_until(&c, "!document.querySelector('.teasers[aria-busy]')", "the answer").await;
        assert_eq!(list.headlines().await, ["Offene Werkstatt im Stadtteilzentrum"]);
        assert!(!texts(&c, ".teasers .excerpt mark").await.is_empty(), "no excerpt");
        // A reload gets the new index: the added news are found too.
        open(&c, &format!("http://127.0.0.1:{}/?q=Bürgerhaus", site.port)).await;
        list.wait_status("2 Nachrichten mit „Bürgerhaus“").await;
        wait_until(&c, "!document.querySelector('.teasers[aria-busy]')", "the new answer").await;
        assert!(list.headlines().await.contains(&"Zirkus im Westpark".to_owned()));
    });
}

const SERVICE: &str = "Service am Westpark";
const BUERGERBUERO: &str = "Das Bürgerbüro kommt mit dem Wagen";

#[test]
fn parts_of_compound_words_are_found_below_the_word_on_its_own() {
    with_browser(|c| async move {
        let origin = search_base();
        // "Toilettenwagen" and "Grundsteuer" are found by their last part, after the news that
        // has the word on its own; the excerpt marks the compound.
        for (query, word) in [("wagen", "Toilettenwagen"), ("Steuer", "Grundsteuer")] {
            let status = format!("2 Nachrichten mit „{query}“");
            assert_eq!(search(&c, &origin, &format!("q={query}"), &status).await, [BUERGERBUERO, SERVICE], "{query}");
            let marks = texts(&c, ".teasers > li:nth-child(2) .excerpt mark").await;
            assert_eq!(marks, [word], "{query}");
        }
        // "Markt": the 16 weekly markets (their topic), the news that says "Markt" and, below it,
        // the one with "Wochenmärkte" only. (Scores of the index's two parts are not alike here:
        // every news of the older part has "Markt", which makes the word weigh nothing there.)
        let found = search(&c, &origin, "q=Markt&seite=2", "18 Nachrichten mit „Markt“").await;
        assert_eq!(found.len(), 18, "{found:?}");
        let at = |h: &str| found.iter().position(|f| f == h).unwrap();
        assert!(at(BUERGERBUERO) < at(SERVICE), "{found:?}");
        let nth = format!(".teasers > li:nth-child({}) .excerpt mark", at(SERVICE) + 1);
        assert_eq!(texts(&c, &nth).await, ["Wochenmärkte"]);
        // The sample: its news about the turn of the year lists the "Wochenmärkte".
        let found = search(&c, &base(), "q=Markt", "1 Nachricht mit „Markt“").await;
        assert_eq!(
            found,
            ["So erreichen Sie die Stadtverwaltung über den Jahreswechsel - Wochenmärkte verschieben sich"]
        );
    });
}

#[test]
fn a_typing_mistake_gets_the_archives_word_one_tap_away() {
    with_browser(|c| async move {
        let origin = search_base();
        let found = search(&c, &origin, "q=Toiletenwagen", "Keine Nachrichten mit „Toiletenwagen“").await;
        assert!(found.is_empty(), "{found:?}");
        let offer = find(&c, ".suggestion").await;
        assert_eq!(offer.text().await.unwrap(), "Meinten Sie: Toilettenwagen?");
        find(&c, ".suggestion a").await.click().await.unwrap();
        ListView::on(&c).wait_status("1 Nachricht mit „Toilettenwagen“").await;
        wait_until(&c, "location.search === '?q=Toilettenwagen'", "the suggestion in the address").await;
        assert_eq!(ListView::on(&c).headlines().await, [SERVICE]);
        assert!(find_all(&c, ".suggestion").await.is_empty(), "found: no more suggestion");
        // Two mistakes in a longer word; a word that begins news' words is no mistake.
        // (Pagefind finds the news by the words' beginnings; little found, so still a suggestion.)
        open(&c, &format!("{origin}/?q=B%C3%BCrgerb%C3%BCor%20Wagn")).await;
        wait_until(&c, "document.querySelector('.suggestion')", "the suggestion").await;
        assert_eq!(text(&c, ".suggestion").await, "Meinten Sie: Bürgerbüro Wagen?");
        search(&c, &origin, "q=Toilette%20Xylophon", "Keine Nachrichten mit „Toilette Xylophon“").await;
        assert!(find_all(&c, ".suggestion").await.is_empty(), "nothing near Xylophon");
    });
}

#[test]
fn excerpts_are_the_articles_words_not_its_topics_or_keywords() {
    with_browser(|c| async move {
        // Found by its keyword only: the excerpt is the article's beginning, without the
        // keywords or the topics.
        search(&c, &search_base(), "q=mobil", "1 Nachricht mit „mobil“").await;
        let excerpt = text(&c, ".teasers .excerpt").await;
        assert!(excerpt.starts_with("Das Bürgerbüro kommt mit dem Wagen"), "{excerpt}");
        for not in ["mobil", "vor ort", "Service", "⁂"] {
            assert!(!excerpt.contains(not), "{not:?} in {excerpt:?}");
        }
        // "Eurocitys" marks "Eurocitys", not "EU-Kommission" (the sample).
        search(&c, &base(), "q=Eurocitys", "1 Nachricht mit „Eurocitys“").await;
        let marks = texts(&c, ".teasers .excerpt mark").await;
        assert!(!marks.is_empty() && marks.iter().all(|m| m.to_lowercase().starts_with("eurocit")), "{marks:?}");
    });
}
