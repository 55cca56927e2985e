//! `/api/v1/*` passed through to the upstream, so the app stays same-origin
//! and needs no CORS.
//!
//! Not an open proxy: the target is always the configured upstream's base
//! plus this request's path and query ([`crate::upstream::Upstream::url`]);
//! the request's authority (an absolute-form target, `Host`) never takes part.
//! A path whose segments, percent-decoded, are `.` or `..`, are empty, or hold
//! `/`, `\` or NUL is refused (404) rather than left for the URL parser to
//! resolve. Only GET, HEAD and POST pass (405 otherwise); the upstream decides
//! what each path accepts.
//!
//! Limits, answered as problems before the upstream is called: the target at
//! most [`TARGET_MAX_BYTES`] (414), a POST body at most [`BODY_MAX_BYTES`]
//! (413, by `Content-Length` first and then while reading), no body on GET or
//! HEAD (413).
//!
//! Headers go through allow-lists both ways ([`REQUEST_HEADERS`],
//! [`RESPONSE_HEADERS`]): never cookies or credentials, never hop-by-hop
//! ones or any a `Connection` header names. The upstream is told who asked
//! with `X-Forwarded-For` (the peer, after the incoming chain only with
//! `--trust-proxy`), `-Proto` and `-Host`, so its per-client limits see the
//! reader rather than this server.
//!
//! The upstream's answers, problems included, pass unchanged but for those
//! headers, a `Location` under the upstream's base rewritten to this origin's
//! `/api/v1/…`, and a body cap ([`crate::upstream::BODY_MAX_BYTES`]; over it,
//! 502). Unreachable: 502; no answer within `--api-timeout-ms`: 504.

use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use percent_encoding::percent_decode_str;

use crate::problem::ProblemResponse;
use crate::upstream;
use crate::AppState;

/// The path prefix passed through; the rest of the path follows the
/// upstream's base.
pub const PREFIX: &str = "/api/v1";
/// The request target (path and query), in bytes.
pub const TARGET_MAX_BYTES: usize = 8 * 1024;
/// A request body (only POST takes one).
pub const BODY_MAX_BYTES: usize = eventdesk_model::submission::BODY_MAX_BYTES;
/// The methods passed through.
pub const ALLOW: &str = "GET, HEAD, POST";

/// Request headers passed to the upstream; every other is dropped.
pub const REQUEST_HEADERS: [HeaderName; 6] = [
    header::ACCEPT,
    header::ACCEPT_LANGUAGE,
    header::CONTENT_TYPE,
    header::IF_NONE_MATCH,
    header::IF_MODIFIED_SINCE,
    header::USER_AGENT,
];

/// Response headers passed back to the reader; every other is dropped.
pub const RESPONSE_HEADERS: [HeaderName; 11] = [
    header::CONTENT_TYPE,
    header::CONTENT_ENCODING,
    header::CONTENT_LANGUAGE,
    header::CACHE_CONTROL,
    header::ETAG,
    header::LAST_MODIFIED,
    header::EXPIRES,
    header::LOCATION,
    header::RETRY_AFTER,
    header::VARY,
    header::ALLOW,
];

/// Hop-by-hop headers (RFC 9110 §7.6.1), never forwarded either way, even
/// if an allow-list ever names one.
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
];

const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");
const X_FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");
const X_FORWARDED_HOST: HeaderName = HeaderName::from_static("x-forwarded-host");

/// Any request under `/api/v1/`.
pub async fn pass(State(state): State<AppState>, req: Request) -> Response {
    match forward(&state, req).await {
        Ok(res) => res,
        Err(problem) => problem.into_response(),
    }
}

/// Any other path under `/api`.
pub async fn not_found() -> Response {
    ProblemResponse::not_found().into_response()
}

