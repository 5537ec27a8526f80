#!/usr/bin/env bash
# Deploys a release build without breaking a reader who has the page open.
# Usage: scripts/deploy.sh DIST RELEASES_DIR
#   RELEASES_DIR/current (a symlink; the web server's root) switches to a new release in one step
#   (rename(2)), after the new release is complete on disk: HTML is switched last.
#   The previous release's hashed files (*-<hash>.js|wasm|css) are carried into the new release, so a
#   page of release N that a browser loaded just before the switch still finds its files; releases
#   before the previous one are removed.
set -euo pipefail
dist="$(cd "$1" && pwd)"; releases="$2"
mkdir -p "$releases"
releases="$(cd "$releases" && pwd)"
name="$(date -u +%Y%m%dT%H%M%S)-$$"
new="$releases/$name"
previous=""
[ -L "$releases/current" ] && previous="$(readlink -f "$releases/current")"

# 1. The new release, complete, beside the live one.
cp -a "$dist" "$new.tmp"
if [ -n "$previous" ] && [ -d "$previous" ]; then
  # The hashed files the release being replaced uses (named in its pages and scripts; not the
  # ones it carried itself, so old files do not pile up), with their precompressed copies.
  for f in $(cat "$previous"/*.html "$previous"/*.js 2>/dev/null |
      grep -oE '[A-Za-z0-9_.]+-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)' | sort -u); do
    for variant in "$f" "$f.br" "$f.gz"; do
      if [ -e "$previous/$variant" ] && [ ! -e "$new.tmp/$variant" ]; then cp -a "$previous/$variant" "$new.tmp/"; fi
    done
  done
fi
mv "$new.tmp" "$new"

# 2. The switch: one rename, so a request sees the old release or the new one, never a mix.
ln -sfn "$new" "$releases/current.tmp"
mv -T "$releases/current.tmp" "$releases/current"

# 3. Releases before the previous one go.
for r in "$releases"/*; do
  [ -L "$r" ] || [ "$r" = "$new" ] || [ "$r" = "$previous" ] || rm -rf "$r"
done
echo "deployed $dist as $new"
