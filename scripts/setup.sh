#!/usr/bin/env bash
# Installs everything Newsroom needs on a fresh Debian 12 machine, from the package registries only.
# Idempotent: each step checks first and skips what is already there.
# Usage: scripts/setup.sh [--browsers all|chromium|none]   (default: all three engines)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

browsers=all
[ "${1:-}" = "--browsers" ] && browsers="${2:-all}"

say() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
# Whether tool $1 reports version $2 (output captured whole: an early-closing pipe makes some tools panic).
has_version() { have "$1" && [[ "$("$1" --version 2>/dev/null)" == *" $2"* ]]; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# --- Debian packages -------------------------------------------------------
# librsvg2-bin: the build makes the app's PNG icons from public/favicon.svg and public/icon-maskable.svg (scripts/icons.sh).
# wngerman: the German word list the publish step splits compound words by (decision 22).
apt_pkgs=(nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter brotli curl librsvg2-bin libimage-exiftool-perl wngerman)
if [ "$browsers" != none ]; then
  apt_pkgs+=(chromium chromium-driver)
fi
if [ "$browsers" = all ]; then
  apt_pkgs+=(firefox-esr webkit2gtk-driver xvfb xauth)
fi
# The e2e suite's slow-headers server (scripts/slow-headers.py) and the publish step's consumer
# checks (tests/consumers/) need a python3 with venv; the Nu Html Checker (npm vnu-jar) a Java.
command -v python3 >/dev/null || apt_pkgs+=(python3-minimal)
python3 -m venv --help >/dev/null 2>&1 || apt_pkgs+=(python3-venv)
command -v java >/dev/null || apt_pkgs+=(default-jre-headless)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# --- Rust target and cargo tools ------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm's toolchain (scripts/build.sh): a dated nightly with the standard library's
# source, whose own dependencies are fetched once (Trunk builds offline).
if ! rustup toolchain list | grep -q "^$NIGHTLY_TOOLCHAIN"; then
  say "rustup toolchain install $NIGHTLY_TOOLCHAIN (release wasm only)"
  rustup toolchain install "$NIGHTLY_TOOLCHAIN" --profile minimal --target wasm32-unknown-unknown --component rust-src
fi
std_manifest="$(rustc +"$NIGHTLY_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
cargo +"$NIGHTLY_TOOLCHAIN" fetch --quiet --manifest-path "$std_manifest"

# The test command's hygiene step: cargo fmt --check and clippy.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "rustup component add $component"
    rustup component add "$component"
  fi
done

# Tools are built with a fast release profile: their own LTO profile triples the build time on 2 cores.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --quiet "$@"
}
if ! has_version trunk "$TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION"
  fast_install --locked "trunk@$TRUNK_VERSION"
fi
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock; its own lock file names a crate
# the registry lacks, so it is installed without --locked.
if ! has_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  fast_install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi
if [ "$browsers" = all ] && ! has_version geckodriver "$GECKODRIVER_VERSION"; then
  say "cargo install geckodriver $GECKODRIVER_VERSION"
  fast_install --locked "geckodriver@$GECKODRIVER_VERSION"
fi

# --- npm: binaryen's wasm-opt (Debian's wasm-opt 108 yields a wasm that crashes), axe-core -----
if ! cmp -s package-lock.json node_modules/.installed-from-lock 2>/dev/null; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-from-lock
fi

# --- npm: the MDN HTTP Observatory (tests only), without its install script -----------------
# Its postinstall downloads the HSTS preload list from outside the registries; a test server on
# localhost is in no preload list, so an empty one is what it would find anyway.
obs=tests/observatory
if ! cmp -s "$obs/package-lock.json" "$obs/node_modules/.installed-from-lock" 2>/dev/null; then
  say "npm ci --ignore-scripts (tests/observatory)"
  (cd "$obs" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo '{}' > "$obs/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json"
  cp "$obs/package-lock.json" "$obs/node_modules/.installed-from-lock"
fi

# --- PyPI: the consumers that read the publish step's output (feedparser, extruct, lxml) ---
if ! cmp -s tests/consumers/requirements.txt .venv/.installed-from 2>/dev/null; then
  say "python venv .venv: tests/consumers/requirements.txt"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/consumers/requirements.txt
  cp tests/consumers/requirements.txt .venv/.installed-from
fi

# --- Cargo dependencies (Trunk runs cargo --offline) ------------------------
say "cargo fetch --locked"
cargo fetch --locked --quiet
say "setup done"
