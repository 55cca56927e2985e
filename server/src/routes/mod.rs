//! The HTTP surface: the API under `/api/v1`; any other path is a 404 problem.

mod events;
mod list_query;
mod reference;
pub mod resource_id;
mod submission_body;
mod submissions;

use std::any::Any;

use axum::body::Body;
use axum::http::{Response, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;

pub use resource_id::valid_id;

use crate::problem::ApiError;
use crate::{headers, AppState};

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/api/v1/events", get(events::list))
        .route("/api/v1/events/{event_id}", get(events::one))
        .route(
            "/api/v1/events/{event_id}/submissions",
            post(submissions::create),
        )
        .route("/api/v1/submissions/{submission_id}", get(submissions::one))
        .route("/api/v1/categories", get(reference::categories))
        .route("/api/v1/entities/{entity_id}", get(reference::entity))
        .route("/api/v1/methodology", get(reference::methodology))
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(headers::cors());
    outer_layers(api.fallback(not_found).with_state(state))
}

/// What every answer passes through: compression, a panic turned into a 500
/// problem (the server keeps running), the request size limits, and the default headers.
fn outer_layers(router: Router) -> Router {
    router
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(panicked))
        .layer(axum::middleware::from_fn(crate::request_limits::limits))
        .layer(axum::middleware::from_fn(headers::defaults))
}

async fn not_found() -> ApiError {
    ApiError::not_found("There is no such API path.")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "This path does not take that method.",
    )
}

fn panicked(_: Box<dyn Any + Send + 'static>) -> Response<Body> {
    ApiError::internal().into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_answers_a_500_problem() {
        let app = outer_layers(Router::new().route(
            "/api/boom",
            get(|| async { panic!("boom") as &'static str }),
        ));
        let req = Request::get("/api/boom").body(Body::empty()).unwrap();
        let res = app.oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        let body = axum::body::to_bytes(res.into_body(), 4096).await.unwrap();
        let p: eventdesk_model::Problem = serde_json::from_slice(&body).unwrap();
        assert_eq!(p.status, 500);
    }
}
