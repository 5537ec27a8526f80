//! The blocks of content format 1.2 (docs/content-format.md): table, info box, questions and
//! answers, downloads and contact, with what every view shows of them (notes, labels, the
//! numeric columns). Their rules of decoding live in `decode::blocks`.

use super::{Block, Text};
use crate::core::text::thousands;

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;
#[cfg(not(target_arch = "wasm32"))]
use serde::Serialize;

/// A table: header rows, body rows, optionally a header column. Rows have the same number of
/// cells once decoded (short rows are filled with empty cells).
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Table {
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub caption: Option<String>,
    /// Header rows (at most 3).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Vec<crate::core::schema::Cell>>"))]
    pub head: Vec<Vec<Text>>,
    /// Body rows; short rows are filled with empty cells.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Vec<crate::core::schema::Cell>>"))]
    pub rows: Vec<Vec<Text>>,
    /// The first cell of each body row heads its row.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "std::ops::Not::not"))]
    pub header_column: bool,
    /// Rows and columns past the bounds, not shown (readers see a note).
    #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
    pub omitted_rows: usize,
    #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
    pub omitted_columns: usize,
}

impl Table {
    /// More rows than a city's table has (election results by district: a few hundred).
    pub const MAX_ROWS: usize = 1000;
    /// More columns than a phone or a printed page can show.
    pub const MAX_COLUMNS: usize = 20;
    pub const MAX_HEAD_ROWS: usize = 3;

    /// Columns whose body cells are all numbers (amounts, percentages, dates as digits): aligned
    /// to the right so that digits line up. The header column never counts.
    pub fn numeric_columns(&self) -> Vec<bool> {
        let width = self.rows.iter().chain(&self.head).map(Vec::len).max().unwrap_or(0);
        (0..width)
            .map(|c| {
                if c == 0 && self.header_column {
                    return false;
                }
                let mut cells = self.rows.iter().filter_map(|r| r.get(c)).map(Text::plain).peekable();
                let mut any = false;
                let all = cells.all(|s| {
                    let s = s.trim();
                    any |= !s.is_empty();
                    s.is_empty() || is_number(s)
                });
                any && all
            })
            .collect()
    }

    /// "Diese Tabelle ist zu groß …" when rows or columns were cut.
    pub fn omitted_note(&self) -> Option<String> {
        let part = |n: usize, one: &str, many: &str| {
            (n > 0).then(|| format!("{} {}", thousands(n), if n == 1 { one } else { many }))
        };
        let parts: Vec<String> = [
            part(self.omitted_rows, "weitere Zeile", "weitere Zeilen"),
            part(self.omitted_columns, "weitere Spalte", "weitere Spalten"),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "Diese Tabelle ist zu groß, um ganz angezeigt zu werden: {} {} nicht gezeigt.",
                parts.join(" und "),
                if self.omitted_rows + self.omitted_columns == 1 { "wird" } else { "werden" }
            )
        })
    }
}

/// "1.234,5", "12 %", "−3", "2,50 €", "2025": digits with the signs numbers are written with.
fn is_number(s: &str) -> bool {
    s.chars().count() <= 24
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || " \u{a0}\u{202f}.,%€+-−–'".contains(c))
}

/// The kinds of info box a city's pages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum InfoboxKind {
    /// "Hinweis"
    #[default]
    Note,
    /// "Wichtig"
    Important,
    /// "Auf einen Blick"
    Summary,
}

impl InfoboxKind {
    /// What the box is called, shown and announced.
    pub fn label(self) -> &'static str {
        match self {
            InfoboxKind::Note => "Hinweis",
            InfoboxKind::Important => "Wichtig",
            InfoboxKind::Summary => "Auf einen Blick",
        }
    }
}

/// A question and its answer.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Question {
    pub question: String,
    /// Paragraphs, lists and links (a string is one paragraph).
    pub answer: Vec<Block>,
}

/// The blocks a box or an answer may hold.
pub const INNER_TYPES: [&str; 3] = ["paragraph", "list", "link"];

