//! URL checks for untrusted links. The contract allows linking only to `http:`
//! and `https:` URLs; duplicates of a submission are found after normalising.
//!
//! A small parser of our own rather than a full WHATWG one: it is enough for
//! these checks and keeps the WebAssembly small.

use crate::text::non_blank;

/// The parts of an absolute http(s) URL that the checks need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl<'a> {
    pub https: bool,
    /// Lower-cased host, without user info or port.
    pub host: String,
    pub port: Option<&'a str>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// Parses an absolute `http:`/`https:` URL with a host; anything else is `None`.
pub fn parse_http(raw: &str) -> Option<HttpUrl<'_>> {
    let raw = non_blank(raw)?;
    if raw.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = raw.split_once("://")?;
    let https = match scheme.to_ascii_lowercase().as_str() {
        "http" => false,
        "https" => true,
        _ => return None,
    };
    let (rest, fragment) = match rest.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.contains('\\') {
        return None;
    }
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if host_port.starts_with('[') {
        let end = host_port.find(']')?;
        let port = host_port[end + 1..].strip_prefix(':');
        (&host_port[..=end], port)
    } else {
        match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if let Some(p) = port {
        if !p.is_empty() && (p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
    }
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || "-.[]:_".contains(c));
    if !host_ok {
        return None;
    }
    Some(HttpUrl {
        https,
        // ASCII case only, as browsers fold host names before IDNA mapping;
        // an uppercase non-ASCII letter is left as it is (the tables for it
        // would cost the web app about 30 KB).
        host: host.to_ascii_lowercase(),
        port: port.filter(|p| !p.is_empty()),
        path,
        query,
        fragment,
    })
}

/// The URL to put in an `href`, or `None` when it must not be linked.
pub fn safe_href(raw: &str) -> Option<&str> {
    parse_http(raw).map(|_| raw.trim())
}

/// Percent-encodes `text` for a URL query value or path segment (RFC 3986):
/// every byte of its UTF-8 except the unreserved `A-Z a-z 0-9 - . _ ~` becomes
/// `%XX`. Spaces are `%20`, never `+`, so `mailto:` bodies read right too.
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// Query parameters that track rather than identify a page.
fn is_tracking_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "igshid"
                | "yclid"
                | "ref"
                | "ref_src"
                | "ref_url"
                | "cmpid"
                | "ocid"
                | "smid"
                | "at_medium"
                | "at_campaign"
                | "_ga"
                | "mkt_tok"
                | "share"
                | "s_cid"
        )
}

/// The form two URLs of the same article share: scheme-less (http = https),
/// host lower-cased without `www.` or a default port, no trailing slash, no
/// fragment, no tracking parameters, the rest of the query sorted.
pub fn normalise(raw: &str) -> Option<String> {
    let u = parse_http(raw)?;
    let host = u.host.strip_prefix("www.").unwrap_or(&u.host);
    let port = match (u.port, u.https) {
        (Some("80"), false) | (Some("443"), true) | (None, _) => String::new(),
        (Some(p), _) => format!(":{p}"),
    };
    let path = u.path.trim_end_matches('/');
    let mut params: Vec<&str> = u
        .query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !is_tracking_param(p.split('=').next().unwrap_or(p)))
        .collect();
    params.sort_unstable();
    let query = if params.is_empty() {
        String::new()
    } else {
        format!("?{}", params.join("&"))
    };
    Some(format!("{host}{port}{path}{query}"))
}

/// An outlet name to suggest from a URL: its host without `www.`.
pub fn suggest_outlet_name(raw: &str) -> Option<String> {
    let u = parse_http(raw)?;
    let host = u.host.strip_prefix("www.").unwrap_or(&u.host).to_owned();
    Some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_linked() {
        for ok in [
            "https://kyivindependent.com/",
            "HTTP://Example.org/a?b#c",
            "https://[::1]:8080/x",
            "https://bbc.co.uk",
        ] {
            assert!(safe_href(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt://x.com/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "//evil.example/x",
            "/relative",
            "https://",
            "https:///path",
            "http://exa mple.com",
            "https://a.com\u{0}",
            "https://user@:80",
            "ftp://files.example.org/",
            "https://a..b/",
            "https://x.com:99999999/",
            "",
        ] {
            assert!(safe_href(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn same_article_normalises_alike() {
        let a = normalise(
            "https://www.Example-News.org/2025/09/04/paris-summit/?utm_source=x&utm_medium=y#top",
        )
        .unwrap();
        let b = normalise("http://example-news.org/2025/09/04/paris-summit").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, "example-news.org/2025/09/04/paris-summit");
        assert_eq!(
            normalise("https://a.com/x?b=2&fbclid=z&a=1").unwrap(),
            normalise("https://a.com:443/x?a=1&b=2").unwrap()
        );
        assert_ne!(
            normalise("https://a.com/x?id=1"),
            normalise("https://a.com/x?id=2")
        );
        assert_eq!(
            normalise("https://kyivindependent.com/"),
            Some("kyivindependent.com".into())
        );
    }

    #[test]
    fn outlet_name_suggestion() {
        assert_eq!(
            suggest_outlet_name("https://www.reuters.com/world/x"),
            Some("reuters.com".into())
        );
        assert_eq!(suggest_outlet_name("nonsense"), None);
    }

    #[test]
    fn encodes_everything_but_unreserved() {
        assert_eq!(encode_component("a-b.c_d~E9"), "a-b.c_d~E9");
        assert_eq!(encode_component("a b"), "a%20b");
        assert_eq!(
            encode_component(r#"Say "no" & 'yes' #1 50%+?=/"#),
            "Say%20%22no%22%20%26%20%27yes%27%20%231%2050%25%2B%3F%3D%2F"
        );
        assert_eq!(encode_component("<script>"), "%3Cscript%3E");
        assert_eq!(encode_component("🤝"), "%F0%9F%A4%9D");
        assert_eq!(encode_component("Київ"), "%D0%9A%D0%B8%D1%97%D0%B2");
        assert_eq!(encode_component("東京"), "%E6%9D%B1%E4%BA%AC");
        assert_eq!(encode_component("\n"), "%0A");
        assert_eq!(encode_component(""), "");
    }
}
