//! Atom feeds readers follow without an account: one per event, from its
//! history ([`event_feed`]), and one for the feed, honouring the feed page's
//! filters ([`site_feed`]). Both read the upstream like the pages do
//! (`documents::fetch`), and answer as the pages do when it has nothing:
//! 404, 410, or a 503 problem when it cannot say.

pub mod document;
pub mod event_feed;
pub mod site_feed;
pub mod xml;

use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use eventdesk_model::ids::valid_id;
use eventdesk_model::paths::event_path;
use eventdesk_model::{Category, Event, EventPage};
use eventdesk_page_logic::feed::{events_query, FeedFilters, FilterVocabulary};
use sha2::{Digest, Sha256};

use crate::documents::{fetch, Fetched};
use crate::page::files::NO_CACHE;
use crate::problem::ProblemResponse;
use crate::{origin, AppState};

/// How long a feed waits for the upstream: feed readers poll in the
/// background and can wait longer than a reader's page.
pub const FEED_BUDGET: Duration = Duration::from_secs(5);
/// Events in the feed's feed.
pub const FEED_EVENTS: u32 = 30;
/// `Content-Type` of a feed: `follow::ATOM_TYPE`, UTF-8.
pub const ATOM_CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";
/// A feed is data, never a document to run: no script, no frame.
const FEED_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/// The feeds' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feed.atom", get(feed))
        .route("/events/{id}/feed.atom", get(event))
}

/// `GET /events/{id}/feed.atom`.
async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !valid_id(&id) {
        return absent(StatusCode::NOT_FOUND, "There is no event with this id.");
    }
    let origin = request_origin(&state, &headers);
    match fetch::<Event>(&state.upstream, &event_path(&id), FEED_BUDGET).await {
        Fetched::Found { value, .. } => {
            atom(event_feed::event_feed(&value, &origin).render(), &headers)
        }
        Fetched::Gone(_) => absent(StatusCode::GONE, "This event was withdrawn."),
        Fetched::Missing => absent(StatusCode::NOT_FOUND, "There is no event with this id."),
        Fetched::Unavailable => unavailable(),
    }
}

/// `GET /feed.atom?category=…&confidence=…&country=…&q=…&from=…&to=…`.
async fn feed(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let filters = FeedFilters::from_pairs(form_urlencoded::parse(
        query.as_deref().unwrap_or("").as_bytes(),
    ));
    let origin = request_origin(&state, &headers);
    let path = format!("/events{}", events_query(&filters, None, None, FEED_EVENTS));
    let (events, categories) = tokio::join!(
        fetch::<EventPage>(&state.upstream, &path, FEED_BUDGET),
        fetch::<Vec<Category>>(&state.upstream, "/categories", FEED_BUDGET),
    );
    let mut vocabulary = FilterVocabulary::default();
    if let Fetched::Found { value, .. } = &categories {
        vocabulary = vocabulary.with_categories(value);
    }
    match events {
        Fetched::Found { value, .. } => atom(
            site_feed::site_feed(&value.items, &filters, &vocabulary, &origin).render(),
            &headers,
        ),
        _ => unavailable(),
    }
}

fn request_origin(state: &AppState, headers: &HeaderMap) -> String {
    origin::request_origin(
        headers,
        state.config.trust_proxy,
        state.public_origin.as_deref(),
    )
}

/// A feed: Atom, revalidated like the pages, with an ETag of its bytes so a
/// reader polling an unchanged feed gets a 304.
fn atom(xml: String, headers: &HeaderMap) -> Response {
    let digest = Sha256::digest(xml.as_bytes());
    let tag: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    let etag = format!("\"{tag}\"");
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == "*" || t.trim().trim_start_matches("W/") == etag)
        });
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        xml.into_response()
    };
    let h = res.headers_mut();
    if !fresh {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(ATOM_CONTENT_TYPE),
        );
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(FEED_CSP),
    );
    if let Ok(value) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, value);
    }
    res
}

/// 404 or 410: a short text, as the share cards answer, not a feed.
fn absent(status: StatusCode, message: &'static str) -> Response {
    (status, [(header::CACHE_CONTROL, NO_CACHE)], message).into_response()
}

/// The upstream could not say: a problem, and when to try again.
fn unavailable() -> Response {
    ProblemResponse::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "Eventdesk's backend could not be read for this feed. Try again in a moment.",
    )
    .with_header(header::RETRY_AFTER, HeaderValue::from_static("60"))
    .into_response()
}
