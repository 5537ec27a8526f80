//! The floor without leptos_router: two pages routed by the History API and a signal.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
fn Home(go: Callback<String>) -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <h1>"Floor"</h1>
        <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
        <a href="/a/x" on:click=move |ev| { ev.prevent_default(); go.run("/a/x".into()) }>"x"</a>
    }
}

#[component]
fn Item(id: String) -> impl IntoView {
    view! { <p>{id}</p> }
}

fn main() {
    let path = RwSignal::new(window().location().pathname().unwrap_or_default());
    let go = Callback::new(move |to: String| {
        let _ = window().history().unwrap().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
        path.set(to);
    });
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || path.set(window().location().pathname().unwrap_or_default()));
    window().add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref()).unwrap();
    cb.forget();
    mount_to_body(move || move || {
        let p = path.get();
        if p == "/" { view! { <Home go/> }.into_any() }
        else if let Some(id) = p.strip_prefix("/a/") { view! { <Item id=id.to_string()/> }.into_any() }
        else { "404".into_any() }
    })
}
