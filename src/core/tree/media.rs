//! The trees of the blocks that show media: a gallery's grid and its larger view, a video of an
//! own file, and a platform's video behind the reader's consent (two clicks: nothing is asked
//! of the platform before "Video abspielen").

use super::{el, link, Element};
use crate::core::images::{self, Slot};
use crate::core::model::blocks::{omitted_images_note, Platform, Video, VideoSource};
use crate::core::model::Image;

/// The file a thumbnail links to: large enough for a screen, never the original.
pub fn large_src(image: &Image) -> String {
    // The narrowest of at least 1600 px, else the widest: a scan, not `images::pick`'s sort
    // (a sort's code is kilobytes of the reader's download).
    let fits = |w: u32| w >= 1600;
    let better = |a: u32, b: u32| if fits(a) && fits(b) { a < b } else { a > b };
    let mut best: Option<&crate::core::model::Variant> = None;
    for v in &image.srcset {
        if best.is_none_or(|b| better(v.width, b.width)) {
            best = Some(v);
        }
    }
    best.map_or_else(|| image.src.clone(), |v| v.src.clone())
}

/// An `<img>` of `image` drawn in `place` (sources already checked by the decoder).
fn img(image: &Image, place: Slot) -> Element {
    el("img")
        .attr("src", &image.src)
        .attr_some("srcset", images::srcset(image).as_deref())
        .attr_some("sizes", (!image.srcset.is_empty()).then(|| place.sizes()))
        .attr("alt", &image.alt)
        .attr_some("width", image.width.map(|w| w.to_string()).as_deref())
        .attr_some("height", image.height.map(|h| h.to_string()).as_deref())
        .attr_some("loading", (!place.eager()).then_some("lazy"))
        .attr("decoding", "async")
}

/// "Bild 2 von 5"
fn position(i: usize, count: usize) -> String {
    format!("Bild {} von {count}", i + 1)
}

/// A grid of thumbnails, each a link to its large file, each with its caption and credit. Pages
/// without JavaScript open the file; with it, `public/boot.js` opens a larger view made from this
/// grid (the picture, its caption line and where it is in the gallery; decision 21).
pub fn gallery(caption: Option<&str>, images: &[Image], omitted: usize) -> Element {
    let count = images.len();
    let items = images.iter().enumerate().map(|(i, image)| {
        let label = format!("{}, vergrößern", position(i, count));
        let link = el("a")
            .attr("href", &large_src(image))
            .attr("class", "gallery-link")
            .attr("data-index", &i.to_string())
            .child(img(image, Slot::Gallery).into())
            .child(el("span").attr("class", "visually-hidden").text(&label).into());
        el("li")
            .child(link.into())
            .children(
                image
                    .caption_line()
                    .map(|c| el("p").attr("class", "gallery-caption").attr("dir", "auto").text(&c).into()),
            )
            .into()
    });
    el("figure")
        .attr("class", "gallery")
        .child(el("ul").attr("class", "gallery-grid").children(items).into())
        .children(caption.map(|c| el("figcaption").attr("dir", "auto").text(c).into()))
        .children(omitted_images_note(omitted).map(|n| el("p").attr("class", "body-omitted").text(&n).into()))
}

/// A video: an own file in the browser's player, a platform's behind consent.
pub fn video(v: &Video) -> Element {
    let (player, more): (Element, Element) = match &v.source {
        VideoSource::File { src } => (own_file(v, src), link(src, "Video herunterladen", None).0),
        VideoSource::Platform { platform, id } => {
            let (page, label) = platform.page(id);
            (consent(v, *platform, id), link(&page, label, None).0)
        }
    };
    // Under the player: the title, where else the video is, and its transcript. On paper this
    // is what a video is (the print style hides the player).
    let transcript = v.transcript.as_deref().map(|t| link(t, "Abschrift lesen", None).0);
    let caption = el("figcaption")
        .child(el("span").attr("class", "video-title").attr("dir", "auto").text(&v.title).into())
        .children(
            std::iter::once(more)
                .chain(transcript)
                .map(|l| el("span").attr("class", "video-link").child(l.into()).into()),
        );
    el("figure").attr("class", "video").child(player.into()).child(caption.into())
}

