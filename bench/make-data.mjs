// Writes the benchmark's inputs into a site folder: indexes with 1,000 and 10,000 items and a
// static HTML page of the reference article (the "floor": same content and CSS, no script).
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const site = process.argv[2];
const tags = ["Familie", "Integration", "Kultur", "Rat", "Sport", "Service", "Soziales", "Bildung", "Verkehr", "Umwelt", "Wirtschaft", "Gesundheit"];
for (const n of [1000, 10000]) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2025, 11, 20, 12) - i * 37 * 60000);
    const iso = new Date(t.getTime() + 3600000).toISOString().slice(0, 19) + "+01:00";
    items.push({ slug: `meldung-${i}`, headline: `Meldung ${i}: Die Stadt informiert über Neuigkeiten im Bezirk`, kicker: tags[i % 12],
      lead: "Ein kurzer Vorspann erklärt, worum es in dieser Meldung geht und wen sie betrifft.", published: iso,
      tags: [tags[i % 12], tags[(i * 5 + 3) % 12]] });
  }
  mkdirSync(join(site, `api-${n / 1000}k`), { recursive: true });
  writeFileSync(join(site, `api-${n / 1000}k`, "news.json"), JSON.stringify({ version: 1, items }));
}

const a = JSON.parse(readFileSync(join(site, "api/articles/dortmund-tritt-charta-integrating-cities-bei.json"), "utf8"));
const css = readdirSync(site).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const text = (t) => (typeof t === "string" ? esc(t) : t.map((r) => (r.strong ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join(""));
const body = a.body.map((b) => ({
  paragraph: () => `<p>${text(b.text)}</p>`,
  heading: () => `<h2>${esc(b.text)}</h2>`,
  list: () => `<ul>${b.items.map((i) => `<li>${text(i)}</li>`).join("")}</ul>`,
  link: () => `<p class="link-block"><a href="${esc(b.href)}">${esc(b.label)}</a></p>`,
}[b.type] || (() => ""))()).join("\n");
const index = JSON.parse(readFileSync(join(site, "api/news.json"), "utf8")).items.filter((t) => t.slug !== a.slug).slice(0, 15);
const related = index.map((t) => `<li class="teaser"><article><h3 class="teaser-headline"><a class="teaser-link" href="/nachrichten/${t.slug}">${esc(t.headline)}</a></h3><p class="teaser-date">${esc(t.published)}</p></article></li>`).join("");
mkdirSync(join(site, "bench"), { recursive: true });
writeFileSync(join(site, "bench/static-article.html"), `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(a.headline)} – Newsroom</title>
<link rel="stylesheet" href="/${css}"></head><body><header class="site-header"><a href="/" class="brand">Newsroom</a></header>
<main id="inhalt"><article class="article"><header class="article-header"><p class="kicker">${esc(a.kicker)}</p><h1>${esc(a.headline)}</h1>
<p class="lead">${esc(a.lead)}</p></header><div class="article-body">${body}</div></article>
<section class="related"><h2>Weitere Nachrichten</h2><ul class="teasers compact">${related}</ul></section></main></body></html>`);
