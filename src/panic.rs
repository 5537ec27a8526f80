//! A panic must never leave a frozen or blank page: the hook replaces the page with a German
//! failure view built from plain DOM nodes (the wasm instance cannot be trusted after a panic,
//! so the way on is an ordinary link that reloads the page, not a handler).

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show_failure_page();
    }));
}

fn show_failure_page() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let main = document.create_element("main").ok()?;
    main.set_class_name("failure panic");
    main.set_attribute("role", "alert").ok()?;
    let h1 = document.create_element("h1").ok()?;
    h1.set_text_content(Some("Das hat leider nicht geklappt"));
    let p = document.create_element("p").ok()?;
    p.set_text_content(Some("Bei der Anzeige ist ein unerwarteter Fehler aufgetreten. Bitte laden Sie die Seite neu."));
    let reload = document.create_element("a").ok()?;
    reload.set_class_name("button");
    reload.set_attribute("href", &web_sys::window()?.location().href().ok()?).ok()?;
    reload.set_text_content(Some("Seite neu laden"));
    let home = document.create_element("a").ok()?;
    home.set_attribute("href", "/").ok()?;
    home.set_text_content(Some("Zur Nachrichtenübersicht"));
    for child in [&h1, &p, &reload, &home] {
        main.append_child(child).ok()?;
    }
    body.set_text_content(None);
    body.append_child(&main).ok()?;
    Some(())
}