/// Questions past this are not shown (a note says how many): a city's FAQ has a few dozen.
pub const MAX_QUESTIONS: usize = 100;
/// Blocks inside an info box or an answer.
pub const MAX_INNER_BLOCKS: usize = 50;
/// Files of one downloads block.
pub const MAX_FILES: usize = 50;

/// "45 weitere Fragen werden nicht gezeigt."
pub fn omitted_questions_note(n: usize) -> Option<String> {
    (n > 0).then(|| match n {
        1 => "Eine weitere Frage wird nicht gezeigt.".to_owned(),
        n => format!("{} weitere Fragen werden nicht gezeigt.", thousands(n)),
    })
}

/// A file to download.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Download {
    /// http, https or relative.
    pub href: String,
    pub label: String,
    /// "PDF", "DOCX" …; from the address's ending when absent.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub format: Option<String>,
    /// Bytes; the publish step fills it for files it has.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub size: Option<u64>,
    /// BCP 47 tag of the file's language when it is not the article's.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub hreflang: Option<String>,
}

impl Download {
    /// "PDF, 1,2 MB, Englisch": what a reader needs to know before the tap.
    pub fn details(&self) -> String {
        let format = self.format.clone().or_else(|| extension(&self.href));
        let size = self.size.map(file_size);
        let language = self.hreflang.as_deref().map(language_name);
        [format, size, language].into_iter().flatten().collect::<Vec<_>>().join(", ")
    }
}

/// The ending of an address's path in capitals ("PDF"), if it looks like a file type.
fn extension(href: &str) -> Option<String> {
    let path = href.split(['?', '#']).next()?;
    let (_, ext) = path.rsplit('/').next()?.rsplit_once('.')?;
    ((1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| ext.to_ascii_uppercase())
}

/// Bytes as a reader reads them: "850 KB", "1,2 MB" (decimal units, a German comma).
pub fn file_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")];
    for (unit, name) in UNITS {
        if bytes >= unit {
            let tenths = (bytes * 10 + unit / 2) / unit;
            return if tenths >= 100 || tenths.is_multiple_of(10) {
                format!("{} {name}", thousands(((tenths + 5) / 10) as usize))
            } else {
                format!("{},{} {name}", tenths / 10, tenths % 10)
            };
        }
    }
    format!("{bytes} Byte")
}

/// The German name of the languages a city's files come in; other tags as they are.
fn language_name(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let name = match primary.as_str() {
        "de" => "Deutsch",
        "en" => "Englisch",
        "fr" => "Französisch",
        "tr" => "Türkisch",
        "ar" => "Arabisch",
        "uk" => "Ukrainisch",
        "ru" => "Russisch",
        "pl" => "Polnisch",
        "es" => "Spanisch",
        "it" => "Italienisch",
        "ro" => "Rumänisch",
        "bg" => "Bulgarisch",
        "el" => "Griechisch",
        "fa" => "Persisch",
        _ => return tag.to_owned(),
    };
    name.to_owned()
}

/// A press contact or a person to ask. Every field is optional; one to show is needed.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Contact {
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub name: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub role: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub organisation: Option<String>,
    /// As written ("0231 50-2 21 17"); dialled from its digits.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub phone: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub email: Option<String>,
    /// Lines separated by line breaks.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub address: Option<String>,
}

impl Contact {
    /// Contacts of an article that are read (its end shows them).
    pub const MAX_PER_ARTICLE: usize = 10;

    /// What a reader reads of the contact (the number and address are for dialling and writing).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [&self.name, &self.role, &self.organisation, &self.address].into_iter().flatten().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        [&self.name, &self.role, &self.organisation, &self.phone, &self.email, &self.address]
            .iter()
            .all(|f| f.is_none())
    }

    /// `tel:` with the number's digits (a leading + kept), if it has enough of them to dial.
    pub fn phone_href(&self) -> Option<String> {
        let raw = self.phone.as_deref()?.trim();
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let plus = if raw.starts_with('+') { "+" } else { "" };
        (3..=20).contains(&digits.len()).then(|| format!("tel:{plus}{digits}"))
    }

    /// `mailto:` for an address that is one (a local part, an @, a domain with a dot; nothing
    /// that would add headers or a second recipient).
    pub fn email_href(&self) -> Option<String> {
        let raw = self.email.as_deref()?.trim();
        let (local, domain) = raw.split_once('@')?;
        let fine = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
        (raw.len() <= 254 && fine(local) && fine(domain) && domain.contains('.') && !domain.starts_with('.'))
            .then(|| format!("mailto:{raw}"))
    }
}

