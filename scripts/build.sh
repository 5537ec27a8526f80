#!/usr/bin/env bash
# Release build into dist/, with precompressed .br and .gz next to each text asset.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
source scripts/versions.sh
# The release wasm is built with a dated nightly that rebuilds the standard library for size,
# without panic locations and Debug formatting, and a panic aborts at once (docs/decisions/0011):
# the instance traps and boot.js shows the failure view. Its own target dir keeps the stable
# build's cache intact.
RELEASE_WASM_FLAGS="--cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
release_wasm_env() {
  RUSTUP_TOOLCHAIN="$NIGHTLY_TOOLCHAIN" CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR=target/release-wasm \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RELEASE_WASM_FLAGS" "$@"
}
echo "==> trunk build --release ($NIGHTLY_TOOLCHAIN, std rebuilt for size)"
release_wasm_env trunk build --release
bash scripts/minify-app.sh dist
# boot.js is part of every first view: shipped without its comments and with short names (the
# source in public/ keeps them). ES2017 stays ES2017: old browsers must still reach its fallback.
terser dist/boot.js --ecma 2017 --module --compress --mangle -o dist/boot.js
terser dist/media-blocks.js --ecma 2017 --module --compress --mangle -o dist/media-blocks.js
echo "==> widget (its own small build: no router, no framework)"
release_wasm_env cargo build --release --offline --target wasm32-unknown-unknown --bin newsroom-widget
mkdir -p dist/widget
wasm-bindgen --target web --no-typescript --out-dir dist/widget --out-name newsroom-widget \
  target/release-wasm/wasm32-unknown-unknown/release/newsroom-widget.wasm
wasm-opt -Oz --low-memory-unused --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-multivalue \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  dist/widget/newsroom-widget_bg.wasm -o dist/widget/newsroom-widget_bg.wasm
terser dist/widget/newsroom-widget.js --ecma 2020 --module --compress --mangle -o dist/widget/newsroom-widget.js
cp public/widget.js public/embed.js public/embed.html dist/
echo "==> the embed builder (its own page and bundle: editors' tool, not in the reader's download)"
release_wasm_env cargo build --release --offline --target wasm32-unknown-unknown --bin newsroom-builder
wasm-bindgen --target web --no-typescript --out-dir dist/builder --out-name newsroom-builder \
  target/release-wasm/wasm32-unknown-unknown/release/newsroom-builder.wasm
wasm-opt -Oz --low-memory-unused --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-multivalue \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  dist/builder/newsroom-builder_bg.wasm -o dist/builder/newsroom-builder_bg.wasm
terser dist/builder/newsroom-builder.js --ecma 2020 --module --compress --mangle -o dist/builder/newsroom-builder.js
# Its page (embed-builder.html: the app's index.html starting the builder's bundle, with the site's
# name and footer links) is written by the publish step below.
cp style/embed.css dist/widget/embed.css
echo "==> publish the sample newsroom (content/) into dist/"
# The canonical address of the sample: where scripts/serve.sh serves it (NEWSROOM_SITE_URL to change).
bash scripts/publish.sh content dist --site-url "${NEWSROOM_SITE_URL:-http://127.0.0.1:8080}"
grep -q '/builder/newsroom-builder.js' dist/embed-builder.html || { echo "embed-builder.html: no builder bundle"; exit 1; }
echo "==> icons (from public/*.svg) and the service worker (Workbox, the app shell's precache list)"
bash scripts/icons.sh dist
node scripts/service-worker.mjs dist
echo "==> precompress (brotli, gzip)"
# Publish first: it writes files that are compressed with the rest.
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' -o -name '*.svg' -o -name '*.webmanifest' \) \
  -exec brotli -f -q 11 {} \; -exec gzip -f -k -9 {} \;
