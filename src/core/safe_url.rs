//! The link and image rules of the content format. Content decides where a link points only
//! within these rules; anything else is shown as plain text, never as a link.

/// Schemes a link may use. Relative references (no scheme) are allowed too.
const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];
/// Schemes of what the app loads: image sources and index pages.
const RESOURCE_SCHEMES: [&str; 2] = ["http", "https"];

/// The href to render for a content link, or `None` if it must be shown as text.
pub fn link_href(raw: &str) -> Option<String> {
    checked(raw, &LINK_SCHEMES)
}

/// The src to render for a content image, or `None` if it must not be loaded.
pub fn image_src(raw: &str) -> Option<String> {
    checked(raw, &RESOURCE_SCHEMES)
}

/// The URL to fetch for a link between index pages (`next`), or `None` if it must not be fetched.
pub fn fetch_url(raw: &str) -> Option<String> {
    checked(raw, &RESOURCE_SCHEMES)
}

/// Whether a (safe) href leaves this site: marked for readers and opened without opener.
/// Judged as the browser's URL parser resolves it against the page (an http(s) page): an
/// absolute http(s) URL, or a network-path reference — and for http(s) a `\` counts as `/`, so
/// `/\\evil.example/x` and `\\\\evil.example/x` are network paths too.
pub fn is_external(href: &str) -> bool {
    let url = browser_form(href);
    let lower = url.to_ascii_lowercase();
    let path = url.split(['?', '#']).next().unwrap_or("").replace('\\', "/");
    lower.starts_with("http:") || lower.starts_with("https:") || path.starts_with("//")
}

/// A URL as a browser reads it: tabs and newlines anywhere dropped, C0 controls and spaces at
/// both ends trimmed.
fn browser_form(raw: &str) -> String {
    let cleaned: String = raw.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    cleaned.trim_matches(|c: char| c <= ' ').to_owned()
}

fn checked(raw: &str, allowed: &[&str]) -> Option<String> {
    // Judge the URL the way the browser will read it ("java\tscript:", " javascript:").
    let url = browser_form(raw);
    if url.is_empty() {
        return None;
    }
    let allowed = match scheme(&url) {
        Some(s) => allowed.iter().any(|a| s.eq_ignore_ascii_case(a)),
        // A relative reference: path, query, fragment or network-path ("//host/…").
        None => true,
    };
    allowed.then_some(url)
}

/// The scheme of an absolute URL: letters, digits, "+", "-", "." before the first ":",
/// with no "/", "?" or "#" before it (RFC 3986 §3.1, §4.2).
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '\\', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    // Anything before the colon counts as a scheme attempt, even if malformed: a browser may
    // still treat it as one, so only well-known schemes pass.
    Some(&url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_links() {
        for ok in [
            "https://eurocities.eu/",
            "HTTP://example.org",
            "mailto:presse@stadt.de",
            "tel:+492315000",
            "/nachrichten/abc",
            "abc",
            "?tag=Familie",
            "#abschnitt",
            "//cdn.example.org/x",
        ] {
            assert!(link_href(ok).is_some(), "{ok}");
        }
    }

    #[test]
    fn forbidden_schemes_in_any_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "blob:https://x/y",
            "",
            "   ",
        ] {
            assert_eq!(link_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn images_only_over_http() {
        assert!(image_src("/images/a.svg").is_some());
        assert!(image_src("https://x.de/a.jpg").is_some());
        assert_eq!(image_src("data:image/svg+xml,<svg onload=alert(1)>"), None);
        assert_eq!(image_src("mailto:x@y.de"), None);
        assert_eq!(image_src("javascript:alert(1)"), None);
    }

    #[test]
    fn external_links() {
        assert!(is_external("https://eurocities.eu/"));
        assert!(!is_external("/nachrichten/x"));
        assert!(!is_external("mailto:a@b.de"));
        assert!(!is_external("?q=//x"));
        assert!(!is_external("/a#//b"));
        // Browsers read a backslash as a slash in http(s) URLs: these leave the site.
        for away in [
            "/\\evil.example/x",
            "\\\\evil.example/x",
            "\\/evil.example",
            " //evil.example",
            "/\t/evil.example",
            "HTTPS://x",
        ] {
            assert!(is_external(away), "{away:?}");
            assert!(link_href(away).is_some_and(|h| is_external(&h)), "{away:?}");
        }
    }
}
