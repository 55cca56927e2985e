//! Link previews. Chat apps and social networks fetch a shared link without
//! running JavaScript, so the server puts each page's title, description,
//! canonical link, Open Graph and Twitter tags and JSON-LD into the HTML it
//! sends ([`head_tags`], words in [`meta`]), and draws each event a share card
//! ([`event_card`], drawing in [`card`]).
//!
//! The public origin (for canonical and image URLs) is `EVENTDESK_PUBLIC_ORIGIN`
//! when set (e.g. `https://eventdesk.example`), else the request's `Host`
//! (validated) over http, or what the proxy says when `--trust-proxy` is on.

pub mod card;
pub mod meta;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use eventdesk_model::{Entity, Event, Methodology};

use crate::fnv::Fnv;
use crate::routes::valid_id;
use crate::store::events::{self as event_store, Found};
use crate::store::reference;
use crate::AppState;

/// Cards are cheap to serve again and cheap enough to redraw: an hour in
/// caches, then revalidated by ETag.
pub const CARD_CACHE_CONTROL: &str = "public, max-age=3600";
/// Cards kept in memory (about 60 KB each).
const CARDS_KEPT: usize = 512;

/// `EVENTDESK_PUBLIC_ORIGIN`, read once; ignored unless it is an http(s) origin.
fn configured_origin() -> Option<&'static str> {
    static ORIGIN: OnceLock<Option<String>> = OnceLock::new();
    ORIGIN
        .get_or_init(|| {
            let raw = std::env::var("EVENTDESK_PUBLIC_ORIGIN").ok()?;
            let origin = parse_origin(&raw);
            if origin.is_none() && !raw.trim().is_empty() {
                eprintln!("eventdesk-server: EVENTDESK_PUBLIC_ORIGIN {raw:?} is not an http(s) origin; using the Host header");
            }
            origin
        })
        .as_deref()
}

/// `scheme://host[:port]` from an absolute http(s) URL, without any path.
pub fn parse_origin(raw: &str) -> Option<String> {
    let url = eventdesk_model::url::parse_http(raw)?;
    let scheme = if url.https { "https" } else { "http" };
    let port = url.port.map(|p| format!(":{p}")).unwrap_or_default();
    Some(format!("{scheme}://{}{port}", url.host))
}

/// A `Host` value that is only a host name or address and a port.
pub fn valid_host(host: &str) -> bool {
    let (name, port) = if host.starts_with('[') {
        match host.find(']') {
            Some(i) if i + 1 == host.len() => (host, None),
            Some(i) => match host[i + 1..].strip_prefix(':') {
                Some(p) => (&host[..=i], Some(p)),
                None => return false,
            },
            None => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        }
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let name_ok = if let Some(v6) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        !v6.is_empty()
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        (1..=253).contains(&name.len())
            && !name.starts_with(['.', '-'])
            && !name.contains("..")
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    };
    port_ok && name_ok
}

/// The origin that links in the page should use.
pub fn request_origin(headers: &HeaderMap, trust_proxy: bool) -> String {
    if let Some(origin) = configured_origin() {
        return origin.to_owned();
    }
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let first = |v: &str| v.split(',').next().unwrap_or("").trim().to_owned();
    let (mut scheme, mut host) = ("http".to_owned(), text("host").map(str::to_owned));
    if trust_proxy {
        if let Some(proto) = text("x-forwarded-proto").map(first) {
            if proto.eq_ignore_ascii_case("https") || proto.eq_ignore_ascii_case("http") {
                scheme = proto.to_ascii_lowercase();
            }
        }
        if let Some(h) = text("x-forwarded-host").map(first) {
            host = Some(h);
        }
    }
    match host.filter(|h| valid_host(h)) {
        Some(h) => format!("{scheme}://{}", h.to_ascii_lowercase()),
        None => "http://localhost".to_owned(),
    }
}

/// What the card of `event` looks like, as a short token: changes when the
/// event or the card's design does. Used for the ETag and the image URL.
pub fn card_version(event: &Event) -> String {
    let mut hash = Fnv::new();
    hash.add(card::DESIGN_VERSION.as_bytes());
    hash.add(serde_json::to_string(event).unwrap_or_default().as_bytes());
    hash.hex()
}

/// The pages that have their own head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Methodology,
    Event(String),
    Entity(String),
}

impl Page {
    pub fn from_path(path: &str) -> Option<Page> {
        match path {
            "/" | "/index.html" => return Some(Page::Home),
            "/methodology" => return Some(Page::Methodology),
            _ => {}
        }
        let decoded = |raw: &str| {
            let id = percent_decode(raw)?;
            valid_id(&id).then_some(id)
        };
        if let Some(id) = path.strip_prefix("/events/") {
            return decoded(id).map(Page::Event);
        }
        if let Some(id) = path.strip_prefix("/entities/") {
            return decoded(id).map(Page::Entity);
        }
        None
    }
}

fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The head of `page`, from the database.
pub async fn head_for(
    state: &AppState,
    page: Page,
    origin: &str,
) -> Result<meta::Head, crate::db::DbError> {
    let head = match page {
        Page::Home => meta::head_for_home(origin),
        Page::Methodology => {
            let doc = state.db.read_async(reference::methodology).await?;
            let methodology: Option<Methodology> = doc.and_then(|d| serde_json::from_str(&d).ok());
            meta::head_for_methodology(methodology.as_ref(), origin)
        }
        Page::Event(id) => {
            let canonical = eventdesk_model::share::event_url(origin, &id);
            let found = state
                .db
                .read_async(move |conn| event_store::get(conn, &id))
                .await?;
            match found {
                Found::Event(doc) => match serde_json::from_str::<Event>(&doc) {
                    Ok(event) => meta::head_for_event(&event, origin, &card_version(&event)),
                    Err(_) => meta::head_for_missing(
                        "Event unavailable",
                        "This event cannot be shown right now.",
                        &canonical,
                        origin,
                    ),
                },
                Found::Withdrawn(reason) => {
                    let reason = reason.trim();
                    let description = if reason.is_empty() {
                        "This event was withdrawn.".to_owned()
                    } else {
                        format!("This event was withdrawn: {reason}")
                    };
                    meta::head_for_missing("Event withdrawn", &description, &canonical, origin)
                }
                Found::Missing => meta::head_for_missing(
                    "Event not found",
                    "There is no event at this link.",
                    &canonical,
                    origin,
                ),
            }
        }
        Page::Entity(id) => {
            let key = id.clone();
            let found = state
                .db
                .read_async(move |conn| reference::entity(conn, &key))
                .await?;
            match found.and_then(|v| serde_json::from_value::<Entity>(v).ok()) {
                Some(entity) => meta::head_for_entity(&entity, origin),
                None => {
                    let canonical = format!(
                        "{}/entities/{}",
                        eventdesk_model::share::bare_origin(origin),
                        eventdesk_model::share::percent_encode(&id)
                    );
                    meta::head_for_missing(
                        "Not found",
                        "There is nothing at this link.",
                        &canonical,
                        origin,
                    )
                }
            }
        }
    };
    Ok(head)
}

/// Middleware over the app's HTML: puts the page's head tags into the
/// `index.html` answer of `/`, `/methodology`, `/events/{id}` and
/// `/entities/{id}`. Anything else, and any failure, passes through unchanged.
pub async fn head_tags(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let page = (matches!(*req.method(), Method::GET | Method::HEAD))
        .then(|| Page::from_path(req.uri().path()))
        .flatten();
    let origin = request_origin(req.headers(), state.config.trust_proxy);
    let res = next.run(req).await;
    let Some(page) = page else { return res };
    if !crate::static_files::is_rewritable_page(&res) {
        return res;
    }
    let head = match head_for(&state, page, &origin).await {
        Ok(head) => head.render(),
        Err(e) => {
            eprintln!("eventdesk-server: page head: {e}");
            return res;
        }
    };
    crate::static_files::rewrite_page(res, |html| meta::inject(html, &head)).await
}

/// Rendered cards by event id, with the version they were drawn from.
type CardCache = Mutex<HashMap<String, (String, Arc<Vec<u8>>)>>;

fn cards() -> &'static CardCache {
    static CARDS: OnceLock<CardCache> = OnceLock::new();
    CARDS.get_or_init(|| Mutex::new(HashMap::new()))
}

fn cached(id: &str, version: &str) -> Option<Arc<Vec<u8>>> {
    let cache = cards().lock().unwrap_or_else(|p| p.into_inner());
    cache
        .get(id)
        .filter(|(v, _)| v == version)
        .map(|(_, png)| Arc::clone(png))
}

fn remember(id: &str, version: &str, png: &Arc<Vec<u8>>) {
    let mut cache = cards().lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= CARDS_KEPT && !cache.contains_key(id) {
        cache.clear();
    }
    cache.insert(id.to_owned(), (version.to_owned(), Arc::clone(png)));
}

fn not_found(message: &'static str) -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, "no-cache")],
        message,
    )
        .into_response()
}

fn png_response(png: Arc<Vec<u8>>, etag: &str, headers: &HeaderMap) -> Response {
    let etag_value =
        HeaderValue::from_str(etag).unwrap_or_else(|_| HeaderValue::from_static("\"card\""));
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag)
        });
    let common = [
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static(CARD_CACHE_CONTROL),
        ),
        (header::ETAG, etag_value),
    ];
    if fresh {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    let mut res = (common, Body::from(png.as_ref().clone())).into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    res
}

async fn draw(text: card::CardText) -> Result<Arc<Vec<u8>>, Response> {
    match tokio::task::spawn_blocking(move || card::render_png(&text)).await {
        Ok(Ok(png)) => Ok(Arc::new(png)),
        Ok(Err(e)) => {
            eprintln!("eventdesk-server: share card: {e}");
            Err((
                StatusCode::INTERNAL_SERVER_ERROR,
                "The card could not be drawn.",
            )
                .into_response())
        }
        Err(_) => Err((
            StatusCode::INTERNAL_SERVER_ERROR,
            "The card could not be drawn.",
        )
            .into_response()),
    }
}

