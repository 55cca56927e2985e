//! The upstream: the backend's API, read over HTTP. Everything the web
//! server knows of events comes through here.
//!
//! [`Upstream::get`] reads one API path for the pages and cards: JSON answers
//! are cached in memory ([`cache`]) as the upstream's `Cache-Control`, `ETag`
//! and `Last-Modified` allow (revalidated with `If-None-Match` /
//! `If-Modified-Since`), with a short default when it sends none; concurrent
//! reads of one path share one upstream call; a caller waits at most its
//! budget while the call goes on to fill the cache for the next reader.
//! Bodies are capped ([`BODY_MAX_BYTES`]); anything but a JSON answer is an
//! [`UpstreamError`].
//!
//! What [`Upstream::get`] answers, by what the upstream sent:
//! - a JSON 2xx or 4xx: `Ok(Answer)`; kept when it is a 200, 404 or 410 and
//!   the headers allow (404 and 410 with no cache headers for
//!   [`PROBLEM_FRESH`], a 200 for [`DEFAULT_FRESH`]);
//! - a JSON 3xx (redirects are not followed) or 5xx:
//!   [`UpstreamError::Status`], never kept;
//! - anything not JSON, whatever its status: [`UpstreamError::NotJson`];
//! - no whole answer: [`UpstreamError::Unreachable`], [`UpstreamError::Timeout`]
//!   or [`UpstreamError::TooLarge`].
//!
//! When a refresh fails, or outlasts the caller's budget, an answer kept
//! less than [`STALE_IF_ERROR`] past its freshness is served in its place
//! (unless the upstream said `must-revalidate`).
//!
//! The proxy (`crate::proxy`) passes readers' API calls through with
//! [`Upstream::http`] and [`Upstream::url`], uncached.

pub mod cache;
pub mod error;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use cache::{Cache, Entry, Limits, Lookup, Policy, Validators};
use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, IF_MODIFIED_SINCE, IF_NONE_MATCH};
use tokio::sync::watch;

pub use error::UpstreamError;

/// The largest body read from the upstream, for pages and for the proxy.
pub const BODY_MAX_BYTES: usize = 4 * 1024 * 1024;
/// How long a JSON answer counts as fresh when the upstream says nothing.
pub const DEFAULT_FRESH: Duration = Duration::from_secs(30);
/// How long one upstream call may take in all, whoever waits for it.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a 404 or 410 problem counts as fresh when the upstream says
/// nothing: enough that a storm of previews of a missing event costs the
/// upstream one call, short enough that a new event shows soon.
pub const PROBLEM_FRESH: Duration = Duration::from_secs(10);
/// How long past its freshness a kept answer may stand in for a failed
/// refresh.
pub const STALE_IF_ERROR: Duration = Duration::from_secs(60 * 60);
/// How long to wait for a connection to the upstream.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// How many answers the cache keeps at most.
pub const CACHE_MAX_ENTRIES: usize = 2048;
/// How many bytes (bodies and paths) the cache keeps at most.
pub const CACHE_MAX_BYTES: usize = 64 * 1024 * 1024;

/// What `Accept` says on every call.
const ACCEPT_JSON: &str = "application/json, application/problem+json";
/// Sent as `User-Agent`.
const USER_AGENT: &str = concat!("eventdesk-web/", env!("CARGO_PKG_VERSION"));

/// One answer from the upstream: a JSON body (`application/json` or
/// `application/problem+json`) with its status. The body of an answer from
/// [`Upstream::get`] is always UTF-8.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: bytes::Bytes,
}

impl Answer {
    /// The body as `T`, when the status is 200; otherwise
    /// [`UpstreamError::Status`], and a body that is not a `T` is
    /// [`UpstreamError::Malformed`].
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, UpstreamError> {
        if self.status != 200 {
            return Err(UpstreamError::Status(self.status));
        }
        serde_json::from_slice(&self.body).map_err(|e| UpstreamError::Malformed(e.to_string()))
    }

    /// The body as text (it is JSON, so UTF-8), for embedding. An answer
    /// built by hand with a body that is not UTF-8 reads as empty.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap_or_default()
    }
}

