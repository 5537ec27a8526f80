//! After decoding: what is empty counts as absent, tags are clean, language tags are checked.
//! So that "", "  " and junk never reach the page as empty headings, chips or attributes.

use super::model::{Article, Block, Contact, Image, Teaser, Text};

/// The longest text one block shows (characters): a long press release's paragraph has a few
/// thousand. A longer one (a paste gone wrong, or an attack) is cut, marked and reported, so no
/// view lays out megabytes of one paragraph.
pub const MAX_BLOCK_TEXT: usize = 50_000;

/// What a cut text ends with, for readers.
pub const CUT_MARK: &str = " … (gekürzt)";

/// Cuts `s` to `MAX_BLOCK_TEXT` characters in all (`used` counts what came before it in the same
/// block); `true` if anything was cut.
fn cut(s: &mut String, used: &mut usize) -> bool {
    let room = MAX_BLOCK_TEXT.saturating_sub(*used);
    match s.char_indices().nth(room) {
        Some((at, _)) => {
            s.truncate(at);
            *used = MAX_BLOCK_TEXT;
            true
        }
        None => {
            *used += s.chars().count();
            false
        }
    }
}

fn cut_text(text: &mut Text, used: &mut usize) -> bool {
    match text {
        Text::Plain(s) => cut(s, used),
        Text::Runs(runs) => {
            let Some(i) = runs.iter_mut().position(|r| cut(&mut r.text, used)) else { return false };
            runs.truncate(i + 1);
            true
        }
    }
}

/// The longest text of a table cell, a file's label or a contact's field: short by nature.
pub const MAX_SHORT_TEXT: usize = 1000;

/// Cuts a short text (a cell, a label) to `MAX_SHORT_TEXT`, marked; `true` if it was cut.
fn cut_short(s: &mut String) -> bool {
    let mut used = MAX_BLOCK_TEXT - MAX_SHORT_TEXT;
    let was_cut = cut(s, &mut used);
    if was_cut {
        s.push_str(CUT_MARK);
    }
    was_cut
}

fn cut_short_text(text: &mut Text) -> bool {
    let mut used = MAX_BLOCK_TEXT - MAX_SHORT_TEXT;
    let was_cut = cut_text(text, &mut used);
    if was_cut {
        mark(text);
    }
    was_cut
}

/// Cuts an over-long block's text (with the mark at its end); `true` if it was cut. A table's
/// cells, a file's label and a contact's fields are cut one by one; a box's and an answer's
/// blocks each as a block.
fn cut_block(block: &mut Block) -> bool {
    let mut used = 0;
    let was_cut = match block {
        Block::Paragraph { text } => cut_text(text, &mut used),
        Block::Heading { text, .. } | Block::Quote { text, .. } => cut(text, &mut used),
        Block::List { items, .. } => {
            let cut_at = items.iter_mut().position(|t| cut_text(t, &mut used));
            if let Some(i) = cut_at {
                items.truncate(i + 1);
            }
            cut_at.is_some()
        }
        Block::Link { .. } | Block::Image(_) => false,
        Block::Table(t) => {
            let cells = t.head.iter_mut().chain(t.rows.iter_mut()).flatten();
            cells.fold(false, |any, c| cut_short_text(c) | any) | t.caption.as_mut().is_some_and(cut_short)
        }
        Block::Infobox { blocks, title, .. } => {
            blocks.iter_mut().fold(false, |any, b| cut_block(b) | any) | title.as_mut().is_some_and(cut_short)
        }
        Block::Faq { items, .. } => items.iter_mut().fold(false, |any, q| {
            q.answer.iter_mut().fold(false, |any, b| cut_block(b) | any) | cut_short(&mut q.question) | any
        }),
        Block::Downloads { files, title } => {
            files.iter_mut().fold(false, |any, f| cut_short(&mut f.label) | any) | title.as_mut().is_some_and(cut_short)
        }
        Block::Contact(c) => contact_fields(c).into_iter().flatten().fold(false, |any, f| cut_short(f) | any),
        Block::Gallery { caption, images, .. } => images
            .iter_mut()
            .filter_map(|i| i.caption.as_mut())
            .fold(caption.as_mut().is_some_and(cut_short), |any, c| cut_short(c) | any),
        Block::Video(v) => cut_short(&mut v.title),
    };
    if was_cut {
        match block {
            Block::Paragraph { text } => mark(text),
            Block::Heading { text, .. } | Block::Quote { text, .. } => text.push_str(CUT_MARK),
            Block::List { items, .. } => {
                if let Some(last) = items.last_mut() {
                    mark(last);
                }
            }
            _ => {}
        }
    }
    was_cut
}

