//! A stub upstream: an axum app in-process that answers every request as
//! the test's handler says (status, headers, body, delay), can be told to
//! answer otherwise mid-test, and records every request it is sent. Also a
//! raw one ([`RawStub`]) for answers no HTTP library writes: a body cut
//! short, a body streamed with no length.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as a stub received it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// The path after `/api/v1`, with its query: `/events/x`.
    pub path: String,
    pub headers: HeaderMap,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The last segment of the path, without its query (an event's id).
    pub fn id(&self) -> &str {
        let path = self.path.split('?').next().unwrap_or("");
        path.rsplit('/').next().unwrap_or("")
    }
}

/// What a stub answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Waited before answering.
    pub delay: Duration,
}

impl Reply {
    /// `body` as `content_type`.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    pub fn json(status: u16, body: &Value) -> Reply {
        Reply::raw(status, "application/json", body.to_string())
    }

    /// A problem document with this status.
    pub fn problem(status: u16, title: &str, detail: &str) -> Reply {
        let body = serde_json::json!({
            "type": "about:blank", "title": title, "status": status, "detail": detail,
        });
        Reply::raw(status, "application/problem+json", body.to_string())
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// The contract's example event (`api/examples/event-paris-coalition.json`),
/// under the id `id`.
pub fn event(id: &str) -> Value {
    let mut doc = eventdesk_model::examples::paris_event_value();
    doc["id"] = Value::String(id.to_owned());
    doc
}

/// [`event`] as `GET /events` lists it: without the fields only the event's
/// own resource carries.
pub fn summary(id: &str) -> Value {
    let mut doc = event(id);
    let fields = doc.as_object_mut().expect("an object");
    for field in eventdesk_model::examples::DETAIL_ONLY_FIELDS {
        fields.remove(field);
    }
    doc
}

type Handler = Arc<dyn Fn(&Seen) -> Reply + Send + Sync>;

#[derive(Clone)]
struct Shared {
    handler: Arc<Mutex<Handler>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// A stub upstream at `base`.
pub struct Stub {
    /// `http://127.0.0.1:PORT/api/v1`.
    pub base: String,
    shared: Shared,
}

impl Stub {
    /// Answers every request with `handler`'s reply.
    pub async fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Stub {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/api/v1", listener.local_addr().unwrap());
        let shared = Shared {
            handler: Arc::new(Mutex::new(Arc::new(handler))),
            seen: Arc::default(),
        };
        let app = Router::new().fallback(answer).with_state(shared.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Stub { base, shared }
    }

    /// Answers with `handler` from now on.
    pub fn set(&self, handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) {
        *self.shared.handler.lock().unwrap() = Arc::new(handler);
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }

    /// The requests so far for `path` (after `/api/v1`, query included).
    pub fn seen_at(&self, path: &str) -> Vec<Seen> {
        self.seen().into_iter().filter(|s| s.path == path).collect()
    }

    /// How many requests so far for `path`.
    pub fn calls(&self, path: &str) -> usize {
        self.seen_at(path).len()
    }
}

async fn answer(State(shared): State<Shared>, req: Request) -> Response {
    let uri = req.uri();
    let target = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    let seen = Seen {
        method: req.method().to_string(),
        path: target.strip_prefix("/api/v1").unwrap_or(target).to_owned(),
        headers: req.headers().clone(),
    };
    shared.seen.lock().unwrap().push(seen.clone());
    let handler = shared.handler.lock().unwrap().clone();
    let reply = handler(&seen);
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let mut res = reply.body.into_response();
    *res.status_mut() = StatusCode::from_u16(reply.status).unwrap();
    let headers = res.headers_mut();
    headers.remove("content-type");
    for (name, value) in &reply.headers {
        headers.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    res
}

/// A stub that writes the same raw bytes to every connection after reading
/// its request head, then closes it.
pub struct RawStub {
    pub base: String,
    calls: Arc<Mutex<usize>>,
}

impl RawStub {
    pub async fn start(answer: Vec<u8>) -> RawStub {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/api/v1", listener.local_addr().unwrap());
        let calls = Arc::new(Mutex::new(0));
        let answer = Arc::new(answer);
        let counted = calls.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut conn, _)) = listener.accept().await else {
                    break;
                };
                let answer = answer.clone();
                let counted = counted.clone();
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut buf = [0u8; 4096];
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                        match conn.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buf[..n]),
                        }
                    }
                    *counted.lock().unwrap() += 1;
                    let _ = conn.write_all(&answer).await;
                    let _ = conn.shutdown().await;
                });
            }
        });
        RawStub { base, calls }
    }

    /// A 200 JSON answer that promises `Content-Length: 1000` and sends
    /// `{"id":` before the connection closes.
    pub fn cut_short() -> Vec<u8> {
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\nconnection: close\r\n\r\n{\"id\":".to_vec()
    }

    /// A 200 JSON answer of `total` bytes, chunked (no `Content-Length`).
    pub fn chunked_json(total: usize) -> Vec<u8> {
        let mut out =
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
                .to_vec();
        let chunk = vec![b' '; 64 * 1024];
        let mut sent = 0;
        while sent < total {
            let n = chunk.len().min(total - sent);
            out.extend_from_slice(format!("{n:x}\r\n").as_bytes());
            out.extend_from_slice(&chunk[..n]);
            out.extend_from_slice(b"\r\n");
            sent += n;
        }
        out.extend_from_slice(b"0\r\n\r\n");
        out
    }

    pub fn calls(&self) -> usize {
        *self.calls.lock().unwrap()
    }
}

/// An upstream address nothing listens on.
pub async fn dead_base() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}/api/v1")
}
