//! Decoding the blocks of format 1.2 (`model::blocks`): bounded (what is past a bound is counted
//! and told to the reader, never decoded), strict where a wrong value would mislead (a table cell
//! that is an object), tolerant where that is safe (a short row is filled, an unknown box kind is
//! a note). Blocks inside a box or an answer are paragraphs, lists and links only: one that is
//! not is skipped and reported (`notes`), the rest of the box shows.

use super::{
    block, error, flag, image, optional_string, optional_u64, required, required_string, still, text, Decoded,
};
use crate::core::error::{LoadError, Problem};
use crate::core::json::Json;
use crate::core::model::blocks::{
    self, Captions, Contact, Download, InfoboxKind, Platform, Question, Table, Video, VideoSource,
};
use crate::core::model::{Block, Image, Text};
use crate::core::safe_url;

fn array<'j, 'a>(v: &'j Json<'a>, key: &str) -> Decoded<&'j [Json<'a>]> {
    match required(v, key)? {
        Json::Arr(items) => Ok(items),
        _ => Err(error(key, Problem::WrongType)),
    }
}

/// A table cell: rich text, a number (as written) or null (empty).
fn cell(v: &Json, path: &str) -> Decoded<Text> {
    match v {
        Json::Null => Ok(Text::Plain(String::new())),
        Json::Num(n) => Ok(Text::Plain(n.to_string())),
        other => text(other, path),
    }
}

/// Rows of cells, at most `max` rows of at most `Table::MAX_COLUMNS` cells; returns the rows,
/// the rows not read and the widest row's width.
fn rows(v: &Json, key: &str, max: usize) -> Decoded<(Vec<Vec<Text>>, usize, usize)> {
    let items = match v.get(key) {
        None | Some(Json::Null) => return Ok((Vec::new(), 0, 0)),
        Some(Json::Arr(items)) => items,
        Some(_) => return Err(error(key, Problem::WrongType)),
    };
    let shown = items.len().min(max);
    let mut widest = 0;
    let mut out = Vec::with_capacity(shown);
    for (r, row) in items[..shown].iter().enumerate() {
        let Json::Arr(cells) = row else { return Err(error(&format!("{key}[{r}]"), Problem::WrongType)) };
        widest = widest.max(cells.len());
        let row = cells
            .iter()
            .take(Table::MAX_COLUMNS)
            .enumerate()
            .map(|(c, v)| cell(v, &format!("{key}[{r}][{c}]")))
            .collect::<Decoded<Vec<_>>>()?;
        out.push(row);
    }
    Ok((out, items.len() - shown, widest))
}

pub(super) fn table(v: &Json) -> Decoded<Table> {
    let (mut head, _, head_width) = rows(v, "head", Table::MAX_HEAD_ROWS)?;
    array(v, "rows")?;
    let (mut body, omitted_rows, body_width) = rows(v, "rows", Table::MAX_ROWS)?;
    let widest = head_width.max(body_width);
    if widest == 0 {
        return Err(error("rows", Problem::Invalid("a table needs at least one cell".into())));
    }
    let width = widest.min(Table::MAX_COLUMNS);
    // Ragged rows are filled: every row has a cell under every header.
    for row in head.iter_mut().chain(body.iter_mut()) {
        row.resize(width, Text::Plain(String::new()));
    }
    Ok(Table {
        caption: optional_string(v, "caption"),
        head,
        rows: body,
        header_column: flag(v, "header_column"),
        omitted_rows,
        omitted_columns: widest - width,
    })
}

