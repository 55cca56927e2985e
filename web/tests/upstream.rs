//! The upstream client against a stub backend in the same process: what it
//! keeps, how it revalidates, shares calls, keeps to budgets, and fails.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use eventdesk_web::upstream::{Tuning, Upstream, UpstreamError, BODY_MAX_BYTES};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the stub answers for one path.
#[derive(Clone, Debug, Default)]
struct Reply {
    status: u16,
    content_type: Option<String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
    etag: Option<String>,
    last_modified: Option<String>,
    /// The headers of a 304, when a conditional request matches.
    not_modified: Vec<(String, String)>,
}

impl Reply {
    fn json(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: Some("application/json".to_owned()),
            body: body.as_bytes().to_vec(),
            ..Reply::default()
        }
    }

    fn problem(status: u16) -> Reply {
        Reply {
            content_type: Some("application/problem+json".to_owned()),
            ..Reply::json(status, &format!(r#"{{"status":{status},"title":"x"}}"#))
        }
    }

    fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    fn cache_control(self, value: &str) -> Reply {
        self.header("cache-control", value)
    }
}

/// One request the stub saw.
#[derive(Clone, Debug)]
struct Seen {
    path: String,
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
    user_agent: Option<String>,
    accept: Option<String>,
}

#[derive(Default)]
struct Stub {
    replies: Mutex<HashMap<String, Reply>>,
    seen: Mutex<Vec<Seen>>,
}

/// A stub backend on 127.0.0.1, answering under `/api/v1` as told.
struct Harness {
    stub: Arc<Stub>,
    base: String,
}

impl Harness {
    async fn start() -> Harness {
        let stub = Arc::new(Stub::default());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/api/v1", listener.local_addr().unwrap());
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(stub.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Harness { stub, base }
    }

    fn set(&self, path: &str, reply: Reply) {
        self.stub
            .replies
            .lock()
            .unwrap()
            .insert(path.to_owned(), reply);
    }

    fn seen(&self, path: &str) -> Vec<Seen> {
        let seen = self.stub.seen.lock().unwrap();
        seen.iter().filter(|s| s.path == path).cloned().collect()
    }

    fn calls(&self, path: &str) -> usize {
        self.seen(path).len()
    }

    fn upstream(&self) -> Upstream {
        Upstream::new(&self.base).unwrap()
    }

    fn upstream_with(&self, tuning: Tuning) -> Upstream {
        Upstream::with_tuning(&self.base, tuning).unwrap()
    }
}

fn header(req: &Request, name: &str) -> Option<String> {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The stub's one handler: records the request, then answers as set.
async fn answer(State(stub): State<Arc<Stub>>, req: Request) -> Response {
    let full = req.uri().path_and_query().map_or("", |p| p.as_str());
    let path = full.strip_prefix("/api/v1").unwrap_or(full).to_owned();
    let seen = Seen {
        path: path.clone(),
        if_none_match: header(&req, "if-none-match"),
        if_modified_since: header(&req, "if-modified-since"),
        user_agent: header(&req, "user-agent"),
        accept: header(&req, "accept"),
    };
    stub.seen.lock().unwrap().push(seen.clone());
    let reply = stub.replies.lock().unwrap().get(&path).cloned();
    let Some(reply) = reply else {
        return (StatusCode::NOT_FOUND, "no stub").into_response();
    };
    tokio::time::sleep(reply.delay).await;
    let matches = |given: &Option<String>, kept: &Option<String>| {
        given.is_some() && given.as_ref() == kept.as_ref()
    };
    if matches(&seen.if_none_match, &reply.etag)
        || matches(&seen.if_modified_since, &reply.last_modified)
    {
        return respond(304, &reply.not_modified, Vec::new());
    }
    let mut headers = reply.headers.clone();
    let named = [
        ("content-type", &reply.content_type),
        ("etag", &reply.etag),
        ("last-modified", &reply.last_modified),
    ];
    for (name, value) in named {
        if let Some(value) = value {
            headers.push((name.to_owned(), value.clone()));
        }
    }
    respond(reply.status, &headers, reply.body)
}

fn respond(status: u16, headers: &[(String, String)], body: Vec<u8>) -> Response {
    let mut response = (StatusCode::from_u16(status).unwrap(), body).into_response();
    response.headers_mut().remove("content-type");
    for (name, value) in headers {
        response.headers_mut().append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    response
}

/// A server that writes `response` as it is to every connection, then
/// closes it; the base URL, and the task to abort to stop listening.
async fn raw_server(response: Vec<u8>) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v1", listener.local_addr().unwrap());
    let response = Arc::new(response);
    let task = tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let response = response.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = socket.write_all(&response).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    (base, task)
}

const BUDGET: Duration = Duration::from_secs(5);

fn value(answer: &eventdesk_web::upstream::Answer) -> serde_json::Value {
    answer.json().unwrap()
}

#[tokio::test]
async fn a_200_with_max_age_is_kept() {
    let h = Harness::start().await;
    h.set(
        "/events/a",
        Reply::json(200, r#"{"id":"a"}"#).cache_control("public, max-age=60"),
    );
    let upstream = h.upstream();
    let first = upstream.get("/events/a", BUDGET).await.unwrap();
    let second = upstream.get("/events/a", BUDGET).await.unwrap();
    assert_eq!(first.status, 200);
    assert_eq!(second.text(), r#"{"id":"a"}"#);
    assert_eq!(value(&second)["id"], "a");
    assert_eq!(h.calls("/events/a"), 1);
    assert_eq!(upstream.calls(), 1);
    let seen = &h.seen("/events/a")[0];
    let agent = seen.user_agent.as_deref().unwrap();
    assert!(agent.starts_with("eventdesk-web/"), "{agent}");
    assert!(seen.accept.as_deref().unwrap().contains("application/json"));
}

#[tokio::test]
async fn the_query_is_part_of_the_key() {
    let h = Harness::start().await;
    let reply = Reply::json(200, "[]").cache_control("max-age=60");
    h.set("/events?page=1", reply.clone());
    h.set("/events?page=2", reply);
    let upstream = h.upstream();
    for path in ["/events?page=1", "/events?page=2", "/events?page=1"] {
        upstream.get(path, BUDGET).await.unwrap();
    }
    assert_eq!(h.calls("/events?page=1"), 1);
    assert_eq!(h.calls("/events?page=2"), 1);
}

#[tokio::test]
async fn no_store_and_private_are_never_kept() {
    let h = Harness::start().await;
    h.set("/a", Reply::json(200, "{}").cache_control("no-store"));
    h.set(
        "/b",
        Reply::json(200, "{}").cache_control("private, max-age=60"),
    );
    let upstream = h.upstream();
    for _ in 0..2 {
        upstream.get("/a", BUDGET).await.unwrap();
        upstream.get("/b", BUDGET).await.unwrap();
    }
    assert_eq!(h.calls("/a"), 2);
    assert_eq!(h.calls("/b"), 2);
    assert_eq!(upstream.cache_usage().0, 0);
}

#[tokio::test]
async fn a_stale_etag_is_revalidated_and_a_304_keeps_the_body() {
    let h = Harness::start().await;
    h.set(
        "/events/e",
        Reply {
            etag: Some("\"v1\"".to_owned()),
            not_modified: vec![("cache-control".to_owned(), "max-age=60".to_owned())],
            ..Reply::json(200, r#"{"v":1}"#).cache_control("max-age=0")
        },
    );
    let upstream = h.upstream();
    upstream.get("/events/e", BUDGET).await.unwrap();
    let second = upstream.get("/events/e", BUDGET).await.unwrap();
    assert_eq!(second.status, 200);
    assert_eq!(second.text(), r#"{"v":1}"#);
    let seen = h.seen("/events/e");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].if_none_match, None);
    assert_eq!(seen[1].if_none_match.as_deref(), Some("\"v1\""));
    // Fresh for 60 s now, as the 304 said.
    let third = upstream.get("/events/e", BUDGET).await.unwrap();
    assert_eq!(third.text(), r#"{"v":1}"#);
    assert_eq!(h.calls("/events/e"), 2);
    assert_eq!(upstream.calls(), 2);
}

#[tokio::test]
async fn a_changed_etag_brings_the_new_body() {
    let h = Harness::start().await;
    let v1 = Reply {
        etag: Some("\"v1\"".to_owned()),
        ..Reply::json(200, r#"{"v":1}"#).cache_control("max-age=0")
    };
    h.set("/e", v1);
    let upstream = h.upstream();
    upstream.get("/e", BUDGET).await.unwrap();
    h.set(
        "/e",
        Reply {
            etag: Some("\"v2\"".to_owned()),
            ..Reply::json(200, r#"{"v":2}"#).cache_control("max-age=60")
        },
    );
    let second = upstream.get("/e", BUDGET).await.unwrap();
    assert_eq!(second.text(), r#"{"v":2}"#);
    assert_eq!(h.seen("/e")[1].if_none_match.as_deref(), Some("\"v1\""));
    upstream.get("/e", BUDGET).await.unwrap();
    assert_eq!(h.calls("/e"), 2);
}

#[tokio::test]
async fn last_modified_is_revalidated_with_if_modified_since() {
    let h = Harness::start().await;
    let date = "Wed, 21 Oct 2015 07:28:00 GMT";
    h.set(
        "/l",
        Reply {
            last_modified: Some(date.to_owned()),
            ..Reply::json(200, r#"{"l":1}"#).cache_control("no-cache")
        },
    );
    let upstream = h.upstream();
    for _ in 0..3 {
        let answer = upstream.get("/l", BUDGET).await.unwrap();
        assert_eq!(answer.text(), r#"{"l":1}"#);
        assert_eq!(answer.status, 200);
    }
    // no-cache: kept, but revalidated on every read; a bare 304 keeps it so.
    let seen = h.seen("/l");
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0].if_modified_since, None);
    assert_eq!(seen[1].if_modified_since.as_deref(), Some(date));
    assert_eq!(seen[2].if_modified_since.as_deref(), Some(date));
}

#[tokio::test]
async fn default_freshness_when_the_upstream_says_nothing() {
    let h = Harness::start().await;
    h.set("/d", Reply::json(200, "{}"));
    let upstream = h.upstream_with(Tuning {
        default_fresh: Duration::from_millis(300),
        ..Tuning::default()
    });
    upstream.get("/d", BUDGET).await.unwrap();
    upstream.get("/d", BUDGET).await.unwrap();
    assert_eq!(h.calls("/d"), 1);
    tokio::time::sleep(Duration::from_millis(400)).await;
    upstream.get("/d", BUDGET).await.unwrap();
    assert_eq!(h.calls("/d"), 2);
}

#[tokio::test]
async fn age_is_subtracted_and_expires_is_a_fallback() {
    let h = Harness::start().await;
    h.set(
        "/aged",
        Reply::json(200, "{}")
            .cache_control("max-age=60")
            .header("age", "60"),
    );
    let now = SystemTime::now();
    h.set(
        "/expires",
        Reply::json(200, "{}")
            .header("date", &httpdate::fmt_http_date(now))
            .header(
                "expires",
                &httpdate::fmt_http_date(now + Duration::from_secs(60)),
            ),
    );
    h.set("/expired", Reply::json(200, "{}").header("expires", "0"));
    let upstream = h.upstream();
    for _ in 0..2 {
        for path in ["/aged", "/expires", "/expired"] {
            upstream.get(path, BUDGET).await.unwrap();
        }
    }
    assert_eq!(h.calls("/aged"), 2);
    assert_eq!(h.calls("/expires"), 1);
    assert_eq!(h.calls("/expired"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_gets_of_one_path_share_one_call() {
    let h = Harness::start().await;
    h.set(
        "/busy",
        Reply {
            delay: Duration::from_millis(300),
            ..Reply::json(200, r#"{"busy":true}"#).cache_control("max-age=60")
        },
    );
    let upstream = Arc::new(h.upstream());
    let readers: Vec<_> = (0..200)
        .map(|_| {
            let upstream = upstream.clone();
            tokio::spawn(async move { upstream.get("/busy", BUDGET).await })
        })
        .collect();
    for reader in readers {
        let answer = reader.await.unwrap().unwrap();
        assert_eq!(answer.text(), r#"{"busy":true}"#);
    }
    assert_eq!(h.calls("/busy"), 1);
    assert_eq!(upstream.calls(), 1);
}

#[tokio::test]
async fn a_slow_upstream_times_out_within_the_budget_and_still_fills_the_cache() {
    let h = Harness::start().await;
    h.set(
        "/slow",
        Reply {
            delay: Duration::from_secs(2),
            ..Reply::json(200, r#"{"slow":1}"#).cache_control("max-age=60")
        },
    );
    let upstream = h.upstream();
    let start = Instant::now();
    let got = upstream.get("/slow", Duration::from_millis(200)).await;
    let waited = start.elapsed();
    assert_eq!(got.unwrap_err(), UpstreamError::Timeout);
    assert!(waited >= Duration::from_millis(190), "{waited:?}");
    assert!(waited < Duration::from_millis(700), "{waited:?}");
    // The call goes on with no one waiting, and fills the cache.
    tokio::time::sleep(Duration::from_millis(2300).saturating_sub(start.elapsed())).await;
    let later = upstream
        .get("/slow", Duration::from_millis(50))
        .await
        .unwrap();
    assert_eq!(later.text(), r#"{"slow":1}"#);
    assert_eq!(h.calls("/slow"), 1);
    assert_eq!(upstream.calls(), 1);
}

#[tokio::test]
async fn a_slow_refresh_serves_the_kept_answer_past_the_budget() {
    let h = Harness::start().await;
    h.set(
        "/s",
        Reply::json(200, r#"{"v":1}"#).cache_control("max-age=0"),
    );
    let upstream = h.upstream();
    upstream.get("/s", BUDGET).await.unwrap();
    h.set(
        "/s",
        Reply {
            delay: Duration::from_millis(500),
            ..Reply::json(200, r#"{"v":2}"#).cache_control("max-age=60")
        },
    );
    let start = Instant::now();
    let stale = upstream
        .get("/s", Duration::from_millis(100))
        .await
        .unwrap();
    assert_eq!(stale.text(), r#"{"v":1}"#);
    assert!(start.elapsed() < Duration::from_millis(400));
    tokio::time::sleep(Duration::from_millis(700)).await;
    let fresh = upstream.get("/s", Duration::from_millis(50)).await.unwrap();
    assert_eq!(fresh.text(), r#"{"v":2}"#);
    assert_eq!(h.calls("/s"), 2);
}

#[tokio::test]
async fn a_refused_connection_is_unreachable_at_once() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let upstream = Upstream::new(&format!("http://127.0.0.1:{port}/api/v1")).unwrap();
    let start = Instant::now();
    let got = upstream.get("/events/x", BUDGET).await;
    assert!(matches!(got, Err(UpstreamError::Unreachable(_))), "{got:?}");
    assert!(start.elapsed() < Duration::from_secs(1));
    assert_eq!(upstream.calls(), 1);
}

#[tokio::test]
async fn an_html_error_page_is_not_json() {
    let h = Harness::start().await;
    h.set(
        "/html",
        Reply {
            status: 502,
            content_type: Some("text/html; charset=utf-8".to_owned()),
            body: b"<h1>Bad gateway</h1>".to_vec(),
            ..Reply::default()
        },
    );
    h.set(
        "/none",
        Reply {
            status: 200,
            body: b"{}".to_vec(),
            ..Reply::default()
        },
    );
    let upstream = h.upstream();
    assert_eq!(
        upstream.get("/html", BUDGET).await.unwrap_err(),
        UpstreamError::NotJson {
            status: 502,
            content_type: "text/html; charset=utf-8".to_owned()
        }
    );
    assert_eq!(
        upstream.get("/none", BUDGET).await.unwrap_err(),
        UpstreamError::NotJson {
            status: 200,
            content_type: String::new()
        }
    );
}

#[tokio::test]
async fn a_server_error_problem_is_a_status_and_not_kept() {
    let h = Harness::start().await;
    h.set("/down", Reply::problem(503).cache_control("max-age=60"));
    let upstream = h.upstream();
    for _ in 0..2 {
        let got = upstream.get("/down", BUDGET).await;
        assert_eq!(got.unwrap_err(), UpstreamError::Status(503));
    }
    assert_eq!(h.calls("/down"), 2);
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let h = Harness::start().await;
    h.set(
        "/moved",
        Reply::json(301, "{}").header("location", "http://127.0.0.1:9/elsewhere"),
    );
    let upstream = h.upstream();
    let got = upstream.get("/moved", BUDGET).await;
    assert_eq!(got.unwrap_err(), UpstreamError::Status(301));
    assert_eq!(upstream.calls(), 1);
}

#[tokio::test]
async fn truncated_json_is_an_answer_but_malformed() {
    let h = Harness::start().await;
    h.set("/cut", Reply::json(200, r#"{"id":"#));
    let upstream = h.upstream();
    let answer = upstream.get("/cut", BUDGET).await.unwrap();
    assert_eq!(answer.text(), r#"{"id":"#);
    let parsed = answer.json::<serde_json::Value>();
    assert!(
        matches!(parsed, Err(UpstreamError::Malformed(_))),
        "{parsed:?}"
    );
}

#[tokio::test]
async fn a_body_that_is_not_utf8_is_malformed() {
    let h = Harness::start().await;
    h.set(
        "/bytes",
        Reply {
            body: vec![b'"', 0xff, 0xfe, b'"'],
            ..Reply::json(200, "")
        },
    );
    let upstream = h.upstream();
    let got = upstream.get("/bytes", BUDGET).await;
    assert!(matches!(got, Err(UpstreamError::Malformed(_))), "{got:?}");
}

#[tokio::test]
async fn a_body_over_the_cap_by_its_length_is_too_large() {
    let h = Harness::start().await;
    let big = format!("\"{}\"", "x".repeat(BODY_MAX_BYTES));
    h.set("/big", Reply::json(200, &big));
    h.set("/fits", Reply::json(200, &big[..BODY_MAX_BYTES]));
    let upstream = h.upstream();
    assert_eq!(
        upstream.get("/big", BUDGET).await.unwrap_err(),
        UpstreamError::TooLarge
    );
    let fits = upstream.get("/fits", BUDGET).await.unwrap();
    assert_eq!(fits.body.len(), BODY_MAX_BYTES);
}

#[tokio::test]
async fn a_chunked_body_over_the_cap_is_too_large() {
    let mut response = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
        transfer-encoding: chunked\r\nconnection: close\r\n\r\n"
        .to_vec();
    let chunk = vec![b' '; 64 * 1024];
    for _ in 0..(BODY_MAX_BYTES / chunk.len() + 2) {
        response.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        response.extend_from_slice(&chunk);
        response.extend_from_slice(b"\r\n");
    }
    response.extend_from_slice(b"0\r\n\r\n");
    let (base, _server) = raw_server(response).await;
    let upstream = Upstream::new(&base).unwrap();
    assert_eq!(
        upstream.get("/chunked", BUDGET).await.unwrap_err(),
        UpstreamError::TooLarge
    );
}

#[tokio::test]
async fn a_body_cut_short_is_unreachable() {
    let response = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
        content-length: 100\r\nconnection: close\r\n\r\n{\"id\":\"ab"
        .to_vec();
    let (base, _server) = raw_server(response).await;
    let upstream = Upstream::new(&base).unwrap();
    let got = upstream.get("/short", BUDGET).await;
    assert!(matches!(got, Err(UpstreamError::Unreachable(_))), "{got:?}");
}

#[tokio::test]
async fn a_missing_event_problem_is_kept() {
    let h = Harness::start().await;
    h.set("/events/gone", Reply::problem(404));
    h.set("/events/removed", Reply::problem(410));
    let upstream = h.upstream();
    for _ in 0..3 {
        let missing = upstream.get("/events/gone", BUDGET).await.unwrap();
        assert_eq!(missing.status, 404);
        let parsed = missing.json::<serde_json::Value>();
        assert_eq!(parsed.unwrap_err(), UpstreamError::Status(404));
        let removed = upstream.get("/events/removed", BUDGET).await.unwrap();
        assert_eq!(removed.status, 410);
    }
    assert_eq!(h.calls("/events/gone"), 1);
    assert_eq!(h.calls("/events/removed"), 1);
}

#[tokio::test]
async fn other_client_errors_are_answers_but_not_kept() {
    let h = Harness::start().await;
    h.set("/bad", Reply::problem(400).cache_control("max-age=60"));
    let upstream = h.upstream();
    for _ in 0..2 {
        assert_eq!(upstream.get("/bad", BUDGET).await.unwrap().status, 400);
    }
    assert_eq!(h.calls("/bad"), 2);
}

#[tokio::test]
async fn a_failed_refresh_serves_the_kept_answer() {
    let h = Harness::start().await;
    h.set(
        "/e",
        Reply::json(200, r#"{"v":1}"#).cache_control("max-age=0"),
    );
    let upstream = h.upstream();
    upstream.get("/e", BUDGET).await.unwrap();
    h.set("/e", Reply::problem(503));
    let stale = upstream.get("/e", BUDGET).await.unwrap();
    assert_eq!(stale.text(), r#"{"v":1}"#);
    h.set(
        "/e",
        Reply {
            status: 502,
            content_type: Some("text/html".to_owned()),
            ..Reply::default()
        },
    );
    let stale = upstream.get("/e", BUDGET).await.unwrap();
    assert_eq!(stale.text(), r#"{"v":1}"#);
    assert_eq!(h.calls("/e"), 3);
}

#[tokio::test]
async fn an_unreachable_upstream_serves_the_kept_answer() {
    let response = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
        cache-control: max-age=0\r\ncontent-length: 7\r\nconnection: close\r\n\r\n{\"v\":1}"
        .to_vec();
    let (base, server) = raw_server(response).await;
    let upstream = Upstream::new(&base).unwrap();
    upstream.get("/e", BUDGET).await.unwrap();
    server.abort();
    let _ = server.await;
    let stale = upstream.get("/e", BUDGET).await.unwrap();
    assert_eq!(stale.text(), r#"{"v":1}"#);
    assert_eq!(upstream.calls(), 2);
    let other = upstream.get("/other", BUDGET).await;
    assert!(
        matches!(other, Err(UpstreamError::Unreachable(_))),
        "{other:?}"
    );
}

#[tokio::test]
async fn no_stale_answer_past_the_window_or_under_must_revalidate() {
    let h = Harness::start().await;
    h.set("/a", Reply::json(200, "{}").cache_control("max-age=0"));
    h.set(
        "/b",
        Reply::json(200, "{}").cache_control("max-age=0, must-revalidate"),
    );
    let upstream = h.upstream_with(Tuning {
        stale_if_error: Duration::from_millis(100),
        ..Tuning::default()
    });
    upstream.get("/a", BUDGET).await.unwrap();
    upstream.get("/b", BUDGET).await.unwrap();
    h.set("/a", Reply::problem(503));
    h.set("/b", Reply::problem(503));
    assert_eq!(
        upstream.get("/b", BUDGET).await.unwrap_err(),
        UpstreamError::Status(503)
    );
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(
        upstream.get("/a", BUDGET).await.unwrap_err(),
        UpstreamError::Status(503)
    );
}

#[tokio::test]
async fn the_cache_is_bounded_least_recently_used_first() {
    let h = Harness::start().await;
    for path in ["/1", "/2", "/3"] {
        h.set(path, Reply::json(200, "{}").cache_control("max-age=60"));
    }
    let upstream = h.upstream_with(Tuning {
        max_entries: 2,
        ..Tuning::default()
    });
    for path in ["/1", "/2", "/1", "/3", "/1", "/2"] {
        upstream.get(path, BUDGET).await.unwrap();
    }
    // "/2" was the least recently used when "/3" came.
    assert_eq!(h.calls("/1"), 1);
    assert_eq!(h.calls("/2"), 2);
    assert_eq!(h.calls("/3"), 1);
    assert_eq!(upstream.cache_usage().0, 2);
}

#[test]
fn only_http_bases_ending_in_api_v1_are_accepted() {
    for bad in [
        "ftp://x/api/v1",
        "http://x/other",
        "http://u:p@x/api/v1",
        "http://x/api/v1?x=1",
        "not a url",
    ] {
        let refused = Upstream::new(bad);
        assert!(
            matches!(refused, Err(UpstreamError::Config(_))),
            "{bad}: {refused:?}"
        );
    }
    let secret = Upstream::new("http://u:secret@x/api/v1").unwrap_err();
    assert!(!secret.to_string().contains("secret"), "{secret}");
    let upstream = Upstream::new("http://127.0.0.1:9/api/v1/").unwrap();
    assert_eq!(upstream.base(), "http://127.0.0.1:9/api/v1");
    assert_eq!(
        upstream.url("/events/x?y=1"),
        "http://127.0.0.1:9/api/v1/events/x?y=1"
    );
    assert!(Upstream::new("https://example.org/backend/api/v1").is_ok());
}

#[tokio::test]
async fn a_path_must_start_with_a_slash() {
    let upstream = Upstream::new("http://127.0.0.1:9/api/v1").unwrap();
    let got = upstream.get("events", BUDGET).await;
    assert!(matches!(got, Err(UpstreamError::Config(_))), "{got:?}");
    assert_eq!(upstream.calls(), 0);
}
