//! `/api/v1/*` passed through to the upstream: what gets there, what comes
//! back, and what is refused before the upstream is asked.
//!
//! Each test runs its own app server against its own stub upstream (an axum
//! app in-process that records every request it is sent).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use clap::Parser;
use eventdesk_web::config::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const PROBLEM_422: &str = r#"{"type":"https://eventdesk.example/problems/invalid-submission","title":"The submission has invalid fields","status":422,"detail":"Fix the fields below and send it again.","errors":[{"field":"url","message":"Enter a web address."}]}"#;
const PROBLEM_429: &str = r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Too many submissions from this address. Try again in 30 seconds."}"#;
const EVENT: &str = r#"{"id":"e1","title":"An event"}"#;
const RECEIPT: &str = r#"{"id":"s1","status":"pending"}"#;

/// One request as the stub upstream received it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

#[derive(Clone)]
struct StubState {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

struct Stub {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Stub {
    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn last(&self) -> Seen {
        self.seen().pop().expect("the upstream was called")
    }
}

async fn stub() -> Stub {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v1", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let app = Router::new().fallback(answer).with_state(StubState {
        base: base.clone(),
        seen: seen.clone(),
    });
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Stub { base, seen }
}

async fn answer(State(stub): State<StubState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    stub.seen.lock().unwrap().push(Seen {
        method: parts.method.to_string(),
        target: parts.uri.to_string(),
        headers: parts.headers.clone(),
        body: body.to_vec(),
    });
    let json = "application/json";
    let problem = "application/problem+json";
    match parts.uri.path() {
        "/api/v1/events/e1" => {
            if parts
                .headers
                .get(header::IF_NONE_MATCH)
                .is_some_and(|v| v == "\"v1\"")
            {
                return (StatusCode::NOT_MODIFIED, [(header::ETAG, "\"v1\"")]).into_response();
            }
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, json),
                    (header::ETAG, "\"v1\""),
                    (header::CACHE_CONTROL, "public, max-age=30"),
                    (header::LAST_MODIFIED, "Wed, 02 Dec 2026 10:00:00 GMT"),
                    (header::SET_COOKIE, "track=1; Path=/"),
                    (header::SERVER, "stub/1.0"),
                ],
                EVENT,
            )
                .into_response()
        }
        "/api/v1/events/e1/submissions" => (
            StatusCode::ACCEPTED,
            [
                (header::CONTENT_TYPE, json.to_owned()),
                (header::LOCATION, format!("{}/submissions/s1", stub.base)),
                (header::SET_COOKIE, "session=1".to_owned()),
            ],
            RECEIPT,
        )
            .into_response(),
        "/api/v1/events/bad/submissions" => (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(header::CONTENT_TYPE, problem)],
            PROBLEM_422,
        )
            .into_response(),
        "/api/v1/events/busy/submissions" => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, problem), (header::RETRY_AFTER, "30")],
            PROBLEM_429,
        )
            .into_response(),
        "/api/v1/hang" => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            (StatusCode::OK, "late").into_response()
        }
        "/api/v1/big" => (
            [(header::CONTENT_TYPE, json)],
            vec![b' '; eventdesk_web::upstream::BODY_MAX_BYTES + 1],
        )
            .into_response(),
        "/api/v1/elsewhere" => (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, "https://elsewhere.example/x")],
        )
            .into_response(),
        _ => (
            [(header::CONTENT_TYPE, json)],
            format!(r#"{{"path":"{}"}}"#, parts.uri.path()),
        )
            .into_response(),
    }
}

/// An app server in front of `upstream`, with extra flags.
struct Web {
    addr: SocketAddr,
    _dist: tempfile::TempDir,
}

impl Web {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

async fn web(upstream: &str, flags: &[&str]) -> Web {
    let dist = tempfile::tempdir().unwrap();
    let mut args = vec![
        "eventdesk-web",
        "--upstream",
        upstream,
        "--dist",
        dist.path().to_str().unwrap(),
    ];
    args.extend_from_slice(flags);
    let state = eventdesk_web::AppState::new(Config::parse_from(args)).unwrap();
    let app = eventdesk_web::router(state);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap()
    });
    Web { addr, _dist: dist }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap()
}

/// A response read off a raw connection.
#[derive(Debug)]
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("{e}: {:?}", String::from_utf8_lossy(&self.body));
        })
    }
}

/// Sends `request` as is (it should say `Connection: close`) and reads the answer.
async fn raw(addr: SocketAddr, request: &[u8]) -> Raw {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut bytes = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => bytes.extend_from_slice(&buf[..n]),
            Err(_) => panic!("no answer within 10 s"),
        }
    }
    parse_raw(&bytes)
}

