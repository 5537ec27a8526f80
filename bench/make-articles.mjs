// Writes N generated articles (content format v1) with bodies of realistic length — about 450
// words in paragraphs, a sub-heading, a list, a link and an image — into DIR/articles/.
// Usage: node bench/make-articles.mjs DIR N
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, n] = [process.argv[2], Number(process.argv[3])];
const tags = ["Familie", "Integration", "Kultur", "Rat", "Sport", "Service", "Soziales", "Bildung", "Verkehr", "Umwelt", "Wirtschaft", "Gesundheit"];
const words = ("Stadt Rat Bezirk Schule Kita Straße Sanierung Förderung Programm Bürgerinnen Bürger Verwaltung Sitzung Beschluss "
  + "Haushalt Maßnahme Maßnahmen Spielplatz Radweg Quartier Ausstellung Museum Bibliothek Sporthalle Ehrenamt Jugend Senioren "
  + "Wohnungslose Beratung Termin Anmeldung Umweltschutz Klimaschutz Baustelle Verkehr Umleitung Fest Markt Hörde Innenstadt").split(" ");
const sentence = (i, k) => {
  const out = [];
  for (let w = 0; w < 14; w++) out.push(words[(i * 7 + k * 13 + w * 5) % words.length]);
  return out.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
};
const paragraph = (i, k) => [0, 1, 2, 3].map((s) => sentence(i, k * 4 + s)).join(" ");
mkdirSync(join(dir, "articles"), { recursive: true });
for (let i = 0; i < n; i++) {
  const t = new Date(Date.UTC(2025, 11, 20, 12) - i * 37 * 60000);
  const published = new Date(t.getTime() + 3600000).toISOString().slice(0, 19) + "+01:00";
  const slug = `meldung-${String(i).padStart(6, "0")}`;
  const body = [];
  for (let k = 0; k < 7; k++) {
    body.push({ type: "paragraph", text: paragraph(i, k) });
    if (k === 2) body.push({ type: "heading", text: `Was sich im Bezirk ändert (${i})` });
    if (k === 4) body.push({ type: "list", items: [sentence(i, 40), sentence(i, 41), sentence(i, 42)] });
  }
  body.push({ type: "image", src: "/images/in-hoerde-hat-sich-viel-getan.svg", alt: "Ein Platz im Bezirk", caption: "Der Platz nach der Sanierung", credit: "Stadt", width: 1200, height: 675 });
  body.push({ type: "link", href: "https://www.example.org/mehr", label: "Mehr Informationen" });
  const article = {
    slug, headline: `Meldung ${i}: Die Stadt informiert über Neuigkeiten im Bezirk`, kicker: tags[i % 12],
    lead: sentence(i, 99) + " " + sentence(i, 98), published, tags: [tags[i % 12], tags[(i * 5 + 3) % 12]],
    keywords: ["stadt", "bezirk"], body,
  };
  writeFileSync(join(dir, "articles", `${slug}.json`), JSON.stringify(article));
}
