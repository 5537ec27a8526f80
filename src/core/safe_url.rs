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
pub fn is_external(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || href.starts_with("//")
}

fn checked(raw: &str, allowed: &[&str]) -> Option<String> {
    // Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces at
    // both ends ("java\tscript:", " javascript:"), so judge the URL the way the browser will read it.
    let cleaned: String = raw.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let url = cleaned.trim_matches(|c: char| c <= ' ');
    if url.is_empty() {
        return None;
    }
    match scheme(url) {
        Some(s) if allowed.iter().any(|a| s.eq_ignore_ascii_case(a)) => Some(url.to_owned()),
        Some(_) => None,
        // A relative reference: path, query, fragment or network-path ("//host/…").
        None => Some(url.to_owned()),
    }
}

/// The scheme of an absolute URL: letters, digits, "+", "-", "." before the first ":",
/// with no "/", "?" or "#" before it (RFC 3986 §3.1, §4.2).
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
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
    }
}
