//! The built app from `--dist`: files as they are (with their `.br`/`.gz`
//! siblings when the client takes them), and `index.html` for every other path,
//! so deep links and refreshes work. Trunk's hashed assets are cached for good;
//! everything else is revalidated.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

type Dist = Arc<PathBuf>;

pub fn service(dist: &Path) -> Router {
    let dist: Dist = Arc::new(dist.to_owned());
    let files = ServeDir::new(dist.as_path())
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(not_a_file.with_state(Arc::clone(&dist)));
    Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route("/event.html", get(index))
        .fallback_service(files)
        .layer(middleware::from_fn(cache_control))
        .with_state(dist)
}

async fn index(State(dist): State<Dist>, uri: Uri) -> Response {
    render_index(&dist, &uri).await
}

/// A path with no file: a missing asset is 404, anything else is a page of the app.
async fn not_a_file(State(dist): State<Dist>, uri: Uri) -> Response {
    if looks_like_asset(uri.path()) {
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, NO_CACHE)],
            "Not found",
        )
            .into_response();
    }
    render_index(&dist, &uri).await
}

/// The app's page for `uri`. Every HTML answer goes through here, so that what
/// the page carries for a given path (meta tags, preloaded data) has one place.
pub async fn render_index(dist: &Path, uri: &Uri) -> Response {
    let mut page = Err(());
    for name in page_files(uri.path()) {
        if let Ok(html) = tokio::fs::read_to_string(dist.join(name)).await {
            page = Ok(html);
            break;
        }
    }
    let page = page.unwrap_or_else(|()| NOT_BUILT.to_owned());
    ([(header::CACHE_CONTROL, NO_CACHE)], Html(page)).into_response()
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
<p>The app isn't built yet: its files are not in the dist folder. The API is running at \
<a href=\"/api/v1/events\">/api/v1/events</a>.</p></body></html>\n";

/// Names Trunk gives to hashed output, e.g. `eventdesk-1a2b3c4d5e6f7a8b_bg.wasm`, `style-….css`.
/// The largest page a layer will read back to rewrite.
const PAGE_LIMIT: usize = 4 * 1024 * 1024;

/// The app's page with `edit` applied to its HTML, without the headers that
/// described the old body (length, validators).
pub async fn rewrite_page(res: Response, edit: impl FnOnce(&str) -> String) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, PAGE_LIMIT).await else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The page could not be read.",
        )
            .into_response();
    };
    let Ok(html) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    let page = edit(html);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ETAG);
    parts.headers.remove(header::LAST_MODIFIED);
    Response::from_parts(parts, axum::body::Body::from(page))
}

/// True for the app's page as it left [`render_index`]: a 200 `text/html`
/// answer not yet compressed, which later layers may add to (head tags,
/// embedded data) before compression.
pub fn is_rewritable_page(res: &Response) -> bool {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    res.status() == StatusCode::OK
        && is_html
        && !res.headers().contains_key(header::CONTENT_ENCODING)
}

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

fn looks_like_asset(path: &str) -> bool {
    const EXTENSIONS: [&str; 16] = [
        "js", "mjs", "wasm", "css", "map", "json", "png", "jpg", "jpeg", "gif", "svg", "ico",
        "webp", "woff", "woff2", "txt",
    ];
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

async fn cache_control(req: Request, next: Next) -> Response {
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
