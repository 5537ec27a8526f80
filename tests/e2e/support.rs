//! Browser sessions and helpers shared by the end-to-end tests.

use fantoccini::{elements::Element, wd::Capabilities, Client, ClientBuilder, Locator};
use serde_json::json;
use std::future::Future;
use std::time::Duration;

pub const ARTICLE_SLUG: &str = "dortmund-tritt-charta-integrating-cities-bei";
pub const ARTICLE_HEADLINE: &str = "Dortmund tritt Charta \"Integrating Cities\" für weltoffene Großstädte bei";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} must be set: run the suite through scripts/test.sh"))
}

/// The release build under test.
pub fn base() -> String {
    env("NEWSROOM_URL")
}

/// The same build whose content server fails until the cookie `recover=1` is set.
pub fn flaky_base() -> String {
    env("NEWSROOM_FLAKY_URL")
}

/// The same build reading its content from `tests/fixtures/<cookie fixture>/`.
pub fn fixture_base() -> String {
    env("NEWSROOM_FIXTURE_URL")
}

/// The build whose .wasm is missing: the app cannot start.
/// A foreign site that embeds the widget (tests/fixtures/host/).
pub fn host_base() -> String {
    env("NEWSROOM_HOST_URL")
}

pub fn broken_base() -> String {
    env("NEWSROOM_BROKEN_URL")
}

/// The port of the release build's server (NEWSROOM_URL); scripts/nginx.sh numbers the others from it.
pub fn base_port() -> u16 {
    base().rsplit(':').next().and_then(|p| p.trim_end_matches('/').parse().ok()).expect("NEWSROOM_URL has a port")
}

/// The server whose root is a release made by scripts/deploy.sh (scripts/nginx.sh: port + 8).
pub fn deploy_base() -> String {
    format!("http://127.0.0.1:{}", base_port() + 8)
}

/// Where that server's releases live (`current` is its root).
pub fn releases_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(".e2e/nginx-{}/releases", base_port()))
}

/// How a session is started.
#[derive(Clone, Copy)]
pub struct Session {
    pub javascript: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session { javascript: true }
    }
}

fn capabilities(browser: &str, session: Session) -> Capabilities {
    let no_js = !session.javascript;
    let mut caps = match browser {
        "chromium" => json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--disable-background-networking", "--disable-component-update", "--no-first-run",
                         "--disable-sync", "--window-size=1280,900"]
            },
            // The page's console, read by `console_errors`.
            "goog:loggingPrefs": { "browser": "ALL" }
        }),
        "firefox" => json!({
            "browserName": "firefox",
            "moz:firefoxOptions": { "binary": "/usr/bin/firefox-esr", "args": ["-headless", "-width=1280", "-height=900"] }
        }),
        "webkit" => json!({
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": {
                "binary": "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                "args": ["--automation"]
            }
        }),
        other => panic!("unknown BROWSER {other}"),
    };
    if no_js {
        // Page scripts off; the driver's own scripts may still run.
        match browser {
            "chromium" => {
                caps["goog:chromeOptions"]["prefs"] = json!({"profile.managed_default_content_settings.javascript": 2})
            }
            "firefox" => caps["moz:firefoxOptions"]["prefs"] = json!({"javascript.enabled": false}),
            _ => caps["webkitgtk:browserOptions"]["args"]
                .as_array_mut()
                .unwrap()
                .push(json!("--enable-javascript=false")),
        }
    }
    serde_json::from_value(caps).unwrap()
}

/// Runs a test body in a fresh browser session and always closes the session, also on failure.
pub fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Client) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_session(Session::default(), test)
}