/// Images of one gallery past this are not shown (a note says how many): an event's gallery has a
/// few dozen.
pub const MAX_GALLERY_IMAGES: usize = 60;

/// "940 weitere Bilder werden nicht gezeigt."
pub fn omitted_images_note(n: usize) -> Option<String> {
    (n > 0).then(|| match n {
        1 => "Ein weiteres Bild wird nicht gezeigt.".to_owned(),
        n => format!("{} weitere Bilder werden nicht gezeigt.", thousands(n)),
    })
}

/// A video: an own file, or a video of one of the big platforms by its id (shown only after the
/// reader agrees: nothing is asked of the platform before).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Video {
    /// What the video is: shown, and the player's name.
    pub title: String,
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub source: VideoSource,
    /// A still of this site (never the platform's): shown before the video plays.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub poster: Option<super::Image>,
    /// Caption files (WebVTT) of an own file.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub captions: Vec<Captions>,
    /// Where the video's words can be read (http, https or relative).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub transcript: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(untagged))]
pub enum VideoSource {
    /// An own file (MP4, WebM): http, https or relative.
    File { src: String },
    /// A platform's video by its id (YouTube: 11 letters, digits, `-` and `_`; Vimeo: digits).
    Platform { platform: Platform, id: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "lowercase"))]
pub enum Platform {
    Youtube,
    Vimeo,
}

impl Platform {
    pub fn named(name: &str) -> Option<Platform> {
        match name.trim().to_ascii_lowercase().as_str() {
            "youtube" => Some(Platform::Youtube),
            "vimeo" => Some(Platform::Vimeo),
            _ => None,
        }
    }

    /// Whether `id` is one of the platform's ids (and so safe in its addresses).
    pub fn valid_id(self, id: &str) -> bool {
        match self {
            Platform::Youtube => {
                id.len() == 11 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            }
            Platform::Vimeo => (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()),
        }
    }

    /// The provider as a reader knows it.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Youtube => "YouTube",
            Platform::Vimeo => "Vimeo",
        }
    }

    /// What the reader agrees to, before the link to the provider's privacy policy. Whole
    /// sentences, not formatted: each `format!` costs the reader's download.
    pub fn consent_text(self) -> &'static str {
        match self {
            Platform::Youtube => "Dieses Video wird von YouTube (Google Ireland Limited) bereitgestellt. Erst wenn Sie es abspielen, wird es von dort geladen; dabei erhält YouTube Daten wie Ihre IP-Adresse. ",
            Platform::Vimeo => "Dieses Video wird von Vimeo (Vimeo.com, Inc.) bereitgestellt. Erst wenn Sie es abspielen, wird es von dort geladen; dabei erhält Vimeo Daten wie Ihre IP-Adresse. ",
        }
    }

    /// The provider's privacy policy, and its link's label.
    pub fn privacy_policy(self) -> (&'static str, &'static str) {
        match self {
            Platform::Youtube => ("https://policies.google.com/privacy", "Datenschutzerklärung von YouTube"),
            Platform::Vimeo => ("https://vimeo.com/privacy", "Datenschutzerklärung von Vimeo"),
        }
    }

    /// The privacy-enhanced player (no cookies before play: youtube-nocookie, Vimeo's `dnt`),
    /// asked to start at once: the reader's click was the start. The CSP's `frame-src` names
    /// exactly these hosts (deploy/newsroom.conf).
    pub fn player(self, id: &str) -> String {
        match self {
            Platform::Youtube => ["https://www.youtube-nocookie.com/embed/", id, "?autoplay=1&rel=0"].concat(),
            Platform::Vimeo => ["https://player.vimeo.com/video/", id, "?dnt=1&autoplay=1"].concat(),
        }
    }

    /// The video's own page on the platform (a link: nothing is loaded before it is followed),
    /// and its label.
    pub fn page(self, id: &str) -> (String, &'static str) {
        match self {
            Platform::Youtube => (["https://www.youtube.com/watch?v=", id].concat(), "Video auf YouTube ansehen"),
            Platform::Vimeo => (["https://vimeo.com/", id].concat(), "Video auf Vimeo ansehen"),
        }
    }
}

