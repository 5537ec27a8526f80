#!/usr/bin/env bash
# Runs nginx with the repo's deploy/newsroom.conf on loopback, the way production serves it.
# Usage: scripts/nginx.sh start PORT DIST [--foreground] [--test-servers]
#        scripts/nginx.sh stop PORT
# --test-servers adds two copies of the same build, pointed (by <meta name="newsroom:api">) at
#   PORT+1: /flaky-api/, which answers 503 until the browser holds the cookie `recover=1`;
#   PORT+2: /fixture-api/, which serves tests/fixtures/<cookie `fixture`>/;
# and on PORT+3 the build with its .wasm missing (the app cannot start: the fallback must show);
# and on PORT+4 a foreign site (tests/fixtures/host/) that embeds the widget;
# PORT+5 is scripts/slow-headers.py, behind the fixture server's `net=slowheaders`;
# PORT+6 (HTTPS, a self-signed certificate for `localhost` in the state directory) and PORT+7
#   (HTTP, redirecting to it) are deploy/newsroom-tls.conf as documented, serving the build;
# PORT+8 serves $state/releases/current, a release made by scripts/deploy.sh (the e2e suite
#   deploys a second release there while a page is open);
# PORT+9 is another newsroom: the build with tests/fixtures/search-newsroom/ published into it
#   (the full-text search's e2e cases, hostile text included), its search index in two parts;
# PORT+30 is scripts/wasm-gate.py: on PORT, a browser holding the cookie `hold=wasm` gets the
#   app's WebAssembly only once the test opens the gate (the app's start held back, any engine).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cmd="$1"; port="$2"
state="$repo/.e2e/nginx-$port"
if [ "$cmd" = stop ]; then
  [ -f "$state/nginx.pid" ] && kill "$(cat "$state/nginx.pid")" 2>/dev/null || true
  [ -f "$state/slow.pid" ] && kill "$(cat "$state/slow.pid")" 2>/dev/null || true
  [ -f "$state/gate.pid" ] && kill "$(cat "$state/gate.pid")" 2>/dev/null || true
  exit 0
fi
dist="$(cd "$3" && pwd)"; shift 3
foreground=false; test_servers=false
for a in "$@"; do
  case "$a" in --foreground) foreground=true ;; --test-servers) test_servers=true ;; esac
done
mkdir -p "$state"
test_block=""
: > "$state/hold.conf"
# A copy of the build whose content base is $2. Its content is another (fixtures, a failing
# server), so the sample's published pages go (the app's own page serves every route), unless
# $3 is "published" (the build that cannot start: its published article must stay readable).
build_copy() { # name api [published]
  local copy="$state/dist-$1"
  rm -rf "$copy"; cp -r "$dist" "$copy"
  if [ "${3:-}" != published ] && [ -f "$copy/.publish/template.html" ]; then
    cp "$copy/.publish/template.html" "$copy/index.html"
    cp "$copy/.publish/template.html" "$copy/404.html"
    # Nor is the sample's search index theirs: there the search says it cannot use one.
    rm -rf "$copy/nachrichten" "$copy/pagefind"
  fi
  # Every page: the app's index.html and the publish step's pages (entry pages, 404).
  find "$copy" -name '*.html' -exec sed -i "s|<meta name=\"newsroom:api\" content=\"[^\"]*\">|<meta name=\"newsroom:api\" content=\"$2\">|" {} +
  find "$copy" \( -name '*.html.br' -o -name '*.html.gz' \) -delete
}
if $test_servers; then
  [ -f "$state/slow.pid" ] && kill "$(cat "$state/slow.pid")" 2>/dev/null || true
  python3 "$repo/scripts/slow-headers.py" "$((port + 5))" "$dist/api" 35 >"$state/slow.log" 2>&1 &
  echo $! > "$state/slow.pid"
  [ -f "$state/gate.pid" ] && kill "$(cat "$state/gate.pid")" 2>/dev/null || true
  python3 "$repo/scripts/wasm-gate.py" "$((port + 30))" "$dist" >"$state/gate.log" 2>&1 &
  echo $! > "$state/gate.pid"
  cat > "$state/hold.conf" <<CONF
