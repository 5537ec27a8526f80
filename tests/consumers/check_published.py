"""The publish step's output read by the programs that read it in the wild: feedparser (what most
feed readers are built on), extruct (metadata extraction as search engines and link previews do),
an XML Schema of the Sitemaps protocol (lxml), and JSON parsers. Expectations come from the
articles themselves (content/articles/*.json), read here independently of the Rust code.

Usage: check_published.py CONTENT_DIR DIST_DIR SITE_URL     (prints "N passed, M failed")
"""
import glob
import json
import os
import sys
from datetime import datetime, timezone

import subprocess

import extruct
import feedparser
from checks import Checks
from lxml import etree, html

content, dist, site = sys.argv[1], sys.argv[2], sys.argv[3].rstrip("/")
check = Checks()



def instant(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(timezone.utc)


articles = []
for path in sorted(glob.glob(os.path.join(content, "articles", "*.json"))):
    with open(path, encoding="utf-8-sig") as f:
        articles.append(json.load(f))
# Newest first by the instant, then by slug: the format's order.
articles.sort(key=lambda a: a["slug"])
articles.sort(key=lambda a: instant(a["published"]), reverse=True)
site_name = "Newsroom"
if os.path.exists(os.path.join(content, "site.json")):
    site_name = json.load(open(os.path.join(content, "site.json"), encoding="utf-8")).get("name", site_name)


def rich(text):
    return text if isinstance(text, str) else "".join(r.get("text", "") for r in text)


def block_texts(block):
    """What a reader must find of a block (format 1.2 included), as the content format says."""
    kind = block.get("type")
    if kind in ("paragraph", "heading", "quote"):
        return [rich(block["text"])]
    if kind == "list":
        return [rich(i) for i in block["items"]]
    if kind == "table":
        cells = [c for row in block.get("head", []) + block["rows"] for c in row if c is not None]
        return [block.get("caption", "")] + [str(c) if isinstance(c, (int, float)) else rich(c) for c in cells]
    if kind == "infobox":
        return [block.get("title", "")] + [t for b in block["blocks"] for t in block_texts(b)]
    if kind == "faq":
        out = []
        for q in block["items"]:
            out.append(q["question"])
            answer = q["answer"]
            out += [answer] if isinstance(answer, str) else [t for b in answer for t in block_texts(b)]
        return out
    if kind == "downloads":
        return [block.get("title", "")] + [f["label"] for f in block["files"]]
    if kind == "contact":
        return [block.get(k, "") for k in ("name", "role", "organisation", "phone", "email")]
    return []


def expect_texts(where, text, a):
    text = " ".join(text.split())
    for block in a["body"]:
        for want in block_texts(block):
            want = " ".join(want.split())
            check(want in text, f"{where}: {want!r} ({block['type']}) not found")


def expect_feed(path, title, chosen):
    feed = feedparser.parse(path)
    check(feed.bozo == 0, f"{path}: feedparser reports a problem: {feed.get('bozo_exception')}")
    check(feed.version == "atom10", f"{path}: not read as Atom 1.0 ({feed.version})")
    check(feed.feed.get("title") == title, f"{path}: title {feed.feed.get('title')!r}, expected {title!r}")
    want = chosen[:50]
    got = [e.get("link") for e in feed.entries]
    check(got == [f"{site}/nachrichten/{a['slug']}" for a in want], f"{path}: entries {got}")
    for entry, a in zip(feed.entries, want):
        check(entry.get("id") == f"{site}/nachrichten/{a['slug']}", f"{path}: id of {a['slug']}")
        check(entry.get("title") == a["headline"].strip(), f"{path}: title of {a['slug']}: {entry.get('title')!r}")
        published = datetime(*entry.published_parsed[:6], tzinfo=timezone.utc)
        check(published == instant(a["published"]), f"{path}: published of {a['slug']}: {published}")
        updated = datetime(*entry.updated_parsed[:6], tzinfo=timezone.utc)
        changes = [a["published"]] + ([a["updated"]] if a.get("updated") else []) + [c["date"] for c in a.get("corrections", [])]
        check(updated == max(instant(c) for c in changes), f"{path}: updated of {a['slug']} is {updated}")
        check([t.term for t in entry.get("tags", [])] == a.get("tags", []), f"{path}: categories of {a['slug']}")
        if a.get("lead"):
            check(entry.get("summary") == a["lead"].strip(), f"{path}: summary of {a['slug']}")
        check(entry.get("author"), f"{path}: no author for {a['slug']}")
        # The whole article travels in the entry's content, as feed readers show it.
        content = entry.get("content", [{}])[0]
        check(content.get("type") == "text/html", f"{path}: content of {a['slug']} is {content.get('type')}")
        if content.get("value"):
            expect_texts(f"{path}: content of {a['slug']}", html.fromstring(content["value"]).text_content(), a)
        # The photo travels with the entry, once, as a file every reader shows.
        enclosures = [e for e in entry.get("enclosures", []) if e.get("type", "").startswith("image/")]
        if a.get("image"):
            check(len(enclosures) == 1, f"{path}: image enclosures of {a['slug']}: {enclosures}")
        else:
            check(not enclosures, f"{path}: {a['slug']} has no image but {enclosures}")
    return feed


expect_feed(os.path.join(dist, "feeds", "nachrichten.xml"), f"Nachrichten – {site_name}", articles)
tags = sorted({t for a in articles for t in a.get("tags", [])})
feeds_by_title = {}
for path in glob.glob(os.path.join(dist, "feeds", "thema-*.xml")):
    feeds_by_title[feedparser.parse(path).feed.get("title")] = path
for tag in tags:
    title = f"Nachrichten zum Thema {tag} – {site_name}"
    check(title in feeds_by_title, f"no feed titled {title!r}")
    if title in feeds_by_title:
        expect_feed(feeds_by_title[title], title, [a for a in articles if tag in a.get("tags", [])])

for a in articles:
    path = os.path.join(dist, "nachrichten", a["slug"] + ".html")
    page = open(path, encoding="utf-8").read()
    url = f"{site}/nachrichten/{a['slug']}"
    data = extruct.extract(page, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)
    news = [d for d in data["json-ld"] if d.get("@type") == "NewsArticle"]
    faqs = [d for d in data["json-ld"] if d.get("@type") == "FAQPage"]
    questions = [q["question"] for b in a["body"] if b.get("type") == "faq" for q in b["items"]]
    check(len(news) == 1 and len(faqs) == (1 if questions else 0) and len(data["json-ld"]) == len(news) + len(faqs),
          f"{path}: JSON-LD items {data['json-ld']}")
    if faqs:
        got = [(q.get("@type"), q.get("name"), q.get("acceptedAnswer", {}).get("@type")) for q in faqs[0].get("mainEntity", [])]
        check(got == [("Question", q, "Answer") for q in questions], f"{path}: FAQPage {got}")
    if news:
        n = news[0]
        check(n.get("headline") == a["headline"].strip(), f"{path}: JSON-LD headline {n.get('headline')!r}")
        check(instant(n["datePublished"]) == instant(a["published"]), f"{path}: datePublished")
        check(n.get("mainEntityOfPage", {}).get("@id") == url, f"{path}: mainEntityOfPage")
        check(n.get("publisher", {}).get("name"), f"{path}: no publisher")
        check(n.get("inLanguage") == a.get("language", "de"), f"{path}: inLanguage")
        phones = [p.get("telephone") for p in n.get("publisher", {}).get("contactPoint", [])]
        want = [c["phone"] for c in a.get("contacts", []) + [b for b in a["body"] if b.get("type") == "contact"] if c.get("phone")]
        check(phones == want, f"{path}: contact points {phones}, expected {want}")
    og = data["opengraph"][0] if data["opengraph"] else {}
    check(og.get("og:title") == a["headline"].strip(), f"{path}: og:title {og.get('og:title')!r}")
    # extruct's uniform form moves og:type to @type.
    check(og.get("@type") == "article" and og.get("og:url") == url, f"{path}: og:type/og:url")
    check(og.get("og:locale") == "de_DE" and og.get("og:site_name") == site_name, f"{path}: og:locale/site_name")
    check(og.get("og:image", "").startswith("http"), f"{path}: og:image {og.get('og:image')!r}")
    doc = html.fromstring(page)
    check(doc.get("lang") == a.get("language", "de"), f"{path}: html lang {doc.get('lang')}")
    check(doc.findtext(".//title") == f"{a['headline'].strip()} – {site_name}", f"{path}: title")
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    check(canonical == [url], f"{path}: canonical {canonical}")
    feeds = doc.xpath("//link[@rel='alternate'][@type='application/atom+xml']/@href")
    check(len(feeds) == 1 + len(a.get("tags", [])), f"{path}: feed links {feeds}")
    for href in feeds:
        local = os.path.join(dist, href[len(site) + 1:])
        check(href.startswith(site) and os.path.exists(local), f"{path}: feed link {href} leads nowhere")
    oembed = doc.xpath("//link[@rel='alternate'][@type='application/json+oembed']/@href")
    check(len(oembed) == 1, f"{path}: oEmbed links {oembed}")
    if oembed:
        doc_o = json.load(open(os.path.join(dist, oembed[0][len(site) + 1:]), encoding="utf-8"))
        check(doc_o.get("version") == "1.0" and doc_o.get("type") == "rich", f"{path}: oEmbed version/type")
        check("<iframe" in doc_o.get("html", "") and doc_o.get("width") and doc_o.get("height"), f"{path}: oEmbed html")
    # Readable without JavaScript: the text is in the page.
    body = " ".join(doc.xpath("//div[@id='prerendered']//article//text()"))
    check(a["headline"].strip() in body, f"{path}: headline not in the page's text")
    if a.get("lead"):
        check(a["lead"].strip() in body, f"{path}: lead not in the page's text")
    expect_texts(f"{path} without JavaScript", body, a)

# Photos as readers get them, read by a real metadata reader (ExifTool): no EXIF, GPS, XMP, IPTC,
# maker notes or camera serial in any served variant; link previews small enough for messengers.
made = sorted(glob.glob(os.path.join(dist, "media", "v", "*")))
photo_articles = [a for a in articles if a.get("image", {}).get("src", "").startswith("/media/")]
check(len(made) >= 7 * len(photo_articles), f"media/v: {len(made)} files for {len(photo_articles)} photos")
if made:
    tags = json.loads(subprocess.run(["exiftool", "-json", "-a", "-G1", *made], capture_output=True, check=True).stdout)
    secret_groups = ("EXIF", "IFD0", "IFD1", "ExifIFD", "GPS", "XMP", "IPTC", "MakerNotes", "Photoshop", "ICC")
    for info in tags:
        found = sorted(k for k in info if k.split(":")[0].startswith(secret_groups) or "Serial" in k or "GPS" in k)
        check(not found, f"{info['SourceFile']}: carries {found[:6]}")
for a in photo_articles:
    page = open(os.path.join(dist, "nachrichten", a["slug"] + ".html"), encoding="utf-8").read()
    og = extruct.extract(page, base_url=site, syntaxes=["opengraph"], uniform=True)["opengraph"][0]
    local = os.path.join(dist, og.get("og:image", "")[len(site) + 1:])
    check(os.path.isfile(local) and local.endswith(".jpg"), f"{a['slug']}: og:image {og.get('og:image')}")
    if os.path.isfile(local):
        size = json.loads(subprocess.run(["exiftool", "-json", "-ImageWidth", "-ImageHeight", local],
                                         capture_output=True, check=True).stdout)[0]
        check(os.path.getsize(local) <= 300_000 and size["ImageWidth"] <= 1600, f"{local}: {os.path.getsize(local)} bytes, {size}")
        check(str(size["ImageWidth"]) == og.get("og:image:width") and str(size["ImageHeight"]) == og.get("og:image:height"),
              f"{a['slug']}: og:image size {og.get('og:image:width')}x{og.get('og:image:height')}, file {size}")
    ld = extruct.extract(page, base_url=site, syntaxes=["json-ld"], uniform=True)["json-ld"][0]
    ratios = []
    for url in ld.get("image", []):
        info = json.loads(subprocess.run(["exiftool", "-json", "-ImageWidth", "-ImageHeight",
                                          os.path.join(dist, url[len(site) + 1:])], capture_output=True).stdout or b"[{}]")[0]
        if info.get("ImageWidth"):
            ratios.append(round(info["ImageWidth"] / info["ImageHeight"], 2))
    check(ratios == [1.78, 1.33, 1.0], f"{a['slug']}: JSON-LD image ratios {ratios}")
    # The original is the press office's, not the readers': never served.
    check(not os.path.exists(os.path.join(dist, a["image"]["src"].lstrip("/"))), f"{a['image']['src']} is served")

schema = etree.XMLSchema(etree.parse(os.path.join(os.path.dirname(__file__), "sitemap.xsd")))
sitemap = etree.parse(os.path.join(dist, "sitemap.xml"))
check(schema.validate(sitemap), f"sitemap.xml: {schema.error_log}")
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
locs = sitemap.xpath("//s:loc/text()", namespaces=ns)
check(sorted(locs) == sorted([f"{site}/"] + [f"{site}/nachrichten/{a['slug']}" for a in articles]), f"sitemap.xml: {locs}")
# An article's lastmod is its last change: a correction counts.
for a in articles:
    changes = [a["published"]] + ([a["updated"]] if a.get("updated") else []) + [c["date"] for c in a.get("corrections", [])]
    lastmod = sitemap.xpath(f"//s:url[s:loc='{site}/nachrichten/{a['slug']}']/s:lastmod/text()", namespaces=ns)
    check(lastmod and instant(lastmod[0]) == max(instant(c) for c in changes), f"sitemap.xml: lastmod of {a['slug']}: {lastmod}")
robots = open(os.path.join(dist, "robots.txt"), encoding="utf-8").read()
check(f"Sitemap: {site}/sitemap.xml" in robots.splitlines(), "robots.txt names no sitemap")

index = json.load(open(os.path.join(dist, "api", "news.json"), encoding="utf-8"))
check([i["slug"] for i in index["items"]] == [a["slug"] for a in articles][: len(index["items"])], "api/news.json order")

check.finish("publish consumers")