/// A caption file of an own video.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema, Serialize))]
pub struct Captions {
    /// A WebVTT file: http, https or relative.
    pub src: String,
    /// BCP 47 tag of its language.
    pub lang: String,
    /// What the player's menu calls it ("Deutsch").
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub label: Option<String>,
}

impl Captions {
    /// Caption files of one video that are read.
    pub const MAX: usize = 10;

    pub fn label(&self) -> String {
        self.label.clone().unwrap_or_else(|| language_name(&self.lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]], header_column: bool) -> Table {
        let rows = rows.iter().map(|r| r.iter().map(|c| Text::Plain((*c).to_owned())).collect()).collect();
        Table { rows, header_column, ..Table::default() }
    }

    #[test]
    fn numeric_columns_are_those_of_numbers_only() {
        let t = table(&[&["Hörde", "1.234", "12,5 %", "ab 8 Uhr"], &["Mitte", "", "−3 %", "9"]], true);
        assert_eq!(t.numeric_columns(), [false, true, true, false]);
        assert_eq!(table(&[&["", ""]], false).numeric_columns(), [false, false], "empty is not a number");
        assert_eq!(table(&[&["2025", "2,50 €"]], false).numeric_columns(), [true, true]);
    }

    #[test]
    fn notes_say_what_is_not_shown() {
        let t = Table { omitted_rows: 9000, omitted_columns: 1, ..Table::default() };
        assert_eq!(
            t.omitted_note().as_deref(),
            Some("Diese Tabelle ist zu groß, um ganz angezeigt zu werden: 9.000 weitere Zeilen und 1 weitere Spalte werden nicht gezeigt.")
        );
        assert_eq!(Table::default().omitted_note(), None);
        assert_eq!(omitted_questions_note(4900).as_deref(), Some("4.900 weitere Fragen werden nicht gezeigt."));
    }

    #[test]
    fn a_download_says_format_size_and_language() {
        let d = |href: &str, size, lang: Option<&str>| Download {
            href: href.into(),
            label: "x".into(),
            size,
            hreflang: lang.map(str::to_owned),
            ..Download::default()
        };
        assert_eq!(d("/rat/vorlage.pdf", Some(1_234_567), None).details(), "PDF, 1,2 MB");
        assert_eq!(d("/a.docx?v=2", Some(850_400), Some("en")).details(), "DOCX, 850 KB, Englisch");
        assert_eq!(d("https://x.example/download", Some(999), Some("nl")).details(), "999 Byte, nl");
        assert_eq!(file_size(12_000_000), "12 MB");
        assert_eq!(file_size(1_960_000), "2 MB");
        assert_eq!(file_size(3_400_000_000), "3,4 GB");
    }

    #[test]
    fn contacts_dial_and_mail_only_what_is_safe() {
        let c = Contact {
            phone: Some("+49 231 50-2 21 17".into()),
            email: Some("presse@stadt.example".into()),
            ..Contact::default()
        };
        assert_eq!(c.phone_href().as_deref(), Some("tel:+49231502 2117".replace(' ', "").as_str()));
        assert_eq!(c.email_href().as_deref(), Some("mailto:presse@stadt.example"));
        for bad in ["a@b", "a@b.de?bcc=x@y.de", "a b@c.de", "<a@b.de>", "@b.de", "a@.de", "a@b.de,c@d.de"] {
            assert_eq!(Contact { email: Some(bad.into()), ..Contact::default() }.email_href(), None, "{bad}");
        }
        assert_eq!(Contact { phone: Some("Zentrale".into()), ..Contact::default() }.phone_href(), None);
        assert!(Contact::default().is_empty());
    }
}
