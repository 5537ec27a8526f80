// The benchmark's baseline: the newsroom list, tag filters with faceted counts and search in
// plain JavaScript with no framework, doing the same work as the app (sort, fold, filter, count,
// render 15 entries). Not shipped; only bench/ uses it.
"use strict";
const PAGE = 15;
const fold = (s) => s.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
const months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
const days = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];
function germanDate(iso) {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const wd = new Date(Date.UTC(+y, +m - 1, +d)).getUTCDay();
  return `${days[wd]} ${+d}. ${months[+m - 1]} ${y}`;
}
let items = [], tags = [], chosen = [], text = "";
function search() {
  const words = fold(text).split(/\s+/).filter(Boolean);
  const counts = new Map(tags.map((t) => [t, 0]));
  const hits = [];
  for (const it of items) {
    if (chosen.every((t) => it.tagSet.has(t)) && words.every((w) => it.hay.includes(w))) {
      hits.push(it);
      for (const t of it.tagSet) counts.set(t, counts.get(t) + 1);
    }
  }
  return { hits, counts };
}
function render() {
  const { hits, counts } = search();
  document.getElementById("count").textContent = `${hits.length} Nachrichten`;
  const tagList = document.getElementById("tags");
  tagList.textContent = "";
  for (const t of tags) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button"; b.className = "tag-toggle";
    b.setAttribute("aria-pressed", String(chosen.includes(t)));
    b.disabled = counts.get(t) === 0 && !chosen.includes(t);
    b.textContent = `${t} (${counts.get(t)})`;
    b.onclick = () => { chosen = chosen.includes(t) ? chosen.filter((x) => x !== t) : [...chosen, t]; render(); };
    li.appendChild(b); tagList.appendChild(li);
  }
  const list = document.getElementById("list");
  list.textContent = "";
  for (const it of hits.slice(0, PAGE)) {
    const li = document.createElement("li"); li.className = "teaser";
    const art = document.createElement("article");
    // The same entry as the app's list: kicker, headline, date, lead.
    if (it.kicker) { const k = document.createElement("p"); k.className = "kicker"; k.textContent = it.kicker; art.appendChild(k); }
    const h = document.createElement("h2"); h.className = "teaser-headline";
    const a = document.createElement("a"); a.className = "teaser-link"; a.href = `/nachrichten/${it.slug}`; a.textContent = it.headline;
    h.appendChild(a); art.appendChild(h);
    const p = document.createElement("p"); p.className = "teaser-date";
    const time = document.createElement("time"); time.dateTime = it.published; time.textContent = germanDate(it.published);
    p.appendChild(time); art.appendChild(p);
    if (it.lead) { const l = document.createElement("p"); l.className = "teaser-lead"; l.textContent = it.lead; art.appendChild(l); }
    li.appendChild(art); list.appendChild(li);
  }
}
fetch(document.documentElement.dataset.api || "/api/news.json").then((r) => r.json()).then((index) => {
  const seen = new Set();
  items = index.items
    .filter((i) => i && typeof i.slug === "string" && /^[a-z0-9-]+$/.test(i.slug) && typeof i.headline === "string" && !isNaN(Date.parse(i.published)))
    .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || (a.slug < b.slug ? -1 : 1))
    .filter((i) => !seen.has(i.slug) && seen.add(i.slug))
    .map((i) => ({ ...i, tagSet: new Set(i.tags || []), hay: fold([i.headline, i.lead || "", i.kicker || "", ...(i.tags || [])].join("\n")) }));
  tags = [...new Set(items.flatMap((i) => [...i.tagSet]))].sort((a, b) => fold(a).localeCompare(fold(b)));
  document.getElementById("suche").oninput = (e) => { text = e.target.value; render(); };
  render();
});
