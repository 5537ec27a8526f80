#!/usr/bin/env bash
# What splitting German compounds costs the search index (issue #31, decision 22): for each size,
# generated articles (bench/make-articles.mjs) are indexed with the word list and without it, in
# one run (index files, size, build time, the suggestion words); then the splitter alone on
# 100,000 nouns of the word list. BENCH_COMPOUND_SIZES="10000 100000" (default) picks the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$PWD/.bench/compounds"
for n in ${BENCH_COMPOUND_SIZES:-10000 100000}; do
  rm -rf "$work" && mkdir -p "$work"
  node bench/make-articles.mjs "$work/content" "$n"
  NEWSROOM_BENCH_CONTENT="$work/content" cargo test --quiet --profile native --locked --test compounds index_cost -- --ignored --nocapture 2>&1 | grep -E "^(with|without)"
done
cargo test --quiet --profile native --locked --test compounds cost -- --ignored --exact --nocapture 2>&1 | grep "word list"
rm -rf "$work"
