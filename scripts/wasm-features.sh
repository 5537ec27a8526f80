#!/usr/bin/env bash
# Lists the WebAssembly features a built .wasm really uses (by disassembling it with binaryen's
# wasm-dis) and the browser versions they need. Fails if they need more than the browsers the
# README promises (BROWSER_MIN in scripts/versions.sh).
# Usage: scripts/wasm-features.sh [file.wasm]   (default: the wasm in dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
export PATH="$PWD/node_modules/.bin:$PATH"
wasm="${1:-$(ls dist/*_bg.wasm | head -1)}"
text="$(mktemp)"; trap 'rm -f "$text"' EXIT
# Data segments (strings) are left out: only code and types count.
wasm-dis "$wasm" 2>/dev/null | grep -v "^ *(data" >"$text"

# feature ; pattern in the text format ; Chrome ; Firefox ; Safari (first versions with it)
features='
mutable-globals;\(import .*\(global .*\(mut ;74;61;13.1
sign-ext;\bi(32|64)\.extend(8|16|32)_s\b;74;62;14.1
multivalue;\(result [a-z0-9]+ [a-z0-9]+;85;78;13.1
nontrapping-float-to-int;\btrunc_sat_;75;64;15
bulk-memory;\b(memory\.(copy|fill|init)|data\.drop)\b;75;79;15
reference-types;\b(externref|table\.(get|set|grow|size)|ref\.(null|func|is_null))\b;96;79;15
simd;\bv128\b;91;89;16.4
threads;(\.atomic\.|atomic\.fence|\(memory [^)]* shared);74;79;14.1
exception-handling;\b(try|throw|rethrow|try_table)\b;95;100;15.2
tail-call;\breturn_call;112;121;18.2
gc;\b(struct|array)\.new;119;120;18.2
'
max() { printf '%s\n' "$@" | sort -V | tail -1; }
chrome=57; firefox=52; safari=11   # WebAssembly MVP
printf '%-26s %-6s %8s %8s %8s\n' feature used Chrome Firefox Safari
while IFS=';' read -r name pattern c f s; do
  [ -n "$name" ] || continue
  if grep -qE "$pattern" "$text"; then
    used=yes; chrome=$(max "$chrome" "$c"); firefox=$(max "$firefox" "$f"); safari=$(max "$safari" "$s")
  else
    used=no
  fi
  printf '%-26s %-6s %8s %8s %8s\n' "$name" "$used" "$c" "$f" "$s"
done <<<"$features"
echo "needs: Chrome/Edge $chrome, Firefox $firefox, Safari $safari"
promised="chrome=$BROWSER_MIN_CHROME firefox=$BROWSER_MIN_FIREFOX safari=$BROWSER_MIN_SAFARI"
for pair in "chrome=$chrome" "firefox=$firefox" "safari=$safari"; do
  engine="${pair%%=*}"; need="${pair#*=}"
  have=$(tr ' ' '\n' <<<"$promised" | grep "^$engine=" | cut -d= -f2)
  if [ "$(max "$need" "$have")" != "$have" ]; then
    echo "FAIL: the build needs $engine $need, the README promises $have"; exit 1
  fi
done
echo "ok: within the promised minimums ($promised)"
