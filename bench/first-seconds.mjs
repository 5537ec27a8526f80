// The first seconds on a phone (issue #30). An automated reader opens a published page on the
// emulated mid-range phone and, from the moment its text is painted until shortly after the app
// has taken over, works one control every 100 ms: typing into the search, tapping "Themen
// filtern", a topic, "Mehr Nachrichten", the design choice and "Teilen". Each tap's visible answer
// is checked right after it, and the page's state once everything has settled: a tap is lost when
// its answer never comes or the app's final state does not hold it. Also: whether an address with
// a topic or a search ever shows the unfiltered news, and first paint → takeover.
// Run by bench/run.sh: node bench/first-seconds.mjs <published site>; BENCH_RUNS=N (default 5).
import { chromium } from "playwright-core";

const [site] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const ARTICLE = "/nachrichten/dortmund-tritt-charta-integrating-cities-bei";
const PAGE = 15; // src/core/catalog.rs PAGE_SIZE: the list's teasers per "Mehr Nachrichten"
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"] });

// In every page: first contentful paint, the moment the published copy goes (the takeover), and
// from the first frame on, the frames that show the published list of news before it.
const OBSERVE = () => {
  window.__fcp = 0; window.__takeover = 0; window.__frames = 0; window.__listShown = 0;
  const look = () => {
    if (window.__takeover) return;
    const published = document.getElementById("prerendered");
    if (published) {
      window.__frames++;
      const list = published.querySelector(".teasers");
      if (list && list.getClientRects().length && getComputedStyle(list).visibility !== "hidden") window.__listShown++;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__fcp = e.startTime; }).observe({ type: "paint", buffered: true });
  document.addEventListener("DOMContentLoaded", () => {
    const published = document.getElementById("prerendered");
    if (!published) return;
    new MutationObserver((_, mo) => { if (!published.isConnected) { window.__takeover = performance.now(); mo.disconnect(); } })
      .observe(published.parentNode, { childList: true });
  });
};

async function phone(path) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, bypassCSP: true, permissions: ["clipboard-read", "clipboard-write"] });
  const p = await context.newPage();
  await p.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await p.goto(site + path, { waitUntil: "commit" });
  // The reader starts when the published text is on screen.
  await p.waitForFunction(() => window.__fcp > 0 && document.querySelector("main h1, main h2"), null, { polling: "raf", timeout: 60000 });
  return { p, context };
}

const takenOver = (p) => p.evaluate(() => !document.getElementById("prerendered"));
// After the takeover, until the app has done what it was handed.
const settle = async (p) => { await p.waitForFunction(() => window.__takeover > 0, null, { timeout: 60000 }); await sleep(1500); };

// The visible copy of a control (the published one before the takeover, the app's after),
// scrolled into view: its centre and its state, read in one go.
const VISIBLE = `(sel) => {
  const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden" && !e.disabled);
  if (!el) return null;
  el.scrollIntoView({ block: "center" });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, expanded: el.getAttribute("aria-expanded"), pressed: el.getAttribute("aria-pressed") };
}`;
const visible = (p, sel) => p.evaluate(`(${VISIBLE})(${JSON.stringify(sel)})`);
const frame = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
async function tap(p, sel) {
  const el = await visible(p, sel);
  if (el) await p.mouse.click(el.x, el.y);
  return el;
}

// Works `act` every 100 ms until three acts after the takeover. `act` returns whether it did
// something (a control may be gone) and whether its answer was missing.
async function reader(p, act) {
  let acts = 0, lost = 0, after = 0;
  for (;;) {
    const t0 = Date.now();
    const over = await takenOver(p);
    const r = await act(acts);
    if (r.acted) { acts++; if (r.lost) lost++; }
    if (over && ++after > 3) break;
    await sleep(Math.max(0, 100 - (Date.now() - t0)));
  }
  await settle(p);
  return { acts, lost };
}

// A toggle (aria-expanded or aria-pressed): each tap flips it, and the app ends where the taps say.
async function toggles(path, sel, attr, before = async () => {}) {
  const { p, context } = await phone(path);
  await before(p);
  const first = await visible(p, sel);
  const result = await reader(p, async () => {
    const was = await tap(p, sel);
    if (!was) return { acted: false };
    await frame(p);
    const now = await visible(p, sel);
    return { acted: true, lost: !now || now[attr] === was[attr] };
  });
  const last = await visible(p, sel);
  const flipped = result.acts % 2 === 1;
  if (!last || (last[attr] === first[attr]) === flipped) result.lost++;
  if (attr === "pressed") {
    // The topic is in the address exactly when it is chosen.
    const inAddress = await p.evaluate(() => new URLSearchParams(location.search).has("tag"));
    if (inAddress !== flipped) result.lost++;
  }
  await context.close();
  return result;
}

