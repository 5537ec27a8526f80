// Full-text search in the browser (run by bench/publish.sh on each published size): bytes
// transferred for a first search and a second one, the time from a keystroke to the results
// painted at CPU 4x — full text (Pagefind) against today's search over the loaded index (the same
// site with search.js blocked: the app's fallback) — and the longest main-thread task while a
// word is typed key by key, and how long after its last key its results are painted. Bytes are counted in the server's access log: Pagefind fetches from
// its web worker, which the page's DevTools session does not see.
// Usage: node bench/search.mjs SITE_URL RUNS ACCESS_LOG
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [site, RUNS, accessLog] = [process.argv[2], Number(process.argv[3] || 3), process.argv[4]];
// Body bytes sent (nginx's combined format: the field after the status) since the last call,
// plus ~250 bytes of headers per response.
let logged = readFileSync(accessLog, "utf8").length;
function served() {
  const all = readFileSync(accessLog, "utf8");
  const lines = all.slice(logged).split("\n").filter(Boolean);
  logged = all.length;
  return lines.reduce((sum, l) => sum + 250 + (Number(l.split('"')[2].trim().split(" ")[1]) || 0), 0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-dev-shm-usage"] });

async function page({ blockIndex = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: "longtask", buffered: false });
  });
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  // The page's session cannot block the worker's requests: blocking search.js makes the app fall back.
  if (blockIndex) await cdp.send("Network.setBlockedURLs", { urls: ["*/search.js"] });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await p.goto(`${site}/`, { waitUntil: "networkidle" });
  await p.waitForFunction(() => document.querySelectorAll(".teasers > li").length > 0);
  return { p, context, taken: served };
}

// Sets the field to `text` (one input event) and waits until its results are painted: the time
// to the first results (the index's newest part) and to all of them (every part answered).
const search = (p, text) => p.evaluate(async (text) => {
  const input = document.getElementById("suche");
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  let first = 0;
  await new Promise((done) => {
    const check = () => {
      const count = document.querySelector(".count")?.textContent || "";
      const shown = count.includes(`„${text}“`);
      if (shown && !first) first = performance.now() - t0;
      if (shown && !document.querySelector(".teasers[aria-busy]")) requestAnimationFrame(() => setTimeout(done, 0));
      else requestAnimationFrame(check);
    };
    check();
  });
  return [first, performance.now() - t0];
}, text);

const FIRST = "Sanierung", SECOND = "Haushalt Radweg";
const r = { bytes1: [], bytes2: [], first: [], firstAll: [], warm: [], warmAll: [], fallback: [], longest: [], lastKey: [] };
for (let i = 0; i < RUNS; i++) {
  const { p, context, taken } = await page();
  taken();
  let [shown, all] = await search(p, FIRST);
  r.first.push(shown);
  r.firstAll.push(all);
  await p.waitForTimeout(300);
  r.bytes1.push(taken());
  [shown, all] = await search(p, SECOND);
  r.warm.push(shown);
  r.warmAll.push(all);
  await p.waitForTimeout(300);
  r.bytes2.push(taken());
  // Key by key, as a reader types: the longest task the page had to wait for.
  await p.evaluate(() => { document.getElementById("suche").value = ""; window.__longest = 0; });
  await p.locator("#suche").pressSequentially("Klimaschutz", { delay: 120 });
  // From the last key to its results painted: earlier keys' searches must not hold it up.
  r.lastKey.push(await p.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    const check = () => {
      const count = document.querySelector(".count")?.textContent || "";
      if (count.includes("„Klimaschutz“") && !document.querySelector(".teasers[aria-busy]")) done(performance.now() - t0);
      else requestAnimationFrame(check);
    };
    check();
  })));
  await p.waitForTimeout(500);
  r.longest.push(await p.evaluate(() => window.__longest));
  await context.close();
  const fb = await page({ blockIndex: true });
  await search(fb.p, FIRST); // the failed load of the index, once
  await fb.p.waitForTimeout(100);
  r.fallback.push((await search(fb.p, SECOND))[1]);
  await fb.context.close();
}
const kb = (b) => (b / 1024).toFixed(1);
const ms = (xs) => median(xs).toFixed(0);
console.log(`  first search "${FIRST}": ${kb(median(r.bytes1))} KiB transferred, first results painted after ${ms(r.first)} ms, all parts after ${ms(r.firstAll)} ms (index loading included)`);
console.log(`  second search "${SECOND}": ${kb(median(r.bytes2))} KiB transferred, first results painted after ${ms(r.warm)} ms, all parts after ${ms(r.warmAll)} ms`);
console.log(`  today's search over the loaded index (search blocked): ${median(r.fallback).toFixed(0)} ms; ratio full text (first results) / today: ${(median(r.warm) / median(r.fallback)).toFixed(2)}`);
console.log(`  typing "Klimaschutz" key by key (120 ms apart): its results painted ${median(r.lastKey).toFixed(0)} ms after the last key; longest main-thread task ${median(r.longest).toFixed(0)} ms (0: none over 50 ms)`);
await browser.close();
