#!/usr/bin/env bash
# Sets up what is missing and runs every test:
#   0. hygiene: cargo fmt --check, clippy -D warnings (native with the e2e suite, and wasm32)
#   1. native unit and content tests (cargo test)
#   2. component tests (wasm-bindgen-test) in each engine
#   3. what the server sends (headers on every route, the TLS server graded by the MDN HTTP
#      Observatory), and the publish step's output read by real consumers (feedparser, extruct, the Nu Html Checker,
#      an XML Schema of the sitemap protocol), also for the hostile corpus
#   4. end-to-end tests (WebDriver) against the release build served by nginx, in each engine
# ENGINES="chromium firefox webkit" (default) picks the engines. A failure in any engine fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
ENGINES="${ENGINES:-chromium firefox webkit}"
E2E_PORT="${E2E_PORT:-8090}"

browsers=all; [ "$ENGINES" = chromium ] && browsers=chromium
bash scripts/setup.sh --browsers "$browsers" || { echo "setup failed"; exit 1; }
export PATH="$HOME/.cargo/bin:$repo/node_modules/.bin:$PATH"
# A one-off run (CI) gains nothing from incremental state, which takes gigabytes of disk.
[ "${CI:-}" = true ] && export CARGO_INCREMENTAL=0

results=()
failed=0
step() { printf '\n==> %s\n' "$*"; }
record() { # name status
  results+=("$(printf '%-34s %s' "$1" "$2")")
  [ "$2" = ok ] || failed=$((failed + 1))
}
run() { # name command...
  local name="$1"; shift
  step "$name"
  if "$@"; then record "$name" ok; else record "$name" FAILED; fi
}

# Drivers run in their own process group so that they and their browsers can be stopped whole.
driver_pid=""
start_driver() { # engine port
  case "$1" in
    chromium) setsid chromedriver --port="$2" >"$repo/.e2e/driver-$1.log" 2>&1 & ;;
    firefox) setsid geckodriver --port "$2" >"$repo/.e2e/driver-$1.log" 2>&1 & ;;
    # WebKitGTK has no headless mode; without a display its driver hangs, hence Xvfb.
    webkit) setsid xvfb-run -a -s "-screen 0 1280x1024x24" WebKitWebDriver --port="$2" >"$repo/.e2e/driver-$1.log" 2>&1 & ;;
  esac
  driver_pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$2/status" >/dev/null && return 0
    sleep 0.2
  done
  echo "driver for $1 did not start"; return 1
}
stop_driver() { [ -n "$driver_pid" ] && kill -- -"$driver_pid" 2>/dev/null; driver_pid=""; sleep 0.5; }
# The offline tests (tests/e2e/offline.rs) run servers of their own on E2E_PORT+10…13, the search
# test that publishes while a page is open (tests/e2e/search.rs) one on E2E_PORT+20.
trap 'stop_driver; for p in 0 10 11 12 13 20; do bash scripts/nginx.sh stop "$((E2E_PORT + p))"; done' EXIT
mkdir -p .e2e

components() { # engine
  local runner=(cargo test --locked --target wasm32-unknown-unknown --test components)
  case "$1" in
    chromium) env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver timeout 900 "${runner[@]}" ;;
    firefox) env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$(command -v geckodriver)" timeout 900 "${runner[@]}" ;;
    webkit) env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver \
      timeout 900 xvfb-run -a -s "-screen 0 1280x1024x24" "${runner[@]}" ;;
  esac
}