fn parse_raw(bytes: &[u8]) -> Raw {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(bytes)));
    let head = std::str::from_utf8(&bytes[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut rest = &bytes[end + 4..];
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked {
        let mut body = Vec::new();
        loop {
            let line_end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = std::str::from_utf8(&rest[..line_end]).unwrap();
            let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16).unwrap();
            rest = &rest[line_end + 2..];
            if size == 0 {
                break;
            }
            body.extend_from_slice(&rest[..size]);
            rest = &rest[size + 2..];
        }
        body
    } else {
        rest.to_vec()
    };
    Raw {
        status,
        headers,
        body,
    }
}

fn get(target: &str) -> Vec<u8> {
    format!("GET {target} HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\n\r\n").into_bytes()
}

/// The app server's own problem: problem JSON of `status`, not stored.
fn assert_problem(raw: &Raw, status: u16) -> serde_json::Value {
    assert_eq!(raw.status, status, "{raw:?}");
    assert_eq!(raw.header("content-type"), Some("application/problem+json"));
    assert_eq!(raw.header("cache-control"), Some("no-store"));
    let body = raw.json();
    assert_eq!(body["status"], status);
    assert!(body["title"].is_string());
    assert!(body["detail"].is_string());
    body
}

async fn assert_problem_res(res: reqwest::Response, status: u16) -> serde_json::Value {
    assert_eq!(res.status().as_u16(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body: serde_json::Value = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(body["status"], status);
    assert!(body["detail"].is_string());
    body
}

#[tokio::test]
async fn a_get_passes_status_body_and_cache_headers() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = client()
        .get(web.url("/api/v1/events/e1?lang=fr&x=%20y"))
        .header("accept", "application/json")
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(h["etag"], "\"v1\"");
    assert_eq!(h["cache-control"], "public, max-age=30");
    assert_eq!(h["last-modified"], "Wed, 02 Dec 2026 10:00:00 GMT");
    assert!(h.get("set-cookie").is_none(), "Set-Cookie is dropped");
    assert_ne!(
        h.get("server").map(|v| v.to_str().unwrap()),
        Some("stub/1.0"),
        "only allow-listed headers come back"
    );
    assert_eq!(res.text().await.unwrap(), EVENT);

    let seen = up.last();
    assert_eq!(seen.method, "GET");
    assert_eq!(
        seen.target, "/api/v1/events/e1?lang=fr&x=%20y",
        "query as is"
    );
    assert_eq!(seen.headers["accept"], "application/json");
    assert_eq!(seen.headers["accept-language"], "fr");
    assert_eq!(up.seen().len(), 1);
}

#[tokio::test]
async fn if_none_match_is_forwarded_and_304_passed() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = client()
        .get(web.url("/api/v1/events/e1"))
        .header("if-none-match", "\"v1\"")
        .header("if-modified-since", "Wed, 02 Dec 2026 10:00:00 GMT")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert_eq!(res.headers()["etag"], "\"v1\"");
    assert!(res.bytes().await.unwrap().is_empty());
    let seen = up.last();
    assert_eq!(seen.headers["if-none-match"], "\"v1\"");
    assert_eq!(
        seen.headers["if-modified-since"],
        "Wed, 02 Dec 2026 10:00:00 GMT"
    );
}

#[tokio::test]
async fn head_passes_without_a_body() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = client()
        .head(web.url("/api/v1/events/e1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"v1\"");
    assert_eq!(up.last().method, "HEAD");
}

#[tokio::test]
async fn a_submission_is_forwarded_and_its_location_made_same_origin() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let body = r#"{"url":"https://news.example/a","outlet_name":"News"}"#;
    let res = client()
        .post(web.url("/api/v1/events/e1/submissions"))
        .header("content-type", "application/json")
        .header("user-agent", "reader/1")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(res.headers()["location"], "/api/v1/submissions/s1");
    assert_eq!(res.headers()["content-type"], "application/json");
    assert!(res.headers().get("set-cookie").is_none());
    assert_eq!(res.text().await.unwrap(), RECEIPT);

    let seen = up.last();
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.target, "/api/v1/events/e1/submissions");
    assert_eq!(seen.body, body.as_bytes());
    assert_eq!(seen.headers["content-type"], "application/json");
    assert_eq!(seen.headers["content-length"], body.len().to_string());
    assert_eq!(seen.headers["user-agent"], "reader/1");
}

