#!/usr/bin/env bash
# The publish step at scale (part of bench/run.sh; runs alone after scripts/build.sh): for each
# size, generated articles with realistic bodies are published into a copy of dist/; printed are
# the wall time and peak memory of a first run, of a second run with nothing changed, and of a run
# after changing one article (which should write a handful of files, not all of them).
# BENCH_PUBLISH_SIZES="1000 10000 100000" (default) picks the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --release --locked --offline --bin newsroom-publish
bin="$PWD/target/release/newsroom-publish"
work="$PWD/.bench/publish"
echo "== Publish step: wall time and peak memory (GNU time), $(nproc) cores"
printf '%-9s %-28s %-28s %-34s %s\n' articles "first run" "second run, unchanged" "after changing one article" "output"
for n in ${BENCH_PUBLISH_SIZES:-1000 10000 100000}; do
  rm -rf "$work" && mkdir -p "$work/dist"
  node bench/make-articles.mjs "$work/content" "$n"
  cp dist/.publish/template.html "$work/dist/index.html"
  measure() { # label -> "12.3 s, 456 MB" and the run's summary line
    /usr/bin/time -f "%e s, %M KB" -o "$work/time" "$bin" "$work/content" "$work/dist" --site-url https://newsroom.stadt.example >"$work/out" 2>&1 || true
    local kb s; s=$(cut -d, -f1 "$work/time"); kb=$(cut -d' ' -f3 "$work/time")
    echo "$s, $((kb / 1024)) MB ($(grep -o '[0-9]* Dateien geschrieben' "$work/out" | cut -d' ' -f1) written)"
  }
  first=$(measure); second=$(measure)
  sed -i 's/Die Stadt informiert/Die Stadt berichtet/' "$work/content/articles/meldung-000007.json"
  third=$(measure)
  size=$(du -sh "$work/dist" | cut -f1)
  printf '%-9s %-28s %-28s %-34s %s\n' "$n" "$first" "$second" "$third" "$size"
done
rm -rf "$work"