/// How an [`Upstream`] calls and caches; [`Tuning::default`] is what the
/// server runs with (the constants of this module). Tests shorten it.
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Freshness of a 200 when the upstream says nothing.
    pub default_fresh: Duration,
    /// Freshness of a 404 or 410 when the upstream says nothing.
    pub problem_fresh: Duration,
    /// How long past freshness an answer may stand in for a failed refresh.
    pub stale_if_error: Duration,
    /// How long one call may take in all.
    pub call_timeout: Duration,
    /// How long to wait for a connection.
    pub connect_timeout: Duration,
    /// The largest body read.
    pub body_max_bytes: usize,
    /// How many answers are kept at most.
    pub max_entries: usize,
    /// How many bytes are kept at most.
    pub max_bytes: usize,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            default_fresh: DEFAULT_FRESH,
            problem_fresh: PROBLEM_FRESH,
            stale_if_error: STALE_IF_ERROR,
            call_timeout: CALL_TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            body_max_bytes: BODY_MAX_BYTES,
            max_entries: CACHE_MAX_ENTRIES,
            max_bytes: CACHE_MAX_BYTES,
        }
    }
}

/// What one call settles to, for everyone waiting on it.
type Outcome = Result<Arc<Answer>, UpstreamError>;
/// Where the waiters on one call watch for its outcome (`None` until then).
type Waiters = watch::Receiver<Option<Outcome>>;

/// The backend's API at one base URL.
pub struct Upstream {
    shared: Arc<Shared>,
}

/// What an [`Upstream`] and the calls it spawned share.
struct Shared {
    base: String,
    http: reqwest::Client,
    tuning: Tuning,
    cache: Cache,
    calls: AtomicU64,
    /// The calls under way, by path: a new reader of the path waits on the
    /// call there rather than making another.
    inflight: Mutex<HashMap<String, Waiters>>,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream")
            .field("base", &self.shared.base)
            .field("calls", &self.calls())
            .finish_non_exhaustive()
    }
}

impl Upstream {
    /// An upstream at `base`, an http(s) URL whose path ends in `/api/v1`
    /// (a trailing `/` is dropped). Anything else is refused with a reason.
    pub fn new(base: &str) -> Result<Upstream, UpstreamError> {
        Upstream::with_tuning(base, Tuning::default())
    }

    /// As [`Upstream::new`], calling and caching as `tuning` says.
    pub fn with_tuning(base: &str, tuning: Tuning) -> Result<Upstream, UpstreamError> {
        let base = checked_base(base).map_err(UpstreamError::Config)?;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(tuning.connect_timeout)
            .timeout(tuning.call_timeout)
            .pool_idle_timeout(Duration::from_secs(90))
            .tcp_nodelay(true)
            .user_agent(USER_AGENT)
            .build()
            .map_err(|e| UpstreamError::Config(format!("HTTP client: {}", describe(&e))))?;
        let cache = Cache::new(Limits {
            max_entries: tuning.max_entries,
            max_bytes: tuning.max_bytes,
        });
        Ok(Upstream {
            shared: Arc::new(Shared {
                base,
                http,
                tuning,
                cache,
                calls: AtomicU64::new(0),
                inflight: Mutex::default(),
            }),
        })
    }

    /// The base URL, without a trailing slash, e.g. `http://127.0.0.1:8090/api/v1`.
    pub fn base(&self) -> &str {
        &self.shared.base
    }

    /// The absolute URL of an API path (`/events/x?y=1`, starting with `/`).
    pub fn url(&self, path: &str) -> String {
        self.shared.url(path)
    }

    /// The HTTP client, for the proxy: no redirects followed, no cookies,
    /// connect timeout set, a pool of idle connections kept.
    pub fn http(&self) -> &reqwest::Client {
        &self.shared.http
    }

