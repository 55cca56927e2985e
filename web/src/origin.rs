//! The public origin of this site, for canonical links, Open Graph URLs and
//! share cards: `--public-origin` when set (e.g. `https://news.example.org`),
//! else the request's `Host` (validated) over http, or what the proxy says
//! when `--trust-proxy` is on.

use axum::http::HeaderMap;

/// `scheme://host[:port]` from an absolute http(s) URL, without any path.
pub fn parse_origin(raw: &str) -> Option<String> {
    let url = eventdesk_model::url::parse_http(raw)?;
    let scheme = if url.https { "https" } else { "http" };
    let port = url.port.map(|p| format!(":{p}")).unwrap_or_default();
    Some(format!("{scheme}://{}{port}", url.host))
}

/// A `Host` value that is only a host name or address and a port.
pub fn valid_host(host: &str) -> bool {
    let (name, port) = if host.starts_with('[') {
        match host.find(']') {
            Some(i) if i + 1 == host.len() => (host, None),
            Some(i) => match host[i + 1..].strip_prefix(':') {
                Some(p) => (&host[..=i], Some(p)),
                None => return false,
            },
            None => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        }
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let name_ok = if let Some(v6) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        !v6.is_empty()
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        (1..=253).contains(&name.len())
            && !name.starts_with(['.', '-'])
            && !name.contains("..")
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    };
    port_ok && name_ok
}

/// The origin that links in a page should use: `configured` when set, else
/// from the request's headers.
pub fn request_origin(headers: &HeaderMap, trust_proxy: bool, configured: Option<&str>) -> String {
    if let Some(origin) = configured {
        return origin.to_owned();
    }
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let first = |v: &str| v.split(',').next().unwrap_or("").trim().to_owned();
    let (mut scheme, mut host) = ("http".to_owned(), text("host").map(str::to_owned));
    if trust_proxy {
        if let Some(proto) = text("x-forwarded-proto").map(first) {
            if proto.eq_ignore_ascii_case("https") || proto.eq_ignore_ascii_case("http") {
                scheme = proto.to_ascii_lowercase();
            }
        }
        if let Some(h) = text("x-forwarded-host").map(first) {
            host = Some(h);
        }
    }
    match host.filter(|h| valid_host(h)) {
        Some(h) => format!("{scheme}://{}", h.to_ascii_lowercase()),
        None => "http://localhost".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn hosts_are_validated() {
        for ok in [
            "localhost",
            "127.0.0.1:18686",
            "eventdesk.example",
            "[::1]:8080",
            "a-b.example:443",
        ] {
            assert!(valid_host(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.example/path",
            "a b",
            "x\"y",
            "a..b",
            "h:99999999",
            "<x>",
            "host:port",
            ".x",
        ] {
            assert!(!valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn origin_from_configuration_host_or_proxy() {
        let mut h = HeaderMap::new();
        assert_eq!(request_origin(&h, false, None), "http://localhost");
        h.insert("host", HeaderValue::from_static("Example.org:8080"));
        assert_eq!(request_origin(&h, false, None), "http://example.org:8080");
        assert_eq!(
            request_origin(&h, false, Some("https://news.example")),
            "https://news.example"
        );
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        h.insert(
            "x-forwarded-host",
            HeaderValue::from_static("news.example, inner"),
        );
        assert_eq!(request_origin(&h, false, None), "http://example.org:8080");
        assert_eq!(request_origin(&h, true, None), "https://news.example");
        h.insert("host", HeaderValue::from_static("bad\"host"));
        h.remove("x-forwarded-host");
        assert_eq!(request_origin(&h, false, None), "http://localhost");
    }

    #[test]
    fn configured_origins_are_bare() {
        assert_eq!(
            parse_origin("https://Eventdesk.example/some/path?q"),
            Some("https://eventdesk.example".into())
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:9000"),
            Some("http://127.0.0.1:9000".into())
        );
        assert_eq!(parse_origin("javascript:alert(1)"), None);
    }
}
