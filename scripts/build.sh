#!/usr/bin/env bash
# Release build into dist/, with precompressed .br and .gz next to each text asset.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "==> trunk build --release"
trunk build --release
echo "==> widget (its own small build: no router, no framework)"
cargo build --release --offline --target wasm32-unknown-unknown --bin newsroom-widget
mkdir -p dist/widget
wasm-bindgen --target web --no-typescript --out-dir dist/widget --out-name newsroom-widget \
  target/wasm32-unknown-unknown/release/newsroom-widget.wasm
wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-multivalue \
  --enable-nontrapping-float-to-int --enable-mutable-globals \
  dist/widget/newsroom-widget_bg.wasm -o dist/widget/newsroom-widget_bg.wasm
cp public/widget.js public/embed.js public/embed.html dist/
cp style/embed.css dist/widget/embed.css
echo "==> precompress (brotli, gzip)"
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \) \
  -exec brotli -f -q 11 {} \; -exec gzip -f -k -9 {} \;
