//! `newsroom-publish CONTENT_DIR DIST_DIR --site-url URL [Optionen]`: see src/publish/ and
//! README "Für Redaktionen und CMS". Exit codes (`cli::Outcome`): 0 published, 1 published but
//! some articles refused (their last good version stays online), 2 nothing changed (the run
//! refused: usage, folders, too many removals, another run), 3 interrupted while writing (the
//! site still serves its former state; the next run finishes).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args_os().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};
    use newsroom::publish::messages::count;
    use newsroom::publish::{run as publish, search, source::Severity, Options, Report, Stop};
    use std::ffi::OsString;
    use std::path::PathBuf;
    use std::time::Duration;

    #[derive(Clone, Copy, PartialEq)]
    enum Outcome {
        Published = 0,
        SomeRefused = 1,
        Refused = 2,
        Interrupted = 3,
    }

    impl Outcome {
        fn name(self) -> &'static str {
            match self {
                Outcome::Published => "published",
                Outcome::SomeRefused => "some_refused",
                Outcome::Refused => "refused",
                Outcome::Interrupted => "interrupted",
            }
        }
    }

    fn command() -> Command {
        Command::new("newsroom-publish")
            .about(
                "Veröffentlicht die Beiträge aus CONTENT_DIR/articles/*.json in DIST_DIR (einen Build der App): \
                 Inhalts-API, Einstiegsseiten, Feeds, Sitemap, oEmbed, Suchindex. Schreibt nur, was sich geändert hat.",
            )
            .override_usage("newsroom-publish CONTENT_DIR DIST_DIR --site-url URL [Optionen]")
            .help_template("{about}\n\nAufruf: {usage}\n\n{all-args}{after-help}\n")
            .after_help(
                "\nExit-Codes: 0 veröffentlicht · 1 veröffentlicht, aber einzelne Beiträge abgelehnt (ihre letzte \
                 gültige Fassung bleibt online) · 2 nichts geändert (Lauf abgelehnt) · 3 beim Schreiben \
                 unterbrochen (die Website zeigt den vorigen Stand; erneut starten).",
            )
            .disable_help_flag(true)
            .disable_version_flag(true)
            .arg(
                Arg::new("content")
                    .value_name("CONTENT_DIR")
                    .required(true)
                    .help_heading("Ordner")
                    .help("der Inhaltsordner: articles/*.json (ein Beitrag je Datei) und optional site.json"),
            )
            .arg(
                Arg::new("dist")
                    .value_name("DIST_DIR")
                    .required(true)
                    .help_heading("Ordner")
                    .help("der Build der App (scripts/build.sh), in den veröffentlicht wird"),
            )
            .arg(opt("site-url", "URL", "die Adresse der Website, z. B. https://newsroom.stadt.example").required(true))
            .arg(
                opt("format", "FORMAT", "text (Voreinstellung) oder json: der Bericht als JSON für ein CMS")
                    .value_parser(["text", "json"])
                    .hide_possible_values(true),
            )
            .arg(
                opt(
                    "allow-removals",
                    "ANZAHL",
                    "so viele veröffentlichte Beiträge darf dieser Lauf entfernen (sonst höchstens 3 oder ein Zehntel)",
                )
                .value_parser(value_parser!(usize)),
            )
            .arg(flag("strict", "jeder Hinweis (unbekanntes Feld, fehlendes Bild) lehnt den Beitrag ab"))
            .arg(flag("dry-run", "nur prüfen und berichten, was geschrieben und entfernt würde; nichts schreiben"))
            .arg(
                opt("search-part-size", "ARTIKEL", "Beiträge je Teil des Suchindex, mindestens (Voreinstellung 2500)")
                    .value_parser(value_parser!(u32).range(1..)),
            )
            .arg(
                opt(
                    "grace-hours",
                    "STUNDEN",
                    "so lange bleiben nicht mehr genutzte Teile des Suchindex für offene Seiten (Voreinstellung 24)",
                )
                .value_parser(value_parser!(u64)),
            )
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help_heading("Optionen")
                    .help("diese Hilfe"),
            )
    }

    fn opt(name: &'static str, value: &'static str, help: &'static str) -> Arg {
        Arg::new(name).long(name).value_name(value).help_heading("Optionen").help(help)
    }

    fn flag(name: &'static str, help: &'static str) -> Arg {
        Arg::new(name).long(name).action(ArgAction::SetTrue).help_heading("Optionen").help(help)
    }

    /// clap's errors in German: which flag or value is wrong, and what was meant.
    fn usage_error(e: &clap::Error) -> String {
        let text = |kind| match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(s)) => s.join(", "),
            _ => String::new(),
        };
        match e.kind() {
            ErrorKind::UnknownArgument => {
                let given = text(ContextKind::InvalidArg);
                let meant = text(ContextKind::SuggestedArg);
                if !given.starts_with('-') {
                    format!("'{given}' ist zu viel: erwartet sind genau zwei Ordner, CONTENT_DIR und DIST_DIR")
                } else if meant.is_empty() {
                    format!("unbekannte Option '{given}'")
                } else {
                    format!("unbekannte Option '{given}' – Meinten Sie '{meant}'?")
                }
            }
            ErrorKind::MissingRequiredArgument => format!("es fehlt: {}", text(ContextKind::InvalidArg)),
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                let valid = text(ContextKind::ValidValue);
                let valid = if valid.is_empty() { String::new() } else { format!(" (möglich: {valid})") };
                format!(
                    "ungültiger Wert '{}' für {}{valid}",
                    text(ContextKind::InvalidValue),
                    text(ContextKind::InvalidArg)
                )
            }
            ErrorKind::ArgumentConflict => format!("{} ist doppelt angegeben", text(ContextKind::InvalidArg)),
            _ => "der Aufruf ist fehlerhaft".to_owned(),
        }
    }

    pub fn run(args: Vec<OsString>) -> i32 {
        let json =
            args.windows(2).any(|w| w[0] == "--format" && w[1] == "json") || args.iter().any(|a| a == "--format=json");
        let matches =
            match command().try_get_matches_from(std::iter::once(OsString::from("newsroom-publish")).chain(args)) {
                Ok(m) => m,
                Err(e) if e.kind() == ErrorKind::DisplayHelp => {
                    print!("{}", command().render_help());
                    return 0;
                }
                Err(e) => {
                    let message = format!("{} (Hilfe: newsroom-publish --help)", usage_error(&e));
                    return refuse(json, &message, "usage");
                }
            };
        let (content, dist, options) = options(&matches);
        match publish(&content, &dist, &options) {
            Ok(report) => finished(json, &report),
            Err(stop @ Stop::Refused(_)) => refuse(json, &format!("Nichts veröffentlicht: {stop}"), stop.reason()),
            Err(stop @ Stop::Interrupted(_)) => {
                if json {
                    println!(
                        "{}",
                        serde_json::json!({
                            "ok": false,
                            "outcome": Outcome::Interrupted.name(),
                            "reason": stop.reason(),
                            "message": stop.message(),
                        })
                    );
                } else {
                    eprintln!("Veröffentlichen unterbrochen: {stop}");
                }
                Outcome::Interrupted as i32
            }
        }
    }

    fn options(m: &ArgMatches) -> (PathBuf, PathBuf, Options) {
        let path = |name| PathBuf::from(m.get_one::<String>(name).expect("required"));
        let mut options = Options::new(m.get_one::<String>("site-url").expect("required"));
        options.search_part_size = m.get_one::<u32>("search-part-size").map_or(search::PART_SIZE, |&n| n as usize);
        options.allow_removals = m.get_one::<usize>("allow-removals").copied();
        options.strict = m.get_flag("strict");
        options.dry_run = m.get_flag("dry-run");
        if let Some(&hours) = m.get_one::<u64>("grace-hours") {
            options.grace = Duration::from_secs(hours.saturating_mul(3600));
        }
        (path("content"), path("dist"), options)
    }

    /// `reason`: what refused (`Stop::reason`, or "usage" for the command line).
    fn refuse(json: bool, message: &str, reason: &str) -> i32 {
        if json {
            println!(
                "{}",
                serde_json::json!({
                    "ok": false,
                    "outcome": Outcome::Refused.name(),
                    "reason": reason,
                    "changed": false,
                    "message": message,
                })
            );
        } else {
            eprintln!("{message}");
        }
        Outcome::Refused as i32
    }

    fn finished(json: bool, report: &Report) -> i32 {
        let outcome = if report.failed() { Outcome::SomeRefused } else { Outcome::Published };
        let refused = report.problems.iter().filter(|p| p.severity == Severity::Error).map(|p| &p.file);
        let refused: std::collections::BTreeSet<&String> = refused.collect();
        let w = &report.written;
        if json {
            let doc = serde_json::json!({
                "ok": outcome == Outcome::Published,
                "outcome": outcome.name(),
                "dry_run": report.dry_run,
                "changed": report.changed(),
                "published": report.published,
                "refused_files": refused,
                "kept_last_good": report.kept,
                "written": w.written,
                "unchanged": w.unchanged,
                "removed": w.removed,
                "written_files": w.written_paths,
                "removed_files": w.removed_paths,
                "search_index": {
                    "files": report.search_index.files,
                    "bytes": report.search_index.bytes,
                    "parts": report.search_index.parts,
                    "kept_parts": report.search_index.kept,
                },
                "problems": report.problems,
            });
            println!("{doc}");
            return outcome as i32;
        }
        for p in &report.problems {
            match p.severity {
                Severity::Error => eprintln!("{}", p.german()),
                Severity::Warning => println!("{}", p.german()),
            }
        }
        let (would, written, removed) = if report.dry_run {
            ("Probelauf, nichts geschrieben: ", "würden geschrieben", "würden entfernt")
        } else {
            ("", "geschrieben", "entfernt")
        };
        println!(
            "{would}{} veröffentlicht: {} {written}, {} unverändert, {} {removed}.",
            count(report.published, "Beitrag", "Beiträge"),
            count(w.written, "Datei", "Dateien"),
            w.unchanged,
            w.removed
        );
        let articles: Vec<&str> =
            w.removed_paths.iter().filter_map(|p| p.strip_prefix("api/articles/")?.strip_suffix(".json")).collect();
        if !articles.is_empty() {
            let label = if report.dry_run { "Würden entfernt" } else { "Entfernt" };
            println!("{label}: {} ({})", count(articles.len(), "Beitrag", "Beiträge"), articles.join(", "));
        }
        if report.dry_run {
            for (label, paths) in [(written, &w.written_paths), (removed, &w.removed_paths)] {
                for path in paths.iter().take(20) {
                    println!("  {label}: {path}");
                }
                if paths.len() > 20 {
                    println!("  … und {} weitere", paths.len() - 20);
                }
            }
        }
        let s = &report.search_index;
        let decimal = |x: f64| format!("{x:.1}").replace('.', ",");
        println!(
            "Suchindex: {} in {}, {} MiB, davon {} unverändert übernommen, in {} s.",
            count(s.files, "Datei", "Dateien"),
            count(s.parts, "Teil", "Teilen"),
            decimal(s.bytes as f64 / 1_048_576.0),
            s.kept,
            decimal(s.seconds)
        );
        if let Some(why) = &s.no_compounds {
            println!(
                "Hinweis: Wortliste nicht lesbar ({why}); zusammengesetzte Wörter werden nur als Ganzes gefunden \
                 (\"Markt\" nicht in \"Wochenmärkte\"). Abhilfe: apt-get install wngerman oder NEWSROOM_WORDLIST setzen."
            );
        }
        if !refused.is_empty() {
            let kept = if report.kept.is_empty() {
                String::new()
            } else {
                format!(
                    "; von {} bleibt die zuletzt veröffentlichte Fassung online",
                    count(report.kept.len(), "Beitrag", "Beiträgen")
                )
            };
            eprintln!(
                "{} nicht veröffentlicht werden (siehe oben){kept}.",
                if refused.len() == 1 {
                    "1 Beitrag konnte".to_owned()
                } else {
                    format!("{} konnten", count(refused.len(), "Beitrag", "Beiträge"))
                }
            );
        }
        outcome as i32
    }
}