async function moreNews() {
  const { p, context } = await phone("/");
  const total = await p.evaluate(() => Number((document.querySelector("#prerendered .count") || {}).textContent.match(/\d+/)[0]));
  const result = await reader(p, async () => ({ acted: !!(await tap(p, ".more-news button")), lost: false }));
  const shown = await p.evaluate(() => document.querySelectorAll(".teasers > li").length);
  const expected = Math.min(total, PAGE * (1 + result.acts));
  // Each page that should have come and did not is a lost tap.
  result.lost += Math.ceil(Math.max(0, expected - shown) / PAGE);
  await context.close();
  return result;
}

async function design(path) {
  const { p, context } = await phone(path);
  const choices = ["dark", "light", "system"];
  let last;
  const applied = () => p.evaluate(() => document.documentElement.getAttribute("data-theme") || "system");
  const result = await reader(p, async (n) => {
    last = choices[n % 3];
    const ok = await p.locator(".theme-choice select:visible").first().selectOption(last, { timeout: 1000 }).then(() => true, () => false);
    return { acted: ok, lost: ok && (await applied()) !== last };
  });
  const select = await p.evaluate(() => [...document.querySelectorAll(".theme-choice select")].map((s) => s.value));
  if ((await applied()) !== last || select.some((v) => v !== last)) result.lost++;
  await context.close();
  return result;
}

async function share() {
  const { p, context } = await phone(ARTICLE);
  const result = await reader(p, async () => {
    await p.evaluate(() => document.querySelectorAll(".share-message").forEach((m) => (m.textContent = "")));
    if (!(await tap(p, ".share button"))) return { acted: false };
    const said = await p.waitForFunction(() => [...document.querySelectorAll(".share-message")].some((m) => m.textContent), null, { timeout: 1000 }).then(() => true, () => false);
    return { acted: true, lost: !said };
  });
  await context.close();
  return result;
}

async function typing() {
  const { p, context } = await phone("/");
  const words = "Wochenmarkt in der Innenstadt am Samstag und Sonntag";
  let typed = "";
  await tap(p, "#suche");
  const result = await reader(p, async (n) => {
    if (n >= words.length) return { acted: false };
    await p.keyboard.type(words[n]);
    typed += words[n];
    return { acted: true, lost: false };
  });
  const [value, focused] = await p.evaluate(() => { const s = document.getElementById("suche"); return [s.value, document.activeElement === s]; });
  let same = 0;
  while (same < typed.length && value[same] === typed[same]) same++;
  await context.close();
  return { acts: typed.length, lost: typed.length - same + (value.length > typed.length ? value.length - typed.length : 0), focused };
}

// A filtered address: in no frame before the app's answer are the published (unfiltered) news shown.
async function filteredAddress(query) {
  const { p, context } = await phone(`/?${query}`);
  await settle(p);
  const frames = await p.evaluate(() => [window.__listShown, window.__frames]);
  await context.close();
  return frames;
}

async function quiet(path) {
  const { p, context } = await phone(path);
  await settle(p);
  const ms = await p.evaluate(() => window.__takeover - window.__fcp);
  await context.close();
  return ms;
}

const scenarios = [
  ["list: typing into the search (characters)", typing],
  ["list: \"Themen filtern\"", () => toggles("/", ".filter-toggle", "expanded")],
  ["list: a topic (after opening \"Themen filtern\")", () => toggles("/", ".tag-toggle", "pressed", (p) => tap(p, ".filter-toggle"))],
  ["list: \"Mehr Nachrichten\"", moreNews],
  ["list: design", () => design("/")],
  ["article: design", () => design(ARTICLE)],
  ["article: \"Teilen\"", share],
];
console.log(`== 2b. The first seconds: a reader working the published page every 100 ms from first paint until after the takeover (phone profile as in 2), ${RUNS} loads each`);
const rows = [["reader's action", "actions (median per load)", "lost (all loads)", "typed text kept with focus"]];
for (const [name, run] of scenarios) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  const focus = results[0].focused === undefined ? "" : results.every((r) => r.focused) ? "yes" : "no";
  rows.push([name, median(results.map((r) => r.acts)), results.reduce((a, r) => a + r.lost, 0), focus]);
}
for (const query of ["tag=Familie", "q=Charta"]) {
  let shown = 0, seen = 0;
  for (let i = 0; i < RUNS; i++) { const [s, n] = await filteredAddress(query); shown += s; seen += n; }
  rows.push([`/?${query}: frames showing the unfiltered news before the takeover`, `${seen} frames`, shown, ""]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join("  "));
console.log();
const timing = [["first paint → page responds (takeover), no taps", "median ms"]];
for (const [name, path] of [["article", ARTICLE], ["list", "/"]]) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) ms.push(await quiet(path));
  timing.push([name, median(ms).toFixed(0)]);
}
for (const r of timing) console.log(r.join("  "));
console.log();
await browser.close();
