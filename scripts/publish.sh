#!/usr/bin/env bash
# The publish step: bash scripts/publish.sh CONTENT_DIR DIST_DIR --site-url https://newsroom.stadt.example [--format json]
#   [--search-part-size N] (articles per part of the search index at least; 2,500 by default)
# Derives from CONTENT_DIR/articles/*.json everything a deployment serves besides the app (content
# API, entry pages, feeds, sitemap, robots.txt, oEmbed, 404 page) into DIST_DIR, a release build of
# the app; writes only what changed and removes what a removed article left. Then precompresses
# what it wrote. Exit code: 0 all published, 1 some article could not be, 2 the run could not start.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --profile native --locked --offline --bin newsroom-publish || exit 2
repo="$PWD"
cd - >/dev/null
"$repo/target/native/newsroom-publish" "$@"
status=$?
# Precompressed copies (.br, .gz) for files that have none (changed files lost theirs).
dist="${2:-}"
if [ -n "$dist" ] && [ -f "$dist/.publish/manifest.txt" ]; then
  while IFS= read -r f; do
    [ -f "$dist/$f" ] || continue
    # Pagefind's index chunks and wasm are gzip already (it unpacks them itself).
    case "$f" in *.pf_* | *.pagefind) continue ;; esac
    [ -f "$dist/$f.br" ] || brotli -f -q 11 "$dist/$f"
    [ -f "$dist/$f.gz" ] || gzip -f -k -9 "$dist/$f"
  done <"$dist/.publish/manifest.txt"
fi
exit $status
