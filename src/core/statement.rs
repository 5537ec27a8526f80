//! The accessibility statement ("Erklärung zur Barrierefreiheit", BITV 2.0 § 7) as structured
//! content: the publish step writes these blocks as a page in the content format
//! (`api/pages/barrierefreiheit.json`, which the app shows at `/barrierefreiheit` like an article
//! body) and as HTML for readers without JavaScript; text never HTML. What it says of Newsroom is
//! true of Newsroom; who publishes, the contact and the enforcement body come from the site file.

use super::model::{Article, Block, Body, HeadingLevel, Run, Slug, Teaser, Text, Timestamp};
use super::site::Site;

pub const TITLE: &str = "Erklärung zur Barrierefreiheit";

/// When the statement was made (RFC 3339), the date `PREPARED` names.
pub const DATE: &str = "2026-11-26T00:00:00+01:00";

/// When this statement was made and on what it rests.
const PREPARED: &str = "Diese Erklärung wurde am 26. November 2026 erstellt. Sie beruht auf einer Selbstbewertung: \
     automatische Prüfungen mit axe-core (WCAG 2.1, Stufen A und AA) auf jeder Ansicht in drei Browsern \
     (Chromium, Firefox, WebKit), bei 320, 390 und 1280 Pixeln Breite in hellem und dunklem Design, und Tests der \
     Bedienung mit der Tastatur.";

fn heading(text: &str) -> Block {
    Block::Heading { text: text.to_owned(), level: Some(HeadingLevel::H2) }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph { text: Text::Plain(text.to_owned()) }
}

fn run(text: &str, href: Option<String>) -> Run {
    Run { text: text.to_owned(), href, strong: false, em: false }
}

/// Where the app finds the statement: `/barrierefreiheit`, `api/pages/barrierefreiheit.json`.
pub const SLUG: &str = "barrierefreiheit";

/// The statement as a page in the content format. `None` only if `SLUG` or `DATE` were
/// malformed, which a test rules out.
pub fn page(site: &Site) -> Option<Article> {
    let teaser = Teaser {
        slug: Slug::parse(SLUG)?,
        headline: TITLE.to_owned(),
        kicker: None,
        lead: None,
        published: Timestamp::parse(DATE)?,
        tags: Vec::new(),
        image: None,
    };
    Some(Article {
        contacts: Vec::new(),
        corrections: Vec::new(),
        teaser,
        updated: None,
        language: Some(site.language.clone()),
        keywords: Vec::new(),
        body: Body { blocks: statement(site), ..Body::default() },
        related: Vec::new(),
    })
}

pub fn statement(site: &Site) -> Vec<Block> {
    let publisher = &site.publisher;
    let mut blocks = vec![
        paragraph(&format!(
            "{publisher} ist bemüht, den Newsroom „{}“ im Einklang mit dem Behindertengleichstellungsgesetz und der \
             Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) zur Umsetzung der Richtlinie (EU) 2016/2102 \
             barrierefrei zugänglich zu machen.",
            site.name
        )),
        heading("Stand der Vereinbarkeit mit den Anforderungen"),
        paragraph(
            "Der Newsroom ist mit den Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) teilweise vereinbar. \
             Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
        ),
        Block::List {
            ordered: false,
            items: [
                "Texte und Bilder der Nachrichten kommen aus den Redaktionssystemen der Stadt. Fehlt dort ein \
                 Alternativtext für ein Bild oder eine Angabe der Sprache, kann der Newsroom sie nicht ergänzen.",
                "Suche, Themenfilter und das Nachladen älterer Nachrichten brauchen JavaScript. Ohne JavaScript \
                 sind die Beiträge und die neuesten Nachrichten lesbar.",
                "Nachrichten, die andere Seiten einbetten, übernehmen dort Schrift und Farben der einbettenden Seite; \
                 deren Kontraste liegen nicht in der Hand der Redaktion.",
                "Informationen in Leichter Sprache und in Deutscher Gebärdensprache bietet der Newsroom noch nicht an.",
            ]
            .into_iter()
            .map(|t| Text::Plain(t.to_owned()))
            .collect(),
        },
        heading("Erstellung dieser Erklärung"),
        paragraph(PREPARED),
        heading("Feedback und Kontakt"),
        paragraph(&format!(
            "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen, oder brauchen Sie einen Inhalt in \
             einer anderen Form? Dann wenden Sie sich bitte an {publisher}."
        )),
    ];
    let c = &site.contact;
    let mut ways = Vec::new();
    if let Some(email) = &c.email {
        ways.push(Text::Runs(vec![run("E-Mail: ", None), run(email, Some(format!("mailto:{email}")))]));
    }
    if let Some(phone) = &c.phone {
        let digits: String = phone.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
        ways.push(Text::Runs(vec![run("Telefon: ", None), run(phone, Some(format!("tel:{digits}")))]));
    }
    if let Some(address) = &c.address {
        ways.push(Text::Plain(format!("Post: {address}")));
    }
    if ways.is_empty() {
        blocks.push(paragraph("Die Kontaktangaben finden Sie im Impressum der Stadt."));
    } else {
        blocks.push(Block::List { ordered: false, items: ways });
    }
    blocks.push(heading("Durchsetzungsverfahren"));
    let e = &site.enforcement;
    let mut runs = vec![run(
        "Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten haben, \
         können Sie sich an ",
        None,
    )];
    runs.push(run(&e.name, e.url.clone()));
    runs.push(run(" wenden. Das Verfahren ist für Sie kostenlos; Sie brauchen dafür keinen Rechtsbeistand.", None));
    blocks.push(Block::Paragraph { text: Text::Runs(runs) });
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::site::Contact;

    #[test]
    fn the_contact_and_the_enforcement_body_come_from_the_site() {
        let site = Site {
            publisher: "Stadt Musterstadt".into(),
            contact: Contact {
                email: Some("barrierefrei@stadt.example".into()),
                phone: Some("0231 50-0".into()),
                address: None,
            },
            ..Site::default()
        };
        let blocks = statement(&site);
        let plain: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => text.plain(),
                Block::Heading { text, .. } => text.clone(),
                Block::List { items, .. } => items.iter().map(Text::plain).collect::<Vec<_>>().join("\n"),
                _ => String::new(),
            })
            .collect();
        let all = plain.join("\n");
        assert!(all.contains("Stadt Musterstadt ist bemüht"));
        assert!(all.contains("E-Mail: barrierefrei@stadt.example") && all.contains("Telefon: 0231 50-0"));
        assert!(all.contains("Schlichtungsstelle"));
        let links: Vec<&str> = blocks
            .iter()
            .flat_map(|b| match b {
                Block::Paragraph { text: Text::Runs(r) } => r.iter().collect::<Vec<_>>(),
                Block::List { items, .. } => items
                    .iter()
                    .flat_map(|t| match t {
                        Text::Runs(r) => r.iter().collect(),
                        _ => vec![],
                    })
                    .collect(),
                _ => vec![],
            })
            .filter_map(|r| r.href.as_deref())
            .collect();
        assert!(links.contains(&"mailto:barrierefrei@stadt.example") && links.contains(&"tel:0231500"), "{links:?}");
        assert!(statement(&Site::default())
            .iter()
            .any(|b| matches!(b, Block::Paragraph { text } if text.plain().contains("Impressum"))));
    }
}
