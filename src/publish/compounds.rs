//! German compound words split into their parts for the search index (issue #31, decision 22):
//! "Wochenmärkte" is indexed as itself and as "Wochen" + "märkte", so that a reader who searches
//! "Markt" finds it. Pagefind matches word starts only, and no static search engine splits
//! German compounds.
//!
//! The parts are looked up in a German word list (Debian's `wngerman`, igerman98's full forms:
//! 356,000 words, read at run time, not built into the program). A word is split into the fewest
//! parts that are all words of the list, the modifiers with or without a linking element
//! ("Arbeit·s·amt", "Woche·n·markt"); of equal splits the one whose last part is a noun, then
//! the longest last part ("Stau·becken", not "Staub·ecken"; "Ur·instinkt", not "Urin·stinkt").
//! Rules that keep splits a reader would find absurd out, each measured on
//! `tests/fixtures/compounds-de.txt`: only nouns (capitalised words) are split; parts have three
//! letters at least; function words are no parts ("Dort·mund", "Ver·ein"); the prefix "Ur" only
//! before a long noun ("Ur·instinkt", not "Ur·laub").

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Where the word list is read from unless `NEWSROOM_WORDLIST` names another.
pub const WORD_LIST: &str = "/usr/share/dict/ngerman";

/// Linking elements between a modifier and the next part, longest first.
/// (Not "e": "Handball·e·rinnen"; the modifiers with it are words of the list: "Hunde", "Warte".)
const LINKS: [&str; 6] = ["ens", "es", "en", "er", "s", "n"];

/// Nouns that are a suffix at a word's end: "Wirt·schaft" is no "Schaft", "Held·innen" no "Innen".
const SUFFIX_HEADS: [&str; 5] = ["schaft", "schaften", "innen", "tum", "ration"];

/// Three-letter modifiers that are no nouns but make compounds ("Neu·bau", "Alt·papier").
const SHORT_MODIFIERS: [&str; 2] = ["neu", "alt"];

/// Words that are never a part, though a word list has them: articles, pronouns, particles,
/// adverbs — "Dortmund" is no "Mund", "Verein" no "ein".
const FUNCTION_WORDS: &[&str] = &[
    "ab", "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "da", "dann", "das", "dass", "dein",
    "dem", "den", "der", "des", "dich", "die", "dir", "doch", "dort", "du", "ein", "eine", "einem", "einen", "einer",
    "eines", "er", "es", "hier", "ich", "ihm", "ihn", "ihr", "im", "in", "ist", "mein", "mit", "nach", "nein", "nie",
    "nun", "nur", "ob", "oder", "ohne", "sein", "sich", "sie", "sind", "so", "um", "und", "uns", "vom", "von", "vor",
    "war", "was", "wem", "wen", "wer", "wie", "wir", "wo", "zu", "zum", "zur", "ihre", "ihren", "seine", "seinen",
    "denn", "wenn", "weil", "noch", "schon", "sehr", "mal", "ja", "gar", "zwar", "etwa", "eben", "erst", "ver", "dar",
    "hin", "her",
];

/// The one bound prefix accepted as a part, and the shortest noun it may come before.
const UR: (&str, usize) = ("ur", 7);
/// Letters a part has at least.
const SHORTEST_PART: usize = 3;
/// Letters a word has at least to be split.
const SHORTEST_WORD: usize = 6;
/// Letters a word has at most to be split ("Donaudampfschifffahrtsgesellschaftskapitän": 42): the
/// search for a split takes the square of a word's length, and an editor's (or an attacker's)
/// 100,000 letters without a space must not hold up the step.
const LONGEST_WORD: usize = 64;

/// A word list to split by.
pub struct Splitter {
    /// Every word, lower-cased.
    words: HashSet<String>,
    /// Words the list writes capitalised (nouns, names), lower-cased.
    nouns: HashSet<String>,
    /// German hyphenation (1996 spelling): a part ends only where a word may be hyphenated
    /// ("Kom·mis·si·on" has no break after "Kommiss", so no "Ion" in it).
    hyphenator: hyphenation::Standard,
}

/// How a word of the list can be a part.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    None,
    Word,
    Noun,
}

