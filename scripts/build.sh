#!/usr/bin/env bash
# Release build into dist/, with precompressed .br and .gz next to each text asset.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "==> trunk build --release"
trunk build --release
echo "==> precompress (brotli, gzip)"
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \) \
  -exec brotli -f -q 11 {} \; -exec gzip -f -k -9 {} \;
