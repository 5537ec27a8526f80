// The full-text search's worker (started by search.js): Pagefind and all of its work — loading
// the index chunks, searching, ranking, counting topics, excerpts — run here, off the page's main
// thread, so that typing stays smooth whatever the archive's size. The index is written by the
// publish step (src/publish/search.rs) under /pagefind/. Answers are plain data; the app renders
// every string as text, never as markup (docs/decisions/0013).
// The index comes in parts by months of publication, newest first (pagefind/parts.json): a word
// found in most articles takes Pagefind seconds per 10,000 of them, and a search cannot be
// stopped. The newest part answers first; older parts complete counts and ranking, one after
// the other, and a newer question is taken up between two parts.
let engine = null;

// Each part's engine instance asks for Pagefind's wasm in its own folder; it is one file beside
// the parts (the publish step writes it once), fetched once here.
const plainFetch = self.fetch.bind(self);
const wasmFiles = new Map();
self.fetch = (input, init) => {
  const shared = typeof input === "string" && /^(\/pagefind\/)[^/]+\/(wasm\.[\w-]+\.pagefind)$/.exec(input);
  if (!shared) return plainFetch(input, init);
  const url = shared[1] + shared[2];
  if (!wasmFiles.has(url)) {
    const bytes = plainFetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.arrayBuffer();
    });
    bytes.catch(() => wasmFiles.delete(url));
    wasmFiles.set(url, bytes);
  }
  return wasmFiles.get(url).then((b) => new Response(b.slice(0)));
};

function load() {
  if (!engine) {
    engine = (async () => {
      const [pagefind, list] = await Promise.all([
        import("/pagefind/pagefind.js"),
        plainFetch("/pagefind/parts.json").then((r) => {
          if (!r.ok) throw new Error(`parts.json: HTTP ${r.status}`);
          return r.json();
        }),
      ]);
      const parts = list.parts.map((p) => ({ path: `/pagefind/${p.path}`, instance: null, words: new Map() }));
      if (!parts.length) throw new Error("parts.json: no parts");
      await open(pagefind, parts[0]);
      return { pagefind, parts };
    })();
    // A failed load may be retried (offline for a moment, a deployment in between).
    engine.catch(() => (engine = null));
  }
  return engine;
}

