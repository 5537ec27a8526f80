//! The element tree of each block type but images (`components::figure`): one function per
//! block type, one dispatch (`block`).

use super::{el, link, media, Element, Node};
use crate::core::model::blocks::{omitted_questions_note, Contact, Download, InfoboxKind, Question, Table};
use crate::core::model::{Article, Block, HeadingLevel, Text};

/// The block's tree; `None` for an image, which has its own view (`components::figure`).
pub fn block(b: &Block) -> Option<Vec<Node>> {
    let one = |e: Element| Some(vec![e.into()]);
    match b {
        Block::Paragraph { text } => one(el("p").attr("dir", "auto").children(rich(text))),
        Block::Heading { text, level } => {
            one(el(if *level == Some(HeadingLevel::H3) { "h3" } else { "h2" }).attr("dir", "auto").text(text))
        }
        Block::List { ordered, items } => one(list(*ordered, items)),
        Block::Quote { text, cite } => one(el("figure")
            .attr("class", "quote")
            .child(el("blockquote").child(el("p").attr("dir", "auto").text(text).into()).into())
            .children(cite.as_ref().map(|c| el("figcaption").text(c).into()))),
        // A stand-alone link line, as under the reference article.
        Block::Link { href, label, hreflang } => {
            one(el("p").attr("class", "link-block").child(link(href, label, hreflang.as_deref()).0.into()))
        }
        Block::Image(_) => None,
        Block::Table(t) => Some(table(t)),
        Block::Infobox { kind, title, blocks } => one(infobox(*kind, title.as_deref(), blocks)),
        Block::Faq { items, omitted } => one(faq(items, *omitted)),
        Block::Downloads { title, files } => one(downloads(title.as_deref(), files)),
        Block::Contact(c) => one(contact(c)),
        Block::Gallery { caption, images, omitted } => one(media::gallery(caption.as_deref(), images, *omitted)),
        Block::Video(v) => one(media::video(v)),
    }
}

/// Text as a string or as runs with link, strong and em.
pub fn rich(text: &Text) -> Vec<Node> {
    match text {
        Text::Plain(s) => vec![Node::Text(s.clone())],
        Text::Runs(runs) => runs
            .iter()
            .map(|r| {
                let mut node: Node = match &r.href {
                    Some(href) => link(href, &r.text, None).0.into(),
                    None => Node::Text(r.text.clone()),
                };
                if r.em {
                    node = el("em").child(node).into();
                }
                if r.strong {
                    node = el("strong").child(node).into();
                }
                node
            })
            .collect(),
    }
}

fn list(ordered: bool, items: &[Text]) -> Element {
    el(if ordered { "ol" } else { "ul" })
        .children(items.iter().map(|t| el("li").attr("dir", "auto").children(rich(t)).into()))
}

fn note(text: Option<String>) -> Option<Node> {
    text.map(|n| el("p").attr("class", "body-omitted").text(&n).into())
}

/// A real table with caption and header scopes, numbers aligned right, in a focusable region
/// that scrolls sideways on a phone instead of widening the page.
fn table(t: &Table) -> Vec<Node> {
    let numeric = t.numeric_columns();
    let cell = |tag: &'static str, c: usize, text: &Text| {
        let e = el(tag).attr("dir", "auto");
        let e = if numeric.get(c).copied().unwrap_or(false) { e.attr("class", "num") } else { e };
        e.children(rich(text))
    };
    let head = t.head.iter().map(|row| {
        el("tr").children(row.iter().enumerate().map(|(c, text)| cell("th", c, text).attr("scope", "col").into()))
    });
    let body = t.rows.iter().map(|row| {
        el("tr").children(row.iter().enumerate().map(|(c, text)| {
            if c == 0 && t.header_column {
                el("th").attr("scope", "row").attr("dir", "auto").children(rich(text)).into()
            } else {
                cell("td", c, text).into()
            }
        }))
    });
    let mut table = el("table");
    if let Some(c) = &t.caption {
        table = table.child(el("caption").attr("dir", "auto").text(c).into());
    }
    if !t.head.is_empty() {
        table = table.child(el("thead").children(head.map(Node::from)).into());
    }
    table = table.child(el("tbody").children(body.map(Node::from)).into());
    // The region is named for keyboard and screen-reader users who reach it by Tab.
    let label = t.caption.as_ref().map_or_else(|| "Tabelle".to_owned(), |c| format!("Tabelle: {c}"));
    let region =
        el("div").attr("class", "table-scroll").attr("role", "region").attr("aria-label", &label).attr("tabindex", "0");
    [Some(region.child(table.into()).into()), note(t.omitted_note())].into_iter().flatten().collect()
}