fn contact_fields(c: &mut Contact) -> [Option<&mut String>; 6] {
    [c.name.as_mut(), c.role.as_mut(), c.organisation.as_mut(), c.phone.as_mut(), c.email.as_mut(), c.address.as_mut()]
}

/// A contact's empty fields are absent.
fn tidy_contact(c: &mut Contact) {
    for f in [&mut c.name, &mut c.role, &mut c.organisation, &mut c.phone, &mut c.email, &mut c.address] {
        present(f);
    }
}

/// Whether a block has anything to show (empty headings, paragraphs, lists, boxes go).
fn shows(b: &Block) -> bool {
    let filled = |t: &Text| !t.plain().trim().is_empty();
    match b {
        Block::Paragraph { text } => filled(text),
        Block::Heading { text, .. } | Block::Quote { text, .. } => !text.trim().is_empty(),
        Block::List { items, .. } => items.iter().any(filled),
        Block::Link { href, .. } => !href.trim().is_empty(),
        Block::Image(_) | Block::Downloads { .. } => true,
        Block::Table(t) => t.head.iter().chain(&t.rows).flatten().any(filled),
        Block::Infobox { blocks, .. } => !blocks.is_empty(),
        Block::Faq { items, .. } => !items.is_empty(),
        Block::Contact(c) => !c.is_empty(),
        Block::Gallery { images, .. } => !images.is_empty(),
        Block::Video(_) => true,
    }
}

/// Tidies a block's fields and the blocks inside it (which go when empty).
fn tidy_block(block: &mut Block) {
    match block {
        Block::Link { hreflang, .. } => *hreflang = hreflang.as_deref().and_then(language_tag),
        Block::Quote { cite, .. } => present(cite),
        Block::Image(image) => tidy_image(image),
        Block::Table(t) => present(&mut t.caption),
        Block::Infobox { title, blocks, .. } => {
            present(title);
            blocks.iter_mut().for_each(tidy_block);
            blocks.retain(shows);
        }
        Block::Faq { items, .. } => {
            items.retain(|q| !q.question.trim().is_empty());
            for q in items.iter_mut() {
                q.answer.iter_mut().for_each(tidy_block);
                q.answer.retain(shows);
            }
        }
        Block::Downloads { title, files } => {
            present(title);
            for f in files {
                f.hreflang = f.hreflang.as_deref().and_then(language_tag);
                present(&mut f.format);
            }
        }
        Block::Contact(c) => tidy_contact(c),
        Block::Gallery { caption, images, .. } => {
            present(caption);
            images.iter_mut().for_each(tidy_image);
        }
        Block::Video(v) => {
            v.poster.iter_mut().for_each(tidy_image);
            present(&mut v.transcript);
            for c in &mut v.captions {
                c.lang = language_tag(&c.lang).unwrap_or_else(|| "und".to_owned());
                present(&mut c.label);
            }
        }
        Block::Paragraph { .. } | Block::Heading { .. } | Block::List { .. } => {}
    }
}

fn mark(text: &mut Text) {
    match text {
        Text::Plain(s) => s.push_str(CUT_MARK),
        Text::Runs(runs) => {
            if let Some(last) = runs.last_mut() {
                last.text.push_str(CUT_MARK);
            }
        }
    }
}

/// `Some` only for text with something visible in it.
fn present(s: &mut Option<String>) {
    if s.as_deref().is_some_and(|v| v.trim().is_empty()) {
        *s = None;
    }
}

/// Trimmed, non-empty, each once, in their order.
fn clean_list(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain_mut(|t| {
        *t = t.trim().to_owned();
        !t.is_empty() && seen.insert(t.clone())
    });
}

/// A plausible BCP 47 tag (`de`, `en`, `de-CH`, `zh-Hant-TW`), or `None`.
pub fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let mut parts = raw.split('-');
    let primary = parts.next()?;
    let ok = (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    ok.then(|| raw.to_owned())
}

/// Writing direction of a language: right-to-left scripts get "rtl".
pub fn direction(lang: &str) -> &'static str {
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb" => "rtl",
        _ => "ltr",
    }
}

