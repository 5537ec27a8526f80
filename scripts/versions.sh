# Tool versions, one place. WASM_BINDGEN_VERSION must equal Cargo.toml's pinned wasm-bindgen
# and Trunk.toml's [tools] wasm_bindgen (a native test checks the three agree).
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1
