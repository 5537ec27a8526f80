#!/usr/bin/env bash
# The app's icons, made from the SVGs in public/ (not downloaded): PNGs for the web app manifest
# and the phone's home screen, and /favicon.ico for browsers and tools that ask for it by name.
# Usage: scripts/icons.sh DIST
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1/icons"
mkdir -p "$out"
cp public/favicon.svg "$out/icon.svg"
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" public/favicon.svg -o "$out/icon-$size.png"
  rsvg-convert -w "$size" -h "$size" public/icon-maskable.svg -o "$out/maskable-$size.png"
done
# iOS rounds the corners itself and shows transparency as black: the full-bleed square.
rsvg-convert -w 180 -h 180 public/icon-maskable.svg -o "$out/apple-touch-icon.png"
rsvg-convert -w 32 -h 32 public/favicon.svg -o "$out/favicon-32.png"
# An ICO holding one 32 px PNG (a format every browser reads since 2008): header, one entry, the PNG.
python3 - "$out/favicon-32.png" "$1/favicon.ico" <<'PY'
import struct, sys
png = open(sys.argv[1], "rb").read()
header = struct.pack("<HHH", 0, 1, 1)
entry = struct.pack("<BBBBHHII", 32, 32, 0, 0, 1, 32, len(png), 6 + 16)
open(sys.argv[2], "wb").write(header + entry + png)
PY
