// The gallery's larger view and a platform video's player (content format 1.2, issue #29). The
// core draws the gallery's grid and the video's consent (src/core/tree/media.rs); this wires them.
// They need nothing from the app, so they are not in its WebAssembly (decisions 21, 23): boot.js
// imports this module the first time a reader opens a photo or agrees to a video, on the
// published page before the app has taken over as in the app.

function element(tag, text, className) {
  var e = document.createElement(tag);
  if (text) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function button(text, className, onClick) {
  var b = element("button", text, "button secondary " + className);
  b.type = "button";
  b.onclick = onClick;
  return b;
}

// The larger view: one modal <dialog> (the page behind inert), made on the first open, showing
// the grid's own link (the large file), thumbnail (its widths and text alternative) and caption
// line. Arrow keys and the buttons step through and wrap around; Esc, "Schließen" or a click
// beside the picture close it, and focus returns to the thumbnail of the image last shown (the
// app's copy of it if the takeover came in between: the view, in <body>, outlasts it).
var large;

function makeView() {
  var d = element("dialog", null, "gallery-dialog");
  var view = element("figure", null, "gallery-view");
  var steps = element("div", null, "gallery-steps");
  large = {
    dialog: d,
    picture: view.appendChild(element("img", null, "gallery-large")),
    caption: view.appendChild(element("figcaption")),
    position: element("p", null, "gallery-position"),
  };
  large.caption.dir = "auto";
  large.position.setAttribute("aria-live", "polite");
  steps.appendChild(button("Vorheriges Bild", "gallery-previous", function () {
    large.step(-1);
  }));
  steps.appendChild(button("Nächstes Bild", "gallery-next", function () {
    large.step(1);
  }));
  [button("Schließen", "gallery-close", function () {
    d.close();
  }), view, large.position, steps].forEach(function (e) {
    d.appendChild(e);
  });
  d.onclick = function (e) {
    if (e.target === d) d.close();
  };
  d.onkeydown = function (e) {
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") large.step(e.key === "ArrowLeft" ? -1 : 1);
  };
  // Esc closes a modal dialog by itself; every way of closing ends here.
  d.onclose = function () {
    large.focus();
  };
  document.body.appendChild(d);
}

export function openGallery(link) {
  var grid = link.closest(".gallery");
  var published = document.getElementById("prerendered");
  var scope = published && published.contains(grid) ? published : document;
  // Which gallery of the page it is: the same one in the app's copy after the takeover.
  var nth = [].indexOf.call(scope.querySelectorAll(".gallery"), grid);
  var links = grid.querySelectorAll("a[data-index]");
  var shown = +link.getAttribute("data-index");
  if (!large) makeView();
  var caption = grid.querySelector(".gallery > figcaption");
  large.dialog.setAttribute("aria-label", "Bildergalerie" + (caption ? ": " + caption.textContent : ""));
  large.step = function (by) {
    shown = (shown + by + links.length) % links.length;
    var a = links[shown];
    var thumb = a.querySelector("img");
    var picture = large.picture;
    picture.src = a.href;
    ["srcset", "alt", "width", "height"].forEach(function (name) {
      var value = thumb.getAttribute(name);
      if (value === null) picture.removeAttribute(name);
      else picture.setAttribute(name, value);
    });
    picture.sizes = "100vw";
    var line = a.parentNode.querySelector(".gallery-caption");
    large.caption.textContent = line ? line.textContent : "";
    large.position.textContent = "Bild " + (shown + 1) + " von " + links.length;
  };
  large.focus = function () {
    var a = links[shown];
    if (!a.isConnected) {
      var again = document.querySelectorAll(".gallery")[nth];
      a = again && again.querySelector('a[data-index="' + shown + '"]');
    }
    if (a) a.focus();
  };
  large.step(0);
  large.dialog.showModal();
}

// "Video abspielen": the privacy-enhanced player the button names (only these two; the CSP's
// frame-src allows no others) takes the consent's place, and the keyboard is in it. The consent
// stays, hidden: a tap before the takeover is replayed on the app's copy (boot.js), which needs
// the published button where it was.
export function play(consentButton) {
  var consent = consentButton.closest(".video-consent");
  var url = consentButton.getAttribute("data-player");
  if (!consent || consent.hidden || !/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(url)) return;
  var frame = element("iframe");
  frame.src = url;
  frame.title = "Video: " + consent.parentNode.querySelector(".video-title").textContent;
  frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
  frame.setAttribute("allowfullscreen", "");
  frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
  // What the players need, and no more (no top navigation, no downloads).
  frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
  var box = element("div", null, "video-frame");
  box.appendChild(frame);
  consent.hidden = true;
  consent.parentNode.insertBefore(box, consent);
  frame.focus();
}
