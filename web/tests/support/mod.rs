//! What the web tests share: the reference API (`eventdesk-server`) and the
//! app server (`eventdesk-web`) started in-process on free ports, a built app
//! (`write_dist`), an HTTP client that checks what `/api/` answers look like,
//! a stub upstream that answers as a test says (`stub`), and a reader of
//! page heads (`html`).
//!
//! Neither server reads the test process's environment: their configs are
//! parsed from explicit flags, then every flag that has an `EVENTDESK_*`
//! variable behind it is set again by hand.

#![allow(dead_code)]

pub mod html;
pub mod stub;

use std::net::SocketAddr;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Parser;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use tokio::net::TcpListener;

pub const PARIS: &str = "paris-coalition-security-guarantees-2025-09-04";
/// What `write_dist`'s `index.html` says in its body.
pub const APP_MARK: &str = "<div id=\"test-app\">Eventdesk test app</div>";
/// What `write_dist`'s `event.html` says in its body.
pub const EVENT_APP_MARK: &str = "<div id=\"test-event-app\">Eventdesk event page build</div>";

/// The reference backend's sample data.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("server")
        .join("fixtures")
}

/// One fixture file, e.g. `methodology.json`, read apart from the server.
pub fn read_fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture file");
    serde_json::from_str(&text).expect("fixture JSON")
}

/// Copies a folder tree, for tests that change a copy of the fixtures.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Serves `app` on a free port of 127.0.0.1 until the test's runtime stops,
/// as both programs serve (with the peer's address); its `http://` origin.
async fn serve(app: axum::Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let origin = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("the server serves")
    });
    origin
}

/// The reference API, in-process, on a temporary database loaded from
/// `fixtures`. It stops with the test's runtime.
pub struct Api {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub fixtures: PathBuf,
    _dir: tempfile::TempDir,
}

impl Api {
    pub async fn start() -> Api {
        Api::start_with(fixtures_dir()).await
    }

    /// What `eventdesk_server::run` does, on a free port: open the database,
    /// install the fixtures, serve the router with the peer's address.
    pub async fn start_with(fixtures: PathBuf) -> Api {
        use eventdesk_server::config;
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("data").join("test.sqlite3");
        let args: Vec<std::ffi::OsString> = vec![
            "eventdesk-server".into(),
            "--addr".into(),
            "127.0.0.1:0".into(),
            "--db".into(),
            db_path.clone().into(),
            "--fixtures".into(),
            fixtures.clone().into(),
            "--submit-limit".into(),
            "100000/1s".into(),
        ];
        let mut config = config::Config::parse_from(args);
        // Flags the environment could have set.
        config.db = db_path.clone();
        config.fixtures = fixtures.clone();
        config.submit_limit = "100000/1s".parse().unwrap();
        // The app server in front says who asked in X-Forwarded-For.
        config.trust_proxy = true;

        let app = eventdesk_server::app(config).expect("the reference API starts");
        let base = serve(app).await;
        Api {
            base,
            fixtures,
            _dir: dir,
        }
    }

    /// The upstream URL the app server is given.
    pub fn upstream(&self) -> String {
        format!("{}/api/v1", self.base)
    }

    /// A GET straight to the API (`path` after `/api/v1`), expected to be 200 JSON.
    pub async fn get_json(&self, path: &str) -> Value {
        let res = reqwest::get(format!("{}{path}", self.upstream()))
            .await
            .expect("the API answers");
        assert_eq!(res.status(), StatusCode::OK, "API GET {path}");
        serde_json::from_slice(&res.bytes().await.unwrap()).expect("API JSON")
    }
}

/// How to start an app server.
#[derive(Debug, Clone)]
pub struct WebSetup {
    /// The upstream's base, ending in `/api/v1`.
    pub upstream: String,
    pub dist: PathBuf,
    pub no_preload: bool,
    pub public_origin: Option<String>,
    pub trust_proxy: bool,
    /// `--api-timeout-ms`: how long the proxy waits for the upstream.
    pub api_timeout_ms: u64,
}

impl WebSetup {
    /// In front of `upstream`, with an empty (not yet written) dist in a new
    /// temporary folder.
    pub fn fresh(upstream: &str) -> (WebSetup, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let setup = WebSetup {
            upstream: upstream.to_owned(),
            dist: dir.path().join("dist"),
            no_preload: false,
            public_origin: None,
            trust_proxy: false,
            api_timeout_ms: 10_000,
        };
        (setup, dir)
    }

