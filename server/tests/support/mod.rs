//! What the server tests share: the real server binary started on a free port
//! with a temporary database, an HTTP client that checks every JSON answer
//! against the contract's schemas, and the fixtures read independently.

#![allow(dead_code)]

pub mod fixtures;
pub mod schema;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub const PARIS: &str = "paris-coalition-security-guarantees-2025-09-04";

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

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// How to start a server.
#[derive(Clone)]
pub struct Setup {
    pub db: PathBuf,
    pub fixtures: PathBuf,
    pub submit_limit: String,
    pub trust_proxy: bool,
    /// `--site-origin`: the site's public origins, whose pages are no article.
    pub site_origin: Vec<String>,
}

/// A running `eventdesk-server`, killed when dropped.
pub struct TestServer {
    pub base: String,
    pub setup: Setup,
    child: Child,
    client: reqwest::Client,
    _dir: Option<tempfile::TempDir>,
}

/// One answer, with its body read.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
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

impl Setup {
    /// A fresh database in a new temporary folder.
    pub fn fresh() -> (Setup, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let setup = Setup {
            db: dir.path().join("data").join("test.sqlite3"),
            fixtures: fixtures_dir(),
            submit_limit: "100000/1s".into(),
            trust_proxy: false,
            site_origin: Vec::new(),
        };
        (setup, dir)
    }
}

impl TestServer {
    pub async fn start() -> TestServer {
        let (setup, dir) = Setup::fresh();
        TestServer::start_with(setup, Some(dir)).await
    }

    /// Starts the binary with `setup`; `dir` is kept alive as long as the server.
    pub async fn start_with(setup: Setup, dir: Option<tempfile::TempDir>) -> TestServer {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_eventdesk-server"));
        cmd.args(["--addr", "127.0.0.1:0"])
            .arg("--db")
            .arg(&setup.db)
            .arg("--fixtures")
            .arg(&setup.fixtures)
            .args(["--submit-limit", &setup.submit_limit])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        for var in [
            "EVENTDESK_ADDR",
            "EVENTDESK_DB",
            "EVENTDESK_FIXTURES",
            "EVENTDESK_SUBMIT_LIMIT",
            "EVENTDESK_TRUST_PROXY",
            "EVENTDESK_SITE_ORIGIN",
        ] {
            cmd.env_remove(var);
        }
        if setup.trust_proxy {
            cmd.arg("--trust-proxy");
        }
        for origin in &setup.site_origin {
            cmd.arg("--site-origin").arg(origin);
        }
        let mut child = cmd.spawn().expect("start eventdesk-server");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let base = tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = lines.next_line().await.expect("read stdout") {
                if let Some(addr) = line.strip_prefix("listening on ") {
                    return addr.trim().to_owned();
                }
            }
            panic!("eventdesk-server exited before listening");
        })
        .await
        .expect("eventdesk-server did not start within 60 s");
        // Keep draining stdout so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(64)
            .build()
            .expect("client");
        TestServer {
            base,
            setup,
            child,
            client,
            _dir: dir,
        }
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub async fn kill(mut self) -> Option<tempfile::TempDir> {
        let _ = self.child.kill().await;
        self._dir.take()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sends a request and checks the answer against the contract (see [`check_contract`]).
    pub async fn request(
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
        let res = req
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.bytes().await.expect("body").to_vec();
        let answer = Answer {
            status,
            headers,
            body,
        };
        check_contract(&method, path, &answer);
        answer
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

    pub async fn submit(&self, event_id: &str, body: &Value) -> Answer {
        self.post_json(&format!("/api/v1/events/{event_id}/submissions"), body)
            .await
    }

    /// Every listed event id, walking pages of `limit` with `query` (e.g. "category=legal").
    pub async fn walk(&self, query: &str, limit: u32) -> (Vec<String>, u64) {
        let mut ids = Vec::new();
        let mut cursor: Option<String> = None;
        let mut total = None;
        for _ in 0..10_000 {
            let mut path = format!("/api/v1/events?limit={limit}");
            if !query.is_empty() {
                path.push('&');
                path.push_str(query);
            }
            if let Some(c) = &cursor {
                path.push_str("&cursor=");
                path.push_str(c);
            }
            let page = self.get_json(&path).await;
            let page_total = page["total"].as_u64().expect("total");
            assert_eq!(
                *total.get_or_insert(page_total),
                page_total,
                "total changed between pages"
            );
            let items = page["items"].as_array().expect("items");
            assert!(items.len() <= limit as usize);
            ids.extend(
                items
                    .iter()
                    .map(|i| i["id"].as_str().expect("id").to_owned()),
            );
            match page["next_cursor"].as_str() {
                Some(c) => {
                    assert_eq!(
                        items.len(),
                        limit as usize,
                        "a page before the last is full"
                    );
                    cursor = Some(c.to_owned());
                }
                None => return (ids, total.unwrap_or(0)),
            }
        }
        panic!("pagination never ended");
    }
}

/// Checks what the contract promises of any answer under `/api/`: JSON bodies
/// match the schema of their path and status, and errors are problem documents.
pub fn check_contract(method: &Method, path: &str, a: &Answer) {
    let path = path.split('?').next().unwrap_or(path);
    if !path.starts_with("/api/") && path != "/api" {
        return;
    }
    if *method == Method::OPTIONS || *method == Method::HEAD {
        // CORS preflights and bodiless answers are not the contract's documents.
        return;
    }
    if a.header("content-encoding").is_some() {
        // Compressed on request; the tests that ask for it check the encoding only.
        return;
    }
    let content_type = a.header("content-type").unwrap_or("");
    if !a.status.is_success() {
        assert_eq!(
            content_type, "application/problem+json",
            "{method} {path} → {}",
            a.status
        );
        schema::assert_schema(&a.json(), "Problem");
        assert_eq!(a.json()["status"], a.status.as_u16());
        return;
    }
    assert_eq!(
        content_type, "application/json",
        "{method} {path} → {}",
        a.status
    );
    let segments: Vec<&str> = path.trim_start_matches("/api/v1/").split('/').collect();
    let name = match (method.as_str(), segments.as_slice(), a.status.as_u16()) {
        ("GET", ["events"], 200) => "EventPage",
        ("GET", ["events", _], 200) => "Event",
        ("POST", ["events", _, "submissions"], 202) => "SubmissionReceipt",
        ("GET", ["submissions", _], 200) => "SubmissionReceipt",
        ("GET", ["entities", _], 200) => "Entity",
        ("GET", ["methodology"], 200) => "Methodology",
        ("GET", ["categories"], 200) => {
            let list = a.json();
            for item in list.as_array().expect("categories are a list") {
                schema::assert_schema(item, "Category");
            }
            return;
        }
        other => panic!("no schema known for {other:?}"),
    };
    schema::assert_schema(&a.json(), name);
}
