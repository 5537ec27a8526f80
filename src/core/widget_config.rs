//! The embeddable widget's settings, read from the host element's attributes (or the embed
//! page's query). Everything here comes from a foreign page: URLs follow the same scheme rules
//! as content, numbers are bounded.

use super::catalog::Query;
use super::html::{escape, iframe, FrameSize};
use super::model::Slug;
use super::paths;
pub use super::paths::Layout;
pub use super::paths::EMBED_ARTICLE_PARAM as ARTICLE_PARAM;
use super::safe_url;

pub const DEFAULT_LIMIT: usize = 5;
pub const MAX_LIMIT: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    pub tags: Vec<String>,
    pub limit: usize,
    /// Content base, without a trailing slash.
    pub api: String,
    /// Where article links point: `{link_base}/nachrichten/{slug}`.
    pub link_base: String,
    pub layout: Layout,
    pub lang: Lang,
    /// One article only (`data-article`, the embed page's `artikel=`): its card, not a list.
    pub article: Option<Slug>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl WidgetConfig {
    /// `attr` gives an attribute's value (`data-tags`, …); `newsroom` is the newsroom's own base
    /// URL (where widget.js came from), the default for content and links.
    pub fn parse(attr: impl Fn(&str) -> Option<String>, newsroom: &str) -> WidgetConfig {
        let newsroom = newsroom.trim_end_matches('/');
        let url = |name: &str, default: String| {
            attr(name)
                .and_then(|v| safe_url::fetch_url(&v))
                .map(|v| v.trim_end_matches('/').to_owned())
                .unwrap_or(default)
        };
        let tags = attr("data-tags").map(|t| split_tags(&t)).unwrap_or_default();
        let limit = attr("data-limit")
            .and_then(|l| l.trim().parse::<usize>().ok())
            .filter(|&l| l > 0)
            .map_or(DEFAULT_LIMIT, |l| l.min(MAX_LIMIT));
        let layout = match attr("data-layout").as_deref().map(str::trim) {
            Some("cards") => Layout::Cards,
            _ => Layout::List,
        };
        let lang = match attr("data-lang").as_deref().map(|l| l.trim().to_ascii_lowercase()) {
            Some(l) if l.starts_with("en") => Lang::En,
            _ => Lang::De,
        };
        WidgetConfig {
            tags,
            limit,
            api: url("data-api", format!("{newsroom}/api")),
            link_base: url("data-link-base", newsroom.to_owned()),
            layout,
            lang,
            article: attr("data-article").and_then(|a| Slug::parse(a.trim())),
        }
    }

    /// The article file the single-article card reads.
    pub fn article_file(&self, slug: &Slug) -> String {
        format!("{}/articles/{slug}.json", self.api)
    }

    pub fn article_url(&self, slug: &str) -> String {
        format!("{}/nachrichten/{slug}", self.link_base)
    }

    /// "Mehr Nachrichten": the newsroom list with the same tags.
    pub fn more_url(&self) -> String {
        format!("{}{}", self.link_base, paths::list(&self.query(), 1))
    }

    pub fn query(&self) -> Query {
        Query { tags: self.tags.clone(), ..Query::default() }
    }

    /// A date as the widget's language writes it.
    pub fn date(&self, ts: &super::model::Timestamp) -> String {
        match self.lang {
            Lang::De => super::date::german_date(ts),
            Lang::En => super::date::english_date(ts),
        }
    }

    pub fn label(&self, key: Label) -> &'static str {
        match (key, self.lang) {
            (Label::Region, Lang::De) => "Nachrichten der Stadt",
            (Label::Region, Lang::En) => "City news",
            (Label::More, Lang::De) => "Mehr Nachrichten",
            (Label::More, Lang::En) => "More news",
            (Label::Empty, Lang::De) => match self.tags.len() {
                0 => "Zurzeit keine Nachrichten.",
                1 => "Zurzeit keine Nachrichten zu diesem Thema.",
                _ => "Zurzeit keine Nachrichten zu diesen Themen.",
            },
            (Label::Empty, Lang::En) => match self.tags.len() {
                0 => "No news at the moment.",
                1 => "No news on this topic at the moment.",
                _ => "No news on these topics at the moment.",
            },
        }
    }
}

