//! The HTTP surface: the API under `/api/v1`, and the app for everything else.

mod events;
mod list_query;
mod reference;
mod submission_body;
mod submissions;

use std::any::Any;

use axum::body::Body;
use axum::http::{Response, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;

use crate::problem::ApiError;
use crate::{static_files, AppState};

/// Event ids, as the contract's `EventId` parameter: `^[A-Za-z0-9_-]{1,128}$`.
pub fn valid_id(id: &str) -> bool {
    (1..=128).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/api/v1/events", get(events::list))
        .route("/api/v1/events/{event_id}", get(events::one))
        .route("/api/v1/events/{event_id}/submissions", post(submissions::create))
        .route("/api/v1/submissions/{submission_id}", get(submissions::one))
        .route("/api/v1/categories", get(reference::categories))
        .route("/api/v1/entities/{entity_id}", get(reference::entity))
        .route("/api/v1/methodology", get(reference::methodology))
        .route("/api", any(api_not_found))
        .route("/api/", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed);
    api.fallback_service(static_files::service(&state.config.dist))
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(panicked))
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("There is no such API path.")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "This path does not take that method.")
}

fn panicked(_: Box<dyn Any + Send + 'static>) -> Response<Body> {
    ApiError::internal().into_response()
}