/// Blocks inside a box or an answer: a string is one paragraph; what is not allowed inside, or
/// does not fit, is skipped and noted.
fn inner_blocks(v: &Json, path: &str, notes: &mut Vec<String>) -> Decoded<Vec<Block>> {
    let items = match v {
        Json::Str(s) => return Ok(vec![Block::Paragraph { text: Text::Plain(s.to_string()) }]),
        Json::Arr(items) => items,
        _ => return Err(error(path, Problem::WrongType)),
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().take(blocks::MAX_INNER_BLOCKS).enumerate() {
        let kind = item.get("type").and_then(Json::as_str).unwrap_or("?");
        let at = format!("{path}[{i}]");
        if !blocks::INNER_TYPES.contains(&kind) {
            notes.push(format!("{at}: a {kind} block cannot stand inside, not shown"));
            continue;
        }
        match block(kind, item, notes) {
            Ok(b) => out.push(b),
            Err(e) => notes.push(format!("{} ({kind})", LoadError::Decode(e.within(&at)))),
        }
    }
    if items.len() > blocks::MAX_INNER_BLOCKS {
        notes.push(format!("{path}: blocks after the first {} not shown", blocks::MAX_INNER_BLOCKS));
    }
    Ok(out)
}

pub(super) fn infobox(v: &Json, notes: &mut Vec<String>) -> Decoded<Block> {
    let kind = match v.get("kind").and_then(Json::as_str) {
        Some("important") => InfoboxKind::Important,
        Some("summary") => InfoboxKind::Summary,
        _ => InfoboxKind::Note,
    };
    let blocks = inner_blocks(required(v, "blocks")?, "blocks", notes)?;
    Ok(Block::Infobox { kind, title: optional_string(v, "title"), blocks })
}

pub(super) fn faq(v: &Json, notes: &mut Vec<String>) -> Decoded<Block> {
    let all = array(v, "items")?;
    let shown = all.len().min(blocks::MAX_QUESTIONS);
    let items = all[..shown]
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let at = |key: &str| format!("items[{i}].{key}");
            let question = required_string(q, "question").map_err(|e| error(&at("question"), e.problem))?;
            let answer = inner_blocks(
                required(q, "answer").map_err(|e| error(&at("answer"), e.problem))?,
                &at("answer"),
                notes,
            )?;
            Ok(Question { question, answer })
        })
        .collect::<Decoded<Vec<_>>>()?;
    Ok(Block::Faq { items, omitted: all.len() - shown })
}

/// Files: one whose address breaks the scheme rules is dropped and noted (it must not become a
/// link, and a label without its file helps nobody).
pub(super) fn downloads(v: &Json, notes: &mut Vec<String>) -> Decoded<Block> {
    let mut files = Vec::new();
    for (i, f) in array(v, "files")?.iter().take(blocks::MAX_FILES).enumerate() {
        let at = |key: &str| format!("files[{i}].{key}");
        let href = required_string(f, "href").map_err(|e| error(&at("href"), e.problem))?;
        let label = required_string(f, "label").map_err(|e| error(&at("label"), e.problem))?;
        // A download is fetched: http(s) or relative, as for images.
        let Some(href) = safe_url::image_src(&href) else {
            notes.push(format!("{}: address not allowed, file not shown", at("href")));
            continue;
        };
        files.push(Download {
            href,
            label,
            format: optional_string(f, "format"),
            size: optional_u64(f, "size"),
            hreflang: optional_string(f, "hreflang"),
        });
    }
    if files.is_empty() {
        return Err(error("files", Problem::Invalid("no file to show".into())));
    }
    Ok(Block::Downloads { title: optional_string(v, "title"), files })
}

/// A contact (block or article field): every member optional, at least one present.
pub(super) fn contact(v: &Json) -> Decoded<Contact> {
    if !matches!(v, Json::Obj(_)) {
        return Err(error(".", Problem::WrongType));
    }
    let c = Contact {
        name: optional_string(v, "name"),
        role: optional_string(v, "role"),
        organisation: optional_string(v, "organisation"),
        phone: optional_string(v, "phone"),
        email: optional_string(v, "email"),
        address: optional_string(v, "address"),
    };
    if c.is_empty() {
        return Err(error("name", Problem::Missing));
    }
    Ok(c)
}

/// The article's `contacts`: tolerant (one that does not fit is dropped), bounded.
pub(super) fn contacts(v: &Json) -> Vec<Contact> {
    match v.get("contacts") {
        Some(Json::Arr(items)) => items.iter().take(Contact::MAX_PER_ARTICLE).filter_map(|c| contact(c).ok()).collect(),
        _ => Vec::new(),
    }
}

/// Photos: one that breaks the image rules (no `alt`, a forbidden source) is left out and
/// noted, the others show; past the bound they are counted, not read.
pub(super) fn gallery(v: &Json, notes: &mut Vec<String>) -> Decoded<Block> {
    let all = array(v, "images")?;
    let shown = all.len().min(blocks::MAX_GALLERY_IMAGES);
    let mut images = Vec::with_capacity(shown);
    for (i, item) in all[..shown].iter().enumerate() {
        match image(item) {
            Ok(img) if safe_url::image_src(&img.src).is_some() => images.push(img),
            Ok(_) => notes.push(format!("images[{i}].src: address not allowed, image not shown")),
            Err(e) => notes.push(format!("{} (image)", LoadError::Decode(e.within(&format!("images[{i}]"))))),
        }
    }
    if images.is_empty() {
        return Err(error("images", Problem::Invalid("no image to show".into())));
    }
    Ok(Block::Gallery { caption: optional_string(v, "caption"), images, omitted: all.len() - shown })
}