fn own_file(v: &Video, src: &str) -> Element {
    let poster = v.poster.as_ref();
    let tracks = v.captions.iter().enumerate().map(|(i, c)| {
        el("track")
            .attr("kind", "captions")
            .attr("src", &c.src)
            .attr("srclang", &c.lang)
            .attr("label", &c.label())
            .attr_some("default", (i == 0).then_some(""))
            .into()
    });
    el("video")
        .attr("controls", "")
        // With a still nothing is loaded before play; without one, enough for the first frame.
        .attr("preload", if poster.is_some() { "none" } else { "metadata" })
        .attr_some("poster", poster.map(large_src).as_deref())
        .attr("src", src)
        .attr("aria-label", &v.title)
        .children(tracks)
}

/// Before the reader agrees: this site's still (or a neutral surface), what will happen, and the
/// button. Nothing here is loaded from the platform. The button names the privacy-enhanced
/// player that `public/boot.js` puts in the consent's place when it is pressed (an attribute
/// loads nothing; the CSP's `frame-src` allows only these players).
fn consent(v: &Video, platform: Platform, id: &str) -> Element {
    let (policy, label) = platform.privacy_policy();
    let text = el("p").text(platform.consent_text()).child(link(policy, label, None).0.into());
    let mut name = String::from("Video abspielen: ");
    name.push_str(&v.title);
    el("div")
        .attr("class", "video-consent")
        .children(v.poster.as_ref().map(|p| img(p, Slot::Body).attr("class", "video-still").into()))
        .child(
            el("div")
                .attr("class", "video-notice")
                .child(text.into())
                .child(
                    el("button")
                        .attr("type", "button")
                        .attr("class", "button video-play")
                        .attr("aria-label", &name)
                        .attr("data-player", &platform.player(id))
                        .text("Video abspielen")
                        .into(),
                )
                .into(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_article;
    use crate::core::model::Block;
    use crate::core::tree::Node;

    fn blocks(body: &str) -> (Vec<Block>, Vec<String>) {
        let a = decode_article(&format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[{body}]}}"#
        ))
        .unwrap();
        (a.body.blocks, a.body.skipped)
    }

    #[test]
    fn a_gallery_links_each_thumbnail_to_its_large_file_and_names_it() {
        let (b, skipped) = blocks(
            r#"{"type":"gallery","caption":"Wintergalerie","images":[
                {"src":"/media/v/a.jpg","alt":"Saal","caption":"Eröffnung","credit":"Stadt","srcset":[{"src":"/media/v/a-640.webp","width":640},{"src":"/media/v/a-1920.webp","width":1920}]},
                {"src":"javascript:alert(1)","alt":"x"},
                {"src":"/b.svg","alt":""},
                {"src":"/c.svg"}]}"#,
        );
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        let Block::Gallery { caption, images, omitted } = &b[0] else { panic!("{b:?}") };
        let g = gallery(caption.as_deref(), images, *omitted);
        let first = g.find("a").unwrap();
        assert_eq!((first.get("href"), first.get("data-index")), (Some("/media/v/a-1920.webp"), Some("0")));
        assert_eq!(first.plain(), "Bild 1 von 2, vergrößern");
        assert_eq!(first.find("img").unwrap().get("sizes"), Some(Slot::Gallery.sizes()));
        assert_eq!(g.find("p").unwrap().plain(), "Eröffnung · Bild: Stadt");
        assert_eq!(g.find("figcaption").unwrap().plain(), "Wintergalerie");
        let text = g.plain();
        assert!(
            text.contains("Bild 2 von 2, vergrößern") && !text.contains("von 3"),
            "one link per shown image: {text}"
        );
    }

    #[test]
    fn a_thousand_photos_are_bounded_and_the_bound_is_said() {
        let many = vec![r#"{"src":"/a.svg","alt":"A"}"#; 1000].join(",");
        let (b, _) = blocks(&format!(r#"{{"type":"gallery","images":[{many}]}}"#));
        let Block::Gallery { images, omitted, .. } = &b[0] else { panic!() };
        assert_eq!((images.len(), *omitted), (60, 940));
        assert!(gallery(None, images, *omitted).plain().ends_with("940 weitere Bilder werden nicht gezeigt."));
    }

    #[test]
    fn a_platform_video_asks_nothing_of_the_platform_before_consent() {
        let (b, _) = blocks(
            r#"{"type":"video","title":"Statement des Oberbürgermeisters","platform":"youtube","id":"aBcD3_-x9Zq",
                "poster":{"src":"/media/still.jpg","width":1280,"height":720},"transcript":"/statement.txt"}"#,
        );
        let Block::Video(v) = &b[0] else { panic!("{b:?}") };
        let before = video(v);
        assert!(before.find("iframe").is_none());
        let button = before.find("button").unwrap();
        assert_eq!((button.plain().as_str(), button.get("type")), ("Video abspielen", Some("button")));
        assert_eq!(before.find("img").unwrap().get("src"), Some("/media/still.jpg"));
        let text = before.plain();
        assert!(text.contains("Dieses Video wird von YouTube (Google Ireland Limited) bereitgestellt."), "{text}");
        assert!(text.contains("Abschrift lesen"), "{text}");
        // Only links name the platform before consent (a link loads nothing until followed).
        fn sources(e: &Element, out: &mut Vec<String>) {
            for (name, value) in &e.attrs {
                if ["src", "srcset", "poster"].contains(name) {
                    out.push(value.clone());
                }
            }
            e.children.iter().for_each(|c| {
                if let Node::Element(c) = c {
                    sources(c, out)
                }
            });
        }
        let mut loaded = Vec::new();
        sources(&before, &mut loaded);
        assert_eq!(loaded, ["/media/still.jpg"]);
        // The player the boot script puts in the consent's place, named where it loads nothing.
        assert_eq!(
            button.get("data-player"),
            Some("https://www.youtube-nocookie.com/embed/aBcD3_-x9Zq?autoplay=1&rel=0")
        );
    }

    #[test]
    fn an_own_video_has_its_captions_and_never_plays_by_itself() {
        let (b, _) = blocks(
            r#"{"type":"video","title":"Rede","src":"/media/rede.mp4","captions":[{"src":"/media/rede.vtt","lang":"de"}]}"#,
        );
        let Block::Video(v) = &b[0] else { panic!("{b:?}") };
        let e = video(v);
        let player = e.find("video").unwrap();
        assert_eq!(
            (player.get("controls"), player.get("autoplay"), player.get("preload")),
            (Some(""), None, Some("metadata"))
        );
        let track = player.find("track").unwrap();
        assert_eq!(
            (track.get("kind"), track.get("srclang"), track.get("label")),
            (Some("captions"), Some("de"), Some("Deutsch"))
        );
    }

    #[test]
    fn a_video_that_would_load_something_else_is_skipped_and_said() {
        for bad in [
            r#"{"type":"video","title":"T","platform":"youtube","id":"x\" onload=\"alert(1)"}"#,
            r#"{"type":"video","title":"T","platform":"youtube","id":"../../evil"}"#,
            r#"{"type":"video","title":"T","platform":"vimeo","id":"javascript:alert(1)"}"#,
            r#"{"type":"video","title":"T","platform":"dailymotion","id":"x7tgad0"}"#,
            r#"{"type":"video","title":"T","src":"javascript:alert(1)"}"#,
            r#"{"type":"video","title":" ","src":"/a.mp4"}"#,
        ] {
            let (b, skipped) = blocks(&format!(r#"{bad},{{"type":"paragraph","text":"Rest"}}"#));
            assert_eq!(b.len(), 1, "{bad}: only the paragraph");
            assert_eq!(skipped.len(), 1, "{bad}: {skipped:?}");
        }
    }
}
