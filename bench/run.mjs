// The Newsroom benchmark: prints transfer sizes, article load on an emulated mid-range phone
// against a static HTML page of the same article, list/filter/search timings with 1,000 and
// 10,000 items against a plain-JavaScript baseline, and memory. Run it with `bash bench/run.sh`.
import { chromium } from "playwright-core";
import { readFileSync, readdirSync, statSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";

const [site, site1k, site10k, siteCsr] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const DIST = "dist";
const ARTICLE = "/nachrichten/dortmund-tritt-charta-integrating-cities-bei";
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => (n / 1024).toFixed(1);
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join("  "));
  console.log();
};

// 1. Transfer sizes -------------------------------------------------------------------------
function sizes(file) {
  const raw = readFileSync(file);
  return [raw.length, gzipSync(raw, { level: 9 }).length, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
}
const find = (re, dir = DIST) => readdirSync(dir).filter((f) => re.test(f)).map((f) => join(dir, f));
const firstView = {
  html: [join(DIST, "index.html")],
  js: [...find(/^newsroom-[0-9a-f]+\.js$/), join(DIST, "boot.js")],
  wasm: find(/_bg\.wasm$/),
  css: find(/^main-[0-9a-f]+\.css$/),
};
const sum = (files) => files.map(sizes).reduce((a, b) => a.map((x, i) => x + b[i]), [0, 0, 0]);
const rows = [["first view", "raw KiB", "gzip KiB", "brotli KiB"]];
let total = [0, 0, 0];
for (const [kind, files] of Object.entries(firstView)) {
  const s = sum(files); total = total.map((x, i) => x + s[i]);
  rows.push([kind, kb(s[0]), kb(s[1]), kb(s[2])]);
}
rows.push(["= html+js+wasm+css", kb(total[0]), kb(total[1]), kb(total[2])]);
for (const [name, file] of [["json: article", join(DIST, "api/articles/dortmund-tritt-charta-integrating-cities-bei.json")], ["json: news.json (16 items)", join(DIST, "api/news.json")]]) {
  const s = sizes(file); rows.push([name, kb(s[0]), kb(s[1]), kb(s[2])]);
}
const widget = sum([join(DIST, "widget.js"), join(DIST, "widget/newsroom-widget.js"), join(DIST, "widget/newsroom-widget_bg.wasm")]);
rows.push(["widget (script embed)", kb(widget[0]), kb(widget[1]), kb(widget[2])]);
// The floor: a minimal Leptos 0.8 app with the router (bench/floor), wasm + its JS glue.
const floor = sum([".bench/floor/floor.js", ".bench/floor/floor_bg.wasm"]);
rows.push(["floor: minimal Leptos+router (wasm+js)", kb(floor[0]), kb(floor[1]), kb(floor[2])]);
const plain = sum([".bench/floor-no-router/floor.js", ".bench/floor-no-router/floor_bg.wasm"]);
rows.push(["floor without leptos_router (wasm+js)", kb(plain[0]), kb(plain[1]), kb(plain[2])]);
const appCode = sum([...firstView.js.filter((f) => !f.endsWith("boot.js")), ...firstView.wasm]);
rows.push(["app wasm+js / floor without router", (appCode[0] / plain[0]).toFixed(2), (appCode[1] / plain[1]).toFixed(2), (appCode[2] / plain[2]).toFixed(2)]);
console.log("== 1. Transfer size (targets: first view <= 100 KiB brotli, widget <= 60 KiB)");
table(rows);

// Browser helpers ----------------------------------------------------------------------------
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"] });
const OBSERVE = () => {
  window.__lcp = 0; window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });
};
async function page({ cpu = 1, network = false } = {}) {
  // bypassCSP: the measuring helpers evaluate strings in the page (the CSP itself is tested in tests/e2e).
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, bypassCSP: true });
  const p = await context.newPage();
  await p.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) {
    // Lighthouse's DevTools throttling for a mid-range phone: 562.5 ms request latency
    // (the request-level equivalent of a 150 ms round trip), 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  return { p, context, cdp };
}
// Polls in the page until `test` holds; returns performance.now() at that moment.
const until = (p, test) => p.waitForFunction(`(${test}) ? performance.now() : false`, null, { polling: "raf", timeout: 120000 }).then((h) => h.jsonValue());