    /// The app server's config: parsed from flags as `main` would, then each
    /// field the environment could have set, set from `self`.
    pub fn config(&self) -> eventdesk_web::config::Config {
        let mut args: Vec<std::ffi::OsString> = vec![
            "eventdesk-web".into(),
            "--addr".into(),
            "127.0.0.1:0".into(),
            "--upstream".into(),
            self.upstream.clone().into(),
            "--dist".into(),
            self.dist.clone().into(),
            "--api-timeout-ms".into(),
            self.api_timeout_ms.to_string().into(),
        ];
        if let Some(origin) = &self.public_origin {
            args.push("--public-origin".into());
            args.push(origin.into());
        }
        if self.no_preload {
            args.push("--no-preload".into());
        }
        if self.trust_proxy {
            args.push("--trust-proxy".into());
        }
        let mut config = eventdesk_web::config::Config::parse_from(args);
        config.upstream = self.upstream.clone();
        config.dist = self.dist.clone();
        config.public_origin = self.public_origin.clone();
        config.no_preload = self.no_preload;
        config.trust_proxy = self.trust_proxy;
        config.api_timeout_ms = self.api_timeout_ms;
        config
    }
}

/// A running app server, in-process.
pub struct Web {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub setup: WebSetup,
    /// The server's state: its upstream (and that upstream's call count).
    pub state: eventdesk_web::AppState,
    client: reqwest::Client,
    _dir: Option<tempfile::TempDir>,
}

/// One answer, with its body read.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// From sending the request to having the whole body.
    pub elapsed: Duration,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts a problem answer with this status, and returns it.
    pub fn problem(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let p = self.json();
        assert_eq!(p["status"], status, "{p}");
        assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()), "{p}");
        assert!(p["detail"].as_str().is_some_and(|t| !t.is_empty()), "{p}");
        p
    }
}

/// A client that follows no redirects and keeps many connections.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(256)
        .build()
        .expect("client")
}

impl Web {
    /// In front of `upstream`, with [`write_dist`]'s app.
    pub async fn start(upstream: &str) -> Web {
        let (setup, dir) = WebSetup::fresh(upstream);
        write_dist(&setup.dist);
        Web::start_with(setup, Some(dir)).await
    }

