use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
fn Home() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <h1>"Floor"</h1>
        <button on:click=move |_| count.update(|n| *n += 1)>{move || count.get()}</button>
        <A href="/a/x">"x"</A>
    }
}

#[component]
fn Item() -> impl IntoView {
    let params = use_params_map();
    view! { <p>{move || params.read().get("id").unwrap_or_default()}</p> }
}

fn main() {
    mount_to_body(|| view! {
        <Router>
            <Routes fallback=|| "404">
                <Route path=path!("/") view=Home/>
                <Route path=path!("/a/:id") view=Item/>
            </Routes>
        </Router>
    })
}