if (\$cookie_hold = wasm) { rewrite ^(/.+\\.wasm)\$ /held\$1 last; }
location ^~ /held/ { internal; proxy_pass http://127.0.0.1:$((port + 30)); proxy_read_timeout 150s; }
CONF
  build_copy flaky /flaky-api
  build_copy fixture /fixture-api
  # The fixtures' site says old news may be out of date after ten years (the sample sets no period;
  # tests/e2e/media.rs opens a fixture article from 2012): the meta the publish step writes from
  # the site file's `outdated_after_days`.
  find "$state/dist-fixture" -name '*.html' -exec \
    sed -i 's|<meta name="newsroom:api"|<meta name="newsroom:outdated-after-days" content="3650"><meta name="newsroom:api"|' {} +
  build_copy broken /api published
  rm -f "$state"/dist-broken/*.wasm*
  build_copy search /api
  # Its index in two parts (months 2026-01 to 2026-02, and 2026-03): the search merges them.
  # Another newsroom replaces the sample's articles in this copy: their removal is meant.
  bash "$repo/scripts/publish.sh" "$repo/tests/fixtures/search-newsroom" "$state/dist-search" \
    --site-url "http://127.0.0.1:$((port + 9))" --search-part-size 5 --allow-removals 100000 >"$state/publish-search.log"
  flaky="$state/dist-flaky"
  rm -rf "$state/releases"; bash "$repo/scripts/deploy.sh" "$dist" "$state/releases" >/dev/null
  [ -f "$state/tls.key" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost -keyout "$state/tls.key" -out "$state/tls.crt" 2>/dev/null
  # The documented TLS server blocks, with this machine's ports, certificate and build.
  tls_block="$(sed -e "s|listen \[::\]:.*||" \
      -e "s|listen 80;|listen 127.0.0.1:$((port + 7));|" -e "s|listen 443 ssl http2;|listen 127.0.0.1:$((port + 6)) ssl;|" \
      -e "s|https://\$host|https://\$host:$((port + 6))|" -e "s|server_name newsroom.stadt.example;|server_name localhost;|" \
      -e "s|ssl_certificate /.*;|ssl_certificate $state/tls.crt;|" -e "s|ssl_certificate_key /.*;|ssl_certificate_key $state/tls.key;|" \
      -e "s|root /srv/newsroom/current;|root $dist;|" -e "s|include /etc/nginx/snippets/newsroom.conf;|include $repo/deploy/newsroom.conf;|" \
      "$repo/deploy/newsroom-tls.conf")"
  test_block="
  $tls_block
  server {
    listen 127.0.0.1:$((port + 8));
    root $state/releases/current;
    include $repo/deploy/newsroom.conf;
    include $state/csp-report.conf;
  }
  server {
    listen 127.0.0.1:$((port + 1));
    root $flaky;
    location ^~ /flaky-api/ {
      if (\$cookie_recover != \"1\") { return 503; }
      alias $dist/api/;
    }
    include $repo/deploy/newsroom.conf;
    include $state/csp-report.conf;
  }
  server {
    listen 127.0.0.1:$((port + 2));
    root $state/dist-fixture;
    location ^~ /fixture-api/ {
      # The cookie \`net\` turns the content server hostile: error statuses, a dropped
      # connection, the wrong Content-Type, a body that trickles in.
      if (\$cookie_net = 500) { return 500; }
      if (\$cookie_net = 503) { return 503; }
      if (\$cookie_net = drop) { return 444; }
      if (\$cookie_net = wrongtype) { rewrite ^/fixture-api/(.*)\$ /net-wrongtype/\$1 last; }
      if (\$cookie_net = trickle) { rewrite ^/fixture-api/(.*)\$ /net-trickle/\$1 last; }
      if (\$cookie_net = slowheaders) { rewrite ^/fixture-api/(.*)\$ /net-slow-headers/\$1 last; }
      if (\$cookie_net = latin1) { rewrite ^/fixture-api/(.*)\$ /net-latin1/\$1 last; }
      if (\$cookie_net = unknowncharset) { rewrite ^/fixture-api/(.*)\$ /net-unknown-charset/\$1 last; }
      root $repo/tests/fixtures/\$cookie_fixture;
      rewrite ^/fixture-api/(.*)\$ /\$1 break;
      add_header Cache-Control no-store always;
    }
    location ^~ /net-wrongtype/ { internal; alias $dist/api/; types { } default_type text/html; }
    # Content labelled with another character encoding (an old CMS), or one nobody knows.
    location ^~ /net-latin1/ {
      internal; root $repo/tests/fixtures/\$cookie_fixture; rewrite ^/net-latin1/(.*)\$ /\$1 break;
      types { } default_type \"application/json; charset=iso-8859-1\"; add_header Cache-Control no-store always;
    }
    location ^~ /net-unknown-charset/ {
      internal; alias $dist/api/; types { } default_type \"application/json; charset=x-unbekannt\";
      add_header Cache-Control no-store always;
    }
    location ^~ /net-trickle/ { internal; alias $dist/api/; limit_rate 64; add_header Cache-Control no-store always; }
    location ^~ /net-slow-headers/ { internal; proxy_pass http://127.0.0.1:$((port + 5)); proxy_read_timeout 120s; }
    include $repo/deploy/newsroom.conf;
    include $state/csp-report.conf;
  }
  server {
    listen 127.0.0.1:$((port + 9));
    root $state/dist-search;
    include $repo/deploy/newsroom.conf;
    include $state/csp-report.conf;
  }
  server {
    listen 127.0.0.1:$((port + 4));
    root $repo/tests/fixtures/host;
    add_header Cache-Control no-store always;
  }
  server {
    listen 127.0.0.1:$((port + 3));
    root $state/dist-broken;
    include $repo/deploy/newsroom.conf;
    include $state/csp-report.conf;
  }"
fi
# Tests: the browser reports CSP violations here; the e2e suite asserts csp.log stays empty.
cat > "$state/csp-report.conf" <<CONF
set \$newsroom_csp "\$newsroom_csp; report-uri /csp-report";
location = /csp-report { access_log $state/csp.log; return 204; }
CONF
: > "$state/csp.log"
cat > "$state/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
daemon $($foreground && echo off || echo on);
worker_processes 1;
pid $state/nginx.pid;
error_log $state/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $state/access.log;
  client_body_temp_path $state/tmp-body;
  proxy_temp_path $state/tmp-proxy;
  fastcgi_temp_path $state/tmp-fastcgi;
  uwsgi_temp_path $state/tmp-uwsgi;
  scgi_temp_path $state/tmp-scgi;
  sendfile on;
  server {
    listen 127.0.0.1:$port;
    root $dist;
    include $state/hold.conf;
    include $repo/deploy/newsroom.conf;
    include $state/csp-report.conf;
  }$test_block
}
CONF
if [ -f "$state/nginx.pid" ] && kill -0 "$(cat "$state/nginx.pid")" 2>/dev/null; then
  kill "$(cat "$state/nginx.pid")"; sleep 0.5
fi
echo "nginx: http://127.0.0.1:$port/ serving $dist"
exec nginx -c "$state/nginx.conf" -p "$state"
