//! A panic must never leave a frozen or blank page: the hook replaces the page with a German
//! failure view built from plain DOM nodes (the wasm instance cannot be trusted after a panic,
//! so the way on is an ordinary link that reloads the page, not a handler).

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = show_failure(&body);
        }
    }));
}

/// Replaces the content of `container` with the failure view.
pub fn show_failure(container: &web_sys::Element) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let element = |tag: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(text);
        Some(e)
    };
    let main = element("main", None)?;
    main.set_class_name("failure panic");
    main.set_attribute("role", "alert").ok()?;
    let h1 = element("h1", Some("Das hat leider nicht geklappt"))?;
    let p =
        element("p", Some("Bei der Anzeige ist ein unerwarteter Fehler aufgetreten. Bitte laden Sie die Seite neu."))?;
    let actions = element("p", None)?;
    actions.set_class_name("actions");
    let reload = element("a", Some("Seite neu laden"))?;
    reload.set_class_name("button");
    reload.set_attribute("href", &window.location().href().ok()?).ok()?;
    let home = element("a", Some("Zur Nachrichtenübersicht"))?;
    home.set_class_name("button secondary");
    home.set_attribute("href", "/").ok()?;
    actions.append_child(&reload).ok()?;
    actions.append_child(&home).ok()?;
    for child in [&h1, &p, &actions] {
        main.append_child(child).ok()?;
    }
    container.set_text_content(None);
    container.append_child(&main).ok()?;
    Some(())
}