    /// `GET {base}{path}` through the cache, waiting at most `budget`.
    /// Past it, [`UpstreamError::Timeout`] while the call goes on (up to
    /// [`CALL_TIMEOUT`]) and fills the cache.
    pub async fn get(&self, path: &str, budget: Duration) -> Result<Arc<Answer>, UpstreamError> {
        if !path.starts_with('/') {
            return Err(UpstreamError::Config(format!(
                "path {path:?} does not start with /"
            )));
        }
        if let Lookup::Fresh(answer) = self.shared.cache.lookup(path, Instant::now()) {
            tracing::debug!(path, "upstream cache: hit");
            return Ok(answer);
        }
        let mut waiters = match self.join_or_start(path) {
            Joined::Ready(answer) => return Ok(answer),
            Joined::Waiting(waiters) => waiters,
        };
        let waited = tokio::time::timeout(budget, async {
            match waiters.wait_for(Option::is_some).await {
                Ok(outcome) => outcome.clone(),
                Err(_) => None,
            }
        })
        .await;
        match waited {
            Ok(Some(outcome)) => outcome,
            Ok(None) => Err(UpstreamError::Unreachable(
                "the upstream call ended with no answer".to_owned(),
            )),
            Err(_) => self.shared.past_budget(path, budget),
        }
    }

    /// How many HTTP requests this upstream has been sent by [`Upstream::get`]
    /// (revalidations included), for tests and the benchmark.
    pub fn calls(&self) -> u64 {
        self.shared.calls.load(Ordering::Relaxed)
    }

    /// How many answers, and how many bytes, the cache keeps now.
    pub fn cache_usage(&self) -> (usize, usize) {
        self.shared.cache.usage()
    }

    /// The call under way for `path`, or a new one; or the answer itself,
    /// should a call have just filled the cache.
    fn join_or_start(&self, path: &str) -> Joined {
        let mut inflight = self.shared.inflight();
        if let Some(waiters) = inflight.get(path) {
            tracing::debug!(path, "upstream cache: joined a call under way");
            return Joined::Waiting(waiters.clone());
        }
        // Looked up again under the lock: a call may have ended meanwhile.
        let stale = match self.shared.cache.lookup(path, Instant::now()) {
            Lookup::Fresh(answer) => return Joined::Ready(answer),
            Lookup::Stale(entry) => Some(entry),
            Lookup::Miss => None,
        };
        let (outcome, waiters) = watch::channel(None);
        inflight.insert(path.to_owned(), waiters.clone());
        drop(inflight);
        tokio::spawn(Shared::refresh(
            self.shared.clone(),
            path.to_owned(),
            stale,
            outcome,
        ));
        Joined::Waiting(waiters)
    }
}

/// A reader's place: the answer, or a call to wait on.
enum Joined {
    Ready(Arc<Answer>),
    Waiting(Waiters),
}

/// What one call brought back.
enum Reply {
    /// A whole JSON answer (2xx or 4xx), with its headers.
    Full(Answer, HeaderMap),
    /// 304 to a revalidation: the kept body still holds.
    NotModified(HeaderMap),
}

/// Takes a call's path out of the calls under way when the call ends, even
/// by a panic, so that the next reader starts another.
struct Underway<'a> {
    shared: &'a Shared,
    path: &'a str,
}

impl Drop for Underway<'_> {
    fn drop(&mut self) {
        self.shared.inflight().remove(self.path);
    }
}

