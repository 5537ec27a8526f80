//! A panic must never leave a frozen or blank page. A panic ends as a trap of the WebAssembly
//! instance (the release wasm aborts at once: decision 11), and boot.js replaces the page with the
//! German failure view when the instance traps — in JavaScript, because the instance cannot be
//! trusted afterwards. Here only the developer's part: a debug build logs the panic's message.

pub fn install_hook() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}
