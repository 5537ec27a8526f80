// Offline reading and updates (decision 14), loaded by boot.js once the app has started and the
// page has loaded — never in the first view's way. It registers the service worker (sw.js),
// offers a new release instead of reloading in the middle of reading, and tells the app
// (src/app/offline.rs) whether the server answers and which articles are stored on this device:
// attributes of the root element (`data-offline`, `data-saved`: the slugs between spaces) and
// the event "newsroom-connection".
// Everything shown is built as text nodes.
const state = { offline: false, saved: [] };

async function storedArticles() {
  try {
    // (`open` would create the cache: not after the kill switch deleted it.)
    if (!(await caches.has("newsroom-articles"))) return [];
    const cache = await caches.open("newsroom-articles");
    return (await cache.keys())
      .map((r) => /\/articles\/([^/]+)\.json$/.exec(new URL(r.url).pathname))
      .filter(Boolean)
      .map((m) => decodeURIComponent(m[1]))
      .sort();
  } catch {
    return [];
  }
}

// Whether the server answers. A HEAD request: the worker's routes take GET only, so this goes to
// the network (a stopped server or a dead connection fails it even where `onLine` says true).
async function reachable() {
  if (!navigator.onLine) return false;
  try {
    await fetch("/", { method: "HEAD", cache: "no-store" });
    return true;
  } catch {
    return false;
  }
}

let again = 0;
async function check() {
  const offline = !(await reachable());
  const saved = await storedArticles();
  const changed = offline !== state.offline || saved.join("\n") !== state.saved.join("\n");
  state.offline = offline;
  state.saved = saved;
  if (changed) {
    const root = document.documentElement;
    root.toggleAttribute("data-offline", offline);
    root.setAttribute("data-saved", ` ${saved.join(" ")} `);
    dispatchEvent(new CustomEvent("newsroom-connection"));
  }
  // While offline, look again every few seconds: back online, the app refreshes what it shows.
  clearTimeout(again);
  if (offline) again = setTimeout(check, 5000);
}

let accepted = false;
let reloading = false;
function showNewRelease() {
  if (accepted && !reloading) {
    reloading = true;
    location.reload();
  }
}

let offered = false;
function offerUpdate(worker) {
  if (offered) return;
  offered = true;
  const box = document.createElement("div");
  box.className = "update-offer";
  box.setAttribute("role", "status");
  const text = document.createElement("p");
  text.textContent = "Neue Version verfügbar";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Neu laden";
  reload.addEventListener("click", () => {
    accepted = true;
    reload.disabled = true;
    // Whichever comes first: the page's new controller, or the worker's own activation (WebKit
    // does not always report the former).
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") showNewRelease();
    });
    worker.postMessage({ type: "SKIP_WAITING" });
  });
  const later = document.createElement("button");
  later.type = "button";
  later.className = "secondary";
  later.textContent = "Später";
  later.addEventListener("click", () => {
    box.remove();
    offered = false;
  });
  box.append(text, reload, later);
  // Shown once its style has arrived: unstyled, it would first appear at the end of the page and
  // then jump to its place (a layout shift, and a tap aimed at it could land beside it).
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = "/offline.css";
  style.onload = style.onerror = () => document.body.append(box);
  document.head.append(style);
}

// A first visit was loaded before the worker existed: what this page shows is stored now, as
// later loads through the worker would store it — the page, and the news index and article that
// boot.js fetched (copies it kept, not downloaded again).
// As the worker's rules (sw-rules.js): only what the server allows to be stored.
async function store(cache, url, response) {
  if (!response.ok || /no-store/i.test(response.headers.get("cache-control") || "")) return;
  await (await caches.open(cache)).put(new URL(url, location.href).href, response);
}

async function storeWhatIsShown() {
  const first = window.newsroomFirstResponses || {};
  window.newsroomFirstResponses = {};
  const stored = Object.entries(first).map(([url, response]) => {
    const content = /\/(articles|pages)\/[^/]+\.json$/.test(new URL(url, location.href).pathname);
    return store(content ? "newsroom-articles" : "newsroom-index", url, response).catch(() => {});
  });
  stored.push(fetch(location.href).then((page) => store("newsroom-pages", location.href, page)).catch(() => {}));
  await Promise.all(stored);
  check();
}

async function register() {
  // Once a worker takes this page over (Newsroom's claims it; the kill switch never does).
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener("controllerchange", storeWhatIsShown, { once: true });
  }
  // The new release has taken over because the reader asked for it: show it.
  navigator.serviceWorker.addEventListener("controllerchange", showNewRelease);
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  // Only a release that replaces one in use is offered (the first install just starts caching).
  const offer = (worker) => {
    if (navigator.serviceWorker.controller) offerUpdate(worker);
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  });
  // Look for a new release when the reader comes back to the tab, and every hour.
  const update = () => registration.update().catch(() => {});
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") update();
  });
  setInterval(update, 3600 * 1000);
}

addEventListener("online", check);
addEventListener("offline", check);
// The app asks when a load failed or came from the stored copies.
addEventListener("newsroom-check", check);
check();
if ("serviceWorker" in navigator) {
  register().catch((e) => console.warn("Offline-Lesen nicht verfügbar:", e));
}
