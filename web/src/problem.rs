//! Error answers of the app server's own: RFC 9457 problem details, in the
//! contract's `Problem` shape (`api/openapi.yaml`), as
//! `application/problem+json` with `Cache-Control: no-store`.
//!
//! Only what the app server itself refuses or fails at is answered here. The
//! upstream's own problems (a 404 for an unknown event, a 422, a 429…) are
//! passed through by [`crate::proxy`] unchanged.

use std::any::Any;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, Response, StatusCode};
use axum::response::IntoResponse;
use eventdesk_model::Problem;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// One problem to answer with, and any header it needs (`Allow`,
/// `Connection: close`, `Retry-After`).
#[derive(Debug, Clone)]
pub struct ProblemResponse {
    pub problem: Problem,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl ProblemResponse {
    /// A problem of type `about:blank`, titled with the status's reason.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> ProblemResponse {
        let title = status.canonical_reason().unwrap_or("Error");
        ProblemResponse {
            problem: Problem::new(status.as_u16(), title).with_detail(detail),
            headers: Vec::new(),
        }
    }

    /// 404: no such API path (outside `/api/v1/`, or a path the proxy refuses).
    pub fn not_found() -> ProblemResponse {
        ProblemResponse::new(StatusCode::NOT_FOUND, "There is no such API path.")
    }

    /// 405, with `Allow: allow`.
    pub fn method_not_allowed(allow: &'static str) -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("The API answers only {allow}."),
        )
        .with_header(header::ALLOW, HeaderValue::from_static(allow))
    }

    /// 413: a request body over `max_bytes`. The rest of the body may still
    /// be on the wire, so the connection is closed after the answer.
    pub fn payload_too_large(max_bytes: usize) -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("A request body can be at most {}.", kib(max_bytes)),
        )
        .closing()
    }

    /// 413: a body on a request that takes none (GET, HEAD).
    pub fn body_not_allowed() -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "A GET or HEAD request takes no body.",
        )
        .closing()
    }

    /// 414: a request target (path and query) over `max_bytes`.
    pub fn uri_too_long(max_bytes: usize) -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::URI_TOO_LONG,
            format!("The request's address can be at most {}.", kib(max_bytes)),
        )
        .closing()
    }

    /// 502: the upstream could not be reached (refused, reset, unresolvable).
    pub fn unreachable() -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::BAD_GATEWAY,
            "Eventdesk's backend could not be reached. Try again in a moment.",
        )
    }

    /// 502: the upstream answered, but not with something that can be passed
    /// on (a body over the cap, a broken answer).
    pub fn bad_answer() -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::BAD_GATEWAY,
            "Eventdesk's backend sent an answer that could not be passed on. Try again in a moment.",
        )
    }

    /// 504: the upstream did not answer in time.
    pub fn timeout(after: Duration) -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::GATEWAY_TIMEOUT,
            format!(
                "Eventdesk's backend did not answer within {} seconds. Try again in a moment.",
                after.as_secs_f64().ceil() as u64
            ),
        )
    }

    /// 500: something failed in the app server itself.
    pub fn internal() -> ProblemResponse {
        ProblemResponse::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Try again in a moment.",
        )
    }

    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> ProblemResponse {
        self.headers.push((name, value));
        self
    }

    /// `Connection: close`, for a refusal sent before the request's body was read.
    pub fn closing(self) -> ProblemResponse {
        self.with_header(header::CONNECTION, HeaderValue::from_static("close"))
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    pub fn to_response(&self) -> Response<Body> {
        let body = serde_json::to_vec(&self.problem).unwrap_or_else(|_| {
            format!(
                r#"{{"type":"about:blank","title":"Error","status":{}}}"#,
                self.problem.status
            )
            .into_bytes()
        });
        let mut res = Response::new(Body::from(body));
        *res.status_mut() = self.status();
        let headers = res.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
        res
    }
}

impl IntoResponse for ProblemResponse {
    fn into_response(self) -> axum::response::Response {
        self.to_response()
    }
}

