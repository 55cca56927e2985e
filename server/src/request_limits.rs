//! Limits on what a request may carry, answered as problems before any
//! handler runs: a long target (414), oversized or too many headers (431),
//! and a body on a path that takes none (413).
//!
//! Hyper keeps its own, larger bounds underneath (a read buffer of about
//! 400 KiB and 100 headers, answered 431 by hyper itself); these are the
//! limits a reader's browser could never reach by honest use. The one path
//! that takes a body, `POST /api/v1/events/{id}/submissions`, keeps its own
//! limit (`BODY_MAX_BYTES`, checked by the handler).

use axum::body::HttpBody;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::problem::ApiError;

/// The request target (path and query), in bytes.
pub const URI_MAX_BYTES: usize = 8 * 1024;
/// All header lines together (`name: value\r\n`), in bytes.
pub const HEADERS_MAX_BYTES: usize = 16 * 1024;
/// Header lines, counted one by one.
pub const HEADERS_MAX_COUNT: usize = 64;
/// A body on any path but the submission POST.
pub const OTHER_BODY_MAX_BYTES: u64 = 4 * 1024;

pub async fn limits(req: Request, next: Next) -> Response {
    let mut res = match check(&req) {
        Ok(()) => next.run(req).await,
        Err(e) => e.into_response(),
    };
    // Refused before its body was read (here, or by the submission's own
    // limit): the rest of that body is still on the wire, so the connection
    // cannot carry another request. Say so, or a client may reuse it.
    if matches!(
        res.status(),
        StatusCode::PAYLOAD_TOO_LARGE
            | StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
            | StatusCode::URI_TOO_LONG
    ) {
        res.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    res
}

fn check(req: &Request) -> Result<(), ApiError> {
    let target = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if target > URI_MAX_BYTES {
        return Err(ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!(
                "The request's address can be at most {} KiB.",
                URI_MAX_BYTES / 1024
            ),
        ));
    }
    let headers = req.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if header_bytes > HEADERS_MAX_BYTES || headers.len() > HEADERS_MAX_COUNT {
        return Err(ApiError::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "A request's headers can be at most {} KiB, in at most {HEADERS_MAX_COUNT} lines.",
                HEADERS_MAX_BYTES / 1024
            ),
        ));
    }
    if !is_submission(req.method(), req.uri().path()) {
        // Exact for a Content-Length, unbounded for a chunked body.
        let upper = req.body().size_hint().upper();
        if upper.is_none_or(|n| n > OTHER_BODY_MAX_BYTES) {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "Only a submission takes a request body; elsewhere it can be at most {} KiB.",
                    OTHER_BODY_MAX_BYTES / 1024
                ),
            ));
        }
    }
    Ok(())
}

/// `POST /api/v1/events/{id}/submissions`, the one path that takes a body.
fn is_submission(method: &Method, path: &str) -> bool {
    *method == Method::POST
        && path
            .strip_prefix("/api/v1/events/")
            .and_then(|rest| rest.strip_suffix("/submissions"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_submission_post_takes_a_body() {
        assert!(is_submission(
            &Method::POST,
            "/api/v1/events/abc/submissions"
        ));
        assert!(!is_submission(
            &Method::GET,
            "/api/v1/events/abc/submissions"
        ));
        assert!(!is_submission(&Method::POST, "/api/v1/events//submissions"));
        assert!(!is_submission(
            &Method::POST,
            "/api/v1/events/a/b/submissions"
        ));
        assert!(!is_submission(&Method::POST, "/api/v1/events"));
    }
}