async fn forward(state: &AppState, req: Request) -> Result<Response, ProblemResponse> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_canonical());
    let (parts, body) = req.into_parts();

    let target_len = parts.uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    if target_len > TARGET_MAX_BYTES {
        return Err(ProblemResponse::uri_too_long(TARGET_MAX_BYTES));
    }
    let rest = parts
        .uri
        .path()
        .strip_prefix(PREFIX)
        .filter(|rest| is_safe_path(rest))
        .ok_or_else(ProblemResponse::not_found)?;
    let method = parts.method.clone();
    if !matches!(method, Method::GET | Method::HEAD | Method::POST) {
        return Err(ProblemResponse::method_not_allowed(ALLOW));
    }

    let timeout = Duration::from_millis(state.config.api_timeout_ms);
    let body = if method == Method::POST {
        if body.size_hint().lower() > BODY_MAX_BYTES as u64 {
            return Err(ProblemResponse::payload_too_large(BODY_MAX_BYTES));
        }
        match tokio::time::timeout(timeout, read_body(body, BODY_MAX_BYTES)).await {
            Ok(Ok(bytes)) => Some(bytes),
            Ok(Err(BodyError::TooLarge)) => {
                return Err(ProblemResponse::payload_too_large(BODY_MAX_BYTES))
            }
            Ok(Err(BodyError::Read)) => {
                return Err(ProblemResponse::new(
                    StatusCode::BAD_REQUEST,
                    "The request's body could not be read.",
                )
                .closing())
            }
            Err(_) => {
                return Err(ProblemResponse::new(
                    StatusCode::REQUEST_TIMEOUT,
                    "The request's body took too long to arrive.",
                )
                .closing())
            }
        }
    } else {
        // GET and HEAD: only an empty body (no Content-Length, or 0).
        if body.size_hint().upper() != Some(0) {
            return Err(ProblemResponse::body_not_allowed());
        }
        None
    };

    let path_and_query = match parts.uri.query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_owned(),
    };
    let url = state.upstream.url(&path_and_query);
    let headers = request_headers(&parts.headers, &parts.uri, peer, state.config.trust_proxy);

    let call = async {
        let mut request = state
            .upstream
            .http()
            .request(method.clone(), &url)
            .headers(headers);
        if let Some(body) = body {
            request = request.body(body);
        }
        let mut res = request.send().await.map_err(|e| {
            if e.is_timeout() {
                Failure::Timeout
            } else {
                Failure::Unreachable(e.without_url())
            }
        })?;
        let status = res.status();
        let headers = std::mem::take(res.headers_mut());
        let body = if method == Method::HEAD {
            Bytes::new()
        } else {
            read_upstream_body(&mut res).await?
        };
        Ok::<_, Failure>((status, headers, body))
    };

    let (status, upstream_headers, body) = match tokio::time::timeout(timeout, call).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(Failure::Unreachable(e))) => {
            tracing::warn!(%method, path = rest, error = %e, "upstream could not be reached");
            return Err(ProblemResponse::unreachable());
        }
        Ok(Err(Failure::TooLarge)) => {
            tracing::warn!(
                %method,
                path = rest,
                max = upstream::BODY_MAX_BYTES,
                "upstream's answer is over the body cap"
            );
            return Err(ProblemResponse::bad_answer());
        }
        Ok(Err(Failure::Body(e))) => {
            tracing::warn!(%method, path = rest, error = %e, "upstream's answer broke off");
            return Err(ProblemResponse::bad_answer());
        }
        Ok(Err(Failure::Timeout)) | Err(_) => {
            tracing::warn!(%method, path = rest, ?timeout, "upstream did not answer in time");
            return Err(ProblemResponse::timeout(timeout));
        }
    };

    // A server error that is not a problem document (a proxy's HTML page, a
    // stack trace) is not passed on: the reader's app gets the contract's
    // problem instead, and nothing of the backend's internals.
    let content_type = upstream_headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if status.is_server_error() && !upstream::is_json(content_type) {
        tracing::warn!(%method, path = rest, %status, content_type, "upstream error is not a problem document");
        return Err(ProblemResponse::bad_answer());
    }

    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    *res.headers_mut() = response_headers(&upstream_headers, &url, state.upstream.base());
    Ok(res)
}

enum Failure {
    Unreachable(reqwest::Error),
    Timeout,
    TooLarge,
    Body(reqwest::Error),
}

