//! How an image is asked for in each place it is shown: which widths (`srcset`), how wide the
//! slot is (`sizes`), and whether it loads first. One definition for the app, the widget and the
//! published pages, so a photo costs the same bytes wherever it appears.

use super::model::Image;

/// A variant wider than this is not believed (no screen needs it; a typo would be a huge file).
pub const MAX_WIDTH: u32 = 8192;
/// More widths than this are dropped: the publish step makes seven.
pub const MAX_VARIANTS: usize = 12;

/// The places an image is shown; each knows how wide it is drawn (style/main.css, widget.css).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The article's own photo above the text: the largest paint of the page.
    Lead,
    /// An image block inside the article's text.
    Body,
    /// A teaser of the news list or "Weitere Nachrichten" (a 16:9 crop in a grid cell).
    Teaser,
    /// A card of the widget on another site.
    WidgetCard,
    /// The one-article card in an iframe (`/embed?artikel=…`): as wide as its frame.
    Embed,
    /// A thumbnail of a gallery: three across the text column, two on a phone.
    Gallery,
    /// A gallery's larger view: the whole screen.
    Large,
}

impl Slot {
    /// The slot's drawn width for the browser's choice of file.
    ///
    /// Article photos: the text column (`--measure`, 68ch: 49rem at most) or the screen less its
    /// margins. Teasers and cards deliberately claim about a third of a phone's width: at a
    /// phone's 3 device pixels per CSS pixel the browser then takes the 480 px file (1.3 device
    /// pixels per CSS pixel, enough for a thumbnail) instead of the 1080 px one. On a phone
    /// every teaser of a list or of "Weitere Nachrichten" (15) is within the browser's
    /// lazy-loading distance and loads with the page: measured with real photos (bench/photos.sh),
    /// 15 thumbnails cost 185 KiB at 480 px, 291 KiB at 640 px and 419 KiB at 800 px (issue #27:
    /// an article view ≤ 250 KiB, a list's first screen ≤ 400 KiB). The widget's string goes
    /// without the optional spaces: the widget is at its size budget.
    pub fn sizes(self) -> &'static str {
        match self {
            Slot::Lead | Slot::Body => "(min-width: 52rem) 49rem, calc(100vw - 2rem)",
            Slot::Teaser => "(min-width: 60rem) 23rem, 34vw",
            Slot::WidgetCard => "(min-width:40rem) 16rem,34vw",
            Slot::Embed | Slot::Large => "100vw",
            Slot::Gallery => "(min-width: 52rem) 16rem, 50vw",
        }
    }

    /// Whether the image is loaded at once with high priority (the page's largest paint), not
    /// lazily.
    pub fn eager(self) -> bool {
        matches!(self, Slot::Lead)
    }
}

/// How many teasers at the top of a list load at once (a phone's first screen shows one or two;
/// a desktop's first row three).
pub const EAGER_TEASERS: usize = 3;

/// The `srcset` attribute (`a-320.webp 320w, a-640.webp 640w`), or `None` when the content gives
/// no widths (another producer, an image on another host): then `src` alone is used.
pub fn srcset(image: &Image) -> Option<String> {
    if image.srcset.is_empty() {
        return None;
    }
    let parts: Vec<String> = image.srcset.iter().map(|v| format!("{} {}w", v.src, v.width)).collect();
    Some(parts.join(", "))
}

/// The smallest variant at least `width` pixels wide (or the widest there is): the one file
/// for a place that takes one (an Atom entry, a link preview).
pub fn pick(image: &Image, width: u32) -> Option<&super::model::Variant> {
    let mut variants: Vec<_> = image.srcset.iter().collect();
    variants.sort_by_key(|v| v.width);
    variants.iter().find(|v| v.width >= width).or(variants.last()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Variant;

    fn image(widths: &[u32]) -> Image {
        Image {
            src: "/media/v/a.jpg".into(),
            srcset: widths.iter().map(|&w| Variant { src: format!("/media/v/a-{w}.webp"), width: w }).collect(),
            ..Image::default()
        }
    }

    #[test]
    fn srcset_lists_every_width_and_is_absent_without_variants() {
        assert_eq!(srcset(&image(&[320, 640])).as_deref(), Some("/media/v/a-320.webp 320w, /media/v/a-640.webp 640w"));
        assert_eq!(srcset(&image(&[])), None);
    }

    #[test]
    fn pick_takes_the_smallest_wide_enough_or_the_widest() {
        let i = image(&[1080, 320, 640]);
        assert_eq!(pick(&i, 600).map(|v| v.width), Some(640));
        assert_eq!(pick(&i, 2000).map(|v| v.width), Some(1080));
        assert_eq!(pick(&image(&[]), 600), None);
    }

    #[test]
    fn only_the_lead_photo_loads_first() {
        assert!(Slot::Lead.eager());
        assert!(!Slot::Body.eager() && !Slot::Teaser.eager());
    }
}