/// The tags of a `data-tags` attribute: separated by commas; a comma inside a tag is written
/// `\,` and a backslash `\\` ("Kinder\, Jugend,Familie" is two tags).
pub fn split_tags(attribute: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut tag = String::new();
    let mut chars = attribute.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => tag.extend(chars.next()),
            ',' => tags.push(std::mem::take(&mut tag)),
            c => tag.push(c),
        }
    }
    tags.push(tag);
    tags.into_iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect()
}

/// The `data-tags` value for `tags` (what `split_tags` reads back).
pub fn join_tags(tags: &[String]) -> String {
    let escaped: Vec<String> = tags.iter().map(|t| t.replace('\\', "\\\\").replace(',', "\\,")).collect();
    escaped.join(",")
}

/// How an editor embeds the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedMode {
    Script,
    Iframe,
}

/// The copy-paste snippet for a host page. `newsroom` is the newsroom's origin.
pub fn snippet(mode: EmbedMode, newsroom: &str, tags: &[String], limit: usize, layout: Layout) -> String {
    let newsroom = newsroom.trim_end_matches('/');
    match mode {
        EmbedMode::Script => {
            let mut attrs = String::new();
            if !tags.is_empty() {
                attrs.push_str(&format!(" data-tags=\"{}\"", escape(&join_tags(tags))));
            }
            attrs.push_str(&format!(" data-limit=\"{limit}\""));
            if layout == Layout::Cards {
                attrs.push_str(" data-layout=\"cards\"");
            }
            format!(
                "<div data-newsroom{attrs}><a href=\"{newsroom}/\">Nachrichten der Stadt</a></div>\n<script type=\"module\" src=\"{newsroom}/widget.js\"></script>"
            )
        }
        EmbedMode::Iframe => format!(
            "{}\n<script src=\"{newsroom}/embed.js\"></script>",
            iframe(
                &format!("{newsroom}{}", paths::embed(tags, limit, layout)),
                "Nachrichten der Stadt",
                FrameSize::Fitted
            )
        ),
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Label {
    Region,
    More,
    Empty,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> WidgetConfig {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        WidgetConfig::parse(|k| map.get(k).cloned(), "https://newsroom.stadt.example/")
    }

    #[test]
    fn defaults_point_to_the_newsroom() {
        let c = parse(&[]);
        assert_eq!(c.api, "https://newsroom.stadt.example/api");
        assert_eq!(c.article_url("x"), "https://newsroom.stadt.example/nachrichten/x");
        assert_eq!(c.limit, DEFAULT_LIMIT);
        assert_eq!((c.layout, c.lang), (Layout::List, Lang::De));
        assert_eq!(c.more_url(), "https://newsroom.stadt.example/");
    }

    #[test]
    fn one_article_is_its_card_read_from_its_file() {
        assert_eq!(parse(&[]).article, None);
        let c = parse(&[("data-article", " kita-plaetze ")]);
        let slug = c.article.clone().unwrap();
        assert_eq!(c.article_file(&slug), "https://newsroom.stadt.example/api/articles/kita-plaetze.json");
        assert_eq!(paths::embed_article(&slug), "/embed?artikel=kita-plaetze");
        // Not a slug: not a path to fetch either.
        assert_eq!(parse(&[("data-article", "../news")]).article, None);
        assert_eq!(parse(&[("data-article", "a?b")]).article, None);
    }

    #[test]
    fn attributes_are_read_and_bounded() {
        let c = parse(&[
            ("data-tags", " Familie , Kinder & Jugend ,,"),
            ("data-limit", "500"),
            ("data-layout", "cards"),
            ("data-lang", "en-GB"),
        ]);
        assert_eq!(c.tags, ["Familie", "Kinder & Jugend"]);
        assert_eq!(c.limit, MAX_LIMIT);
        assert_eq!((c.layout, c.lang), (Layout::Cards, Lang::En));
        assert_eq!(c.more_url(), "https://newsroom.stadt.example/?tag=Familie&tag=Kinder%20%26%20Jugend");
        assert_eq!(parse(&[("data-limit", "-3")]).limit, DEFAULT_LIMIT);
        assert_eq!(parse(&[("data-limit", "zwei")]).limit, DEFAULT_LIMIT);
    }

    #[test]
    fn any_tag_survives_the_attribute() {
        let tags: Vec<String> = ["Kinder, Jugend", "a\\b", "Familie", "\\,", "x\\"].map(String::from).to_vec();
        assert_eq!(split_tags(&join_tags(&tags)), tags);
        assert_eq!(join_tags(&tags[..1]), "Kinder\\, Jugend");
        assert_eq!(split_tags("Kinder\\, Jugend, Familie"), ["Kinder, Jugend", "Familie"]);
        let script = snippet(EmbedMode::Script, "https://nr.example", &tags[..1], 5, Layout::List);
        assert!(script.contains(r#"data-tags="Kinder\, Jugend""#), "{script}");
        // What the host page's element gives back (the attribute, unescaped by HTML) is the tag.
        assert_eq!(parse(&[("data-tags", "Kinder\\, Jugend")]).tags, ["Kinder, Jugend"]);
    }

    #[test]
    fn snippets_are_escaped_and_complete() {
        let tags = vec!["Familie".to_owned(), "Kinder & \"Jugend\"".to_owned()];
        let script = snippet(EmbedMode::Script, "https://nr.example/", &tags, 5, Layout::Cards);
        assert_eq!(
            script,
            "<div data-newsroom data-tags=\"Familie,Kinder &amp; &quot;Jugend&quot;\" data-limit=\"5\" data-layout=\"cards\"><a href=\"https://nr.example/\">Nachrichten der Stadt</a></div>\n<script type=\"module\" src=\"https://nr.example/widget.js\"></script>"
        );
        let iframe = snippet(EmbedMode::Iframe, "https://nr.example", &tags, 3, Layout::List);
        assert!(iframe.contains("src=\"https://nr.example/embed?tag=Familie&amp;tag=Kinder%20%26%20%22Jugend%22&amp;limit=3&amp;layout=list\""), "{iframe}");
        assert!(iframe.ends_with("<script src=\"https://nr.example/embed.js\"></script>"));
    }

    #[test]
    fn labels_and_dates_follow_the_language_and_the_number_of_topics() {
        let ts = crate::core::model::Timestamp::parse("2025-12-19T09:30:00+01:00").unwrap();
        assert_eq!(parse(&[]).date(&ts), "Fr 19. Dezember 2025");
        assert_eq!(parse(&[("data-lang", "en")]).date(&ts), "Fri 19 December 2025");
        assert_eq!(
            parse(&[("data-tags", "Familie")]).label(Label::Empty),
            "Zurzeit keine Nachrichten zu diesem Thema."
        );
        assert_eq!(
            parse(&[("data-tags", "Familie,Wirtschaft")]).label(Label::Empty),
            "Zurzeit keine Nachrichten zu diesen Themen."
        );
        assert_eq!(
            parse(&[("data-tags", "A,B"), ("data-lang", "en")]).label(Label::Empty),
            "No news on these topics at the moment."
        );
    }

    #[test]
    fn hostile_urls_fall_back_to_the_newsroom() {
        let c = parse(&[("data-api", "javascript:alert(1)"), ("data-link-base", " JAVASCRIPT:alert(1)//")]);
        assert_eq!(c.api, "https://newsroom.stadt.example/api");
        assert_eq!(c.link_base, "https://newsroom.stadt.example");
        let c = parse(&[
            ("data-api", "https://inhalte.example/nr/"),
            ("data-link-base", "https://www.stadt.example/presse"),
        ]);
        assert_eq!(c.api, "https://inhalte.example/nr");
        assert_eq!(c.article_url("a"), "https://www.stadt.example/presse/nachrichten/a");
    }
}
