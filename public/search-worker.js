// The full-text search's worker (started by search.js): Pagefind and all of its work — loading
// the index chunks, searching, ranking, counting topics, excerpts — run here, off the page's main
// thread, so that typing stays smooth whatever the archive's size. The index is written by the
// publish step (src/publish/search.rs) under /pagefind/. Answers are plain data; the app renders
// every string as text, never as markup (docs/decisions/0013).
let engine = null;

function load() {
  if (!engine) {
    engine = import("/pagefind/pagefind.js").then(async (pagefind) => {
      // baseUrl: results are addressed from the site root (in a worker Pagefind would make them
      // absolute from its script's URL).
      await pagefind.options({ excerptLength: 24, baseUrl: "/" });
      await pagefind.init();
      // Loads the topic filter's index: only then does a search count the topics it found.
      await pagefind.filters();
      return pagefind;
    });
    // A failed load may be retried (offline for a moment, a deployment in between).
    engine.catch(() => (engine = null));
  }
  return engine;
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

// The newest question; an older one still running stops at its next step (the newest wins).
let latest = 0;
const STALE = { stale: true };
// The search under way. Pagefind cannot stop a search once asked, and it answers one after the
// other: every key of a word typed would be searched in turn before the last one. So one search
// at a time, and of the questions waiting for it only the newest is asked.
let running = null;

async function find(question) {
  while (running) {
    await running.catch(() => {});
    if (question.id !== latest) return STALE;
  }
  if (question.id !== latest) return STALE;
  running = search(question);
  try {
    return await running;
  } finally {
    running = null;
  }
}

async function search({ id, text, tags, newest, count }) {
  const pagefind = await load();
  const options = { filters: tags.length ? { tag: { all: tags } } : {} };
  if (newest) options.sort = { date: "desc" };
  let found = null;
  let spelling = text;
  for (const s of spellings(text)) {
    if (id !== latest) return STALE;
    found = await pagefind.search(s, options);
    spelling = s;
    if (found && found.results.length) break;
  }
  if (id !== latest) return STALE;
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

onmessage = async ({ data: ask }) => {
  if (ask.find) latest = ask.id;
  try {
    const answer = ask.find ? await find(ask) : (await load(), true);
    postMessage({ id: ask.id, answer });
  } catch (e) {
    postMessage({ id: ask.id, error: String(e && e.message ? e.message : e) });
  }
};