pub fn with_session<F, Fut>(session: Session, test: F)
where
    F: FnOnce(Client) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async move {
        let browser = env("BROWSER");
        let client = connect(&browser, session).await;
        if browser == "webkit" {
            // WebKitGTK's MiniBrowser has no size flag.
            let _ = client.set_window_size(1280, 900).await;
        }
        // A hung driver fails the test instead of blocking the run.
        let outcome = tokio::time::timeout(Duration::from_secs(180), tokio::spawn(test(client.clone()))).await;
        let _ = tokio::time::timeout(Duration::from_secs(20), client.close()).await;
        match outcome {
            Err(_) => panic!("the test did not finish within 180 s ({browser})"),
            Ok(Err(e)) => std::panic::resume_unwind(e.into_panic()),
            Ok(Ok(())) => {}
        }
    });
}

/// A new session, asked for up to three times. WebKitGTK's MiniBrowser now and then does not
/// start (seen in two of five WebKit suites of 75 sessions, 2026-11-27); its driver then never
/// answers that request, and the next request gets a browser.
async fn connect(browser: &str, session: Session) -> Client {
    let url = env("WEBDRIVER_URL");
    for attempt in 1..=3 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut builder = ClientBuilder::new(connector);
        let request = builder.capabilities(capabilities(browser, session)).connect(&url);
        match tokio::time::timeout(Duration::from_secs(30), request).await {
            Ok(client) => return client.expect("WebDriver session"),
            Err(_) => eprintln!("no {browser} session within 30 s (attempt {attempt} of 3)"),
        }
    }
    panic!("no {browser} session in three attempts")
}

/// Waits for an element to appear. (Polled: a view re-rendering meanwhile can make a found
/// element stale, which is "not yet", not a failure.)
pub async fn find(c: &Client, css: &str) -> Element {
    match poll(c, PATIENCE, |c| async move { c.find(Locator::Css(css)).await.ok() }).await {
        Some(e) => e,
        None => panic!("element {css:?} did not appear; page text: {}", page_text(c).await),
    }
}

/// Every element matching `css` now (polled over a view being replaced at that moment, which
/// some drivers report as a stale element).
pub async fn find_all(c: &Client, css: &str) -> Vec<Element> {
    let all = poll(c, PATIENCE, |c| async move { c.find_all(Locator::Css(css)).await.ok() }).await;
    all.unwrap_or_else(|| panic!("{css:?} could not be looked up"))
}

/// The text of the element matching `css` (waited for, read again if it went stale meanwhile).
pub async fn text(c: &Client, css: &str) -> String {
    let read = |c: Client| async move { c.find(Locator::Css(css)).await.ok()?.text().await.ok() };
    match poll(c, PATIENCE, read).await {
        Some(t) => t,
        None => panic!("element {css:?} did not appear; page text: {}", page_text(c).await),
    }
}

/// The texts of every element matching `css`, read together. (Polled: a list re-rendering
/// between finding and reading makes an element stale, which is "read again", not a failure.)
pub async fn texts(c: &Client, css: &str) -> Vec<String> {
    let read = |c: Client| async move {
        let mut out = Vec::new();
        for e in c.find_all(Locator::Css(css)).await.ok()? {
            out.push(e.text().await.ok()?);
        }
        Some(out)
    };
    poll(c, PATIENCE, read).await.unwrap_or_else(|| panic!("the texts of {css:?} could not be read"))
}

/// The attribute as written in the DOM. (WebKitWebDriver answers some attributes, such as
/// href and width, with the property value, so the suite reads them through getAttribute.)
pub async fn attr(e: &Element, name: &str) -> Option<String> {
    let c = e.clone().client();
    let v = c.execute("return arguments[0].getAttribute(arguments[1])", vec![json!(e), json!(name)]).await.unwrap();
    v.as_str().map(str::to_owned)
}