fn kib(bytes: usize) -> String {
    if bytes % 1024 == 0 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// A panicking handler: a 500 problem, and the server keeps running.
pub fn panicked(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(not a string)");
    tracing::error!(panic = message, "a request handler panicked");
    ProblemResponse::internal().to_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(p: ProblemResponse) -> (StatusCode, axum::http::HeaderMap, serde_json::Value) {
        let res = p.to_response();
        let status = res.status();
        let headers = res.headers().clone();
        let body = body_bytes(res.into_body());
        (status, headers, serde_json::from_slice(&body).unwrap())
    }

    fn body_bytes(body: Body) -> Vec<u8> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(axum::body::to_bytes(body, usize::MAX))
            .unwrap()
            .to_vec()
    }

    #[test]
    fn a_problem_is_problem_json_in_the_contract_shape_and_not_stored() {
        let (status, headers, body) = parts(ProblemResponse::not_found());
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(headers[header::CONTENT_TYPE], PROBLEM_JSON);
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        assert_eq!(body["type"], "about:blank");
        assert_eq!(body["title"], "Not Found");
        assert_eq!(body["status"], 404);
        assert_eq!(body["detail"], "There is no such API path.");
        // Only the contract's fields, and no empty extras.
        assert!(body.get("errors").is_none());
        assert!(body.get("duplicate_of").is_none());
        // And it reads back as the model's Problem.
        let back: Problem = serde_json::from_value(body).unwrap();
        assert_eq!(back.status, 404);
    }

    #[test]
    fn each_constructor_has_its_status() {
        let cases = [
            (ProblemResponse::not_found(), 404),
            (ProblemResponse::method_not_allowed("GET, HEAD, POST"), 405),
            (ProblemResponse::payload_too_large(16 * 1024), 413),
            (ProblemResponse::body_not_allowed(), 413),
            (ProblemResponse::uri_too_long(8 * 1024), 414),
            (ProblemResponse::unreachable(), 502),
            (ProblemResponse::bad_answer(), 502),
            (ProblemResponse::timeout(Duration::from_secs(10)), 504),
            (ProblemResponse::internal(), 500),
        ];
        for (p, code) in cases {
            let (status, headers, body) = parts(p);
            assert_eq!(status.as_u16(), code);
            assert_eq!(body["status"], code);
            assert_eq!(headers[header::CONTENT_TYPE], PROBLEM_JSON);
            assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()));
        }
    }

    #[test]
    fn method_not_allowed_says_what_is() {
        let (_, headers, body) = parts(ProblemResponse::method_not_allowed("GET, HEAD, POST"));
        assert_eq!(headers[header::ALLOW], "GET, HEAD, POST");
        assert_eq!(body["title"], "Method Not Allowed");
    }

    #[test]
    fn refusals_before_the_body_close_the_connection() {
        for p in [
            ProblemResponse::payload_too_large(16 * 1024),
            ProblemResponse::uri_too_long(8 * 1024),
        ] {
            let (_, headers, body) = parts(p);
            assert_eq!(headers[header::CONNECTION], "close");
            assert!(body["detail"].as_str().unwrap().contains(" KiB"));
        }
        let (_, headers, _) = parts(ProblemResponse::not_found());
        assert!(headers.get(header::CONNECTION).is_none());
    }

    #[test]
    fn upstream_failures_name_the_backend() {
        let (_, _, body) = parts(ProblemResponse::unreachable());
        assert!(body["detail"]
            .as_str()
            .unwrap()
            .starts_with("Eventdesk's backend could not be reached"));
        let (_, _, body) = parts(ProblemResponse::timeout(Duration::from_millis(9500)));
        assert!(body["detail"]
            .as_str()
            .unwrap()
            .contains("within 10 seconds"));
    }

    #[test]
    fn a_panic_is_a_500_problem() {
        for panic in [
            Box::new("boom") as Box<dyn Any + Send>,
            Box::new(String::from("boom")),
            Box::new(42u8),
        ] {
            let res = panicked(panic);
            assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert_eq!(res.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
            let body = body_bytes(res.into_body());
            let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(body["status"], 500);
            assert!(!body["detail"].as_str().unwrap().contains("boom"));
        }
    }
}