enum BodyError {
    TooLarge,
    Read,
}

/// The request's body, refused past `max` bytes.
async fn read_body(mut body: Body, max: usize) -> Result<Bytes, BodyError> {
    let mut buf = BytesMut::new();
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| BodyError::Read)?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > max {
                return Err(BodyError::TooLarge);
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(buf.freeze())
}

/// The upstream's body, refused past [`upstream::BODY_MAX_BYTES`].
async fn read_upstream_body(res: &mut reqwest::Response) -> Result<Bytes, Failure> {
    let max = upstream::BODY_MAX_BYTES;
    if res.content_length().is_some_and(|n| n > max as u64) {
        return Err(Failure::TooLarge);
    }
    let mut buf = BytesMut::new();
    while let Some(chunk) = res.chunk().await.map_err(|e| {
        if e.is_timeout() {
            Failure::Timeout
        } else {
            Failure::Body(e.without_url())
        }
    })? {
        if buf.len() + chunk.len() > max {
            return Err(Failure::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf.freeze())
}

/// The path after [`PREFIX`]: `/` then segments, none empty, none `.` or
/// `..`, none holding `/`, `\` or NUL, each percent-decoded before checking.
pub fn is_safe_path(rest: &str) -> bool {
    let Some(segments) = rest.strip_prefix('/') else {
        return false;
    };
    segments.split('/').all(|segment| {
        let decoded: Vec<u8> = percent_decode_str(segment).collect();
        !decoded.is_empty()
            && decoded != b"."
            && decoded != b".."
            && !decoded.iter().any(|b| matches!(b, b'/' | b'\\' | 0))
    })
}

/// Headers a `Connection` header names, hop-by-hop for this one message.
fn connection_named(headers: &HeaderMap) -> Vec<HeaderName> {
    headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|token| HeaderName::from_bytes(token.trim().as_bytes()).ok())
        .collect()
}

fn is_hop_by_hop(name: &HeaderName, named: &[HeaderName]) -> bool {
    HOP_BY_HOP.contains(&name.as_str()) || named.contains(name)
}

/// What the upstream is sent: the allow-listed headers and who asked.
fn request_headers(
    incoming: &HeaderMap,
    uri: &Uri,
    peer: Option<IpAddr>,
    trust_proxy: bool,
) -> HeaderMap {
    let named = connection_named(incoming);
    let mut out = HeaderMap::new();
    for name in REQUEST_HEADERS {
        if is_hop_by_hop(&name, &named) {
            continue;
        }
        for value in incoming.get_all(&name) {
            out.append(name.clone(), value.clone());
        }
    }

    let mut chain = String::new();
    if trust_proxy {
        for value in incoming.get_all(&X_FORWARDED_FOR) {
            let Ok(value) = value.to_str() else { continue };
            for hop in value.split(',').map(str::trim).filter(|h| !h.is_empty()) {
                if !chain.is_empty() {
                    chain.push_str(", ");
                }
                chain.push_str(hop);
            }
        }
    }
    if let Some(peer) = peer {
        if !chain.is_empty() {
            chain.push_str(", ");
        }
        chain.push_str(&peer.to_string());
    }
    if let Ok(value) = HeaderValue::from_str(&chain) {
        if !chain.is_empty() {
            out.insert(X_FORWARDED_FOR, value);
        }
    }

    let forwarded = |name: &HeaderName| {
        trust_proxy
            .then(|| incoming.get(name).and_then(|v| v.to_str().ok()))
            .flatten()
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let proto = match forwarded(&X_FORWARDED_PROTO) {
        Some(p) if p.eq_ignore_ascii_case("https") => "https",
        _ => "http",
    };
    out.insert(X_FORWARDED_PROTO, HeaderValue::from_static(proto));
    let host = forwarded(&X_FORWARDED_HOST)
        .or_else(|| incoming.get(header::HOST).and_then(|v| v.to_str().ok()))
        .or_else(|| uri.authority().map(|a| a.as_str()))
        .filter(|h| is_host(h));
    if let Some(host) = host.and_then(|h| HeaderValue::from_str(h).ok()) {
        out.insert(X_FORWARDED_HOST, host);
    }
    out
}

/// A plausible `host[:port]`: letters, digits, `.-_:[]`, at most 255 bytes.
fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']')
        })
}

