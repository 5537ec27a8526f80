// Full-text search for the app (src/app/search.rs): Pagefind's browser part, loaded when the
// reader first focuses or types in the search field — nothing of it is in the first view. The index
// is written by the publish step (src/publish/search.rs) under /pagefind/; Pagefind fetches only
// the chunks for the words searched and searches in its web worker, off the main thread.
// Returns plain data: the app renders every string as text, never as markup (docs/decisions/0013).
let engine = null;

function load() {
  if (!engine) {
    engine = import("/pagefind/pagefind.js").then(async (pagefind) => {
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      // Loads the topic filter's index: only then does a search count the topics of what it found.
      await pagefind.filters();
      return pagefind;
    });
    // A failed load may be retried (offline for a moment, a deployment in between).
    engine.catch(() => (engine = null));
  }
  return engine;
}

// Starts the download without searching (focus on the search field).
export function prepare() {
  return load().then(() => true);
}

// Pagefind's excerpt marks the words found with <mark>; the rest is the article's text with
// `<`, `>` and `&` written as entities. Split into [text, found, text, …] and turned back into
// plain text — never parsed as HTML.
function parts(excerpt) {
  return String(excerpt || "")
    .split(/<\/?mark>/)
    .map((s) =>
      s
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#0?39;|&#x27;/g, "'")
        .replace(/&amp;/g, "&"),
    );
}

// The spellings to try, in order, until one finds news: the text as typed, then with `ae`, `oe`,
// `ue` written as umlauts (a keyboard without them), or — if it has umlauts — spelled out (a text
// that spells them out). Pagefind's German stemmer already makes "Maßnahme", "Massnahmen" and
// "Maßnahmen" one word, but not "Schueler" and "Schüler". Tried one after the other, not
// merged, so the counts stay exact.
const UMLAUT = { a: "ä", o: "ö", u: "ü", A: "Ä", O: "Ö", U: "Ü" };
const SPELLED = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };
function spellings(text) {
  const typed = String(text).trim().split(/\s+/).join(" ");
  if (!typed) return [];
  const other = /[äöüÄÖÜ]/.test(typed)
    ? typed.replace(/[äöüÄÖÜ]/g, (c) => SPELLED[c])
    : typed.replace(/[aou]e|[AOU][eE]/g, (m) => UMLAUT[m[0]]);
  return other === typed ? [typed] : [typed, other];
}

// The first `count` news for `text` (in the first of its spellings that finds any), with `tags`
// all chosen; newest first or by relevance. Resolves to { total, spelling, hits: [{ url, title,
// kicker, date, excerpt }], tags: [[tag, count], …] }, rejects when the index cannot be loaded.
export async function find(text, tags, newest, count) {
  const pagefind = await load();
  const options = { filters: tags.length ? { tag: { all: tags } } : {} };
  if (newest) options.sort = { date: "desc" };
  let found = null;
  let spelling = text;
  for (const s of spellings(text)) {
    found = await pagefind.search(s, options);
    spelling = s;
    if (found && found.results.length) break;
  }
  const results = found ? found.results : [];
  const data = await Promise.all(results.slice(0, count).map((r) => r.data()));
  return {
    total: results.length,
    spelling,
    hits: data.map((d) => ({
      url: String(d.url || ""),
      title: String((d.meta && d.meta.title) || ""),
      kicker: String((d.meta && d.meta.kicker) || ""),
      date: String((d.meta && d.meta.date) || ""),
      excerpt: parts(d.excerpt),
    })),
    tags: Object.entries((found && found.filters && found.filters.tag) || {}),
  };
}