/// A video: strict where a wrong value would load something else (an unknown platform, an id
/// that is not one, a forbidden address: the block is skipped and reported), tolerant for what
/// only adds (a still, a caption file or a transcript that breaks the rules is dropped and noted).
pub(super) fn video(v: &Json, notes: &mut Vec<String>) -> Decoded<Block> {
    let title = required_string(v, "title")?;
    if title.trim().is_empty() {
        return Err(error("title", Problem::Invalid("a video needs its title".into())));
    }
    let source = match v.get("platform") {
        Some(Json::Str(name)) => {
            let Some(platform) = Platform::named(name) else {
                return Err(error("platform", Problem::Invalid(format!("unknown video platform {name:?}"))));
            };
            let id = required_string(v, "id")?;
            if !platform.valid_id(&id) {
                return Err(error("id", Problem::Invalid(format!("not a {} video id", platform.name()))));
            }
            VideoSource::Platform { platform, id }
        }
        Some(_) => return Err(error("platform", Problem::WrongType)),
        None => {
            let src = required_string(v, "src")?;
            let Some(src) = safe_url::image_src(&src) else {
                return Err(error("src", Problem::Invalid("address not allowed".into())));
            };
            VideoSource::File { src }
        }
    };
    let poster = match v.get("poster") {
        None | Some(Json::Null) => None,
        Some(Json::Str(src)) => Some(Image { src: src.to_string(), alt: String::new(), ..Image::default() }),
        Some(p) => still(p).map_err(|e| notes.push(format!("{} (poster)", LoadError::Decode(e.within("poster"))))).ok(),
    };
    // A platform video's still must be the site's own: one on another host (the platform's own
    // thumbnail server) would tell it of the reader before the reader agreed.
    let own_only = matches!(source, VideoSource::Platform { .. });
    let poster = poster.filter(|p| {
        let fine = safe_url::image_src(&p.src).is_some_and(|src| !(own_only && safe_url::is_external(&src)));
        if !fine {
            notes.push(
                "poster.src: address not allowed (a platform video's still is the site's own), still not shown".into(),
            );
        }
        fine
    });
    let mut captions = Vec::new();
    if let Some(Json::Arr(items)) = v.get("captions") {
        for (i, c) in items.iter().take(Captions::MAX).enumerate() {
            let src = c.get("src").and_then(Json::as_str).and_then(safe_url::image_src);
            let lang = c.get("lang").and_then(Json::as_str).map(str::trim).filter(|l| !l.is_empty());
            match (src, lang, &source) {
                (Some(src), Some(lang), VideoSource::File { .. }) => {
                    captions.push(Captions { src, lang: lang.to_owned(), label: optional_string(c, "label") })
                }
                _ => notes.push(format!("captions[{i}]: needs src and lang, for an own file; not used")),
            }
        }
    }
    Ok(Block::Video(Video { title, source, poster, captions, transcript: optional_string(v, "transcript") }))
}

#[cfg(test)]
mod tests {
    use crate::core::decode::decode_article;
    use crate::core::model::blocks::{InfoboxKind, Table};
    use crate::core::model::{Article, Block, Text};

