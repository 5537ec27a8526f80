//! Files to download and people to ask: what a city's release ends with.

use super::SafeLink;
use crate::core::model::{Contact, Download};
use leptos::prelude::*;

/// "Ratsvorlage (PDF, 1,2 MB)": the link says what the tap loads.
#[component]
pub fn Downloads(title: Option<String>, files: Vec<Download>) -> impl IntoView {
    let files = files
        .into_iter()
        .map(|f| {
            let details = f.details();
            let label = if details.is_empty() { f.label.clone() } else { format!("{} ({details})", f.label) };
            view! { <li dir="auto"><SafeLink href=f.href label hreflang=f.hreflang/></li> }
        })
        .collect_view();
    view! {
        <div class="downloads">
            {title.map(|t| view! { <h2 dir="auto">{t}</h2> })}
            <ul>{files}</ul>
        </div>
    }
}

/// A contact card: name, role, organisation, phone and e-mail as links that dial and write.
#[component]
pub fn ContactCard(contact: Contact) -> impl IntoView {
    let tel = contact.phone_href();
    let mail = contact.email_href();
    let Contact { name, role, organisation, phone, email, address } = contact;
    let line = |label: &'static str, text: String, href: Option<String>| {
        let value = match href {
            Some(href) => view! { <a href=href>{text}</a> }.into_any(),
            None => text.into_any(),
        };
        view! { <span class="line">{label}{value}</span> }
    };
    view! {
        <address class="contact">
            {name.map(|n| view! { <strong class="line" dir="auto">{n}</strong> })}
            {role.map(|r| view! { <span class="line" dir="auto">{r}</span> })}
            {organisation.map(|o| view! { <span class="line" dir="auto">{o}</span> })}
            {phone.map(|p| line("Telefon: ", p, tel))}
            {email.map(|e| line("E-Mail: ", e, mail))}
            {address.map(|a| a.lines().map(|l| view! { <span class="line" dir="auto">{l.to_owned()}</span> }).collect_view())}
        </address>
    }
}
