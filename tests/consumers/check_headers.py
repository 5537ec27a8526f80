"""What the release build's server sends (deploy/newsroom.conf through scripts/nginx.sh): every
HTML response revalidates and carries the security headers; only hashed files are immutable; the
embed page alone may be framed by other sites; the widget and content files are readable
cross-origin. Then the documented TLS server (deploy/newsroom-tls.conf) graded by the MDN HTTP
Observatory, which must give A+.

Usage: check_headers.py BASE_URL DIST TLS_HOST HTTP_PORT HTTPS_PORT CA_FILE
"""
import base64
import hashlib
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request

base, dist, tls_host, http_port, https_port, ca = sys.argv[1:7]
problems = []


def head(path):
    req = urllib.request.Request(base + path, method="GET")
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.headers


def expect(path, name, want, status=200):
    got_status, headers = head(path)
    if got_status != status:
        problems.append(f"{path}: HTTP {got_status}, expected {status}")
    value = headers.get(name)
    ok = want(value) if callable(want) else value == want
    if not ok:
        problems.append(f"{path}: {name}: {value!r}")


hashed = sorted(f for f in os.listdir(dist) if re.search(r"-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$", f))
entry = sorted(f for f in os.listdir(os.path.join(dist, "nachrichten")) if f.endswith(".html"))[0][: -len(".html")]
pages = {  # path: status
    "/": 200,
    "/index.html": 200,
    "/?tag=Familie": 200,
    f"/nachrichten/{entry}": 200,
    "/nachrichten/gibt-es-nicht": 404,
    "/barrierefreiheit": 200,
    "/embed/builder": 200,
    "/irgendwo/anders": 200,
}
security = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": lambda v: v is not None and "camera=()" in v and "geolocation=()" in v,
}

def inline_script_hashes(path):
    """The CSP sources that allow the page's inline scripts, as the browser computes them."""
    with urllib.request.urlopen(base + path) as r:
        page = r.read().decode()
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
        for code in re.findall(r"<script>(.*?)</script>", page, re.S)
    ]


for path, status in pages.items():
    # Each inline script (index.html's one, before the first paint) is allowed by its hash: a
    # script changed without its hash would not run, and the CSP would report it.
    hashes = inline_script_hashes(path) if status == 200 else []
    expect(path, "Content-Security-Policy", lambda v: v is not None and all(h in v for h in hashes), status)
    expect(path, "Cache-Control", "no-cache", status)
    expect(path, "Content-Security-Policy", lambda v: v is not None and "frame-ancestors 'self'" in v
           and "script-src 'self' 'wasm-unsafe-eval'" in v and "unsafe-inline" not in v, status)
    expect(path, "X-Frame-Options", "SAMEORIGIN", status)
    for name, want in security.items():
        expect(path, name, want, status)
# The embed page is made to be framed by partner sites.
expect("/embed", "Content-Security-Policy", lambda v: v is not None and v.endswith("frame-ancestors *"))
expect("/embed", "X-Frame-Options", None)
expect("/embed", "Cache-Control", "no-cache")
for path in ["/embed", "/embed.js", "/widget.js", "/api/news.json", "/feeds/nachrichten.xml"]:
    for name, want in security.items():
        expect(path, name, want)
for path in ["/embed.js", "/widget.js", "/widget/newsroom-widget.js", "/api/news.json"]:
    expect(path, "Access-Control-Allow-Origin", "*")
expect("/", "Access-Control-Allow-Origin", None)
# Only hashed files are immutable; what the pages load unhashed revalidates.
for f in hashed:
    expect("/" + f, "Cache-Control", "public, max-age=31536000, immutable")
for path in ["/boot.js", "/media-blocks.js", "/noscript.css", "/widget/newsroom-widget.js", "/widget/newsroom-widget_bg.wasm"]:
    expect(path, "Cache-Control", "no-cache")
expect("/.publish/template.html", "Cache-Control", "no-cache", 404)
# A hashed file that is missing is a 404 no cache keeps (it may be deployed a moment later).
expect("/newsroom-0123456789abcdef_bg.wasm", "Cache-Control", "no-store", 404)
expect("/pagefind/2025-12/index/de_0123456789.pf_index", "Cache-Control", "no-store", 404)
# Photos the publish step made: named by their bytes, immutable, with their own type.
photos = sorted(os.listdir(os.path.join(dist, "media", "v"))) if os.path.isdir(os.path.join(dist, "media", "v")) else []
check_types = {".webp": "image/webp", ".jpg": "image/jpeg"}
if not photos:
    problems.append("media/v: no photo made (the sample has content/media/holz.jpg)")
for name in [p for p in photos if p.endswith(".webp")][:1] + [p for p in photos if p.endswith(".jpg")][:1]:
    expect("/media/v/" + name, "Cache-Control", "public, max-age=31536000, immutable")
    expect("/media/v/" + name, "Content-Type", check_types[os.path.splitext(name)[1]])
expect("/media/v/0123456789abcdef-640.webp", "Cache-Control", "no-store", 404)

# HTTPS: the redirect, HSTS, and the Observatory's grade.
req = urllib.request.Request(f"http://{tls_host}:{http_port}/nachrichten/x")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


try:
    urllib.request.build_opener(NoRedirect).open(req)
    problems.append("http: no redirect to https")
except urllib.error.HTTPError as e:
    if e.code != 301 or e.headers.get("Location") != f"https://{tls_host}:{https_port}/nachrichten/x":
        problems.append(f"http: {e.code} to {e.headers.get('Location')!r}")
scan = subprocess.run(
    ["node", "tests/observatory/scan.mjs", tls_host, http_port, https_port, "A+"],
    env={**os.environ, "NODE_EXTRA_CA_CERTS": ca},
    capture_output=True,
    text=True,
)
print(scan.stdout, end="")
if scan.returncode != 0:
    problems.append("observatory: " + (scan.stderr.strip() or "failed"))

if problems:
    print(f"{len(problems)} problems:")
    print("\n".join(problems))
    sys.exit(1)
print(f"headers: {len(pages)} pages, the embed page, {len(hashed)} hashed files and the TLS server as documented")
