#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, mobile preset, the system Chromium) on the list and an
# article of a running Newsroom: prints the four category scores of each. Run by bench/run.sh.
# Usage: bench/lighthouse.sh BASE_URL
set -euo pipefail
cd "$(dirname "$0")/.."
base="$1"
tool=.bench/lighthouse
if [ ! -x "$tool/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tool"
  (cd "$tool" && echo '{"private":true}' > package.json && npm i -E --no-audit --no-fund --loglevel=error lighthouse@12.2.3)
fi
for path in / /nachrichten/dortmund-tritt-charta-integrating-cities-bei; do
  out="$tool/report-$(echo "$path" | tr '/' '_').json"
  CHROME_PATH=/usr/bin/chromium "$tool/node_modules/.bin/lighthouse" "$base$path" --quiet --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories;
    const failed = Object.values(r.audits).filter((a) => a.score !== null && a.score < 1 && ["best-practices", "accessibility", "seo"].some((k) => c[k].auditRefs.some((x) => x.id === a.id && x.weight > 0)));
    console.log(`${process.argv[2]}: performance ${c.performance.score}, accessibility ${c.accessibility.score}, best practices ${c["best-practices"].score}, SEO ${c.seo.score}` +
      (failed.length ? ` (below 1: ${failed.map((a) => a.id).join(", ")})` : ""));
  ' "$PWD/$out" "$path"
done
