#!/usr/bin/env bash
# The publish step: bash scripts/publish.sh CONTENT_DIR DIST_DIR --site-url https://newsroom.stadt.example [Optionen]
# (`--help` lists them: --format json, --dry-run, --strict, --allow-removals N, --search-part-size N,
# --grace-hours N). Derives from CONTENT_DIR/articles/*.json everything a deployment serves besides
# the app (content API, entry pages, feeds, sitemap, robots.txt, oEmbed, search index, 404 page)
# into DIST_DIR, a release build of the app, with their .br/.gz copies; writes only what changed.
# Exit code: 0 published, 1 some articles refused (their last good version stays online),
# 2 nothing changed (the run refused), 3 interrupted while writing (the former site stays; run again).
#
# Where cargo is installed the step is built first (a no-op when nothing changed); a deploy user
# without cargo runs the binary an earlier build left (target/native/newsroom-publish, or
# NEWSROOM_PUBLISH=/path/to/newsroom-publish).
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
bin="${NEWSROOM_PUBLISH:-$repo/target/native/newsroom-publish}"
if [ -z "${NEWSROOM_PUBLISH:-}" ] && command -v cargo >/dev/null 2>&1; then
  (cd "$repo" && cargo build --quiet --profile native --locked --offline --bin newsroom-publish) || {
    echo "Das Veröffentlichungsprogramm ließ sich nicht bauen (siehe oben); nichts wurde veröffentlicht." >&2
    exit 2
  }
fi
if [ ! -x "$bin" ]; then
  echo "Das Veröffentlichungsprogramm fehlt ($bin): einmal 'bash scripts/build.sh' ausführen (mit Rust), oder NEWSROOM_PUBLISH setzen." >&2
  exit 2
fi
exec "$bin" "$@"
