//! Element trees of the core (`core::tree`) as views: one small function draws every block,
//! contact card and correction (decision 23).

use crate::core::tree::Node;
use leptos::attr::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos::tachys::view::add_attr::AddAnyAttr;

/// An element tree of the core (a contact card, the corrections) as a view.
pub fn drawn(n: impl Into<Node>) -> AnyView {
    node(n.into())
}

/// Draws an element tree: its tags and attribute names are the core's constants; content is
/// only ever text (a text node) and attribute values (escaped when rendered to HTML).
fn node(n: Node) -> AnyView {
    match n {
        Node::Text(s) => s.into_any(),
        Node::Element(e) => {
            let attrs: Vec<AnyAttribute> =
                e.attrs.into_iter().map(|(k, v)| custom_attribute(k, v).into_any_attr()).collect();
            // Void elements are written without an end tag (a custom element would get one).
            match e.tag {
                "img" => leptos::html::img().add_any_attr(attrs).into_any(),
                "track" => leptos::html::track().add_any_attr(attrs).into_any(),
                tag => {
                    let children = e.children.into_iter().map(node).collect_view();
                    leptos::html::custom(tag).child(children).add_any_attr(attrs).into_any()
                }
            }
        }
    }
}
