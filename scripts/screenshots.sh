#!/usr/bin/env bash
# Makes the README's screenshots (docs/screenshots/*.png) from the real release build in
# headless Chromium: the article and the filtered list, phone and desktop, light and dark.
# Re-run when the look changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers chromium
bash scripts/build.sh
port=8190
bash scripts/nginx.sh start "$port" dist
setsid chromedriver --port=4454 >/dev/null 2>&1 &
driver=$!
trap 'kill -- -$driver 2>/dev/null; bash scripts/nginx.sh stop $port' EXIT
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:4454/status >/dev/null && break; sleep 0.2; done
NEWSROOM_URL="http://127.0.0.1:$port" WEBDRIVER_URL=http://127.0.0.1:4454 BROWSER=chromium \
  cargo test --locked --features e2e --test e2e screenshots -- --ignored
ls -la docs/screenshots