impl Splitter {
    /// One word per line, as Debian's word lists are.
    pub fn from_list(text: &str) -> Splitter {
        let mut words = HashSet::new();
        let mut nouns = HashSet::new();
        // Abbreviations ("GEW", "ICE") are no parts: "Gewerbesteuer" is no "GEW"+"besteuer".
        let abbreviation = |l: &str| l.chars().filter(|c| c.is_uppercase()).count() > 1;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !abbreviation(l)) {
            let lower = line.to_lowercase();
            if line.chars().next().is_some_and(char::is_uppercase) {
                nouns.insert(lower.clone());
            }
            words.insert(lower);
        }
        for w in FUNCTION_WORDS {
            words.remove(*w);
            nouns.remove(*w);
        }
        use hyphenation::Load;
        let hyphenator = hyphenation::Standard::from_embedded(hyphenation::Language::German1996)
            .expect("the German hyphenation patterns are built into the program");
        Splitter { words, nouns, hyphenator }
    }

    /// The word list at `NEWSROOM_WORDLIST` or `WORD_LIST`; None (and why) if it cannot be read.
    pub fn from_system() -> Result<Splitter, String> {
        let path = std::env::var("NEWSROOM_WORDLIST").unwrap_or_else(|_| WORD_LIST.to_owned());
        let text = std::fs::read_to_string(Path::new(&path)).map_err(|e| format!("{path}: {e}"))?;
        Ok(Splitter::from_list(&text))
    }

    fn kind(&self, part: &str) -> Kind {
        if self.nouns.contains(part) {
            Kind::Noun
        } else if self.words.contains(part) {
            Kind::Word
        } else {
            Kind::None
        }
    }

    /// A modifier as the list has it: itself, or without its linking element.
    fn modifier(&self, part: &str) -> Option<String> {
        if part.chars().count() < SHORTEST_PART {
            return None;
        }
        // Three letters: a noun ("Bau", "Eis") or one of a few adjectives, not "pro" or "gew".
        let short = |p: &str| p.chars().count() == SHORTEST_PART;
        if short(part) {
            return (self.nouns.contains(part) || SHORT_MODIFIERS.contains(&part)).then(|| part.to_owned());
        }
        if self.words.contains(part) {
            return Some(part.to_owned());
        }
        // A verb's stem ("Miet·spiegel", "Sprech·stunde") or a noun without its final e
        // ("Schul·weg"), four letters at least.
        if part.chars().count() > SHORTEST_PART
            && (self.words.contains(&format!("{part}en")) || self.nouns.contains(&format!("{part}e")))
        {
            return Some(part.to_owned());
        }
        LINKS.iter().find_map(|link| {
            let base = part.strip_suffix(link)?;
            let known = if short(base) { self.nouns.contains(base) } else { self.words.contains(base) };
            (base.chars().count() >= SHORTEST_PART && known).then(|| base.to_owned())
        })
    }

    /// The parts of `word` (each as the list has it, lower-cased), or None if it is not a
    /// compound the list can split.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        let mut chars = word.chars();
        if !chars.next().is_some_and(char::is_uppercase) || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let parts = self.split_lower(&word.to_lowercase())?;
        // A long part that is a compound itself ("Grundsteuer·bescheid"): its parts too. (Not a
        // short one: "Miet·spiegel" is no "spie"+"Gel"; Pagefind finds a part's first word anyway.)
        let mut all = Vec::new();
        for part in parts {
            let inner = if part.chars().count() >= 8 { self.split_lower(&part) } else { None };
            all.push(part);
            all.extend(inner.into_iter().flatten());
        }
        Some(all)
    }

    /// The fewest parts of a lower-cased word (see `split`).
    fn split_lower(&self, lower: &str) -> Option<Vec<String>> {
        let cuts: Vec<usize> = lower.char_indices().map(|(i, _)| i).chain([lower.len()]).collect();
        if !(SHORTEST_WORD..=LONGEST_WORD).contains(&(cuts.len() - 1)) {
            return None;
        }
        use hyphenation::Hyphenator;
        let breaks: HashSet<usize> = self.hyphenator.hyphenate(lower).breaks.into_iter().collect();
        // The best split of lower[from..] as a head with modifiers before it:
        // (parts, the head is a noun, the head's length) — fewest parts, then noun, then longest.
        let mut best: Vec<Option<(Vec<String>, bool, usize)>> = vec![None; cuts.len()];
        for (k, &from) in cuts.iter().enumerate().rev().skip(1) {
            let rest = &lower[from..];
            let letters = cuts.len() - 1 - k;
            let kind = match self.kind(rest) {
                _ if SUFFIX_HEADS.contains(&rest) => Kind::None,
                // A three-letter last part only as a noun ("Rat", "Amt", "Tag"; not "tel"). The
                // list has "weg" in lower case only.
                Kind::Word if letters == SHORTEST_PART && rest != "weg" => Kind::None,
                kind => kind,
            };
            let mut choice = (from > 0 && kind != Kind::None && letters >= SHORTEST_PART)
                .then(|| (vec![rest.to_owned()], kind == Kind::Noun, rest.len()));
            for (j, &to) in cuts.iter().enumerate().skip(k + 1) {
                let Some((tail, noun, head)) = &best[j] else { continue };
                if !breaks.contains(&to) {
                    continue;
                }
                let piece = &lower[from..to];
                let modifier = if piece == UR.0 && from == 0 && tail.len() == 1 && tail[0].chars().count() >= UR.1 {
                    Some(piece.to_owned())
                } else {
                    self.modifier(piece)
                };
                let Some(modifier) = modifier else { continue };
                let parts: Vec<String> = std::iter::once(modifier).chain(tail.iter().cloned()).collect();
                let better = match &choice {
                    None => true,
                    Some((p, n, h)) => {
                        (parts.len(), !noun, std::cmp::Reverse(*head)) < (p.len(), !n, std::cmp::Reverse(*h))
                    }
                };
                if better {
                    choice = Some((parts, *noun, *head));
                }
            }
            best[k] = choice;
        }
        best[0].take().map(|(parts, ..)| parts).filter(|p| p.len() > 1)
    }
}

/// Splits the words of a run, each distinct word once.
pub struct Cache<'a> {
    splitter: &'a Splitter,
    known: HashMap<String, Option<Vec<String>>>,
}

impl<'a> Cache<'a> {
    pub fn new(splitter: &'a Splitter) -> Cache<'a> {
        Cache { splitter, known: HashMap::new() }
    }

    /// The parts of every compound in `text`, each compound once, as words separated by spaces.
    pub fn parts_of(&mut self, text: &str) -> String {
        let mut seen = HashSet::new();
        let mut out = String::new();
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            if !seen.insert(word) {
                continue;
            }
            let parts = self.known.entry(word.to_owned()).or_insert_with(|| self.splitter.split(word));
            for part in parts.iter().flatten() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(part);
            }
        }
        out
    }
}