impl Shared {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The calls under way (even if a panic poisoned the lock: each change
    /// to the map is one insert or remove).
    fn inflight(&self) -> MutexGuard<'_, HashMap<String, Waiters>> {
        self.inflight.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One call for `path`, run in its own task: fills the cache, then tells
    /// whoever still waits.
    async fn refresh(
        self: Arc<Shared>,
        path: String,
        stale: Option<Entry>,
        outcome: watch::Sender<Option<Outcome>>,
    ) {
        let underway = Underway {
            shared: &self,
            path: &path,
        };
        let settled = self.fetch(&path, stale).await;
        drop(underway);
        outcome.send_replace(Some(settled));
    }

    /// Calls the upstream for `path` (revalidating `stale` if it can) and
    /// keeps what may be kept; a failure falls back on a stale answer.
    async fn fetch(&self, path: &str, stale: Option<Entry>) -> Outcome {
        let validators = stale.as_ref().map(|e| &e.validators).filter(|v| v.any());
        match (self.call(path, validators).await, stale) {
            (Ok(Reply::Full(answer, headers)), _) => Ok(self.store(path, answer, &headers)),
            (Ok(Reply::NotModified(headers)), Some(entry)) => {
                Ok(self.revalidated(path, entry, &headers))
            }
            (Ok(Reply::NotModified(_)), None) => self.failed(path, UpstreamError::Status(304)),
            (Err(error), _) => self.failed(path, error),
        }
    }

    /// One `GET`, with `If-None-Match` / `If-Modified-Since` from
    /// `validators`. Counted in `calls`.
    async fn call(
        &self,
        path: &str,
        validators: Option<&Validators>,
    ) -> Result<Reply, UpstreamError> {
        let mut request = self.http.get(self.url(path)).header(ACCEPT, ACCEPT_JSON);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.header(IF_MODIFIED_SINCE, date);
            }
        }
        tracing::debug!(
            path,
            revalidation = validators.is_some(),
            "upstream cache: miss, calling"
        );
        self.calls.fetch_add(1, Ordering::Relaxed);
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status().as_u16();
        if status == 304 && validators.is_some() {
            tracing::debug!(path, "upstream cache: not modified");
            return Ok(Reply::NotModified(response.headers().clone()));
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default();
        if !is_json(&content_type) {
            return Err(UpstreamError::NotJson {
                status,
                content_type,
            });
        }
        if !matches!(status, 200..=299 | 400..=499) {
            return Err(UpstreamError::Status(status));
        }
        let headers = response.headers().clone();
        let body = read_body(response, self.tuning.body_max_bytes).await?;
        if let Err(e) = std::str::from_utf8(&body) {
            return Err(UpstreamError::Malformed(format!("body is not UTF-8: {e}")));
        }
        Ok(Reply::Full(Answer { status, body }, headers))
    }

    /// Keeps a whole answer if its status and headers allow.
    fn store(&self, path: &str, answer: Answer, headers: &HeaderMap) -> Arc<Answer> {
        let answer = Arc::new(answer);
        let fallback = match answer.status {
            200 => self.tuning.default_fresh,
            404 | 410 => self.tuning.problem_fresh,
            status => {
                tracing::debug!(path, status, "upstream cache: status not kept");
                return answer;
            }
        };
        match cache::policy(headers, fallback) {
            Policy::NoStore => {
                tracing::debug!(path, "upstream cache: not to be kept");
                self.cache.remove(path);
            }
            Policy::Store {
                lifetime,
                may_serve_stale,
            } => {
                tracing::debug!(path, fresh_for = ?lifetime, "upstream cache: kept");
                let validators = Validators::from_headers(headers);
                self.keep(path, answer.clone(), validators, lifetime, may_serve_stale);
            }
        }
        answer
    }

    /// Keeps a revalidated entry, fresh again as the 304 says (or as it was
    /// kept, if the 304 says nothing of freshness).
    fn revalidated(&self, path: &str, entry: Entry, headers: &HeaderMap) -> Arc<Answer> {
        let (lifetime, may_serve_stale) = if cache::states_freshness(headers) {
            match cache::policy(headers, entry.lifetime) {
                Policy::NoStore => {
                    self.cache.remove(path);
                    return entry.answer;
                }
                Policy::Store {
                    lifetime,
                    may_serve_stale,
                } => (lifetime, may_serve_stale),
            }
        } else {
            (entry.lifetime, entry.may_serve_stale)
        };
        let now = Validators::from_headers(headers);
        let validators = Validators {
            etag: now.etag.or(entry.validators.etag),
            last_modified: now.last_modified.or(entry.validators.last_modified),
        };
        tracing::debug!(path, fresh_for = ?lifetime, "upstream cache: revalidated");
        self.keep(
            path,
            entry.answer.clone(),
            validators,
            lifetime,
            may_serve_stale,
        );
        entry.answer
    }

    fn keep(
        &self,
        path: &str,
        answer: Arc<Answer>,
        validators: Validators,
        lifetime: Duration,
        may_serve_stale: bool,
    ) {
        let entry = Entry::new(
            answer,
            validators,
            lifetime,
            may_serve_stale,
            self.tuning.stale_if_error,
            Instant::now(),
        );
        self.cache.insert(path, entry);
    }

