//! The built app from `--dist`: files as they are (with their `.br`/`.gz`
//! siblings when the client takes them); every other path is a page of the
//! app (`page::render`), so deep links and refreshes work. Trunk's hashed
//! assets are cached for good; everything else is revalidated.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

/// The built page for `path`: `event.html` for an event's address when the
/// build has it, else `index.html`, else a page that says the app isn't built.
pub async fn template(dist: &Path, path: &str) -> String {
    for name in page_files(path) {
        if let Ok(html) = tokio::fs::read_to_string(dist.join(name)).await {
            return html;
        }
    }
    NOT_BUILT.to_owned()
}

/// The page files that can answer `path`, best first. An event's address
/// gets the event page's own smaller build (`event.html`, the app's
/// `EventLanding`) when the build has one; everything else, and a build
/// without it (`trunk serve`), gets the whole app.
fn page_files(path: &str) -> &'static [&'static str] {
    if is_event_page(path) {
        &["event.html", "index.html"]
    } else {
        &["index.html"]
    }
}

/// `/events/{id}`: exactly the addresses the landing app's router takes.
pub fn is_event_page(path: &str) -> bool {
    path.strip_prefix("/events/")
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

const NOT_BUILT: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Eventdesk</title></head><body><h1>Eventdesk</h1>\
<p>The app isn't built yet: its files are not in the dist folder. Its API is passed through at \
<a href=\"/api/v1/events\">/api/v1/events</a>.</p></body></html>\n";

/// Names Trunk gives to hashed output, e.g. `eventdesk-1a2b3c4d5e6f7a8b_bg.wasm`, `style-….css`.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && (8..=64).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// A path that names a file of the build rather than a page.
pub fn looks_like_asset(path: &str) -> bool {
    const EXTENSIONS: [&str; 16] = [
        "js", "mjs", "wasm", "css", "map", "json", "png", "jpg", "jpeg", "gif", "svg", "ico",
        "webp", "woff", "woff2", "txt",
    ];
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// `Cache-Control` for the build's files: hashed ones for good, the rest revalidated.
pub async fn cache_control(req: Request, next: Next) -> Response {
    let hashed = is_hashed(req.uri().path());
    let mut res = next.run(req).await;
    let ok = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
    if ok && !res.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed { IMMUTABLE } else { NO_CACHE };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        for yes in [
            "/eventdesk-1a2b3c4d5e6f7a8b.js",
            "/eventdesk-1a2b3c4d5e6f7a8b_bg.wasm",
            "/style-0123abcd4567ef89.css",
        ] {
            assert!(is_hashed(yes), "{yes}");
        }
        for no in [
            "/index.html",
            "/favicon.ico",
            "/robots.txt",
            "/my-page.js",
            "/-1a2b3c4d5e.js",
        ] {
            assert!(!is_hashed(no), "{no}");
        }
    }

    #[test]
    fn only_an_event_address_gets_the_event_page_build() {
        for path in ["/events/paris-2025", "/events/%E2%9C%93"] {
            assert!(is_event_page(path), "{path}");
            assert_eq!(page_files(path), ["event.html", "index.html"]);
        }
        for path in [
            "/",
            "/events",
            "/events/",
            "/events/a/b",
            "/events/a/",
            "/entities/x",
            "/eventsx/y",
        ] {
            assert!(!is_event_page(path), "{path}");
            assert_eq!(page_files(path), ["index.html"]);
        }
    }

    #[test]
    fn assets_are_not_pages() {
        assert!(looks_like_asset("/eventdesk-old.wasm"));
        assert!(!looks_like_asset(
            "/events/paris-coalition-security-guarantees-2025-09-04"
        ));
        assert!(!looks_like_asset("/entities/emmanuel-macron"));
    }
}
