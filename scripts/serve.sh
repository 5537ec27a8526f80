#!/usr/bin/env bash
# Sets up what is missing, builds the release app and serves it with the bundled sample
# newsroom through nginx on http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers none
bash scripts/build.sh
exec bash scripts/nginx.sh start "${PORT:-8080}" dist --foreground
