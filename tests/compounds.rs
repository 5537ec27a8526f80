//! The compound splitter (src/publish/compounds.rs, decision 22) against real words: the
//! compounds of a city's news with the parts a reader expects found, and words that must not be
//! split (tests/fixtures/compounds-de.txt). Needs Debian's German word list (scripts/setup.sh
//! installs `wngerman`).
#![cfg(not(target_arch = "wasm32"))]

use newsroom::publish::compounds::{Cache, Splitter};

fn splitter() -> Splitter {
    Splitter::from_system().expect("the German word list (apt-get install wngerman; scripts/setup.sh installs it)")
}

fn parts(s: &Splitter, word: &str) -> String {
    s.split(word).map(|p| p.join(" ")).unwrap_or_default()
}

#[test]
fn the_words_the_issue_names_are_split_as_a_reader_expects() {
    let s = splitter();
    assert_eq!(parts(&s, "Urinstinkt"), "ur instinkt", "not Urin + stinkt");
    assert_eq!(parts(&s, "Verein"), "", "not ver + ein");
    assert_eq!(parts(&s, "Wochenmärkte"), "wochen märkte");
    assert_eq!(parts(&s, "Grundsteuer"), "grund steuer");
    assert_eq!(parts(&s, "Toilettenwagen"), "toiletten wagen");
    assert_eq!(parts(&s, "Dortmund"), "", "a city, not dort + Mund");
    assert_eq!(parts(&s, "Urlaub"), "", "not Ur + Laub");
    assert_eq!(parts(&s, "Wirtschaft"), "", "-schaft is a suffix");
    // A long part is split too: "Steuer" finds the notice.
    assert_eq!(parts(&s, "Grundsteuerbescheid"), "grund steuerbescheid steuer bescheid");
    // Only nouns; words with digits or hyphens are Pagefind's to split.
    assert_eq!(parts(&s, "beinhalten"), "");
    assert_eq!(parts(&s, "Wochen-Markt"), "");
}

#[test]
fn a_word_without_end_is_left_whole() {
    let s = splitter();
    // (Without the bound this would not end in hours: the search is quadratic in the length.)
    let endless = format!("Wochen{}markt", "wochen".repeat(20_000));
    assert_eq!(parts(&s, &endless), "");
    let mut cache = Cache::new(&s);
    assert_eq!(cache.parts_of(&format!("{endless} Grundsteuer")), "grund steuer");
}

#[test]
fn precision_and_recall_on_real_words() {
    let s = splitter();
    let list =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/compounds-de.txt")).unwrap();
    let (mut made, mut right, mut expected, mut wrong) = (0, 0, 0, Vec::new());
    let mut words = 0;
    for line in list.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (word, want) = line.split_once(" =").expect("word = parts");
        let (word, want) = (word.trim(), want.trim());
        let got = parts(&s, word);
        words += 1;
        made += usize::from(!got.is_empty());
        expected += usize::from(!want.is_empty());
        if !got.is_empty() && got == want {
            right += 1;
        } else if !got.is_empty() {
            wrong.push(format!("{word}: {got:?}, expected {want:?}"));
        }
    }
    let precision = right as f64 / made as f64;
    let recall = right as f64 / expected as f64;
    println!("{words} words, {expected} compounds; split {made}, right {right}: precision {precision:.3}, recall {recall:.3}");
    println!("false splits: {wrong:#?}");
    assert!(words >= 400, "a list of a few hundred words");
    assert!(precision >= 0.96, "precision {precision:.3}; false splits: {wrong:#?}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}

#[test]
fn an_articles_compounds_give_their_parts_once() {
    let s = splitter();
    let mut cache = Cache::new(&s);
    assert_eq!(
        cache.parts_of("Die Wochenmärkte und die Grundsteuer: Wochenmärkte, Verein."),
        "wochen märkte grund steuer"
    );
}

/// What splitting costs the publish step (docs/performance.md): reading the word list, and
/// splitting 100,000 distinct nouns — more than a 100,000-article archive's own vocabulary holds.
/// `cargo test --release --test compounds -- --ignored --nocapture`
#[test]
#[ignore]
fn cost() {
    let started = std::time::Instant::now();
    let s = splitter();
    let loaded = started.elapsed();
    let list = std::fs::read_to_string(newsroom::publish::compounds::WORD_LIST).unwrap();
    let nouns: Vec<&str> =
        list.lines().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).take(100_000).collect();
    let started = std::time::Instant::now();
    let split = nouns.iter().filter(|w| s.split(w).is_some()).count();
    let took = started.elapsed();
    println!(
        "word list read in {loaded:.2?}; {} nouns split in {took:.2?} ({:.1} µs each), {split} of them compounds",
        nouns.len(),
        took.as_secs_f64() * 1e6 / nouns.len() as f64
    );
}

/// What the compound parts cost the search index at scale (bench/compounds.sh): the index of the
/// generated articles in `NEWSROOM_BENCH_CONTENT` built with the word list and without it.
#[test]
#[ignore]
fn index_cost() {
    use newsroom::publish::{search, source, Outputs};
    let dir = std::path::PathBuf::from(std::env::var("NEWSROOM_BENCH_CONTENT").expect("NEWSROOM_BENCH_CONTENT"));
    let reading = source::Reading { dist: None, content: Some(&dir), strict: false };
    let (sources, _) = source::read(&dir.join("articles"), reading);
    let build = |label: &str| {
        let mut out = Outputs::in_memory();
        let stats = search::write(&mut out, &sources, search::PART_SIZE).unwrap();
        let words: usize = (b'a'..=b'z')
            .chain([b'_'])
            .filter_map(|c| out.get(&format!("{}/{}.json", search::WORDS, c as char)).map(<[u8]>::len))
            .sum();
        println!(
            "{label}: {} articles, {} files, {:.1} MiB, {:.1} s (words files {:.1} KiB){}",
            sources.len(),
            stats.files,
            stats.bytes as f64 / 1_048_576.0,
            stats.seconds,
            words as f64 / 1024.0,
            stats.no_compounds.map(|_| ", compounds not split").unwrap_or_default()
        );
    };
    build("with compound parts");
    std::env::set_var("NEWSROOM_WORDLIST", "/nonexistent");
    build("without (as before)");
    std::env::remove_var("NEWSROOM_WORDLIST");
}
