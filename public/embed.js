// Newsroom iframe embed helper for host pages: resizes every <iframe data-newsroom-embed> to the
// height its content reports, growing and shrinking (a phone turning), within a sane range (as
// WordPress does for its embeds). Only messages from the newsroom's own origin (where this file
// came from) and from one of those iframes are taken.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var newsroom = new URL(script.src).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== newsroom) return;
    var data = event.data;
    if (!data || data.type !== "newsroom:height" || typeof data.height !== "number" || !isFinite(data.height)) return;
    var frames = document.querySelectorAll("iframe[data-newsroom-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(80, Math.min(Math.round(data.height), 6000)) + "px";
      }
    }
  });
})();