#[tokio::test]
async fn a_location_elsewhere_is_passed_as_is() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = client()
        .get(web.url("/api/v1/elsewhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "https://elsewhere.example/x");
}

#[tokio::test]
async fn the_upstreams_problems_pass_unchanged() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let c = client();

    let res = c
        .post(web.url("/api/v1/events/bad/submissions"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(res.text().await.unwrap(), PROBLEM_422);

    let res = c
        .post(web.url("/api/v1/events/busy/submissions"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(res.headers()["retry-after"], "30");
    assert_eq!(res.text().await.unwrap(), PROBLEM_429);
}

#[tokio::test]
async fn x_forwarded_for_is_the_peer_unless_the_proxy_is_trusted() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = client()
        .get(web.url("/api/v1/feed"))
        .header("x-forwarded-for", "203.0.113.7")
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert_eq!(seen.headers["x-forwarded-for"], "127.0.0.1");
    assert_eq!(seen.headers["x-forwarded-proto"], "http");
    assert_eq!(seen.headers["x-forwarded-host"], web.addr.to_string());
    assert_eq!(
        seen.headers["host"],
        up.base
            .trim_start_matches("http://")
            .trim_end_matches("/api/v1")
    );

    let trusting = self::web(&up.base, &["--trust-proxy"]).await;
    let res = client()
        .get(trusting.url("/api/v1/feed"))
        .header("x-forwarded-for", "203.0.113.7, 198.51.100.2")
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-host", "news.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert_eq!(
        seen.headers["x-forwarded-for"],
        "203.0.113.7, 198.51.100.2, 127.0.0.1"
    );
    assert_eq!(seen.headers["x-forwarded-proto"], "https");
    assert_eq!(seen.headers["x-forwarded-host"], "news.example");

    // Trusted, but nothing forwarded: just the peer.
    client()
        .get(trusting.url("/api/v1/feed"))
        .send()
        .await
        .unwrap();
    assert_eq!(up.last().headers["x-forwarded-for"], "127.0.0.1");
}

#[tokio::test]
async fn credentials_and_hop_by_hop_headers_are_not_forwarded() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = raw(
        web.addr,
        b"GET /api/v1/feed HTTP/1.1\r\n\
          Host: news.example\r\n\
          Accept: application/json\r\n\
          Accept-Language: fr\r\n\
          Cookie: session=secret\r\n\
          Authorization: Bearer secret\r\n\
          Proxy-Authorization: Basic c2VjcmV0\r\n\
          TE: trailers\r\n\
          Upgrade: websocket\r\n\
          Forwarded: for=203.0.113.7\r\n\
          X-Api-Key: secret\r\n\
          Connection: close, Accept-Language\r\n\
          \r\n",
    )
    .await;
    assert_eq!(res.status, 200);
    let seen = up.last();
    assert_eq!(seen.headers["accept"], "application/json");
    for name in [
        "cookie",
        "authorization",
        "proxy-authorization",
        "te",
        "upgrade",
        "forwarded",
        "x-api-key",
        "accept-language",
    ] {
        assert!(seen.headers.get(name).is_none(), "{name} was forwarded");
    }
    assert_ne!(
        seen.headers.get("connection").map(|v| v.to_str().unwrap()),
        Some("close, Accept-Language")
    );
}

#[tokio::test]
async fn dot_and_separator_segments_are_refused_before_the_upstream() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    for target in [
        "/api/v1/..",
        "/api/v1/.",
        "/api/v1/events/../../../etc/passwd",
        "/api/v1/%2e%2e/x",
        "/api/v1/events/%2E%2e",
        "/api/v1/events/.%2e/admin",
        "/api/v1/events/a%2Fb",
        "/api/v1/events/a%2fb",
        "/api/v1/events/a%5Cb",
        "/api/v1/events/a%00b",
        "/api/v1//events",
        "/api/v1/events//e1",
        "/api/v1/events/",
        "/api/v1/",
    ] {
        let res = raw(web.addr, &get(target)).await;
        assert_problem(&res, 404);
    }
    assert!(up.seen().is_empty(), "{:?}", up.seen());
}

#[tokio::test]
async fn an_absolute_form_target_cannot_reach_another_host() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let elsewhere = TcpListener::bind("127.0.0.2:0").await.unwrap();
    let there = elsewhere.local_addr().unwrap();

    let request = format!(
        "GET http://{there}/api/v1/events/e1 HTTP/1.1\r\nHost: {there}\r\nConnection: close\r\n\r\n"
    );
    let res = raw(web.addr, request.as_bytes()).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.body, EVENT.as_bytes());
    let seen = up.last();
    assert_eq!(seen.target, "/api/v1/events/e1");

    let request =
        format!("GET http://{there}/x HTTP/1.1\r\nHost: {there}\r\nConnection: close\r\n\r\n");
    let _ = raw(web.addr, request.as_bytes()).await;

    let accepted = tokio::time::timeout(Duration::from_millis(200), elsewhere.accept()).await;
    assert!(accepted.is_err(), "the other host was connected to");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_before_the_upstream() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let max = eventdesk_model::submission::BODY_MAX_BYTES;

    // Declared by Content-Length.
    let res = client()
        .post(web.url("/api/v1/events/e1/submissions"))
        .header("content-type", "application/json")
        .body(vec![b' '; max + 1])
        .send()
        .await
        .unwrap();
    assert_problem_res(res, 413).await;

    // Chunked, found while reading.
    let chunk = vec![b' '; 4096];
    let mut request = b"POST /api/v1/events/e1/submissions HTTP/1.1\r\n\
        Host: news.example\r\n\
        Content-Type: application/json\r\n\
        Transfer-Encoding: chunked\r\n\
        Connection: close\r\n\r\n"
        .to_vec();
    for _ in 0..(max / chunk.len() + 1) {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(&chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    let res = raw(web.addr, &request).await;
    assert_problem(&res, 413);

    // A body on a GET.
    let res = raw(
        web.addr,
        b"GET /api/v1/feed HTTP/1.1\r\nHost: news.example\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    )
    .await;
    assert_problem(&res, 413);

    assert!(up.seen().is_empty());

    // At the limit, it passes.
    let res = client()
        .post(web.url("/api/v1/events/e1/submissions"))
        .header("content-type", "application/json")
        .body(vec![b' '; max])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(up.last().body.len(), max);
}

#[tokio::test]
async fn other_methods_are_405_with_allow() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    for method in ["OPTIONS", "PUT", "DELETE", "PATCH"] {
        let res = client()
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                web.url("/api/v1/events/e1"),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["allow"], "GET, HEAD, POST", "{method}");
        assert_problem_res(res, 405).await;
    }
    assert!(up.seen().is_empty());
}

