//! The files crawlers and browsers ask every site for: `robots.txt`,
//! `sitemap.xml` and `favicon.ico`, and the site mark the icons are drawn
//! from.

pub mod ico;
pub mod inventory;
pub mod mark;
pub mod robots;
pub mod sitemap;

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::problem::ProblemResponse;
use crate::{origin, AppState};

/// The favicon changes with the mark alone: a month in caches.
pub const FAVICON_CACHE_CONTROL: &str = "public, max-age=2592000";
/// `robots.txt` changes with a release.
pub const ROBOTS_CACHE_CONTROL: &str = "public, max-age=86400";
/// A whole sitemap: a quarter of an hour, as new events come in.
pub const SITEMAP_CACHE_CONTROL: &str = "public, max-age=900";
/// A sitemap that left out some entities (details past the budget): a
/// minute, so the next read, with the upstream's cache warm, is whole.
pub const PARTIAL_SITEMAP_CACHE_CONTROL: &str = "public, max-age=60";
/// What a crawler is told to wait when the upstream is unreachable.
pub const RETRY_AFTER_SECONDS: &str = "120";

/// Their routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/favicon.ico", get(favicon))
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap))
}

fn site_origin(state: &AppState, headers: &HeaderMap) -> String {
    origin::request_origin(
        headers,
        state.config.trust_proxy,
        state.public_origin.as_deref(),
    )
}

async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            (header::CACHE_CONTROL, FAVICON_CACHE_CONTROL),
        ],
        ico::favicon_ico(),
    )
        .into_response()
}

async fn robots(State(state): State<AppState>, headers: HeaderMap) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, ROBOTS_CACHE_CONTROL),
        ],
        robots::robots_txt(&site_origin(&state, &headers)),
    )
        .into_response()
}

async fn sitemap(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let origin = site_origin(&state, &headers);
    match inventory::read(Arc::clone(&state.upstream)).await {
        Ok(inventory) => {
            let cache = if inventory.complete {
                SITEMAP_CACHE_CONTROL
            } else {
                PARTIAL_SITEMAP_CACHE_CONTROL
            };
            (
                [
                    (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
                    (header::CACHE_CONTROL, cache),
                ],
                sitemap::render(&origin, &inventory.entries),
            )
                .into_response()
        }
        Err(inventory::Unavailable) => ProblemResponse::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "The list of events could not be read from Eventdesk's backend, so there is no \
             sitemap to give now. Try again in a few minutes.",
        )
        .with_header(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECONDS),
        )
        .into_response(),
    }
}
