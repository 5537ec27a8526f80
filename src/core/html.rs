//! HTML as text: the one escaper (the publish step's writer, the embed snippet, oEmbed) and the
//! one iframe that embeds a newsroom page on another site.

/// Escapes text for element content and (double-quoted) attribute values.
pub fn escape(s: &str) -> String {
    // Controls other than whitespace are not allowed in HTML text, and noncharacters (U+FFFE,
    // U+FFFF, U+FDD0…) are not allowed in XML at all: one in a headline would make every feed
    // not well-formed.
    let text: String = s.chars().map(|c| if forbidden(c) { '\u{FFFD}' } else { c }).collect();
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// What HTML and XML text must not contain: controls other than line feed and tab, and
/// Unicode's noncharacters.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t')) || noncharacter(c)
}

/// Unicode's noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
pub fn noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// How a framed newsroom page is sized on the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameSize {
    /// The host's full width, its height following the content (embed.js, `data-newsroom-embed`).
    Fitted,
    /// A fixed size in pixels (oEmbed consumers size the frame themselves).
    Fixed(u32, u32),
}

/// `<iframe>` of the newsroom page `src` (absolute) named `title`: lazy, without a border.
pub fn iframe(src: &str, title: &str, size: FrameSize) -> String {
    let (src, title) = (escape(src), escape(title));
    match size {
        FrameSize::Fitted => format!(
            "<iframe data-newsroom-embed src=\"{src}\" title=\"{title}\" style=\"width: 100%; border: 0\" loading=\"lazy\"></iframe>"
        ),
        FrameSize::Fixed(width, height) => format!(
            "<iframe src=\"{src}\" title=\"{title}\" width=\"{width}\" height=\"{height}\" style=\"border: 0\" loading=\"lazy\"></iframe>"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_never_becomes_markup() {
        assert_eq!(escape("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(escape("/x\" onclick=\"alert(1)"), "/x&quot; onclick=&quot;alert(1)");
        assert_eq!(escape("a\u{0}b & 'c'"), "a\u{FFFD}b &amp; &#39;c&#39;");
        assert_eq!(
            escape("\u{FFFF}\u{FFFE}\u{FDD0}\u{1FFFF}\u{FFFD}é\n\t"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}é\n\t"
        );
    }

    #[test]
    fn a_frame_names_its_page_and_escapes_both() {
        let fitted = iframe("https://nr.example/embed?tag=A&limit=3", "Nachrichten \"der\" Stadt", FrameSize::Fitted);
        assert_eq!(
            fitted,
            "<iframe data-newsroom-embed src=\"https://nr.example/embed?tag=A&amp;limit=3\" title=\"Nachrichten &quot;der&quot; Stadt\" style=\"width: 100%; border: 0\" loading=\"lazy\"></iframe>"
        );
        assert!(
            iframe("https://nr.example/e", "T", FrameSize::Fixed(600, 480)).contains(" width=\"600\" height=\"480\" ")
        );
    }
}
