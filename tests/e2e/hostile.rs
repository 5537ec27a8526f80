//! The hostile corpus (tests/fixtures/hostile/*/case.json): whatever arrives, the reader sees a
//! working page, nothing in the content runs, no link or image breaks the scheme rules, nothing is
//! requested from a video platform, and the Content-Security-Policy reports no violation.

use crate::support::*;
use fantoccini::Client;
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// Problems a page must never have, whatever its content: found by the page's own DOM.
const AUDIT: &str = r#"
    const bad = [];
    if (window.__pwned !== undefined) bad.push('a script from the content ran');
    for (const el of document.querySelectorAll('*'))
        for (const a of el.attributes)
            if (a.name.toLowerCase().startsWith('on')) bad.push('event handler attribute ' + a.name + ' on ' + el.tagName);
    const allowed = (url, schemes) => {
        const clean = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
        const m = /^([^:/?#]*):/.exec(clean);
        return !m || schemes.includes(m[1].toLowerCase());
    };
    for (const a of document.querySelectorAll('[href]'))
        if (!allowed(a.getAttribute('href'), ['http', 'https', 'mailto', 'tel'])) bad.push('link to ' + a.getAttribute('href'));
    for (const i of document.querySelectorAll('[src]'))
        if (!allowed(i.getAttribute('src'), ['http', 'https'])) bad.push('source ' + i.getAttribute('src'));
    for (const s of document.querySelectorAll('script'))
        if (!/\/boot\.js$/.test(s.getAttribute('src') || '') && !(s.parentNode === document.head && s.text === arguments[0]))
            bad.push('script element ' + s.outerHTML.slice(0, 80));
    for (const e of document.querySelectorAll('iframe, object, embed, body style, base'))
        bad.push('element ' + e.tagName);
    // A platform's video asks nothing of the platform before the reader agrees.
    for (const r of performance.getEntriesByType('resource'))
        if (/(^|\.)(youtube(-nocookie)?\.com|ytimg\.com|googlevideo\.com|vimeo\.com|vimeocdn\.com)$/.test(new URL(r.name).hostname))
            bad.push('request to ' + r.name);
    if (document.querySelectorAll('h1').length !== 1) bad.push(document.querySelectorAll('h1').length + ' h1 elements');
    return bad;
"#;

/// The one inline script a page may have: index.html's own, in the head (decision 21).
fn our_inline_script() -> &'static str {
    let page = include_str!("../../index.html");
    let start = page.find("<script>").expect("index.html has its inline script") + "<script>".len();
    &page[start..start + page[start..].find("</script>").unwrap()]
}

/// The view has its heading and nothing is loading any more.
const SETTLED: &str =
    "document.querySelector('main h1') && !document.querySelector('.loading, .loading-inline, [aria-busy=true]')";

/// Opens a case's page; `net` names how the content server answers (scripts/nginx.sh: e.g.
/// `latin1` declares ISO-8859-1), `none` for plain.
async fn open_case(c: &Client, name: &str, path: &str, net: &str) {
    c.goto(&format!("{}/fixture-api/", fixture_base())).await.unwrap();
    eval(c, &format!("document.cookie = 'net={net}; path=/'; return null")).await;
    open_fixture(c, &format!("hostile/{name}"), path).await;
    wait_until(c, SETTLED, &format!("{name}: the page settling")).await;
}

pub fn csp_violations() -> Vec<String> {
    let log =
        std::env::var("NEWSROOM_CSP_LOG").expect("NEWSROOM_CSP_LOG must be set: run the suite through scripts/test.sh");
    std::fs::read_to_string(log).unwrap_or_default().lines().map(str::to_owned).collect()
}

#[test]
fn every_hostile_case_gives_a_working_page_and_runs_nothing() {
    with_browser(|c| async move {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
        let mut names: Vec<String> =
            std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert!(names.len() >= 70, "the corpus has {} cases", names.len());
        let mut failures = Vec::new();
        for name in &names {
            let case: Value =
                serde_json::from_str(&std::fs::read_to_string(root.join(name).join("case.json")).unwrap()).unwrap();
            open_case(&c, name, case["open"].as_str().unwrap(), case["net"].as_str().unwrap_or("none")).await;
            let text = eval(&c, "return document.body.textContent").await.as_str().unwrap_or_default().to_owned();
            for want in case["see"].as_array().unwrap() {
                let want = want.as_str().unwrap();
                if !text.contains(want) {
                    failures.push(format!("{name}: does not show {want:?}"));
                }
            }
            for unwanted in case["absent"].as_array().unwrap() {
                let unwanted = unwanted.as_str().unwrap();
                if text.contains(unwanted) {
                    failures.push(format!("{name}: shows {unwanted:?}"));
                }
            }
            if let Some(want) = case["title"].as_str() {
                let title = eval(&c, "return document.title").await;
                if title.as_str() != Some(want) {
                    failures.push(format!("{name}: the title is {title}, not {want:?}"));
                }
            }
            let audit: Vec<String> =
                serde_json::from_value(c.execute(AUDIT, vec![Value::from(our_inline_script())]).await.unwrap())
                    .unwrap();
            failures.extend(audit.into_iter().map(|p| format!("{name}: {p}")));
        }
        // Reports arrive asynchronously.
        tokio::time::sleep(Duration::from_millis(500)).await;
        failures.extend(csp_violations().into_iter().map(|l| format!("CSP violation reported: {l}")));
        assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
    });
}
