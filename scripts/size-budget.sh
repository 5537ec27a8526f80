#!/usr/bin/env bash
# Fails when the release build (dist/, brotli) grows past bench/size-budget.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source <(grep -E '^[a-z_]+=[0-9]+$' bench/size-budget.txt)
br() { local n=0; for f in "$@"; do n=$((n + $(stat -c %s "$f.br"))); done; echo "$n"; }
# The app's page as Trunk built it: the publish step adds the newsroom's content to the served
# index.html (the newest news, which the app would otherwise fetch as JSON, uncounted as before);
# the budget is for the app, so it counts the page without that content (kept in .publish/).
page=dist/index.html
if [ -f dist/.publish/template.html ]; then
  page=dist/.publish/template.html
  [ -f "$page.br" ] && [ "$page.br" -nt "$page" ] || brotli -f -q 11 "$page"
fi
measured_first_view=$(br "$page" dist/boot.js dist/newsroom-*[0-9a-f].js dist/newsroom-*_bg.wasm dist/main-*.css)
widget_now=$(br dist/widget.js dist/widget/newsroom-widget.js dist/widget/newsroom-widget_bg.wasm)
builder_now=$(br dist/embed-builder.html dist/boot.js dist/builder/newsroom-builder.js dist/builder/newsroom-builder_bg.wasm dist/main-*.css)
status=0
check() { # name measured budget
  local pct=$(( $2 * 100 / $3 ))
  printf '%-11s %7d bytes brotli  (budget %d, %d %%)\n' "$1" "$2" "$3" "$pct"
  [ "$2" -le "$3" ] || { echo "FAIL: $1 grew past its budget"; status=1; }
}
check "first view" "$measured_first_view" "$first_view"
check "widget" "$widget_now" "$widget"
check "builder" "$builder_now" "$builder"
exit $status