/// The one polling loop of the suite: asks `probe` every 100 ms until it answers `Some`, for at
/// most `timeout`. `None` when time ran out (the caller says what did not happen).
pub async fn poll<T, Fut>(c: &Client, timeout: Duration, mut probe: impl FnMut(Client) -> Fut) -> Option<T>
where
    Fut: Future<Output = Option<T>>,
{
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if let Some(value) = probe(c.clone()).await {
            return Some(value);
        }
        if std::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// How long the suite waits for something a reader would wait for.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Waits until the JavaScript expression `condition` is true. A frame may still hold its initial
/// blank document, so errors count as "not yet".
pub async fn wait_until(c: &Client, condition: &str, what: &str) {
    let script = format!("try {{ return !!({condition}) }} catch (e) {{ return false }}");
    let held = poll(c, PATIENCE, |c| {
        let script = script.clone();
        async move { (c.execute(&script, vec![]).await.ok()? == true).then_some(()) }
    })
    .await;
    if held.is_none() {
        panic!("{what} did not happen; page text: {}", page_text(c).await);
    }
}

/// Waits until the text of `css` equals `want`.
pub async fn wait_text(c: &Client, css: &str, want: &str) {
    let found = poll(c, PATIENCE, |c| async move {
        let text = c.find(Locator::Css(css)).await.ok()?.text().await.ok()?;
        (text == want).then_some(())
    })
    .await;
    if found.is_none() {
        panic!("{css:?} never read {want:?}; page text: {}", page_text(c).await);
    }
}

/// Waits until the document's title is `want`.
pub async fn wait_title(c: &Client, want: &str) {
    if poll(c, PATIENCE, |c| async move { (c.title().await.ok()? == want).then_some(()) }).await.is_none() {
        panic!("the title never read {want:?} but {:?}", c.title().await);
    }
}

/// Waits until the text content of `css` contains `want` (also hidden text, e.g. in a status).
pub async fn wait_contains(c: &Client, css: &str, want: &str) {
    let script = format!("const e = document.querySelector({css:?}); return e ? e.textContent : ''");
    let found = poll(c, Duration::from_secs(20), |c| {
        let script = script.clone();
        async move { c.execute(&script, vec![]).await.ok()?.as_str()?.contains(want).then_some(()) }
    })
    .await;
    if found.is_none() {
        panic!("{css} never contained {want:?}; page: {}", page_text(c).await);
    }
}

/// Opens `url` and waits until the app has taken over a published page: from then on the app's
/// view is what the reader sees and what the test talks to (the published copy is removed).
pub async fn open(c: &Client, url: &str) {
    c.goto(url).await.unwrap();
    wait_until(c, APP_STARTED, "the app starting and taking over the published page").await;
}

/// The app has started (it removes index.html's boot note) and has taken over a published
/// page's content (or there was none). A page without the app (a host site) passes at once.
const APP_STARTED: &str = "!document.getElementById('app-fallback') && !document.getElementById('prerendered')";

/// Reloads the page and waits until the app has taken it over again (see `open`).
pub async fn reload(c: &Client) {
    c.refresh().await.unwrap();
    wait_until(c, APP_STARTED, "the app taking over the reloaded page").await;
}

/// Opens `path` on the fixture server with its content read from `tests/fixtures/<fixture>/`.
pub async fn open_fixture(c: &Client, fixture: &str, path: &str) {
    c.goto(&format!("{}/fixture-api/", fixture_base())).await.unwrap();
    eval(c, &format!("document.cookie = 'fixture={fixture}; path=/'; return null")).await;
    c.goto(&format!("{}{path}", fixture_base())).await.unwrap();
}

pub async fn page_text(c: &Client) -> String {
    c.find(Locator::Css("body")).await.unwrap().text().await.unwrap_or_default()
}

pub async fn eval(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap()
}

/// Runs `script` (an async function body) in the page and returns what it returns.
pub async fn eval_async(c: &Client, script: &str) -> serde_json::Value {
    c.execute_async(
        &format!("const done = arguments[0]; (async () => {{ {script} }})().then(done, e => done('error: ' + e))"),
        vec![],
    )
    .await
    .unwrap()
}

/// Opens `origin` + `path` in an iframe of `width` × `height` CSS px on a same-origin page and
/// switches into it: the one way to get exact phone-sized viewports in every engine (desktop
/// Firefox and WebKit windows do not get narrower than about 450 px). `theme` is stored as the
/// reader's choice first ("light" or "dark").
pub async fn open_framed(c: &Client, origin: &str, path: &str, width: u32, height: u32, theme: Option<&str>) {
    frame(c, origin, path, width, height, theme).await;
    // `main` alone is not enough: a published page (the 404 page) has its own before the app starts.
    wait_until(c, &format!("document.querySelector('main') && {APP_STARTED}"), "the framed app taking over").await;
}

/// `open_framed` without waiting for the app: the page as the reader has it at first.
pub async fn frame(c: &Client, origin: &str, path: &str, width: u32, height: u32, theme: Option<&str>) {
    c.enter_parent_frame().await.ok();
    c.goto(&format!("{origin}/frame-host.txt")).await.unwrap();
    let theme = match theme {
        Some(t) => format!("localStorage.setItem('newsroom-theme', '{t}');"),
        None => "localStorage.removeItem('newsroom-theme');".to_owned(),
    };
    eval(
        c,
        &format!(
            "{theme} document.body.textContent = ''; document.body.style.margin = '0';
             const f = document.createElement('iframe');
             f.width = {width}; f.height = {height}; f.style.border = '0'; f.src = '{path}';
             document.body.appendChild(f); return null"
        ),
    )
    .await;
    c.enter_frame(0).await.unwrap();
    wait_until(c, "document.querySelector('main')", "the framed page").await;
}

/// A command of chromedriver's own beside the W3C ones (Chromium only): `path` under the session.
#[derive(Debug)]
pub struct ChromiumCommand {
    pub path: &'static str,
    pub body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromiumCommand {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/{}", session.unwrap_or_default(), self.path))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A DevTools command (`Emulation.setEmulatedMedia`, …) through chromedriver.
pub async fn devtools(c: &Client, cmd: &str, params: serde_json::Value) {
    let body = json!({ "cmd": cmd, "params": params });
    c.issue_cmd(ChromiumCommand { path: "goog/cdp/execute", body }).await.unwrap();
}

/// The errors the page's console got since the last call (Chromium: the browser log, level
/// SEVERE: script errors, console.error, failed requests). Other engines give no such log.
pub async fn console_errors(c: &Client) -> Vec<String> {
    let log = c.issue_cmd(ChromiumCommand { path: "se/log", body: json!({ "type": "browser" }) }).await.unwrap();
    log.as_array()
        .map(|entries| {
            entries
                .iter()
                .filter(|e| e["level"] == "SEVERE")
                .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Holds the app's start back in any engine (scripts/wasm-gate.py behind the newsroom's server):
/// pages opened next show what the reader has before the takeover, until `let_the_app_start`.
pub async fn hold_the_app(c: &Client) {
    gate("close");
    // The cookie is the origin's: set from a file of it that starts no app (and no service worker).
    c.goto(&format!("{}/favicon.svg", base())).await.unwrap();
    eval(c, "document.cookie = 'hold=wasm; path=/'; return null").await;
}

/// Opens the gate `hold_the_app` closed, once the page's WebAssembly request is waiting at it.
pub async fn let_the_app_start(c: &Client) {
    let held = poll(c, Duration::from_secs(20), |_| async { (gate("waiting") != "0").then_some(()) }).await;
    assert!(held.is_some(), "the app's WebAssembly request reached the gate");
    gate("open");
}

/// GET /`command` from the gate (scripts/nginx.sh: the newsroom's port + 30); its answer.
fn gate(command: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", base_port() + 30)).expect("the wasm gate runs");
    write!(stream, "GET /{command} HTTP/1.0\r\nHost: gate\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.rsplit("\r\n\r\n").next().unwrap_or_default().to_owned()
}
