// Full-text search for the app (src/app/search.rs): loaded when the reader first focuses or types
// in the search field — nothing of it is in the first view. Pagefind runs in search-worker.js,
// off the main thread; this module only passes questions and answers (plain data).
let worker = null;
let asked = 0;
const waiting = new Map();

function ask(question) {
  if (!worker) {
    worker = new Worker("/search-worker.js", { type: "module" });
    worker.onmessage = ({ data }) => {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (!pending) return;
      if (data.error !== undefined) pending.reject(new Error(data.error));
      else pending.resolve(data.answer);
    };
    // The worker itself could not start: every open question fails (the app says so and falls
    // back); the next question starts a new worker.
    worker.onerror = (e) => {
      worker = null;
      for (const pending of waiting.values()) pending.reject(new Error(e.message || "search worker failed"));
      waiting.clear();
    };
  }
  const id = ++asked;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ ...question, id });
  });
}

// Starts loading the engine and the index's entry (focus on the search field).
export function prepare() {
  return ask({ prepare: true });
}

// The first `count` news for `text` (in the first of its spellings that finds any), with `tags`
// all chosen; newest first or by relevance. Resolves to { total, spelling, hits: [{ url, title,
// kicker, date, excerpt }], tags: [[tag, count], …] }, or to { stale: true } when a newer
// question came first; rejects when the index cannot be loaded.
export function find(text, tags, newest, count) {
  return ask({ find: true, text, tags: [...tags], newest, count });
}
