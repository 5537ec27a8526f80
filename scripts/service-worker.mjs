// Generates DIST/sw.js, the service worker for offline reading (decision 14), with Workbox's
// generateSW: the precache list of the app shell (hashed files from this build) and the runtime
// strategies below. Run by scripts/build.sh after the publish step. Usage: node scripts/service-worker.mjs DIST
import { generateSW } from "workbox-build";

const dist = process.argv[2] || "dist";

// The rules and plugins live in public/sw-rules.js, imported by the worker: Workbox copies the
// functions below into sw.js as source text, so they may only refer to what exists there.
const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  // The app shell: its page, boot and offline scripts, the hashed bundle and styles, the icons.
  globPatterns: [
    "index.html",
    "boot.js",
    "media-blocks.js",
    "offline.{js,css}",
    "noscript.css",
    "newsroom-*.{js,wasm}",
    "main-*.css",
    "favicon.{svg,ico}",
    "manifest.webmanifest",
    "icons/*.{png,svg}",
  ],
  swDest: `${dist}/sw.js`,
  importScripts: ["/sw-rules.js"],
  mode: "production",
  sourcemap: false,
  inlineWorkboxRuntime: true,
  disableDevLogs: true,
  cacheId: "newsroom",
  cleanupOutdatedCaches: true,
  // A new release waits until the reader accepts "Neu laden" (offline.js sends SKIP_WAITING).
  skipWaiting: false,
  clientsClaim: true,
  // The page's request starts while the worker starts (pages are network-first).
  navigationPreload: true,
  // Trunk's hashed names change with their content: no revision parameter needed.
  dontCacheBustURLsMatching: /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  runtimeCaching: [
    {
      // Pages (the list, entry pages of articles, the statement): the network's, else the copy
      // stored at the last visit, else the app's page (the app then says what needs a connection).
      urlPattern: (o) => o.request.mode === "navigate" && self.newsroomRules.fromTheReader(o),
      handler: "NetworkFirst",
      options: {
        cacheName: "newsroom-pages",
        expiration: { maxEntries: 60, maxAgeSeconds: 30 * 24 * 3600 },
        precacheFallback: { fallbackURL: "index.html" },
        plugins: [{ cacheWillUpdate: (p) => self.newsroomRules.storable.cacheWillUpdate(p) }],
      },
    },
    {
      // Articles and content pages: the network's, else the stored copy, marked with when it was
      // stored, else an answer that says "offline".
      urlPattern: (o) => self.newsroomRules.fromTheReader(o) && /\/(articles|pages)\/[^/]+\.json$/.test(o.url.pathname),
      handler: "NetworkFirst",
      options: {
        cacheName: "newsroom-articles",
        expiration: { maxEntries: 300, maxAgeSeconds: 60 * 24 * 3600 },
        plugins: [
          { cacheWillUpdate: (p) => self.newsroomRules.storable.cacheWillUpdate(p) },
          { cachedResponseWillBeUsed: (p) => self.newsroomRules.stamped.cachedResponseWillBeUsed(p) },
          { handlerDidError: (p) => self.newsroomRules.offlineAnswer.handlerDidError(p) },
        ],
      },
    },
    {
      // The news index (news.json and its older pages): shown at once, refreshed behind it.
      urlPattern: (o) => self.newsroomRules.fromTheReader(o) && /\.json$/.test(o.url.pathname) && !/^\/schema\//.test(o.url.pathname),
      handler: "StaleWhileRevalidate",
      options: {
        cacheName: "newsroom-index",
        expiration: { maxEntries: 40, maxAgeSeconds: 60 * 24 * 3600 },
        plugins: [
          { cacheWillUpdate: (p) => self.newsroomRules.storable.cacheWillUpdate(p) },
          { handlerDidError: (p) => self.newsroomRules.offlineAnswer.handlerDidError(p) },
        ],
      },
    },
    {
      // Images: from the cache once stored; at most 80, none over 1 MiB, each for 30 days.
      urlPattern: (o) => self.newsroomRules.fromTheReader(o) && o.request.destination === "image",
      handler: "CacheFirst",
      options: {
        cacheName: "newsroom-images",
        expiration: { maxEntries: 80, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true },
        plugins: [{ cacheWillUpdate: (p) => self.newsroomRules.smallImages.cacheWillUpdate(p) }],
      },
    },
  ],
});
for (const w of warnings) console.error(`sw.js: ${w}`);
if (warnings.length) process.exit(1);
console.log(`sw.js: ${count} files precached (${(size / 1024).toFixed(0)} KiB)`);