/// What a box or an answer holds (paragraphs, lists, links).
fn inner(blocks: &[Block]) -> impl Iterator<Item = Node> + '_ {
    blocks.iter().filter_map(block).flatten()
}

/// A box announced as a note with what it is ("Wichtig: Sperrung der Brücke").
fn infobox(kind: InfoboxKind, title: Option<&str>, blocks: &[Block]) -> Element {
    let label = kind.label();
    // "Auf einen Blick" titled "Auf einen Blick" says it once.
    let title = title.filter(|t| *t != label);
    let class = match kind {
        InfoboxKind::Note => "infobox",
        InfoboxKind::Important => "infobox important",
        InfoboxKind::Summary => "infobox summary",
    };
    let name = title.map_or_else(|| label.to_owned(), |t| format!("{label}: {t}"));
    let heading = el("p")
        .attr("class", "infobox-title")
        .child(el("span").attr("class", "infobox-kind").text(label).into())
        .children(title.map(|t| el("strong").attr("dir", "auto").text(t).into()));
    el("aside")
        .attr("class", class)
        .attr("role", "note")
        .attr("aria-label", &name)
        .child(heading.into())
        .children(inner(blocks))
}

/// Questions as native disclosure widgets: keyboard, screen readers and pages without
/// JavaScript open them alike.
fn faq(items: &[Question], omitted: usize) -> Element {
    let questions = items.iter().map(|q| {
        el("details")
            .child(el("summary").attr("dir", "auto").text(&q.question).into())
            .child(el("div").attr("class", "answer").children(inner(&q.answer)).into())
            .into()
    });
    el("div").attr("class", "faq").children(questions).children(note(omitted_questions_note(omitted)))
}

/// "Ratsvorlage (PDF, 1,2 MB)": the link says what the tap loads.
fn downloads(title: Option<&str>, files: &[Download]) -> Element {
    let files = files.iter().map(|f| {
        let details = f.details();
        let label = if details.is_empty() { f.label.clone() } else { format!("{} ({details})", f.label) };
        el("li").attr("dir", "auto").child(link(&f.href, &label, f.hreflang.as_deref()).0.into()).into()
    });
    el("div")
        .attr("class", "downloads")
        .children(title.map(|t| el("h2").attr("dir", "auto").text(t).into()))
        .child(el("ul").children(files).into())
}

/// The article's corrections above its text, newest first ("Korrigiert am …: …").
pub fn corrections(a: &Article) -> Option<Element> {
    let notes = crate::core::date::correction_notes(a);
    (!notes.is_empty()).then(|| {
        el("div")
            .attr("class", "corrections")
            .children(notes.into_iter().map(|note| el("p").attr("class", "correction").text(&note).into()))
    })
}