fn tidy_image(image: &mut Image) {
    present(&mut image.caption);
    present(&mut image.credit);
    // A zero size reserves no space and distorts; leave sizing to the image.
    if image.width == Some(0) || image.height == Some(0) {
        image.width = None;
        image.height = None;
    }
}

pub fn tidy_teaser(t: &mut Teaser) {
    t.headline = t.headline.trim().to_owned();
    for text in [Some(&mut t.headline), t.kicker.as_mut(), t.lead.as_mut()].into_iter().flatten() {
        if cut(text, &mut 0) {
            text.push_str(CUT_MARK);
        }
    }
    present(&mut t.kicker);
    present(&mut t.lead);
    clean_list(&mut t.tags);
    if let Some(image) = &mut t.image {
        tidy_image(image);
    }
}

pub fn tidy_article(a: &mut Article) {
    tidy_teaser(&mut a.teaser);
    clean_list(&mut a.keywords);
    a.language = a.language.as_deref().and_then(language_tag);
    // Blocks with nothing to show would only leave empty headings, paragraphs and lists.
    a.body.blocks.iter_mut().for_each(tidy_block);
    a.body.blocks.retain(shows);
    for (i, block) in a.body.blocks.iter_mut().enumerate() {
        if cut_block(block) {
            a.body.skipped.push(format!("body[{i}]: text longer than its bound, shortened"));
        }
    }
    a.contacts.iter_mut().for_each(tidy_contact);
    a.contacts.retain(|c| !c.is_empty());
    for c in &mut a.contacts {
        contact_fields(c).into_iter().flatten().for_each(|f| {
            cut_short(f);
        });
    }
}

/// What to show for a headline that is empty after all: never an empty h1 or link.
pub fn shown_headline(headline: &str) -> &str {
    if headline.is_empty() {
        "Ohne Titel"
    } else {
        headline
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_article;

    #[test]
    fn empty_means_absent_and_tags_are_clean() {
        let a = decode_article(
            r#"{"slug":"a","headline":"  ","kicker":" ","lead":"","published":"2025-12-19T10:00:00+01:00",
                "tags":["Familie"," Familie ","","  ","Rat"],"keywords":["",""],"language":"<script>",
                "body":[{"type":"link","href":"/","label":"x","hreflang":"en\" onclick=\"x"}]}"#,
        )
        .unwrap();
        assert_eq!(shown_headline(&a.teaser.headline), "Ohne Titel");
        assert_eq!((&a.teaser.kicker, &a.teaser.lead), (&None, &None));
        assert_eq!(a.teaser.tags, ["Familie", "Rat"]);
        assert!(a.keywords.is_empty());
        assert_eq!(a.language(), "de");
        assert!(matches!(&a.body.blocks[0], Block::Link { hreflang: None, .. }));
    }

    #[test]
    fn a_text_too_long_is_cut_marked_and_reported() {
        let long = "ä".repeat(MAX_BLOCK_TEXT + 10);
        let half = "b".repeat(MAX_BLOCK_TEXT / 2 + 1);
        let a = decode_article(&format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[
                {{"type":"paragraph","text":"{long}"}},
                {{"type":"paragraph","text":[{{"text":"{half}"}},{{"text":"{half}","strong":true}},{{"text":"weg"}}]}},
                {{"type":"list","items":["{half}","{half}","weg"]}},
                {{"type":"paragraph","text":"kurz"}}]}}"#
        ))
        .unwrap();
        let plain: Vec<String> = a
            .body
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => text.plain(),
                Block::List { items, .. } => items.iter().map(Text::plain).collect(),
                _ => String::new(),
            })
            .collect();
        for cut in &plain[..3] {
            assert_eq!(cut.chars().count(), MAX_BLOCK_TEXT + CUT_MARK.chars().count());
            assert!(cut.ends_with(CUT_MARK) && !cut.contains("weg"));
        }
        assert_eq!(plain[3], "kurz");
        assert!(matches!(&a.body.blocks[2], Block::List { items, .. } if items.len() == 2));
        assert_eq!(a.body.skipped.len(), 3, "{:?}", a.body.skipped);
    }

    #[test]
    fn language_tags_and_direction() {
        assert_eq!(language_tag("de-CH").as_deref(), Some("de-CH"));
        assert_eq!(language_tag("zh-Hant-TW").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language_tag("d"), None);
        assert_eq!(language_tag("de_DE"), None);
        assert_eq!(language_tag("en\" x"), None);
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("he-IL"), "rtl");
        assert_eq!(direction("de"), "ltr");
    }
}