// 2. Article on an emulated phone vs a static page ------------------------------------------
console.log(`== 2. Article, first load, emulated mid-range phone (CPU 4x, 562.5 ms latency, 1.6/0.75 Mbit/s), median of ${RUNS}`);
// "entry": the published entry page (the article as HTML, then the app takes over); "app": the
// same app without an entry page (client-side rendering only); "static": the floor.
const art = Object.fromEntries(["entry", "app", "static"].map((k) => [k, { lcp: [], done: [], cls: [] }]));
for (let i = 0; i < RUNS; i++) {
  for (const kind of ["entry", "app", "static"]) {
    const { p, context } = await page({ cpu: 4, network: true });
    const url = { entry: `${site}${ARTICLE}`, app: `${siteCsr}${ARTICLE}`, static: `${site}/bench/static-article.html` }[kind];
    await p.goto(url, { waitUntil: "commit" });
    // Complete: the article and its related news, and (entry page) the app has taken over.
    const done = await until(p, "document.querySelector('article h1') && document.querySelectorAll('.related .teasers > li').length > 0 && !document.getElementById('prerendered')");
    await p.waitForFunction(() => window.__lcp > 0, null, { timeout: 10000 }).catch(() => {});
    await p.waitForTimeout(500);
    const [lcp, cls] = await p.evaluate(() => [window.__lcp, window.__cls]);
    art[kind].lcp.push(lcp); art[kind].done.push(done); art[kind].cls.push(cls);
    await context.close();
  }
}
table([
  ["", "headline painted (LCP) ms", "article complete ms", "CLS"],
  ["entry page (published), app takes over", median(art.entry.lcp).toFixed(0), median(art.entry.done).toFixed(0), median(art.entry.cls).toFixed(3)],
  ["app only (client-side rendering)", median(art.app.lcp).toFixed(0), median(art.app.done).toFixed(0), median(art.app.cls).toFixed(3)],
  ["static HTML (floor)", median(art.static.lcp).toFixed(0), median(art.static.done).toFixed(0), median(art.static.cls).toFixed(3)],
  ["ratio entry page / static", (median(art.entry.lcp) / median(art.static.lcp)).toFixed(2), (median(art.entry.done) / median(art.static.done)).toFixed(2), ""],
  ["ratio app only / static", (median(art.app.lcp) / median(art.static.lcp)).toFixed(2), (median(art.app.done) / median(art.static.done)).toFixed(2), ""],
]);

// 3. List, filters, search with 1,000 and 10,000 items vs plain JavaScript -----------------------
console.log(`== 3. List and filters, CPU 4x, median of ${RUNS} (baseline: plain JavaScript in bench/baseline)`);
// Time from an action to the page having changed and painted: a mutation in <main> (observed
// from before the action, which a synchronous renderer finishes inside it), then a frame.
const measure = (action) => `(async () => {
  const changed = new Promise((r) => { const mo = new MutationObserver(() => { mo.disconnect(); r(); });
    mo.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(r, 3000); });
  const t0 = performance.now();
  ${action}
  await changed;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0; })()`;
// Toggles the first tag that would not empty the result (on, then off again on the next tap).
const TAP = measure("[...document.querySelectorAll('.tag-toggle')].find((x) => !x.disabled).click();");
// Types "1", then deletes it again (alternately), so every keystroke changes the result.
const KEY = measure("const input = document.getElementById('suche'); input.value = input.value ? '' : '1'; input.dispatchEvent(new Event('input', { bubbles: true }));");
const memory = (p) => p.evaluate(() => [performance.memory ? performance.memory.usedJSHeapSize : 0, window.newsroomWasm ? window.newsroomWasm.memory.buffer.byteLength : 0]);
// Per page load: the first tap (cold code paths), then four more, alternately choosing and
// removing a tag; the same for keystrokes. Medians over all loads.
const TAPS = 5;
const listRows = [["items", "impl", "first list paint ms", "first tag tap ms", `tag tap ms (${TAPS} per load)`, `keystroke ms (${TAPS} per load)`]];
const mem = [];
for (const [n, base] of [[1000, site1k], [10000, site10k]]) {
  const r = { app: { paint: [], first: [], tap: [], key: [] }, js: { paint: [], first: [], tap: [], key: [] } };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ["app", "js"]) {
      const { p, context, cdp } = await page({ cpu: 4 });
      await p.goto(kind === "app" ? `${base}/` : `${base}/bench/baseline/index.html`, { waitUntil: "commit" });
      r[kind].paint.push(await until(p, "document.querySelectorAll('.teasers > li').length > 0"));
      for (let t = 0; t < TAPS; t++) {
        const ms = await p.evaluate(TAP);
        r[kind].tap.push(ms);
        if (t === 0) r[kind].first.push(ms);
      }
      for (let k = 0; k < TAPS; k++) r[kind].key.push(await p.evaluate(KEY));
      if (kind === "app" && n === 10000 && i === 0) {
        await cdp.send("HeapProfiler.collectGarbage");
        const first = await memory(p);
        for (let k = 0; k < 20; k++) await p.evaluate(TAP);
        await cdp.send("HeapProfiler.collectGarbage");
        mem.push(first, await memory(p));
      }
      await context.close();
    }
  }
  for (const kind of ["app", "js"]) {
    const k = r[kind];
    listRows.push([n, kind === "app" ? "app (wasm)" : "plain JS", median(k.paint).toFixed(0), median(k.first).toFixed(1), median(k.tap).toFixed(1), median(k.key).toFixed(1)]);
  }
  const ratio = (f) => (median(r.app[f]) / median(r.js[f])).toFixed(2);
  listRows.push([n, "ratio app / JS", ratio("paint"), ratio("first"), ratio("tap"), ratio("key")]);
}
table(listRows);

