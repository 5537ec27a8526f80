// Full-text search for the app (src/app/search.rs): loaded when the reader first focuses or types
// in the search field — nothing of it is in the first view. Pagefind runs in search-worker.js,
// off the main thread; this module only passes questions and answers (plain data).
let worker = null;
let asked = 0;
// Per question: the answers not yet taken, and who waits for the next one. A search of an
// index in parts answers more than once (search-worker.js): what was found so far, marked `more`.
const questions = new Map();

// `last`: no answer follows this one (the question is done once it is taken).
function deliver(id, settle, last) {
  const q = questions.get(id);
  if (!q) return;
  q.answers.push({ settle, last });
  if (q.waiting) take(id, q, q.waiting);
}

function take(id, q, waiter) {
  const { settle, last } = q.answers.shift();
  q.waiting = null;
  if (last) questions.delete(id);
  settle(waiter);
}

function next(id) {
  const q = questions.get(id);
  if (!q) return Promise.resolve({ stale: true });
  return new Promise((resolve, reject) => {
    const waiter = { resolve, reject };
    if (q.answers.length) take(id, q, waiter);
    else q.waiting = waiter;
  });
}

function ask(question) {
  if (!worker) {
    worker = new Worker("/search-worker.js", { type: "module" });
    worker.onmessage = ({ data }) => {
      if (data.error !== undefined) deliver(data.id, (w) => w.reject(new Error(data.error)), true);
      else deliver(data.id, (w) => w.resolve(data.answer), !(data.answer && data.answer.more));
    };
    // The worker itself could not start: every open question fails (the app says so and falls
    // back); the next question starts a new worker.
    worker.onerror = (e) => {
      worker = null;
      for (const id of [...questions.keys()]) {
        deliver(id, (w) => w.reject(new Error(e.message || "search worker failed")), true);
      }
    };
  }
  const id = ++asked;
  // A search's later answers are of no use once another search is asked: whoever waits for one
  // is told so.
  for (const [old, q] of questions) {
    if (!question.find || !q.find) continue;
    if (q.waiting) q.waiting.resolve({ stale: true });
    questions.delete(old);
  }
  questions.set(id, { find: !!question.find, answers: [], waiting: null });
  worker.postMessage({ ...question, id });
  return next(id);
}

// Starts loading the engine and the index's entry (focus on the search field).
export function prepare() {
  return ask({ prepare: true });
}

// The first `count` news for `text` (in the first of its spellings that finds any), with `tags`
// all chosen; newest first or by relevance. Resolves to { total, spelling, more, hits: [{ url,
// title, kicker, date, excerpt }], tags: [[tag, count], …] }, or to { stale: true } when a newer
// question came first; rejects when the index cannot be loaded. With `more`, older parts of the
// index are still being searched: `more()` resolves to the next answer.
export function find(text, tags, newest, count) {
  return ask({ find: true, text, tags: [...tags], newest, count });
}

// The next answer to the newest search (after one marked `more`).
export function more() {
  let newest = 0;
  for (const [id, q] of questions) if (q.find) newest = id;
  return next(newest);
}
