#!/usr/bin/env bash
# The publish step at scale (part of bench/run.sh; runs alone after scripts/build.sh): for each
# size, generated articles with realistic bodies are published into a copy of dist/; printed are
# the wall time and peak memory of a first run, of a second run with nothing changed, and of a run
# after changing one article (which should write a handful of files, not all of them); the search
# index it built (files, size, time); then, served by nginx, the full-text search in Chromium
# (bench/search.mjs: bytes of a first and a second search, keystroke to results at CPU 4x).
# BENCH_PUBLISH_SIZES="1000 10000 100000" (default) picks the sizes; BENCH_RUNS the browser runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --profile native --locked --offline --bin newsroom-publish
bin="$PWD/target/native/newsroom-publish"
work="$PWD/.bench/publish"
echo "== Publish step: wall time and peak memory (GNU time), $(nproc) cores"
printf '%-9s %-28s %-28s %-34s %s\n' articles "first run" "second run, unchanged" "after changing one article" "output"
port=8394
trap 'bash scripts/nginx.sh stop $port' EXIT
for n in ${BENCH_PUBLISH_SIZES:-1000 10000 100000}; do
  rm -rf "$work" && mkdir -p "$work"
  node bench/make-articles.mjs "$work/content" "$n"
  # The whole build (the app, search.js), with the sample's published outputs taken back out.
  cp -r dist "$work/dist" && cp dist/.publish/template.html "$work/dist/index.html"
  rm -rf "$work/dist/nachrichten" "$work/dist/pagefind" "$work/dist/api" "$work/dist/.publish/manifest.txt" \
    "$work/dist/index.html.br" "$work/dist/index.html.gz"
  measure() { # label -> "12.3 s, 456 MB" and the run's summary line
    /usr/bin/time -f "%e s, %M KB" -o "$work/time" "$bin" "$work/content" "$work/dist" --site-url https://newsroom.stadt.example >"$work/out" 2>&1 || true
    local kb s; s=$(cut -d, -f1 "$work/time"); kb=$(cut -d' ' -f3 "$work/time")
    echo "$s, $((kb / 1024)) MB ($(grep -o '[0-9.]* Dateien geschrieben' "$work/out" | cut -d' ' -f1) written)"
  }
  first=$(measure); index=$(grep -o 'Suchindex:.*' "$work/out"); second=$(measure)
  sed -i 's/Die Stadt informiert/Die Stadt berichtet/' "$work/content/articles/meldung-000007.json"
  third=$(measure)
  size=$(du -sh "$work/dist" | cut -f1)
  printf '%-9s %-28s %-28s %-34s %s\n' "$n" "$first" "$second" "$third" "$size (app included)"
  echo "  first run's $index ($(du -sh "$work/dist/pagefind" | cut -f1) on disk)"
  # Served as deployed: precompressed (what the search loads: the list page, index, Pagefind).
  ( cd "$work/dist" && find index.html api pagefind -type f \( -name '*.html' -o -name '*.js' -o -name '*.json' \) -exec brotli -f -q 5 {} + )
  bash scripts/nginx.sh start $port "$work/dist" >/dev/null
  node bench/search.mjs "http://127.0.0.1:$port" "${BENCH_RUNS:-3}" "$PWD/.e2e/nginx-$port/access.log"
  bash scripts/nginx.sh stop $port
done
rm -rf "$work"
