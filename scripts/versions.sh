# Tool versions, one place. WASM_BINDGEN_VERSION must equal Cargo.toml's pinned wasm-bindgen
# and Trunk.toml's [tools] wasm_bindgen (a native test checks the three agree).
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1
# The release wasm (app and widget) only is built with this dated nightly: it rebuilds the
# standard library for size (docs/decisions/0011). Everything else builds with stable.
NIGHTLY_TOOLCHAIN=nightly-2026-10-29
# The oldest browsers the README promises (docs/browsers.md says why); scripts/wasm-features.sh
# fails the tests when the release wasm needs newer ones.
BROWSER_MIN_CHROME=96
BROWSER_MIN_FIREFOX=79
BROWSER_MIN_SAFARI=15