/// `GET /share/events/{id}.png`: the event's 1200×630 share card. Drawn on
/// first request and kept until the event changes; ETag and an hour's caching.
pub async fn event_card(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(id) = file
        .strip_suffix(".png")
        .filter(|id| valid_id(id))
        .map(str::to_owned)
    else {
        return not_found("There is no such card.");
    };
    let key = id.clone();
    let doc = match state
        .db
        .read_async(move |conn| event_store::get(conn, &key))
        .await
    {
        Ok(Found::Event(doc)) => doc,
        Ok(Found::Withdrawn(_)) => {
            return (
                StatusCode::GONE,
                [(header::CACHE_CONTROL, "no-cache")],
                "This event was withdrawn.",
            )
                .into_response()
        }
        Ok(Found::Missing) => return not_found("There is no event with this id."),
        Err(e) => {
            eprintln!("eventdesk-server: share card: {e}");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "The card could not be read.",
            )
                .into_response();
        }
    };
    let Ok(event) = serde_json::from_str::<Event>(&doc) else {
        return not_found("This event cannot be shown.");
    };
    let version = card_version(&event);
    let etag = format!("\"{version}\"");
    if let Some(png) = cached(&id, &version) {
        return png_response(png, &etag, &headers);
    }
    let png = match draw(card::CardText::for_event(&event)).await {
        Ok(png) => png,
        Err(res) => return res,
    };
    remember(&id, &version, &png);
    png_response(png, &etag, &headers)
}

/// `GET /share/site.png`: the card of pages that are not an event.
pub async fn site_card(headers: HeaderMap) -> Response {
    static SITE: OnceLock<Arc<Vec<u8>>> = OnceLock::new();
    let etag = format!("\"{}\"", card::DESIGN_VERSION);
    if let Some(png) = SITE.get() {
        return png_response(Arc::clone(png), &etag, &headers);
    }
    match draw(card::CardText::site()).await {
        Ok(png) => png_response(Arc::clone(SITE.get_or_init(|| png)), &etag, &headers),
        Err(res) => res,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_from_paths() {
        assert_eq!(Page::from_path("/"), Some(Page::Home));
        assert_eq!(Page::from_path("/methodology"), Some(Page::Methodology));
        assert_eq!(
            Page::from_path("/events/paris-1"),
            Some(Page::Event("paris-1".into()))
        );
        assert_eq!(
            Page::from_path("/entities/emmanuel-macron"),
            Some(Page::Entity("emmanuel-macron".into()))
        );
        assert_eq!(Page::from_path("/events/a%2Fb"), None);
        assert_eq!(Page::from_path("/events/"), None);
        assert_eq!(Page::from_path("/events/a/b"), None);
        assert_eq!(Page::from_path("/submissions/x"), None);
    }

    #[test]
    fn hosts_are_validated() {
        for ok in [
            "localhost",
            "127.0.0.1:18686",
            "eventdesk.example",
            "[::1]:8080",
            "a-b.example:443",
        ] {
            assert!(valid_host(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.example/path",
            "a b",
            "x\"y",
            "a..b",
            "h:99999999",
            "<x>",
            "host:port",
            ".x",
        ] {
            assert!(!valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn origin_from_host_or_proxy() {
        let mut h = HeaderMap::new();
        assert_eq!(request_origin(&h, false), "http://localhost");
        h.insert("host", HeaderValue::from_static("Example.org:8080"));
        assert_eq!(request_origin(&h, false), "http://example.org:8080");
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        h.insert(
            "x-forwarded-host",
            HeaderValue::from_static("news.example, inner"),
        );
        assert_eq!(request_origin(&h, false), "http://example.org:8080");
        assert_eq!(request_origin(&h, true), "https://news.example");
        h.insert("host", HeaderValue::from_static("bad\"host"));
        h.remove("x-forwarded-host");
        assert_eq!(request_origin(&h, false), "http://localhost");
    }

    #[test]
    fn the_card_version_follows_the_event() {
        let paris: Event = serde_json::from_str(include_str!(
            "../../../api/examples/event-paris-coalition.json"
        ))
        .unwrap();
        let v = card_version(&paris);
        assert_eq!(v, card_version(&paris.clone()), "stable");
        let mut changed = paris.clone();
        changed.summary.confidence.independent_sources = 4;
        assert_ne!(card_version(&changed), v);
        let mut changed = paris;
        changed.summary.updated_at =
            Some(eventdesk_model::Timestamp("2026-06-01T00:00:00Z".into()));
        assert_ne!(card_version(&changed), v);
    }

    #[test]
    fn configured_origins_are_bare() {
        assert_eq!(
            parse_origin("https://Eventdesk.example/some/path?q"),
            Some("https://eventdesk.example".into())
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:9000"),
            Some("http://127.0.0.1:9000".into())
        );
        assert_eq!(parse_origin("javascript:alert(1)"), None);
    }
}