// One part's engine instance, made on first use.
function open(pagefind, part) {
  if (!part.instance) {
    part.instance = (async () => {
      // baseUrl: results are addressed from the site root (in a worker Pagefind would make them
      // absolute from its script's URL).
      const instance = pagefind.createInstance({ basePath: part.path, baseUrl: "/", excerptLength: 24 });
      await instance.init();
      // Loads the topic filter's index: only then does a search count the topics it found.
      await instance.filters();
      return instance;
    })();
    part.instance.catch(() => (part.instance = null));
  }
  return part.instance;
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

// Pagefind writes `<`, `>`, `&` and quotes of the article's text as entities; turned back into
// plain text here (the app renders every string as text, never as markup).
function unescape(s) {
  return String(s || "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

// Lower case, umlauts and ß plain: "Wochenmärkte" and "wochenmaerkte" compare as "wochenmarkte".
function fold(word) {
  return String(word)
    .toLowerCase()
    .replace(/ae|ä/g, "a")
    .replace(/oe|ö/g, "o")
    .replace(/ue|ü/g, "u")
    .replace(/ß/g, "ss");
}

// A searched word without its ending: "Märkte" and "Markt" both as "markt".
function stem(word) {
  const f = fold(word).replace(/[^\p{L}\p{N}]/gu, "");
  const cut = f.replace(/(en|er|es|e|n|s)$/, "");
  return cut.length >= 4 ? cut : f;
}

// Whether a word of the article is one the reader searched: it begins with the searched word
// (a long one but for its last two letters: "Eurocities" for "Eurocitys", as Pagefind's stems
// find it; "Marke" is not "Markt"), or (four letters and more) has it as a part ("Wochenmärkte"
// for "Markt", "Toilettenwagen" for "wagen"). "EU-Kommission" is not "Eurocitys".
function isFound(word, stems) {
  const f = fold(word).replace(/[^\p{L}\p{N}]/gu, "");
  const alike = (s) => {
    let n = 0;
    while (n < s.length && f[n] === s[n]) n++;
    return n >= (s.length >= 7 ? s.length - 2 : s.length);
  };
  return stems.some((s) => s && (alike(s) || (s.length >= 4 && f.includes(s))));
}

// The publish step ends the article's own words with this mark (src/publish/search.rs,
// END_OF_TEXT): after it come topics, keywords and compound parts, found but never shown.
const END_OF_TEXT = "\u2042";
const EXCERPT_WORDS = 24;

// The excerpt: the article's words around the most words found, as [text, found, text, …].
// Made here from the indexed text, not by Pagefind: its excerpt may show topics or keywords,
// and marks what it matched by prefix ("EU-Kommission" for "Eurocitys").
function excerptOf(content, text) {
  const words = unescape(content).split(/\s+/).filter(Boolean);
  let end = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    if (words[i].startsWith(END_OF_TEXT)) {
      end = i;
      break;
    }
  }
  const article = words.slice(0, end);
  const stems = wordsOf(text).map(stem);
  const hit = article.map((w) => isFound(w, stems));
  // The window of EXCERPT_WORDS with the most words found; a few words before the first.
  let best = -1;
  let at = 0;
  let inWindow = 0;
  for (let i = 0; i < article.length; i++) {
    inWindow += hit[i] ? 1 : 0;
    if (i >= EXCERPT_WORDS && hit[i - EXCERPT_WORDS]) inWindow--;
    if (inWindow > best) {
      best = inWindow;
      at = Math.max(0, i - EXCERPT_WORDS + 1);
    }
  }
  const first = hit.indexOf(true, at);
  const start = first < 0 ? 0 : Math.max(0, Math.min(first - 5, article.length - EXCERPT_WORDS));
  const out = [""];
  for (let i = start; i < Math.min(article.length, start + EXCERPT_WORDS); i++) {
    const space = i > start ? " " : "";
    // A "word" of thousands of letters (a pasted link, hostile text) is shortened.
    const word = [...article[i]];
    const token = word.length > LONGEST_SHOWN ? word.slice(0, LONGEST_SHOWN).concat("…") : word;
    if (!hit[i]) {
      out[out.length - 1] += space + token.join("");
      continue;
    }
    // The found word without the punctuation around it (counted, not matched: linear however
    // long the word).
    let [a, b] = [0, token.length];
    while (a < b && !LETTER.test(token[a])) a++;
    while (b > a && !LETTER.test(token[b - 1])) b--;
    out[out.length - 1] += space + token.slice(0, a).join("");
    out.push(token.slice(a, b).join(""), token.slice(b).join(""));
  }
  return out;
}
const LETTER = /[\p{L}\p{N}]/u;
const LONGEST_SHOWN = 60;

// "Meinten Sie …?": the archive's words with how many articles have each, one file per first
// letter (pagefind/words/, written by the publish step), fetched only when a search finds little.
const vocabulary = new Map();
function letterOf(folded) {
  const c = folded[0] || "";
  return /^[a-z]$/.test(c) ? c : "_";
}
function loadVocabulary(letter) {
  if (!vocabulary.has(letter)) {
    const words = plainFetch(`/pagefind/words/${letter}.json`)
      .then((r) => (r.status === 404 ? [] : r.ok ? r.json() : Promise.reject(new Error(`words/${letter}.json: HTTP ${r.status}`))))
      .then((list) => list.map(([word, articles]) => ({ word: String(word), folded: fold(word), articles: +articles || 0 })));
    words.catch(() => vocabulary.delete(letter));
    vocabulary.set(letter, words);
  }
  return vocabulary.get(letter);
}

// Edits (a letter added, left out, changed, or two swapped) from a to b; more than `most`: most + 1.
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before = null;
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > most) return most + 1;
    before = last;
    last = row;
  }
  return last[b.length];
}

// The question with each word no article has (nor a word beginning with it) replaced by the
// nearest of the archive's words: one edit for short words, two from six letters; of equally
// near ones the most frequent. "" when there is nothing to suggest.
async function suggestion(text) {
  const words = wordsOf(text);
  if (!words.length) return "";
  const lists = await Promise.all(words.map((word) => loadVocabulary(letterOf(fold(word)))));
  let changed = false;
  const better = words.map((word, i) => {
    const f = fold(word);
    const list = lists[i];
    if (f.length < 4 || list.some((v) => v.folded.startsWith(f))) return word;
    const most = f.length < 6 ? 1 : 2;
    let best = null;
    for (const v of list) {
      const d = distance(f, v.folded, most);
      if (d <= most && (!best || d < best.d || (d === best.d && v.articles > best.articles))) best = { ...v, d };
    }
    if (!best) return word;
    changed = true;
    return best.word;
  });
  return changed ? better.join(" ") : "";
}

// The newest question; an older one still running stops at its next step (the newest wins).
let latest = 0;
const STALE = { stale: true };
// The search under way. Pagefind cannot stop a search once asked, and it answers one after the
// other: every key of a word typed would be searched in turn before the last one. So one search
// at a time, and of the questions waiting for it only the newest is asked.
let running = null;

async function find(question, tell) {
  while (running) {
    await running.catch(() => {});
    if (question.id !== latest) return STALE;
  }
  if (question.id !== latest) return STALE;
  running = search(question, tell);
  try {
    return await running;
  } finally {
    running = null;
  }
}

// The last complete search: the same question asked for more news ("Mehr Nachrichten") takes
// them from it instead of searching every part again.
let last = null;

