//! Blocks as element trees: which elements, attributes and texts a block is drawn with, decided
//! here (plain Rust, tested natively) and drawn by one small view (`components::blocks::tree`)
//! in the browser and by the publish step alike (decision 23: a view per block cost the first
//! view 13 KiB). Tags and attribute names are this module's constants; content only ever
//! becomes text and attribute values, which the view writes as such (text nodes, escaped).

pub mod blocks;
pub mod media;

use super::safe_url;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// An element without attributes or children yet.
#[inline(never)]
pub fn el(tag: &'static str) -> Element {
    Element { tag, attrs: Vec::new(), children: Vec::new() }
}

impl Element {
    // Not generic where it can be avoided, and not inlined: each copy of a builder costs the
    // reader's download (decision 23; `inline(never)` here: 454 bytes brotli less).
    #[inline(never)]
    pub fn attr(mut self, name: &'static str, value: &str) -> Element {
        self.attrs.push((name, value.to_owned()));
        self
    }
    /// The attribute when there is a value.
    #[inline(never)]
    pub fn attr_some(self, name: &'static str, value: Option<&str>) -> Element {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }
    #[inline(never)]
    pub fn child(mut self, node: Node) -> Element {
        self.children.push(node);
        self
    }
    pub fn children(self, nodes: impl IntoIterator<Item = Node>) -> Element {
        self.append(&mut nodes.into_iter())
    }
    #[inline(never)]
    fn append(mut self, nodes: &mut dyn Iterator<Item = Node>) -> Element {
        for n in nodes {
            self.children.push(n);
        }
        self
    }
    #[inline(never)]
    pub fn text(self, s: &str) -> Element {
        self.child(Node::Text(s.to_owned()))
    }

    /// The element's text, as a reader reads it (tests, search).
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Node::Text(s) => out.push_str(s),
                Node::Element(e) => out.push_str(&e.plain()),
            }
        }
        out
    }

    /// The first element (depth first, itself included) with this tag.
    pub fn find(&self, tag: &str) -> Option<&Element> {
        if self.tag == tag {
            return Some(self);
        }
        self.children.iter().find_map(|c| match c {
            Node::Element(e) => e.find(tag),
            Node::Text(_) => None,
        })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(e: Element) -> Node {
        Node::Element(e)
    }
}

impl From<String> for Node {
    fn from(s: String) -> Node {
        Node::Text(s)
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Node {
        Node::Text(s.to_owned())
    }
}

/// A link by the format's scheme rules: another site's marked ("↗", "(externer Link)") and
/// opened without opener; a forbidden scheme is plain text. `None` in `.1`: it was not linked.
pub fn link(href: &str, label: &str, hreflang: Option<&str>) -> (Element, bool) {
    // A link needs a name: without a label, its address is the label.
    let label = if label.trim().is_empty() { href.trim() } else { label };
    match safe_url::link_href(href) {
        Some(href) if safe_url::is_external(&href) => (
            el("a")
                .attr("href", &href)
                .attr("class", "external")
                .attr("rel", "noopener noreferrer")
                .attr_some("hreflang", hreflang)
                // The mark sticks to the last word (no-break space): it never wraps alone.
                .text(label)
                .child(el("span").attr("class", "external-mark").attr("aria-hidden", "true").text("\u{a0}↗").into())
                .child(el("span").attr("class", "visually-hidden").text(" (externer Link)").into()),
            true,
        ),
        Some(href) => (el("a").attr("href", &href).attr_some("hreflang", hreflang).text(label), true),
        None => (el("span").attr("class", "unlinked").text(label), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_follow_the_scheme_rules() {
        let (a, linked) = link("https://eurocities.eu/", "Eurocities", Some("en"));
        assert!(linked);
        assert_eq!((a.tag, a.get("rel"), a.get("hreflang")), ("a", Some("noopener noreferrer"), Some("en")));
        assert_eq!(a.plain(), "Eurocities\u{a0}↗ (externer Link)");
        let (a, _) = link("/rat", "", None);
        assert_eq!((a.get("href"), a.plain().as_str()), (Some("/rat"), "/rat"));
        let (span, linked) = link("java\tscript:alert(1)", "x", None);
        assert_eq!((span.tag, linked, span.get("href")), ("span", false, None));
    }
}