    /// A failed refresh: the stale answer if one may stand in, else `error`.
    fn failed(&self, path: &str, error: UpstreamError) -> Outcome {
        match self.cache.stale(path, Instant::now()) {
            Some(answer) => {
                tracing::warn!(path, %error, "upstream failed; serving the kept answer");
                Ok(answer)
            }
            None => {
                tracing::warn!(path, %error, "upstream failed");
                Err(error)
            }
        }
    }

    /// A reader's budget ran out: the stale answer if one may stand in,
    /// else [`UpstreamError::Timeout`]. The call goes on regardless.
    fn past_budget(&self, path: &str, budget: Duration) -> Outcome {
        match self.cache.stale(path, Instant::now()) {
            Some(answer) => {
                tracing::warn!(path, ?budget, "upstream slow; serving the kept answer");
                Ok(answer)
            }
            None => {
                tracing::warn!(path, ?budget, "upstream slower than the budget");
                Err(UpstreamError::Timeout)
            }
        }
    }
}

/// The base URL as given, checked: http(s), a host, no user or password,
/// no query or fragment, a path ending in `/api/v1` (one trailing `/`
/// dropped). The reason, if not.
fn checked_base(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    // A URL with a user or password is not repeated into logs.
    let shown = if raw.contains('@') { "URL" } else { raw };
    let url = reqwest::Url::parse(raw).map_err(|e| format!("{shown:?} is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{shown:?} is not an http or https URL"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{shown:?} has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("URL must not carry a user name or password".to_owned());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("{shown:?} must not carry a query or fragment"));
    }
    let path = url.path();
    if !path.strip_suffix('/').unwrap_or(path).ends_with("/api/v1") {
        return Err(format!("{shown:?} does not end in /api/v1"));
    }
    let text = url.as_str();
    Ok(text.strip_suffix('/').unwrap_or(text).to_owned())
}

/// Whether a `Content-Type` is JSON: `application/json` or any `…+json`,
/// parameters ignored, case-insensitive.
pub fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let essence = essence.to_ascii_lowercase();
    match essence.split_once('/') {
        Some((kind, subtype)) => {
            (kind == "application" && subtype == "json")
                || (!kind.is_empty() && subtype.len() > "+json".len() && subtype.ends_with("+json"))
        }
        None => false,
    }
}

/// The body, at most `max` bytes: refused at once past it by
/// `Content-Length`, else counted as it comes.
async fn read_body(mut response: reqwest::Response, max: usize) -> Result<Bytes, UpstreamError> {
    let announced = response.content_length();
    if announced.is_some_and(|n| n > max as u64) {
        return Err(UpstreamError::TooLarge);
    }
    let mut body = BytesMut::with_capacity(announced.map_or(0, |n| n as usize));
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if body.len() + chunk.len() > max {
            return Err(UpstreamError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// A failure of the connection or of the call's time limit.
fn transport_error(e: reqwest::Error) -> UpstreamError {
    if e.is_timeout() {
        UpstreamError::Timeout
    } else {
        UpstreamError::Unreachable(describe(&e))
    }
}

/// An error and its causes, `: `-separated (reqwest's own message alone
/// seldom says what happened).
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        for yes in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
            "application/vnd.eventdesk+json ; v=1",
        ] {
            assert!(is_json(yes), "{yes}");
        }
        for no in [
            "",
            "text/html",
            "text/plain; charset=utf-8",
            "json",
            "application/+json",
            "application/jsonp",
        ] {
            assert!(!is_json(no), "{no}");
        }
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            checked_base("http://127.0.0.1:9/api/v1/").unwrap(),
            "http://127.0.0.1:9/api/v1"
        );
        assert_eq!(
            checked_base("https://Example.org/x/api/v1").unwrap(),
            "https://example.org/x/api/v1"
        );
        for bad in [
            "ftp://x/api/v1",
            "http://x/other",
            "http://u:p@x/api/v1",
            "http://u@x/api/v1",
            "http://x/api/v1?a=1",
            "http://x/api/v1#f",
            "http://x/api/v1//",
            "/api/v1",
            "",
        ] {
            assert!(checked_base(bad).is_err(), "{bad}");
        }
        assert!(!checked_base("http://u:secret@x/other")
            .unwrap_err()
            .contains("secret"));
    }
}
