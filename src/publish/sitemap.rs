//! `sitemap.xml` (sitemaps.org 0.9): the list and every article with its last change; past
//! 50,000 URLs, files of 50,000 behind a sitemap index. `robots.txt` names it.

use super::feed::last_change;
use super::html::escape;
use super::source::Source;
use super::urls::Urls;
use super::Outputs;

pub const URLS_PER_FILE: usize = 50_000;

pub fn write(out: &mut Outputs, sources: &[Source], urls: &Urls) {
    let mut entries = vec![(urls.absolute("/"), None)];
    entries.extend(sources.iter().map(|s| (urls.article(&s.article.teaser.slug), Some(last_change(&s.article)))));
    let files: Vec<String> = entries.chunks(URLS_PER_FILE).map(urlset).collect();
    if files.len() == 1 {
        out.insert("sitemap.xml".into(), files.into_iter().next().unwrap_or_default().into_bytes());
    } else {
        let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (i, file) in files.into_iter().enumerate() {
            let name = format!("sitemap-{}.xml", i + 1);
            index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&urls.absolute(&format!("/{name}")))));
            out.insert(name, file.into_bytes());
        }
        index.push_str("</sitemapindex>\n");
        out.insert("sitemap.xml".into(), index.into_bytes());
    }
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", urls.absolute("/sitemap.xml"));
    out.insert("robots.txt".into(), robots.into_bytes());
}

fn urlset(entries: &[(String, Option<String>)]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in entries {
        x.push_str(&format!("<url><loc>{}</loc>", escape(loc)));
        if let Some(lastmod) = lastmod {
            x.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decode::decode_article;

    fn source(i: usize) -> Source {
        let json = format!(r#"{{"slug":"m-{i}","headline":"H","published":"2025-12-19T10:00:00+01:00","body":[]}}"#);
        Source { file: format!("m-{i}.json"), article: decode_article(&json).unwrap(), raw: Vec::new(), kept: false }
    }

    #[test]
    fn past_50000_urls_the_sitemap_is_an_index_of_files() {
        let urls = Urls::new("https://nr.example");
        let sources: Vec<Source> = (0..URLS_PER_FILE).map(source).collect();
        let mut out = Outputs::in_memory();
        write(&mut out, &sources, &urls);
        // The list and 50,000 articles: 50,001 URLs.
        let index = String::from_utf8(out.get("sitemap.xml").unwrap().to_vec()).unwrap();
        assert!(index.contains("<sitemapindex"), "an index");
        assert_eq!(index.matches("<sitemap>").count(), 2);
        let second = String::from_utf8(out.get("sitemap-2.xml").unwrap().to_vec()).unwrap();
        assert_eq!(second.matches("<url>").count(), 1);
        let robots = String::from_utf8(out.get("robots.txt").unwrap().to_vec()).unwrap();
        assert!(robots.lines().any(|l| l == "Sitemap: https://nr.example/sitemap.xml"));
        let mut small = Outputs::in_memory();
        write(&mut small, &sources[..3], &urls);
        assert!(String::from_utf8(small.get("sitemap.xml").unwrap().to_vec()).unwrap().contains("<urlset"));
    }
}
