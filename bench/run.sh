#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release app, serves it through the repo's
# nginx config, and prints sizes and timings side by side with their baselines (node bench/run.mjs).
# BENCH_RUNS=N sets the runs per measurement (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers chromium
bash scripts/build.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
rm -rf .bench && mkdir -p .bench
# The framework floor: the smallest Leptos 0.8 app with the router, built like the app; and the
# same without leptos_router (routed like the app since decision 15).
echo "==> framework floor (bench/floor, bench/floor-no-router)"
# The same toolchain and flags as the app's release wasm (scripts/build.sh).
source scripts/versions.sh
for floor in floor floor-no-router; do
  RUSTUP_TOOLCHAIN="$NIGHTLY_TOOLCHAIN" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort" \
    cargo build --release --offline --target wasm32-unknown-unknown --manifest-path "bench/$floor/Cargo.toml" --target-dir target/floor
  wasm-bindgen --target web --no-typescript --out-dir ".bench/$floor" --out-name floor "target/floor/wasm32-unknown-unknown/release/newsroom-$floor.wasm"
  wasm-opt -Oz --low-memory-unused --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-multivalue \
    --enable-nontrapping-float-to-int --enable-mutable-globals ".bench/$floor/floor_bg.wasm" -o ".bench/$floor/floor_bg.wasm"
done
# One copy of the site per content size; its pages (and the baseline) point at their index.
# "app-only": without the published pages, the app renders everything itself. The list sites
# hold other content than the sample (the published list page would show the sample's news
# first), and site-csr gives the article's figure with client-side rendering only.
make_site() { # name api [app-only]
  cp -r dist ".bench/$1"
  if [ "${3:-}" = app-only ]; then
    cp ".bench/$1/.publish/template.html" ".bench/$1/index.html"
    cp ".bench/$1/.publish/template.html" ".bench/$1/404.html"
    rm -rf ".bench/$1/nachrichten"
  fi
  node bench/make-data.mjs ".bench/$1"
  cp -r bench/baseline ".bench/$1/bench/"
  sed -i "s|<meta name=\"newsroom:api\" content=\"[^\"]*\">|<meta name=\"newsroom:api\" content=\"$2\">|" ".bench/$1/index.html"
  sed -i "s|<html lang=\"de\">|<html lang=\"de\" data-api=\"$2/news.json\">|" ".bench/$1/bench/baseline/index.html"
  cp .bench/$1/main-*.css ".bench/$1/bench-app.css"
  rm -f ".bench/$1"/index.html.br ".bench/$1"/index.html.gz ".bench/$1"/404.html.br ".bench/$1"/404.html.gz
}
make_site site /api; make_site site-1k /api-1k app-only; make_site site-10k /api-10k app-only
make_site site-csr /api app-only
ports=(8390 8391 8392 8393)
trap 'for p in "${ports[@]}"; do bash scripts/nginx.sh stop $p; done' EXIT
bash scripts/nginx.sh start 8390 .bench/site; bash scripts/nginx.sh start 8391 .bench/site-1k; bash scripts/nginx.sh start 8392 .bench/site-10k
bash scripts/nginx.sh start 8393 .bench/site-csr
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(chromium --version 2>/dev/null)"
node bench/run.mjs http://127.0.0.1:8390 http://127.0.0.1:8391 http://127.0.0.1:8392 http://127.0.0.1:8393
# The first seconds: taps and typing before and during the takeover (issue #30).
node bench/first-seconds.mjs http://127.0.0.1:8390
echo "== 6. Lighthouse 12.2.3, mobile preset (the published site)"
bash bench/lighthouse.sh http://127.0.0.1:8390
# The publish step at 1,000 / 10,000 / 100,000 articles (BENCH_PUBLISH_SIZES to choose).
bash bench/publish.sh
# Real photographs through the publish step and onto a phone (issue #27).
bash bench/photos.sh
