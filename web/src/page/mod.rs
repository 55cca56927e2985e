//! The app's pages and files. Every HTML answer is made by [`render`]: the
//! built page, with the head, first paint and first data of its address
//! (read from the upstream within about a second, see
//! `documents::PAGE_BUDGET`), and a script policy made from the result.
//! Its status is what the upstream said of the page's thing: 404 when it is
//! not there (and for an address that is none of the app's pages, or an id
//! the contract does not allow), 410 when it was withdrawn. Whatever else the
//! upstream does, a page answers 200 with the app (which shows the error,
//! with a retry): at worst with a generic head and no first paint.

pub mod csp;
pub mod data;
pub mod files;
pub mod first_paint;
pub mod head;
pub mod preload;
pub mod rewrite;
pub mod route;

use axum::extract::State;
use axum::handler::Handler;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;

use self::data::PageData;
use self::rewrite::Additions;
use self::route::Page;
use crate::{origin, AppState};

/// The built app's files, and its pages for every other address.
pub fn service(state: AppState) -> Router {
    let files = ServeDir::new(&state.config.dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(not_a_file.with_state(state.clone()));
    Router::new()
        .route("/", get(page))
        .route("/index.html", get(page))
        .route("/event.html", get(page))
        .fallback_service(files)
        .layer(axum::middleware::from_fn(files::cache_control))
        .with_state(state)
}

async fn page(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    render(&state, &uri, &headers).await
}

/// A path with no file: a missing asset is 404, anything else is a page of the app.
async fn not_a_file(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    if files::looks_like_asset(uri.path()) {
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, files::NO_CACHE)],
            "Not found",
        )
            .into_response();
    }
    render(&state, &uri, &headers).await
}

/// The app's page for `uri`.
pub async fn render(state: &AppState, uri: &Uri, headers: &HeaderMap) -> Response {
    let config = &state.config;
    let page = Page::from_path(uri.path(), uri.query());
    let origin =
        origin::request_origin(headers, config.trust_proxy, state.public_origin.as_deref());
    let (template, data) = tokio::join!(
        files::template(&config.dist, uri.path()),
        PageData::load(&state.upstream, page, !config.no_preload),
    );
    let head = head::tags_for(&data, uri.path(), uri.query(), &origin);
    let address = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let embedded = if config.no_preload {
        None
    } else {
        data.embedded(address)
    };
    let additions = Additions {
        head: head.as_deref(),
        body_start: embedded.as_ref().map(|(paint, _)| paint.as_str()),
        body_end: embedded.as_ref().map(|(_, block)| block.as_str()),
    };
    let html = rewrite::apply(&template, additions).unwrap_or_else(|e| {
        tracing::warn!(error = %e, path = uri.path(), "page sent as built");
        template
    });
    let policy = csp::policy_for(&html);
    let status = data.status();
    let mut res = (
        status,
        [(header::CACHE_CONTROL, files::NO_CACHE)],
        Html(html),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&policy) {
        res.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    res
}
