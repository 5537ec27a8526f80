// Newsroom widget loader. Hosts include it with
//   <script type="module" src="https://NEWSROOM/widget.js"></script>
// and mark elements with data-newsroom (see README). Everything is resolved against this file's
// own URL, so it works from any origin; it never touches the host page's URL or history.
const base = new URL("./", import.meta.url).href;
import("./widget/newsroom-widget.js")
  .then(async (widget) => {
    await widget.default({ module_or_path: new URL("./widget/newsroom-widget_bg.wasm", import.meta.url) });
    if (document.getElementById("newsroom-embed")) widget.start_embed(base);
    else widget.start_widgets(base);
  })
  .catch((e) => console.warn("Newsroom-Widget konnte nicht starten:", e));
