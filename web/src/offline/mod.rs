//! Installing the app and reading offline: the web app manifest and its
//! icons, the service worker (`/sw.js`, a new version with every release of
//! the built app), and the page shown offline for an address never opened.
//!
//! The page registers the worker after `load`, when the browser is idle
//! (the inline script in `index.html`), so none of this is in the first load.

pub mod icons;
pub mod manifest;
pub mod page;
pub mod worker;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::page::{csp, files};
use crate::AppState;

/// The manifest and its icons change with the site's look: a day in caches.
pub const MANIFEST_CACHE_CONTROL: &str = "public, max-age=86400";

/// The manifest's, icons', service worker's and offline page's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(manifest::PATH, get(manifest_file))
        .route("/icons/{file}", get(icon))
        .route(worker::PATH, get(service_worker))
        .route(page::PATH, get(offline_page))
}

async fn manifest_file() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, MANIFEST_CACHE_CONTROL),
        ],
        manifest::json(),
    )
        .into_response()
}

async fn icon(Path(file): Path<String>) -> Response {
    match icons::Icon::named(&file) {
        Some(icon) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, MANIFEST_CACHE_CONTROL),
            ],
            icon.png(),
        )
            .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, files::NO_CACHE)],
            "Not found",
        )
            .into_response(),
    }
}

/// Always revalidated, so that a new release's worker is found at once.
async fn service_worker(State(state): State<AppState>) -> Response {
    let script = worker::script(&state.config.dist).await;
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, files::NO_CACHE),
        ],
        script,
    )
        .into_response()
}

async fn offline_page() -> Response {
    let html = page::html();
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, files::NO_CACHE),
            (header::CONTENT_SECURITY_POLICY, &csp::policy_for(html)),
        ],
        html,
    )
        .into_response()
}
