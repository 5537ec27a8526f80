// Starts Newsroom (an external file, so a strict Content-Security-Policy needs no inline script).
// If the app cannot start — no WebAssembly, a browser too old, a failed download — the page shows
// the German fallback already in index.html instead of staying blank.
// Kept to ES2017 syntax so that older browsers reach the fallback instead of a syntax error.
(function () {
  // The remembered design was applied before the first paint, by index.html's one inline script.
  var root = document.documentElement;
  // The design choice and sharing need nothing from the app: they are wired here, so they work
  // from first paint, on the published page as in the app (whose components only draw them:
  // src/app/components/theme.rs, share.rs; decision 21).
  addEventListener("change", function (e) {
    var select = e.target;
    if (!select.closest(".theme-choice")) return;
    var choice = select.value;
    var fixed = choice === "dark" || choice === "light";
    try {
      if (fixed) localStorage.setItem("newsroom-theme", choice);
      else localStorage.removeItem("newsroom-theme");
    } catch (e) {
      // Not remembered; applied all the same.
    }
    if (fixed) root.setAttribute("data-theme", choice);
    else root.removeAttribute("data-theme");
    // The published page's select and the app's (drawn beside it until the takeover) agree.
    document.querySelectorAll(".theme-choice select").forEach(function (s) {
      s.value = choice;
    });
  });
  function element(tag, text, className) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  // The gallery's larger view and a platform video's player need nothing from the app either,
  // and only some articles have them: their code (media-blocks.js) is loaded at the first use,
  // and works the same on the published page before the takeover and in the app.
  function media(use, el) {
    return import("/media-blocks.js").then(function (m) {
      m[use](el);
    });
  }
  addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".gallery a[data-index]");
    // A click that opens a new tab or window keeps its meaning.
    if (!a || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    // Without the larger view (offline, its code never loaded), the photo itself.
    media("openGallery", a).catch(function () {
      location.href = a.href;
    });
  });
  // A closed answer prints as its question alone: before printing every closed answer opens, and
  // closes again after (only those this opened).
  addEventListener("beforeprint", function () {
    document.querySelectorAll(".faq details:not([open])").forEach(function (d) {
      d.open = true;
      d.setAttribute("data-print-open", "");
    });
  });
  addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-open]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-print-open");
    });
  });
  // Share: the platform's share sheet, else the link copied, with an announced confirmation.
  function share(button) {
    // Said where the reader looks: beside the button tapped, or the app's copy of it if the
    // takeover came in between.
    function say(text) {
      (button.isConnected ? button.parentNode : document).querySelector(".share-message").textContent = text;
    }
    var url = location.href;
    var done = navigator.share
      ? navigator.share({ title: document.title, url: url })
      : navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(url).then(function () {
          return "Link kopiert.";
        })
      : Promise.reject();
    done.then(
      function (said) {
        say(said || "");
      },
      function (e) {
        // The reader closing the share sheet is no error worth a message.
        say(e && e.name === "AbortError" ? "" : "Teilen ist hier nicht möglich. Die Adresse lautet: " + url);
      }
    );
  }
  // A failure inside the app — a Rust panic ends as a trap of the WebAssembly instance (a
  // RuntimeError), in the release build without a panic hook (decision 11) — replaces the page with
  // the German failure view. The instance cannot be trusted afterwards, so the ways on are
  // ordinary links that load a page again. Built from text nodes, like everything else.
  var crashed = false;
  function onTrap(error) {
    if (crashed || !window.WebAssembly || !(error instanceof WebAssembly.RuntimeError)) return;
    crashed = true;
    var main = element("main", null, "failure panic");
    main.setAttribute("role", "alert");
    main.appendChild(element("h1", "Das hat leider nicht geklappt"));
    main.appendChild(
      element("p", "Bei der Anzeige ist ein unerwarteter Fehler aufgetreten. Bitte laden Sie die Seite neu.")
    );
    var actions = element("p", null, "actions");
    var reload = element("a", "Seite neu laden", "button");
    reload.href = location.href;
    var home = element("a", "Zur Nachrichtenübersicht", "button secondary");
    home.href = "/";
    actions.appendChild(reload);
    actions.appendChild(home);
    main.appendChild(actions);
    document.body.textContent = "";
    document.body.appendChild(main);
  }
  addEventListener("error", function (e) {
    onTrap(e.error);
  });
  // Once failed, no click reaches the app's own listeners (its links would be routed by a broken
  // instance): the failure view's links load their page.
  addEventListener(
    "click",
    function (e) {
      if (crashed) e.stopImmediatePropagation();
    },
    true
  );
  addEventListener("unhandledrejection", function (e) {
    onTrap(e.reason);
  });
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : null;
  }
  function fail(reason) {
    console.error("Newsroom konnte nicht starten:", reason);
    // index.html's "Die Nachrichten werden geladen …" (which the app removes when it starts)
    // becomes the failure message.
    var box = document.getElementById("app-fallback");
    if (box) box.className += " failed";
    failed = true;
    if (unfiltered) unfiltered();
  }
  // The published list is the newest news, unfiltered. Opened at an address with a topic, a
  // search, an order or a later page (the list's query names, core::paths::list_query) it would
  // show wrong results until the app has the answer: until then its news are hidden (`filtering`,
  // style/main.css) and the count says what is going on. Should the app not start, they show
  // again, saying so.
  var count = document.querySelector("#prerendered .count");
  var unfiltered, failed;
  function filtering() {
    if (!count || unfiltered) return;
    var all = count.textContent;
    root.classList.add("filtering");
    count.textContent = "Nachrichten werden gefiltert …";
    unfiltered = function () {
      root.classList.remove("filtering");
      count.textContent = "Nicht gefiltert: alle " + all;
    };
  }
  if (/[?&](tag|q|sortierung|seite)=/.test(location.search)) filtering();
  // Until the app has taken over, the published page's controls have no app behind them. What the
  // reader does there is not lost: "Themen filtern" opens at once, a topic shows the page
  // filtering, and at the takeover (the published copy removed: src/app/hooks/takeover.rs) the
  // app gets each tap again, in order, on its own copy of the control, the typed search, and the
  // focus and caret where they were.
  var published = document.getElementById("prerendered");
  var taps = [];
  var focused, caret;
  // The app's copy of a published control: the same kind, with the same text, at the same place
  // among those (both are drawn by the same components).
  function counterpart(el) {
    var mine = published.querySelectorAll(el.tagName);
    var n = 0;
    for (var i = 0; mine[i] !== el; i++) if (mine[i].textContent === el.textContent) n++;
    var theirs = document.querySelectorAll(el.tagName);
    for (i = 0; i < theirs.length; i++) if (theirs[i].textContent === el.textContent && !n--) return theirs[i];
  }
  function keepCaret(e) {
    focused = e.target;
    caret = focused.selectionStart;
  }
  addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button");
    if (!button) return;
    if (button.closest(".share")) return share(button);
    // (Should its code not load, there is no player to show: the video needs a connection.)
    if (button.classList.contains("video-play")) media("play", button).catch(function () {});
    if (!published || !published.contains(button)) return;
    var expanded = button.getAttribute("aria-expanded");
    if (expanded) {
      button.setAttribute("aria-expanded", expanded !== "true");
      var panel = published.querySelector("#" + button.getAttribute("aria-controls"));
      if (panel) panel.classList.toggle("collapsed");
    } else if (failed) {
      return; // No app will come to do what the button says.
    } else if (button.hasAttribute("aria-pressed")) {
      button.setAttribute("aria-pressed", button.getAttribute("aria-pressed") !== "true");
      filtering();
    }
    taps.push(button);
  });
  if (published) {
    ["focusin", "keyup", "input", "click"].forEach(function (type) {
      published.addEventListener(type, keepCaret);
    });
    new MutationObserver(function (changes, observer) {
      if (published.isConnected) return;
      observer.disconnect();
      var typed = published.querySelector("input[name=q]");
      var box = typed && counterpart(typed);
      if (box && typed.value && box.value !== typed.value) {
        box.value = typed.value;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }
      var said = published.querySelector(".share-message");
      var note = said && said.textContent && document.querySelector(".share-message");
      if (note) note.textContent = said.textContent;
      taps.forEach(function (button) {
        var theirs = counterpart(button);
        if (theirs) theirs.click();
      });
      var again = focused && counterpart(focused);
      if (again && (!document.activeElement || document.activeElement === document.body)) {
        again.focus();
        if (caret != null) again.setSelectionRange(caret, caret);
      }
    }).observe(published.parentNode, { childList: true });
  }
  // Start the content requests now, in parallel with the WebAssembly download, instead of after
  // it; the app takes these responses instead of fetching again (src/app/fetch.rs). (A <link
  // rel=preload> is not reused by every engine's fetch(): WebKit downloads twice.)
  // Each with a way to cancel it: the app aborts it when the reader gives up or leaves, so a
  // hanging request never holds up a retry of the same URL.
  window.newsroomPrefetch = {};
  // A first visit (no service worker yet): copies of these responses are kept for offline.js,
  // which stores them once the worker runs, instead of downloading them a second time.
  var firstVisit = navigator.serviceWorker && !navigator.serviceWorker.controller;
  window.newsroomFirstResponses = {};
  function preload(url) {
    if (!window.fetch) return;
    var controller = window.AbortController ? new AbortController() : null;
    var response = fetch(url, { credentials: "same-origin", signal: controller ? controller.signal : undefined });
    if (firstVisit) {
      response = response.then(function (r) {
        if (r.ok) window.newsroomFirstResponses[url] = r.clone();
        return r;
      });
    }
    window.newsroomPrefetch[url] = {
      response: response,
      abort: function () {
        if (controller) controller.abort();
      },
    };
  }
  // The content API's file names as core::paths builds them (an e2e test of the article sees
  // each requested once: the app took these answers).
  var api = (meta("newsroom:api") || "/api").replace(/\/+$/, "");
  var article = /^\/nachrichten\/([a-z0-9-]+)\/?$/.exec(location.pathname);
  // The article first (the page's largest content), then the index, which every route shows
  // (the list, and "Weitere Nachrichten" under an article).
  if (article) preload(api + "/articles/" + article[1] + ".json");
  preload(api + "/news.json");
  // Modules the app loads later, on demand (the full-text search: search.js); from here, as the
  // bundle is, so the app needs no script of its own for it.
  window.newsroomImport = function (url) {
    return import(url);
  };
  var js = meta("newsroom:js");
  var wasm = meta("newsroom:wasm");
  if (typeof WebAssembly !== "object" || !js || !wasm) {
    fail("WebAssembly or the bundle is missing");
    return;
  }
  import(js)
    .then(function (bindings) {
      return bindings.default({ module_or_path: wasm });
    })
    .then(function (wasm) {
      // Kept for measurement (bench/run.mjs reads the size of the WebAssembly memory).
      window.newsroomWasm = wasm;
      dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
      // Offline reading (offline.js, the service worker): after the page has loaded, so it never
      // competes with the first view.
      var later = function () {
        setTimeout(function () {
          import("/offline.js").catch(function (e) {
            console.warn("offline.js:", e);
          });
        }, 500);
      };
      if (document.readyState === "complete") later();
      else addEventListener("load", later);
    }, fail);
})();