/// A contact card: name, role, organisation, then phone and e-mail as links that dial and write.
pub fn contact(c: &Contact) -> Element {
    let line = |tag: &'static str, text: &Option<String>| {
        text.as_ref().map(|t| el(tag).attr("class", "line").attr("dir", "auto").text(t).into())
    };
    let reach = |label: &str, text: &Option<String>, href: Option<String>| {
        text.as_ref().map(|t| {
            let value: Node = match href {
                Some(h) => el("a").attr("href", &h).text(t).into(),
                None => Node::Text(t.clone()),
            };
            el("span").attr("class", "line").text(label).child(value).into()
        })
    };
    let address = c
        .address
        .iter()
        .flat_map(|a| a.lines())
        .map(|l| el("span").attr("class", "line").attr("dir", "auto").text(l).into());
    el("address")
        .attr("class", "contact")
        .children([line("strong", &c.name), line("span", &c.role), line("span", &c.organisation)].into_iter().flatten())
        .children(reach("Telefon: ", &c.phone, c.phone_href()))
        .children(reach("E-Mail: ", &c.email, c.email_href()))
        .children(address)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_article;

    fn trees(body: &str) -> Vec<Node> {
        let a = decode_article(&format!(
            r#"{{"slug":"a","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[{body}]}}"#
        ))
        .unwrap();
        a.body.blocks.iter().filter_map(block).flatten().collect()
    }

    fn element(n: &Node) -> &Element {
        match n {
            Node::Element(e) => e,
            Node::Text(t) => panic!("text {t:?}"),
        }
    }

    #[test]
    fn a_table_has_its_scopes_caption_and_numbers_and_names_its_region() {
        let nodes = trees(
            r#"{"type":"table","caption":"Hebesätze","head":[["Art","2026"]],"rows":[["B","625 %"],["A","530 %"]],"header_column":true}"#,
        );
        let region = element(&nodes[0]);
        assert_eq!(
            (region.get("role"), region.get("aria-label"), region.get("tabindex")),
            (Some("region"), Some("Tabelle: Hebesätze"), Some("0"))
        );
        let table = region.find("table").unwrap();
        assert_eq!(table.find("caption").unwrap().plain(), "Hebesätze");
        let th = table.find("thead").unwrap().find("th").unwrap();
        assert_eq!(th.get("scope"), Some("col"));
        let row = table.find("tbody").unwrap().find("tr").unwrap();
        let cells: Vec<_> =
            row.children.iter().map(element).map(|c| (c.tag, c.get("scope"), c.get("class"), c.plain())).collect();
        assert_eq!(cells, [("th", Some("row"), None, "B".into()), ("td", None, Some("num"), "625 %".into())]);
    }

    #[test]
    fn markup_in_content_stays_text_and_links_keep_their_rules() {
        let nodes = trees(
            r#"{"type":"infobox","kind":"important","title":"<img src=x onerror=alert(1)>","blocks":[
                {"type":"paragraph","text":[{"text":"hier","href":"javascript:alert(1)","strong":true}]}]},
               {"type":"contact","name":"<b>Presse</b>","phone":"0231 50-0","email":"presse@stadt.example?bcc=x@y.de"}"#,
        );
        let aside = element(&nodes[0]);
        assert_eq!(aside.get("aria-label"), Some("Wichtig: <img src=x onerror=alert(1)>"));
        assert!(aside.find("a").is_none(), "a forbidden scheme is no link");
        assert_eq!(aside.find("strong").unwrap().plain(), "<img src=x onerror=alert(1)>");
        let card = element(&nodes[1]);
        assert_eq!(card.find("strong").unwrap().plain(), "<b>Presse</b>");
        assert_eq!(card.find("a").unwrap().get("href"), Some("tel:0231500"));
        assert_eq!(card.plain(), "<b>Presse</b>Telefon: 0231 50-0E-Mail: presse@stadt.example?bcc=x@y.de");
    }

    #[test]
    fn questions_are_details_and_files_say_what_they_load() {
        let nodes = trees(
            r#"{"type":"faq","items":[{"question":"Wann?","answer":"Morgen."}]},
               {"type":"downloads","files":[{"href":"https://x.example/a.pdf","label":"Vorlage","size":1200000}]}"#,
        );
        let details = element(&nodes[0]).find("details").unwrap();
        assert_eq!(
            (details.find("summary").unwrap().plain(), details.find("p").unwrap().plain()),
            ("Wann?".into(), "Morgen.".into())
        );
        let a = element(&nodes[1]).find("a").unwrap();
        assert_eq!(a.plain(), "Vorlage (PDF, 1,2 MB)\u{a0}↗ (externer Link)");
    }
}
