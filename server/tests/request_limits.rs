//! Request size limits: oversized headers, targets and bodies get a 4xx
//! problem (or, past hyper's own buffer, a refused connection), never a 5xx
//! or a crash, and the server keeps answering afterwards.

mod support;

use reqwest::{Method, StatusCode};
use serde_json::json;
use support::{TestServer, PARIS};

const KIB: usize = 1024;

async fn still_answers(server: &TestServer) {
    let a = server.get("/api/v1/categories").await;
    assert_eq!(a.status, StatusCode::OK, "the server stopped answering");
}

#[tokio::test]
async fn a_64_kib_header_gets_431() {
    let server = TestServer::start().await;
    let big = "a".repeat(64 * KIB);
    for path in ["/api/v1/categories", "/api/v1/events", "/", "/methodology"] {
        let a = server
            .request(Method::GET, path, &[("x-padding", &big)], None)
            .await;
        assert_eq!(
            a.status,
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "{path}"
        );
        assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
    }
    // Many headers of honest size that add up to too much.
    let chunk = "b".repeat(2 * KIB);
    let many: Vec<(String, &str)> = (0..12)
        .map(|i| (format!("x-part-{i}"), chunk.as_str()))
        .collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let a = server
        .request(Method::GET, "/api/v1/categories", &many, None)
        .await;
    assert_eq!(a.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    still_answers(&server).await;
}

#[tokio::test]
async fn too_many_header_lines_get_431() {
    let server = TestServer::start().await;
    let names: Vec<String> = (0..90).map(|i| format!("x-h{i}")).collect();
    let headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "1")).collect();
    let a = server
        .request(Method::GET, "/api/v1/categories", &headers, None)
        .await;
    assert_eq!(a.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    still_answers(&server).await;
}

#[tokio::test]
async fn headers_of_honest_size_pass() {
    let server = TestServer::start().await;
    // A large cookie and a long user agent, as a real browser may send.
    let cookie = format!("session={}", "c".repeat(8 * KIB));
    let agent = "Mozilla/5.0 ".repeat(40);
    let a = server
        .request(
            Method::GET,
            "/api/v1/categories",
            &[("cookie", &cookie), ("user-agent", &agent)],
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let a = server
        .post_json(
            &format!("/api/v1/events/{PARIS}/submissions"),
            &json!({ "url": "https://www.example-news.org/limits-honest" }),
        )
        .await;
    assert_eq!(a.status, StatusCode::ACCEPTED, "{}", a.text());
}

#[tokio::test]
async fn a_header_past_hypers_buffer_is_refused_without_a_crash() {
    let server = TestServer::start().await;
    let huge = "a".repeat(1024 * KIB);
    let res = reqwest::Client::new()
        .get(server.url("/api/v1/categories"))
        .header("x-padding", huge)
        .send()
        .await;
    // Hyper answers 431 itself, or closes the connection while it is still being written.
    if let Ok(res) = res {
        assert!(res.status().is_client_error(), "{}", res.status());
    }
    still_answers(&server).await;
}

#[tokio::test]
async fn a_long_target_gets_414() {
    let server = TestServer::start().await;
    let q = "x".repeat(20 * KIB);
    for path in [
        format!("/api/v1/events?q={q}"),
        format!("/api/v1/events/{q}"),
        format!("/events/{q}"),
    ] {
        let a = server.get(&path).await;
        assert_eq!(a.status, StatusCode::URI_TOO_LONG, "{}", &path[..30]);
    }
    still_answers(&server).await;
}

#[tokio::test]
async fn a_body_where_none_belongs_gets_413() {
    let server = TestServer::start().await;
    let body = vec![b'x'; 64 * KIB];
    for (method, path) in [
        (Method::GET, "/api/v1/events"),
        (Method::GET, "/api/v1/categories"),
        (Method::POST, "/api/v1/events"),
        (Method::POST, "/api/v1/methodology"),
        (Method::PUT, "/api/v1/events/x"),
        (Method::POST, "/"),
    ] {
        let a = server
            .request(
                method.clone(),
                path,
                &[("content-type", "application/json")],
                Some(body.clone()),
            )
            .await;
        assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{method} {path}");
        // Its unread body is still on the wire: the connection is not reused.
        assert_eq!(a.header("connection"), Some("close"), "{method} {path}");
    }
    // A chunked body of unknown length is refused the same way.
    let head = raw(
        &server,
        &format!(
            "GET /api/v1/categories HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2000\r\n{}\r\n0\r\n\r\n",
            "y".repeat(0x2000)
        ),
    )
    .await;
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
    // A small body on a GET is tolerated, as HTTP allows.
    let a = server
        .request(Method::GET, "/api/v1/categories", &[], Some(b"{}".to_vec()))
        .await;
    assert_eq!(a.status, StatusCode::OK);
    // The submission keeps its own limit.
    let note = "n".repeat(64 * KIB);
    let a = server
        .post_json(
            &format!("/api/v1/events/{PARIS}/submissions"),
            &json!({ "url": "https://www.example-news.org/limits-big", "note": note }),
        )
        .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.header("connection"), Some("close"));
    still_answers(&server).await;
}

/// Sends `request` as it is over a new connection; returns the answer's first line.
async fn raw(server: &TestServer, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    // The server may answer before the body is read; a reset then is fine.
    let _ = stream.write_all(request.as_bytes()).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer);
    text.lines().next().unwrap_or_default().to_owned()
}
