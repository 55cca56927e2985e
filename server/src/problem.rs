//! Every error answer: RFC 9457 problem details as `application/problem+json`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use eventdesk_model::text::non_blank;
use eventdesk_model::{FieldError, Problem};

use crate::db::DbError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem to answer with, plus an optional `Retry-After` (seconds).
#[derive(Debug, Clone)]
pub struct ApiError {
    pub problem: Box<Problem>,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> ApiError {
        let title = status.canonical_reason().unwrap_or("Error");
        ApiError {
            problem: Box::new(Problem::new(status.as_u16(), title).with_detail(detail)),
            retry_after: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, detail)
    }

    pub fn not_found(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, detail)
    }

    pub fn withdrawn(reason: &str) -> ApiError {
        let detail = non_blank(reason).unwrap_or("The editors withdrew this event.");
        let mut e = ApiError::new(StatusCode::GONE, detail);
        e.problem.kind = "https://eventdesk.example/problems/event-withdrawn".into();
        e.problem.title = "Event withdrawn".into();
        e
    }

    /// 422 with one entry per invalid field, worded as `api/examples/problem-422.json`.
    pub fn invalid_fields(errors: Vec<FieldError>) -> ApiError {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Fix the fields below and send it again.",
        );
        e.problem.kind = "https://eventdesk.example/problems/invalid-submission".into();
        e.problem.title = "The submission has invalid fields".into();
        e.problem.errors = errors;
        e
    }

    pub fn duplicate(of: String, source: bool) -> ApiError {
        let detail = if source {
            "This article is already one of the event's sources."
        } else {
            "This article was already submitted for this event."
        };
        let mut e = ApiError::new(StatusCode::CONFLICT, detail);
        e.problem.kind = "https://eventdesk.example/problems/duplicate-submission".into();
        e.problem.title = "Already known".into();
        e.problem.duplicate_of = Some(of);
        e
    }

    pub fn too_many(retry_after: u64) -> ApiError {
        let mut e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!("Too many submissions from this address. Try again in {retry_after} seconds."),
        );
        e.retry_after = Some(retry_after);
        e
    }

    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Try again in a moment.",
        )
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> ApiError {
        eprintln!("eventdesk-server: database error: {e}");
        ApiError::internal()
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        ApiError::from(DbError::from(e))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&self.problem).unwrap_or_else(|_| {
            format!(
                r#"{{"type":"about:blank","title":"Error","status":{}}}"#,
                self.problem.status
            )
        });
        let mut res = (self.status(), [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

/// A JSON answer from a document that is already JSON text.
pub fn json_text(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}