// Searches the parts newest first; after each part but the last, `tell` gets what was found so
// far (marked `more`). The answer is every part's results: by score (Pagefind's, per part) or
// newest first (the parts' order, each sorted by date).
async function search({ id, text, tags, newest, count }, tell) {
  const key = JSON.stringify([text, tags, newest]);
  if (last && last.key === key) return answer(last, count, false);
  const { pagefind, parts } = await load();
  const options = { filters: tags.length ? { tag: { all: tags } } : {} };
  if (newest) options.sort = { date: "desc" };
  let found = null;
  for (const spelling of spellings(text)) {
    found = { key, spelling, results: [], tags: new Map() };
    const add = (answered) => {
      for (const r of answered.results) found.results.push(r);
      for (const [tag, n] of Object.entries((answered.filters && answered.filters.tag) || {})) {
        found.tags.set(tag, (found.tags.get(tag) || 0) + n);
      }
      if (!newest) found.results.sort((a, b) => b.score - a.score);
    };
    // Words some part has as words; the answers of parts that have a word only "near", held back
    // until it is known whether any part has it as a word (then theirs are not matches).
    const asWords = new Set();
    const held = [];
    let told = 0;
    for (const [i, part] of parts.entries()) {
      if (id !== latest) return STALE;
      const instance = await open(pagefind, part);
      const near = [];
      let lacking = false;
      for (const word of wordsOf(spelling)) {
        if (id !== latest) return STALE;
        const kind = await how(part, instance, word);
        if (kind === "word") asWords.add(word);
        if (kind === "near") near.push(word);
        if ((lacking = kind === "none")) break;
      }
      if (id !== latest) return STALE;
      const answered = lacking ? null : await instance.search(spelling, options);
      if (answered && near.length) held.push({ near, answered });
      else if (answered) add(answered);
      // What was found so far: after the first part, then at most twice a second (each answer
      // is a new list on the page).
      if (i + 1 < parts.length && id === latest && (!told || Date.now() - told >= 500)) {
        tell(await answer(found, count, true));
        told = Date.now();
      }
    }
    for (const { near, answered } of held) if (!near.some((w) => asWords.has(w))) add(answered);
    if (found.results.length) break;
  }
  if (id !== latest) return STALE;
  // Little found: perhaps a typing mistake ("Toiletenwagen").
  found.suggestion = "";
  if (found.results.length < 3) found.suggestion = await suggestion(text).catch(() => "");
  if (id !== latest) return STALE;
  last = found;
  return answer(found, count, false);
}

// How a word of the question is found in a part: "word" (as a word, or as the start of longer
// ones), "near" or "none". Pagefind answers a word no indexed word begins with for the longest
// one it has that begins the word ("Wochen" for "Wochenmarkt"), and leaves out a word it has
// nothing of, answering for the others ("Rat Xylophon" as "Rat"). One index answers so only for
// words it lacks everywhere; a part lacks many words the others have. Asked with a filter
// nothing carries, Pagefind only counts (milliseconds, where a full answer to a common word takes
// a hundred): quoted, the word must be indexed as such (its stem); unquoted, it is "near" when a
// probe no word begins with gets as many.
const NOTHING = { filters: { tag: "\u0000" } };
const PROBE = "qxzqj";
async function how(part, instance, word) {
  const known = part.words.get(word);
  if (known) return known;
  const count = async (term) => ((await instance.search(term, NOTHING)) || {}).unfilteredResultCount || 0;
  let kind = "word";
  if (!(await count(`"${word}"`))) {
    const n = await count(word);
    kind = !n ? "none" : n === (await count(word + PROBE)) ? "near" : "word";
  }
  // Kept for the next questions (the words typed so far come again with every key).
  if (part.words.size > 1000) part.words.clear();
  part.words.set(word, kind);
  return kind;
}

function wordsOf(text) {
  return text
    .split(" ")
    .map((w) => w.replace(/"/g, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

// What the app is told: the first `count` results with their excerpts, how many in all so far,
// the topics counted, and whether older parts are still to come.
async function answer(found, count, more) {
  const data = await Promise.all(found.results.slice(0, count).map((r) => r.data()));
  return {
    total: found.results.length,
    spelling: found.spelling,
    suggestion: more ? "" : found.suggestion || "",
    more,
    hits: data.map((d) => ({
      url: String(d.url || ""),
      title: String((d.meta && d.meta.title) || ""),
      kicker: String((d.meta && d.meta.kicker) || ""),
      date: String((d.meta && d.meta.date) || ""),
      excerpt: excerptOf(d.content, found.spelling),
    })),
    tags: [...found.tags.entries()],
  };
}

onmessage = async ({ data: ask }) => {
  if (ask.find) latest = ask.id;
  const tell = (answer) => postMessage({ id: ask.id, answer });
  try {
    const answer = ask.find ? await find(ask, tell) : (await load(), true);
    postMessage({ id: ask.id, answer });
  } catch (e) {
    postMessage({ id: ask.id, error: String(e && e.message ? e.message : e) });
  }
};