    fn article(body: &str) -> Article {
        decode_article(&format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[{body}]}}"#
        ))
        .unwrap()
    }

    fn plain(row: &[Text]) -> Vec<String> {
        row.iter().map(Text::plain).collect()
    }

    #[test]
    fn a_table_is_filled_bounded_and_its_cells_are_text() {
        let a = article(
            r#"{"type":"table","caption":"Märkte","head":[["Markt","Stände"]],"header_column":true,
                "rows":[["Hansaplatz",64,"<b>x</b>"],["Brackel"],[null,[{"text":"2","strong":true}]]]}"#,
        );
        let Block::Table(t) = &a.body.blocks[0] else { panic!("{:?}", a.body) };
        assert_eq!(plain(&t.head[0]), ["Markt", "Stände", ""]);
        assert_eq!(plain(&t.rows[0]), ["Hansaplatz", "64", "<b>x</b>"]);
        assert_eq!(plain(&t.rows[1]), ["Brackel", "", ""]);
        assert_eq!(t.numeric_columns(), [false, true, false]);
        let rows: Vec<String> = (0..Table::MAX_ROWS + 9000).map(|i| format!("[{i}]")).collect();
        let wide: Vec<String> = (0..500).map(|i| format!("\"c{i}\"")).collect();
        let a = article(&format!(r#"{{"type":"table","rows":[[{}],{}]}}"#, wide.join(","), rows.join(",")));
        let Block::Table(t) = &a.body.blocks[0] else { panic!() };
        assert_eq!((t.rows.len(), t.rows[0].len()), (Table::MAX_ROWS, Table::MAX_COLUMNS));
        assert_eq!((t.omitted_rows, t.omitted_columns), (9001, 480));
        // Strict where a wrong value would mislead: a cell that is an object names its place.
        let a = article(r#"{"type":"table","rows":[["a",{"x":1}]]},{"type":"table","rows":[]}"#);
        assert!(a.body.blocks.is_empty());
        assert!(a.body.skipped[0].contains("body[0].rows[0][1]"), "{:?}", a.body.skipped);
    }

    #[test]
    fn boxes_hold_text_blocks_only_and_answers_may_be_strings() {
        let a = article(
            r#"{"type":"infobox","kind":"important","title":"Sperrung","blocks":[
                {"type":"paragraph","text":"Die Brücke ist gesperrt."},
                {"type":"infobox","blocks":"innen"},{"type":"image","src":"/a.svg","alt":""}]},
               {"type":"infobox","kind":"rainbow","blocks":"Text"},
               {"type":"faq","items":[{"question":"Wann?","answer":"Morgen."},{"question":"Wo?","answer":[{"type":"list","items":["Hier"]}]}]}"#,
        );
        assert!(
            matches!(&a.body.blocks[0], Block::Infobox { kind: InfoboxKind::Important, blocks, .. } if blocks.len() == 1)
        );
        assert!(matches!(&a.body.blocks[1], Block::Infobox { kind: InfoboxKind::Note, .. }));
        assert_eq!(a.body.skipped.len(), 2, "{:?}", a.body.skipped);
        assert!(a.body.skipped[0].starts_with("body[0].blocks[1]: a infobox block"), "{:?}", a.body.skipped);
        let Block::Faq { items, omitted: 0 } = &a.body.blocks[2] else { panic!() };
        assert_eq!(items[0].answer, [Block::Paragraph { text: Text::Plain("Morgen.".into()) }]);
        let questions: Vec<String> = (0..5000).map(|i| format!(r#"{{"question":"F{i}?","answer":"A"}}"#)).collect();
        let a = article(&format!(r#"{{"type":"faq","items":[{}]}}"#, questions.join(",")));
        assert!(matches!(&a.body.blocks[0], Block::Faq { items, omitted: 4900 } if items.len() == 100));
    }

    #[test]
    fn downloads_keep_only_files_they_may_link() {
        let a = article(
            r#"{"type":"downloads","files":[{"href":"javascript:alert(1)","label":"Böse"},
                {"href":" /rat/vorlage.pdf","label":"Ratsvorlage","size":1234567,"hreflang":"en\" x"}]},
               {"type":"downloads","files":[{"href":"data:text/html,x","label":"x"}]}"#,
        );
        assert_eq!(a.body.blocks.len(), 1);
        let Block::Downloads { files, .. } = &a.body.blocks[0] else { panic!() };
        assert_eq!((files.len(), files[0].href.as_str(), files[0].hreflang.as_deref()), (1, "/rat/vorlage.pdf", None));
        assert_eq!(files[0].details(), "PDF, 1,2 MB");
        assert!(a.body.skipped.iter().any(|s| s.contains("files[0].href")), "{:?}", a.body.skipped);
    }

    #[test]
    fn corrections_are_dated_and_count_as_a_change() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","updated":"2025-12-19T12:00:00+01:00","body":[],
                "corrections":[{"date":"2025-12-20T09:00:00+01:00","text":" Richtig ist 625. "},{"date":"gestern","text":"x"},
                {"date":"2025-12-21T08:00:00+00:00","text":"Zweite."},{"date":"2025-12-22T08:00:00+00:00","text":""}]}"#,
        )
        .unwrap();
        assert_eq!(a.corrections.len(), 2, "one without a valid date or a text is dropped");
        assert_eq!(a.last_change().to_rfc3339(), "2025-12-21T08:00:00+00:00");
        let notes = crate::core::date::correction_notes(&a);
        assert_eq!(
            notes,
            ["Korrigiert am So 21. Dezember 2025: Zweite.", "Korrigiert am Sa 20. Dezember 2025: Richtig ist 625."]
        );
    }

    #[test]
    fn contacts_need_something_to_show() {
        let a = decode_article(
            r#"{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[{"type":"contact","name":"  "}],
                "contacts":[{"name":"Presse","phone":"0231 50-0"},{"role":""},"Pressestelle",{"email":"a@b.de"}]}"#,
        )
        .unwrap();
        assert!(a.body.blocks.is_empty(), "an empty contact block is not shown");
        let names: Vec<_> = a.contacts.iter().map(|c| (c.name.as_deref(), c.email.as_deref())).collect();
        assert_eq!(names, [(Some("Presse"), None), (None, Some("a@b.de"))]);
    }
}
