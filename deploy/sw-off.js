// The kill switch for offline reading (README "Offline reading"): copied over sw.js in a release,
// it replaces the service worker at each reader's next visit, deletes Newsroom's caches and
// unregisters itself. It has no fetch handler and claims no page: from then on every request goes
// to the network, and the next page load is not controlled. (offline.js registers it again on
// each visit, and it takes itself away again, until a release brings a real sw.js back.)
self.addEventListener("install", (event) => event.waitUntil(self.skipWaiting()));
// Should the switch wait all the same, the page's "Neu laden" (public/offline.js) activates it.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("newsroom")) await caches.delete(key);
      }
      await self.registration.unregister();
    })(),
  );
});
