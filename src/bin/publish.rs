//! `newsroom-publish CONTENT_DIR DIST_DIR --site-url URL [--format json] [--search-part-size N]`:
//! see src/publish/.
//! Exit code 0 when every article was published, 1 when some could not be, 2 when the run could
//! not start.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use newsroom::publish::{publish_with, search, source::Severity};
    use std::path::PathBuf;

    const USAGE: &str =
        "Aufruf: newsroom-publish CONTENT_DIR DIST_DIR --site-url https://newsroom.stadt.example [--format json] \
         [--search-part-size ARTIKEL]";

    pub fn run(args: Vec<String>) -> i32 {
        let mut positional = Vec::new();
        let mut site_url = None;
        let mut json = false;
        let mut part_size = Some(search::PART_SIZE);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--site-url" => site_url = args.next(),
                "--search-part-size" => part_size = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0),
                "--format" => json = args.next().as_deref() == Some("json"),
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return 0;
                }
                _ => positional.push(PathBuf::from(arg)),
            }
        }
        let (Some(site_url), Some(part_size), [content, dist]) = (site_url, part_size, positional.as_slice()) else {
            eprintln!("{USAGE}");
            return 2;
        };
        if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
            eprintln!("--site-url muss mit https:// oder http:// beginnen: {site_url}");
            return 2;
        }
        let report = match publish_with(content, dist, &site_url, part_size) {
            Ok(report) => report,
            Err(fatal) => {
                if json {
                    println!("{}", serde_json::json!({"ok": false, "fatal": fatal.0}));
                } else {
                    eprintln!("Veröffentlichen nicht möglich: {}", fatal.0);
                }
                return 2;
            }
        };
        if json {
            let doc = serde_json::json!({
                "ok": !report.failed(),
                "published": report.published,
                "written": report.written.written,
                "unchanged": report.written.unchanged,
                "removed": report.written.removed,
                "search_index": {
                    "files": report.search_index.files,
                    "bytes": report.search_index.bytes,
                    "parts": report.search_index.parts,
                    "kept_parts": report.search_index.kept,
                },
                "problems": report.problems,
            });
            println!("{doc}");
        } else {
            for p in &report.problems {
                match p.severity {
                    Severity::Error => eprintln!("{}", p.german()),
                    Severity::Warning => println!("{}", p.german()),
                }
            }
            let w = report.written;
            println!(
                "{} Beiträge veröffentlicht: {} Dateien geschrieben, {} unverändert, {} entfernt.",
                report.published, w.written, w.unchanged, w.removed
            );
            let s = report.search_index;
            let decimal = |x: f64| format!("{x:.1}").replace('.', ",");
            println!(
                "Suchindex: {} Dateien, {} MiB in {} Teilen, davon {} unverändert übernommen, in {} s.",
                s.files,
                decimal(s.bytes as f64 / 1_048_576.0),
                s.parts,
                s.kept,
                decimal(s.seconds)
            );
            if report.failed() {
                let n = report.problems.iter().filter(|p| p.severity == Severity::Error).count();
                eprintln!("{n} Beiträge konnten nicht veröffentlicht werden.");
            }
        }
        i32::from(report.failed())
    }
}
