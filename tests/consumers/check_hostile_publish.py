"""The hostile corpus (tests/fixtures/hostile/*/articles/) through the publish step: nothing from
content becomes markup, an attribute, a script or a forbidden link in any output file. Checked by
parsing every output (lxml's HTML parser, feedparser, json, the sitemap schema), not by grep.

Usage: check_hostile_publish.py PUBLISH_BINARY REPO     (prints "N passed, M failed")
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import feedparser
from checks import Checks
from lxml import etree, html

binary, repo = sys.argv[1], sys.argv[2]
check = Checks()
schema = etree.XMLSchema(etree.parse(os.path.join(os.path.dirname(__file__), "sitemap.xsd")))
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
IMAGE_SCHEMES = {"http", "https"}
# The one inline script a page may have: index.html's own, in the head, before the first paint
# (decision 21; the CSP allows exactly it, by its hash). Nothing of the content reaches it.
OURS = re.search(r"<script>(.*?)</script>", open(os.path.join(repo, "index.html"), encoding="utf-8").read(), re.S).group(1)



def scheme(url):
    """The scheme a browser reads (WHATWG: tabs and newlines removed, leading controls trimmed)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("".join(chr(c) for c in range(0x21)))
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return m.group(1).lower() if m else None


def audit_page(case, path):
    doc = html.fromstring(open(path, "rb").read())
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name in el.attrib:
            check(not name.lower().startswith("on"), f"{case}: {path}: event handler attribute {name} on {el.tag}")
    for s in doc.iter("script"):
        if s.get("type") == "application/ld+json":
            try:
                json.loads(s.text or "")
                check(True, "")
            except ValueError as e:
                check(False, f"{case}: {path}: JSON-LD does not parse: {e}")
        else:
            external = s.get("src") is not None and not (s.text or "").strip()
            ours = s.get("src") is None and s.text == OURS and s.getparent().tag == "head"
            check(external or ours, f"{case}: {path}: inline script {s.text!r:.80}")
    body = doc.find("body")
    for el in body.iter("iframe", "object", "embed", "base", "style"):
        check(False, f"{case}: {path}: element {el.tag} in the body")
    # One form is ours: the list page's search field (role=search, the input #suche).
    forms = list(body.iter("form"))
    ours = path.endswith("/index.html") and len(forms) == 1 and forms[0].get("role") == "search" \
        and [i.get("id") for i in forms[0].iter("input")] == ["suche"]
    check(not forms or ours, f"{case}: {path}: {len(forms)} form elements")
    for a in body.iter("a"):
        s = scheme(a.get("href", ""))
        check(s is None or s in LINK_SCHEMES, f"{case}: {path}: link to {a.get('href')!r}")
    for img in body.iter("img"):
        s = scheme(img.get("src", ""))
        check(s is None or s in IMAGE_SCHEMES, f"{case}: {path}: image from {img.get('src')!r}")
    # No element from content: the headline text is text, never a tag.
    # The list page and the embed builder's page are the app's own pages: their h1 is the app's.
    app_page = path.endswith("index.html") or path.endswith("embed-builder.html")
    check(len(doc.findall(".//h1")) == 1 or app_page, f"{case}: {path}: {len(doc.findall('.//h1'))} h1")


cases = sorted(d for d in glob.glob(os.path.join(repo, "tests/fixtures/hostile/*")) if os.path.isdir(os.path.join(d, "articles")))
check(len(cases) >= 30, f"only {len(cases)} hostile cases with articles")
for case_dir in cases:
    case = os.path.basename(case_dir)
    with tempfile.TemporaryDirectory() as tmp:
        content, dist = os.path.join(tmp, "content"), os.path.join(tmp, "dist")
        shutil.copytree(os.path.join(case_dir, "articles"), os.path.join(content, "articles"))
        os.makedirs(dist)
        shutil.copy(os.path.join(repo, "index.html"), os.path.join(dist, "index.html"))
        run = subprocess.run([binary, content, dist, "--site-url", "https://newsroom.stadt.example", "--format", "json"],
                             capture_output=True, text=True, timeout=120)
        check(run.returncode in (0, 1), f"{case}: exit code {run.returncode}: {run.stderr[:300]}")
        report = json.loads(run.stdout)
        check(report["ok"] == (run.returncode == 0), f"{case}: report and exit code disagree")
        for p in report["problems"]:
            check(p["file"] and p["message"], f"{case}: a problem without file or message: {p}")
        for path in glob.glob(os.path.join(dist, "**", "*"), recursive=True):
            if path.endswith(".html"):
                audit_page(case, path)
            elif path.endswith(".xml") and "/feeds/" in path:
                feed = feedparser.parse(path)
                check(feed.bozo == 0, f"{case}: {path}: {feed.get('bozo_exception')}")
            elif path.endswith("sitemap.xml"):
                check(schema.validate(etree.parse(path)), f"{case}: sitemap: {schema.error_log}")
            elif path.endswith(".json") and "/.publish/" not in path:
                try:
                    json.load(open(path, encoding="utf-8-sig"))
                    check(True, "")
                except ValueError as e:
                    check(False, f"{case}: {path}: {e}")

check.finish("hostile corpus through publish")