/// What the reader is sent back: the allow-listed headers, with a `Location`
/// under the upstream's base made same-origin.
fn response_headers(upstream: &HeaderMap, target: &str, base: &str) -> HeaderMap {
    let named = connection_named(upstream);
    let mut out = HeaderMap::new();
    for name in RESPONSE_HEADERS {
        if is_hop_by_hop(&name, &named) {
            continue;
        }
        for value in upstream.get_all(&name) {
            let value = if name == header::LOCATION {
                value
                    .to_str()
                    .ok()
                    .and_then(|loc| same_origin_location(loc, target, base))
                    .and_then(|loc| HeaderValue::from_str(&loc).ok())
                    .unwrap_or_else(|| value.clone())
            } else {
                value.clone()
            };
            out.append(name.clone(), value);
        }
    }
    out
}

/// `location` (resolved against the URL it answers, `target`) as a path on
/// this origin, when it points under the upstream's `base`; otherwise `None`
/// and it is passed as is.
pub fn same_origin_location(location: &str, target: &str, base: &str) -> Option<String> {
    let base = reqwest::Url::parse(base).ok()?;
    let resolved = reqwest::Url::parse(target).ok()?.join(location).ok()?;
    if resolved.origin() != base.origin() {
        return None;
    }
    let rest = resolved
        .path()
        .strip_prefix(base.path().trim_end_matches('/'))?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let mut out = format!("{PREFIX}{rest}");
    if let Some(query) = resolved.query() {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = resolved.fragment() {
        out.push('#');
        out.push_str(fragment);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths_pass() {
        for p in [
            "/events",
            "/events/abc-123",
            "/events/abc/submissions",
            "/feed",
            "/events/caf%C3%A9",
            "/events/a.b",
            "/events/...",
            "/events/a%20b",
        ] {
            assert!(is_safe_path(p), "{p}");
        }
    }

    #[test]
    fn dot_empty_and_separator_segments_are_refused() {
        for p in [
            "",
            "events",
            "/",
            "/events/",
            "//events",
            "/events//x",
            "/.",
            "/..",
            "/events/../../etc",
            "/events/%2e%2e",
            "/events/%2E%2e/x",
            "/events/.%2E",
            "/events/%2e",
            "/events/a%2Fb",
            "/events/a%2fb",
            "/events/a%5Cb",
            "/events/a\\b",
            "/events/a%00b",
        ] {
            assert!(!is_safe_path(p), "{p}");
        }
    }

    #[test]
    fn only_allowed_request_headers_pass_and_the_reader_is_named() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        h.insert(header::COOKIE, HeaderValue::from_static("a=b"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        h.insert(header::HOST, HeaderValue::from_static("news.example"));
        h.insert(header::TE, HeaderValue::from_static("trailers"));
        h.insert(header::USER_AGENT, HeaderValue::from_static("ua"));
        h.insert(
            header::CONNECTION,
            HeaderValue::from_static("close, User-Agent"),
        );
        h.insert(X_FORWARDED_FOR, HeaderValue::from_static("203.0.113.9"));
        h.insert(X_FORWARDED_PROTO, HeaderValue::from_static("https"));
        h.insert(X_FORWARDED_HOST, HeaderValue::from_static("cdn.example"));
        let uri: Uri = "/api/v1/events".parse().unwrap();
        let peer = Some("127.0.0.1".parse().unwrap());

        let out = request_headers(&h, &uri, peer, false);
        assert_eq!(out[header::ACCEPT], "application/json");
        assert!(out.get(header::COOKIE).is_none());
        assert!(out.get(header::AUTHORIZATION).is_none());
        assert!(out.get(header::TE).is_none());
        assert!(out.get(header::CONNECTION).is_none());
        assert!(out.get(header::USER_AGENT).is_none(), "named in Connection");
        assert!(
            out.get(header::HOST).is_none(),
            "the client sets the upstream's"
        );
        assert_eq!(out[X_FORWARDED_FOR], "127.0.0.1");
        assert_eq!(out[X_FORWARDED_PROTO], "http");
        assert_eq!(out[X_FORWARDED_HOST], "news.example");

        let out = request_headers(&h, &uri, peer, true);
        assert_eq!(out[X_FORWARDED_FOR], "203.0.113.9, 127.0.0.1");
        assert_eq!(out[X_FORWARDED_PROTO], "https");
        assert_eq!(out[X_FORWARDED_HOST], "cdn.example");
    }

    #[test]
    fn a_mapped_v6_peer_is_named_as_v4() {
        let addr: SocketAddr = "[::ffff:192.0.2.1]:1234".parse().unwrap();
        let out = request_headers(
            &HeaderMap::new(),
            &"/x".parse().unwrap(),
            Some(addr.ip().to_canonical()),
            false,
        );
        assert_eq!(out[X_FORWARDED_FOR], "192.0.2.1");
    }

    #[test]
    fn an_odd_host_is_not_forwarded() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("a b/c"));
        let out = request_headers(&h, &"/x".parse().unwrap(), None, false);
        assert!(out.get(X_FORWARDED_HOST).is_none());
        assert!(out.get(X_FORWARDED_FOR).is_none());
    }

    #[test]
    fn only_allowed_response_headers_come_back() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        h.insert(header::ETAG, HeaderValue::from_static("\"v1\""));
        h.insert(header::SET_COOKIE, HeaderValue::from_static("s=1"));
        h.insert(
            header::TRANSFER_ENCODING,
            HeaderValue::from_static("chunked"),
        );
        h.insert(header::SERVER, HeaderValue::from_static("secret/1.0"));
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        h.insert(header::CONNECTION, HeaderValue::from_static("etag"));
        let out = response_headers(&h, "http://up/api/v1/x", "http://up/api/v1");
        assert_eq!(out[header::CONTENT_TYPE], "application/json");
        assert_eq!(out[header::RETRY_AFTER], "30");
        assert!(out.get(header::ETAG).is_none(), "named in Connection");
        assert!(out.get(header::SET_COOKIE).is_none());
        assert!(out.get(header::TRANSFER_ENCODING).is_none());
        assert!(out.get(header::SERVER).is_none());
    }

    #[test]
    fn locations_under_the_upstream_become_same_origin() {
        let base = "http://127.0.0.1:8090/api/v1";
        let target = "http://127.0.0.1:8090/api/v1/events/e1/submissions";
        let loc = |l: &str| same_origin_location(l, target, base);
        assert_eq!(
            loc("http://127.0.0.1:8090/api/v1/submissions/s1").as_deref(),
            Some("/api/v1/submissions/s1")
        );
        assert_eq!(
            loc("HTTP://127.0.0.1:8090/api/v1/submissions/s1?x=1").as_deref(),
            Some("/api/v1/submissions/s1?x=1")
        );
        assert_eq!(
            loc("/api/v1/submissions/s1").as_deref(),
            Some("/api/v1/submissions/s1")
        );
        assert_eq!(
            loc("../../submissions/s1").as_deref(),
            Some("/api/v1/submissions/s1")
        );
        assert_eq!(loc("http://127.0.0.1:8091/api/v1/x"), None);
        assert_eq!(loc("https://127.0.0.1:8090/api/v1/x"), None);
        assert_eq!(loc("http://127.0.0.1:8090/api/v10/x"), None);
        assert_eq!(loc("https://elsewhere.example/x"), None);

        let base = "https://api.example.org/backend/api/v1";
        let target = "https://api.example.org/backend/api/v1/events/e1/submissions";
        assert_eq!(
            same_origin_location("/backend/api/v1/submissions/s1", target, base).as_deref(),
            Some("/api/v1/submissions/s1")
        );
        assert_eq!(
            same_origin_location("https://api.example.org:443/backend/api/v1", target, base)
                .as_deref(),
            Some("/api/v1")
        );
    }
}