e2e() { # engine
  local log="$repo/.e2e/e2e-$1.log"
  e2e_once "$1" "$log" && return 0
  [ "$csp_reported" = 1 ] && return 1
  # A browser now and then loses a session (WebKitGTK's MiniBrowser fails to start under Xvfb, or
  # its process dies: docs/browsers.md). Each test that failed runs again alone, on a fresh
  # driver, up to twice; a real failure fails all three times. A suite that did not finish, or
  # that failed many tests, is not retried.
  local failed
  failed=$(sed -n '/^failures:$/,/^test result:/s/^    \([a-z0-9_]*::[a-z0-9_:]*\)$/\1/p' "$log" | sort -u)
  local count; count=$(printf '%s' "$failed" | grep -c .)
  if [ "$count" = 0 ] || [ "$count" -gt 5 ]; then
    echo "e2e: $1: $count failed tests listed; not retried"
    return 1
  fi
  local name attempt
  for name in $failed; do
    for attempt in 2 3; do
      echo "e2e: $1: running $name again alone on a fresh driver (attempt $attempt of 3)"
      e2e_once "$1" "$log.retry" --exact "$name" && continue 2
      [ "$csp_reported" = 1 ] && return 1
    done
    echo "e2e: $1: $name failed three times"
    return 1
  done
  echo "e2e: $1: passed on a rerun (a browser flake, see above): $(echo $failed)"
}

csp_reported=0
e2e_once() { # engine log [test filter...]
  local engine="$1" log="$2" port=4444
  shift 2
  start_driver "$engine" "$port" || return 1
  # The panic's message is the report; backtraces of the async runtime would drown it.
  NEWSROOM_URL="http://127.0.0.1:$E2E_PORT" NEWSROOM_FLAKY_URL="http://127.0.0.1:$((E2E_PORT + 1))" \
    NEWSROOM_FIXTURE_URL="http://127.0.0.1:$((E2E_PORT + 2))" NEWSROOM_BROKEN_URL="http://127.0.0.1:$((E2E_PORT + 3))" \
    NEWSROOM_CSP_LOG="$repo/.e2e/nginx-$E2E_PORT/csp.log" NEWSROOM_HOST_URL="http://127.0.0.1:$((E2E_PORT + 4))" \
    WEBDRIVER_URL="http://127.0.0.1:$port" BROWSER="$engine" RUST_BACKTRACE=0 \
    timeout 900 cargo test --locked --features e2e --test e2e -- --test-threads=1 "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  stop_driver
  # Every page the suite opened ran under the release CSP, reporting to csp.log.
  local csp="$repo/.e2e/nginx-$E2E_PORT/csp.log"
  if [ -s "$csp" ]; then
    echo "CSP violations reported in $engine:"; cat "$csp"; : >"$csp"; csp_reported=1; return 1
  fi
  return $status
}

run "hygiene: cargo fmt --check" cargo fmt --check
run "hygiene: clippy (native)" cargo clippy --locked --all-targets --all-features -- -D warnings
run "hygiene: clippy (wasm32)" cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
run "native: cargo test" cargo test --locked
for engine in $ENGINES; do
  run "components: $engine" components "$engine"
done

step "release build"
if bash scripts/build.sh && bash scripts/nginx.sh start "$E2E_PORT" dist --test-servers; then
  record "release build + nginx" ok
  run "deployment: headers, TLS (MDN HTTP Observatory A+)" .venv/bin/python tests/consumers/check_headers.py \
    "http://127.0.0.1:$E2E_PORT" dist localhost "$((E2E_PORT + 7))" "$((E2E_PORT + 6))" ".e2e/nginx-$E2E_PORT/tls.crt"
  run "publish: feeds, metadata, sitemap (feedparser, extruct, XML Schema)" \
    .venv/bin/python tests/consumers/check_published.py content dist "${NEWSROOM_SITE_URL:-http://127.0.0.1:8080}"
  run "publish: Nu Html Checker (vnu)" java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only \
    dist/index.html dist/404.html dist/barrierefreiheit.html dist/nachrichten/*.html
  run "publish: the hostile corpus, outputs parsed" \
    .venv/bin/python tests/consumers/check_hostile_publish.py target/native/newsroom-publish "$repo"
  run "wasm features vs. promised browsers" bash scripts/wasm-features.sh
  run "size budget (brotli)" bash scripts/size-budget.sh
  for engine in $ENGINES; do
    run "e2e: $engine" e2e "$engine"
  done
else
  record "release build + nginx" FAILED
fi

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
passed=$(( ${#results[@]} - failed ))
echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
