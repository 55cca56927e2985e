//! Headers on every answer: safe defaults, and a policy that keeps anything
//! but the app's pages from being rendered or framed. A page gets its full
//! policy from `page::csp`, made from its inline scripts.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const DEFAULTS: [(HeaderName, &str); 4] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
];

/// API answers are data, never a document to render or frame.
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";
/// The app's files may not be framed.
const FILE_CSP: &str = "frame-ancestors 'none'";

pub async fn defaults(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in DEFAULTS {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    }
    let csp = if api { API_CSP } else { FILE_CSP };
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(csp));
    res
}