    /// What `eventdesk_web::run` does, on a free port; `dir` lives as long
    /// as the server.
    pub async fn start_with(setup: WebSetup, dir: Option<tempfile::TempDir>) -> Web {
        let state = eventdesk_web::AppState::new(setup.config()).expect("the app server's state");
        let base = serve(eventdesk_web::router(state.clone())).await;
        Web {
            base,
            setup,
            state,
            client: client(),
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sends a request; an answer under `/api/` is checked (see [`check_api`]).
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Answer {
        let answer = self.send(method.clone(), path, headers, body).await;
        check_api(&method, path, &answer);
        answer
    }

    /// A GET whose answer is not checked against the contract (an upstream
    /// that breaks it, passed through).
    pub async fn get_unchecked(&self, path: &str) -> Answer {
        self.send(Method::GET, path, &[], None).await
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Answer {
        let mut req = self.client.request(method.clone(), self.url(path));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(body) = body {
            req = req.body(body);
        }
        let started = std::time::Instant::now();
        let res = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.bytes().await.expect("body").to_vec();
        Answer {
            status,
            headers,
            body,
            elapsed: started.elapsed(),
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.request(Method::GET, path, &[], None).await
    }

    /// A GET expected to succeed, as JSON.
    pub async fn get_json(&self, path: &str) -> Value {
        let a = self.get(path).await;
        assert_eq!(a.status, StatusCode::OK, "GET {path}: {}", a.text());
        a.json()
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Answer {
        self.request(
            Method::POST,
            path,
            &[("content-type", "application/json")],
            Some(body.to_string().into_bytes()),
        )
        .await
    }
}

/// The reference API with the app server in front of it.
pub struct Site {
    pub api: Api,
    pub web: Web,
    keep: Vec<tempfile::TempDir>,
}

impl Deref for Site {
    type Target = Web;
    fn deref(&self) -> &Web {
        &self.web
    }
}

impl Site {
    /// The fixtures, and [`write_dist`]'s app.
    pub async fn start() -> Site {
        Site::start_with(fixtures_dir(), |_| {}).await
    }

    /// The API on `fixtures`; the app server with [`write_dist`]'s app, set
    /// up further by `adjust` (which may rewrite the dist, too).
    pub async fn start_with(fixtures: PathBuf, adjust: impl FnOnce(&mut WebSetup)) -> Site {
        let api = Api::start_with(fixtures).await;
        let (mut setup, dir) = WebSetup::fresh(&api.upstream());
        write_dist(&setup.dist);
        adjust(&mut setup);
        let web = Web::start_with(setup, Some(dir)).await;
        Site {
            api,
            web,
            keep: Vec::new(),
        }
    }

    /// Keeps `dir` (e.g. the fixtures' copy) as long as the site.
    pub fn keeping(mut self, dir: tempfile::TempDir) -> Site {
        self.keep.push(dir);
        self
    }
}

/// What the contract promises of any answer under `/api/` that passed
/// through the app server: JSON bodies are the contract's documents for
/// their path (they decode as the model's types), and errors are problem
/// documents whose `status` is the answer's.
pub fn check_api(method: &Method, path: &str, a: &Answer) {
    let path = path.split('?').next().unwrap_or(path);
    if !path.starts_with("/api/") && path != "/api" {
        return;
    }
    if *method == Method::OPTIONS || *method == Method::HEAD {
        return;
    }
    if a.header("content-encoding").is_some() {
        // Compressed on request; the tests that ask for it check the encoding only.
        return;
    }
    let content_type = a.header("content-type").unwrap_or("");
    fn decodes<T: serde::de::DeserializeOwned>(a: &Answer, what: &str) {
        if let Err(e) = serde_json::from_slice::<T>(&a.body) {
            panic!("not a {what} ({e}): {}", a.text());
        }
    }
    if !a.status.is_success() {
        assert_eq!(
            content_type, "application/problem+json",
            "{method} {path} → {}",
            a.status
        );
        decodes::<eventdesk_model::Problem>(a, "Problem");
        assert_eq!(a.json()["status"], a.status.as_u16());
        return;
    }
    assert_eq!(
        content_type, "application/json",
        "{method} {path} → {}",
        a.status
    );
    let segments: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
    match (method.as_str(), segments.as_slice(), a.status.as_u16()) {
        ("GET", ["events"], 200) => decodes::<eventdesk_model::EventPage>(a, "EventPage"),
        ("GET", ["events", _], 200) => decodes::<eventdesk_model::Event>(a, "Event"),
        ("POST", ["events", _, "submissions"], 202) | ("GET", ["submissions", _], 200) => {
            decodes::<eventdesk_model::SubmissionReceipt>(a, "SubmissionReceipt")
        }
        ("GET", ["entities", _], 200) => decodes::<eventdesk_model::Entity>(a, "Entity"),
        ("GET", ["methodology"], 200) => decodes::<eventdesk_model::Methodology>(a, "Methodology"),
        ("GET", ["categories"], 200) => {
            decodes::<Vec<eventdesk_model::Category>>(a, "list of Category")
        }
        other => panic!("no document known for {other:?}"),
    }
}

/// A dist folder as Trunk writes it: the app's `index.html`, the event
/// page's own build `event.html`, and hashed assets (one with a `.br`
/// sibling).
pub fn write_dist(dir: &Path) {
    write_index_only(dir);
    std::fs::write(
        dir.join("event.html"),
        format!("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Eventdesk</title>\n</head>\n<body>{EVENT_APP_MARK}</body>\n</html>\n"),
    )
    .unwrap();
}

/// As [`write_dist`], without `event.html` (as `trunk serve` builds it).
pub fn write_index_only(dir: &Path) {
    std::fs::create_dir_all(dir).expect("dist");
    std::fs::write(
        dir.join("index.html"),
        format!("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Eventdesk</title>\n</head>\n<body>{APP_MARK}</body>\n</html>\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("eventdesk-0123456789abcdef.js"),
        "export default function init() {}\n".repeat(50),
    )
    .unwrap();
    std::fs::write(
        dir.join("eventdesk-0123456789abcdef_bg.wasm"),
        b"\0asm wasm bytes",
    )
    .unwrap();
    std::fs::write(
        dir.join("eventdesk-0123456789abcdef_bg.wasm.br"),
        b"brotli bytes of the wasm",
    )
    .unwrap();
    std::fs::write(
        dir.join("style-fedcba9876543210.css"),
        "body { margin: 0 }\n".repeat(200),
    )
    .unwrap();
    std::fs::write(dir.join("favicon.svg"), b"<svg/>").unwrap();
}