// 4. Memory ------------------------------------------------------------------------------------
console.log("== 4. Memory with 10,000 items (after garbage collection)");
table([
  ["", "JS heap MB", "wasm memory MB"],
  ["after loading", (mem[0][0] / 1048576).toFixed(1), (mem[0][1] / 1048576).toFixed(1)],
  ["after 20 more filter changes", (mem[1][0] / 1048576).toFixed(1), (mem[1][1] / 1048576).toFixed(1)],
]);
// 5. Repeat visit with the service worker (offline reading, decision 14) ----------------------
console.log(`== 5. Article, repeat visit, same phone profile, median of ${RUNS}: the first visit in the same browser profile (service worker installed, HTTP cache warm), then the measured one`);
// `app`: the entry page site, whose worker stores what was read; `static`: the static copy, with
// the browser's HTTP cache as its only store.
const repeat = { app: { lcp: [], done: [] }, static: { lcp: [], done: [] } };
const installErrors = [];
for (let i = 0; i < RUNS; i++) {
  for (const kind of ["app", "static"]) {
    const url = kind === "app" ? `${site}${ARTICLE}` : `${site}/bench/static-article.html`;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, bypassCSP: true });
    const first = await context.newPage();
    await first.goto(url, { waitUntil: "load" });
    if (kind === "app") {
      await first.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 60000 });
      await first.waitForTimeout(1000);
    }
    await first.close();
    const p = await context.newPage();
    await p.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(p);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await p.goto(url, { waitUntil: "commit" });
    const done = await until(p, "document.querySelector('article h1') && document.querySelectorAll('.related .teasers > li').length > 0 && !document.getElementById('prerendered')");
    await p.waitForFunction(() => window.__lcp > 0, null, { timeout: 10000 }).catch(() => {});
    await p.waitForTimeout(500);
    repeat[kind].lcp.push(await p.evaluate(() => window.__lcp));
    repeat[kind].done.push(done);
    await context.close();
  }
}
table([
  ["repeat visit", "headline painted (LCP) ms", "article complete ms"],
  ["app (entry page, service worker warm)", median(repeat.app.lcp).toFixed(0), median(repeat.app.done).toFixed(0)],
  ["static HTML (HTTP cache warm)", median(repeat.static.lcp).toFixed(0), median(repeat.static.done).toFixed(0)],
  ["ratio app / static (target <= 1.1)", (median(repeat.app.lcp) / median(repeat.static.lcp)).toFixed(2), (median(repeat.app.done) / median(repeat.static.done)).toFixed(2)],
]);
// Chromium's own installability check (what makes "Install app" appear), in a profile on disk:
// an incognito context (as above) is never installable.
{
  const profile = await browser.browserType().launchPersistentContext(mkdtempSync(join(tmpdir(), "newsroom-bench-")), {
    executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  const p = await profile.newPage();
  await p.goto(`${site}${ARTICLE}`, { waitUntil: "load" });
  await p.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 60000 });
  const cdp = await profile.newCDPSession(p);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  const { errors } = await cdp.send("Page.getAppManifest");
  installErrors.push(...installabilityErrors.map((e) => e.errorId), ...errors.map((e) => e.message));
  await profile.close();
}
console.log(`Chromium installability errors (Page.getInstallabilityErrors) and manifest errors: ${installErrors.length ? installErrors.join(", ") : "none"}`);
console.log();

await browser.close();