#[tokio::test]
async fn a_long_target_is_414() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let target = format!("/api/v1/events?q={}", "a".repeat(8 * 1024));
    let res = raw(web.addr, &get(&target)).await;
    assert_problem(&res, 414);
    assert!(up.seen().is_empty());

    let target = format!("/api/v1/events?q={}", "a".repeat(7 * 1024));
    assert_eq!(raw(web.addr, &get(&target)).await.status, 200);
}

#[tokio::test]
async fn an_unreachable_upstream_is_502() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let web = web(&format!("http://127.0.0.1:{port}/api/v1"), &[]).await;
    let res = client()
        .get(web.url("/api/v1/events/e1"))
        .send()
        .await
        .unwrap();
    let body = assert_problem_res(res, 502).await;
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .starts_with("Eventdesk's backend could not be reached"));
}

#[tokio::test]
async fn a_hanging_upstream_is_504() {
    let up = stub().await;
    let web = web(&up.base, &["--api-timeout-ms", "300"]).await;
    let started = Instant::now();
    let res = client().get(web.url("/api/v1/hang")).send().await.unwrap();
    assert_problem_res(res, 504).await;
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn an_upstream_body_over_the_cap_is_502() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    let res = client().get(web.url("/api/v1/big")).send().await.unwrap();
    assert_problem_res(res, 502).await;

    // Chunked, with no length to go by: found while reading.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let mut head = Vec::new();
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match conn.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = conn
                    .write_all(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                    )
                    .await;
                let chunk = vec![b' '; 64 * 1024];
                let mut sent = 0;
                while sent <= eventdesk_web::upstream::BODY_MAX_BYTES {
                    let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
                    frame.extend_from_slice(&chunk);
                    frame.extend_from_slice(b"\r\n");
                    if conn.write_all(&frame).await.is_err() {
                        return;
                    }
                    sent += chunk.len();
                }
                let _ = conn.write_all(b"0\r\n\r\n").await;
            });
        }
    });
    let web = self::web(&format!("http://{addr}/api/v1"), &[]).await;
    let res = client().get(web.url("/api/v1/feed")).send().await.unwrap();
    assert_problem_res(res, 502).await;
}

#[tokio::test]
async fn other_api_paths_are_404_problems() {
    let up = stub().await;
    let web = web(&up.base, &[]).await;
    for target in ["/api/v2/x", "/api/x", "/api", "/api/v1", "/api/v10/events"] {
        let res = raw(web.addr, &get(target)).await;
        assert_problem(&res, 404);
    }
    let res = client()
        .post(web.url("/api/v2/events/e1/submissions"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem_res(res, 404).await;
    assert!(up.seen().is_empty());
}
