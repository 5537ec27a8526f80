// Photos on the emulated phone (390 × 844, 3 device pixels per CSS pixel, CPU 4x, 562.5 ms,
// 1.6 Mbit/s): bytes of photos downloaded for one article view and the list's first screen,
// the article's largest paint against the static floor, and layout shift. Run by bench/photos.sh.
import { chromium } from "playwright-core";

const [site] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"] });

async function visit(path) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, bypassCSP: true });
  const p = await context.newPage();
  await p.addInitScript(() => {
    window.__lcp = 0; window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  });
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  // A fresh context has an empty cache: a first visit. (With the cache disabled, the app's
  // takeover would download every photo of the published page a second time.)
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const images = new Map();
  const bytes = new Map();
  cdp.on("Network.responseReceived", (e) => { if (e.type === "Image") images.set(e.requestId, e.response.url); });
  cdp.on("Network.loadingFinished", (e) => { if (images.has(e.requestId)) bytes.set(e.requestId, e.encodedDataLength); });
  await p.goto(`${site}${path}`, { waitUntil: "load", timeout: 180000 });
  await p.waitForLoadState("networkidle", { timeout: 180000 }).catch(() => {});
  await p.waitForTimeout(1500);
  const [lcp, cls] = await p.evaluate(() => [window.__lcp, window.__cls]);
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  await context.close();
  return { lcp, cls, total, files: bytes.size };
}

const results = {};
for (const [name, path] of [
  ["article (published entry page, 2560 px lead photo)", "/nachrichten/foto-twowings"],
  ["static floor (one hand-made 1074 px WebP)", "/bench/static-photo-article.html"],
  ["list, first screen (15 news with photos on top)", "/"],
]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await visit(path));
  results[name] = runs;
}
await browser.close();
const kib = (n) => (n / 1024).toFixed(0);
console.log(`== Photos on the emulated phone (390 px, DPR 3, CPU 4x, 562.5 ms, 1.6 Mbit/s), median of ${RUNS}`);
const rows = [["", "photo KiB (files)", "LCP ms", "CLS"]];
for (const [name, runs] of Object.entries(results)) {
  rows.push([name, `${kib(median(runs.map((r) => r.total)))} (${median(runs.map((r) => r.files))})`, median(runs.map((r) => r.lcp)).toFixed(0), median(runs.map((r) => r.cls)).toFixed(3)]);
}
const [article, floor] = Object.values(results);
rows.push(["ratio article / floor", "", (median(article.map((r) => r.lcp)) / median(floor.map((r) => r.lcp))).toFixed(2), ""]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join("  "));
console.log("must: article ≤ 250 KiB (goal 150), list first screen ≤ 400 KiB (goal 250), LCP ≤ 2.5 s (goal 1.2× floor), CLS ≤ 0.02 (goal 0)");
