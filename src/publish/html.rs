//! An escaping HTML writer: the one way the publish step makes markup. Text and attribute values
//! from content are always escaped, so nothing from content becomes markup.

pub use crate::core::html::escape;

/// Markup under construction. Element names and attribute names are always ours (`&'static str`);
/// only values and text can come from content, and they are escaped.
#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// `<name a="v" …>`; attributes with `None` are left out.
    pub fn open(&mut self, name: &'static str, attrs: &[(&'static str, Option<&str>)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(name);
        for (attr, value) in attrs {
            if let Some(value) = value {
                self.out.push(' ');
                self.out.push_str(attr);
                self.out.push_str("=\"");
                self.out.push_str(&escape(value));
                self.out.push('"');
            }
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, name: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(text));
        self
    }

    /// `<name …>text</name>`.
    pub fn element(&mut self, name: &'static str, attrs: &[(&'static str, Option<&str>)], text: &str) -> &mut Self {
        self.open(name, attrs).text(text).close(name)
    }

    /// `<name a="v" …/>`: an element without content, in XML (the feeds).
    pub fn empty(&mut self, name: &'static str, attrs: &[(&'static str, Option<&str>)]) -> &mut Self {
        self.open(name, attrs);
        self.out.insert(self.out.len() - 1, '/');
        self
    }

    /// A line break between blocks, for people reading the source.
    pub fn newline(&mut self) -> &mut Self {
        self.out.push('\n');
        self
    }

    /// Markup made by another `Html` writer.
    pub fn append(&mut self, other: Html) -> &mut Self {
        self.out.push_str(&other.out);
        self
    }

    /// Markup that is ours by construction (e.g. serde's JSON with `<` escaped): never content.
    pub(crate) fn from_trusted(markup: String) -> Html {
        Html { out: markup }
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_never_becomes_markup() {
        let mut h = Html::new();
        h.element(
            "a",
            &[("href", Some("/x\" onclick=\"alert(1)")), ("hreflang", None)],
            "<img src=x onerror=alert(1)>",
        );
        assert_eq!(h.finish(), "<a href=\"/x&quot; onclick=&quot;alert(1)\">&lt;img src=x onerror=alert(1)&gt;</a>");
    }
}
