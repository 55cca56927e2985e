//! Link previews. Chat apps and social networks fetch a shared link without
//! running JavaScript, so each page's HTML carries its title, description,
//! canonical link, Open Graph and Twitter tags and JSON-LD (the words are in
//! [`meta`]; `page` puts them in), and each event has a share card
//! ([`event_card`], drawn by [`card`]) made from the upstream's event.

pub mod card;
pub mod meta;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use eventdesk_model::ids::valid_id;
use eventdesk_model::Event;
use sha2::{Digest, Sha256};

use crate::documents::{fetch, Fetched, CARD_BUDGET};
use crate::AppState;

/// Cards are cheap to serve again and cheap enough to redraw: an hour in
/// caches, then revalidated by ETag.
pub const CARD_CACHE_CONTROL: &str = "public, max-age=3600";
/// Cards kept in memory (about 60 KB each).
const CARDS_KEPT: usize = 512;

/// What the card of `event` looks like, as a short token: changes when the
/// event or the card's design does. Used for the ETag and the image URL.
pub fn card_version(event: &Event) -> String {
    let mut hash = Sha256::new();
    hash.update(card::DESIGN_VERSION.as_bytes());
    hash.update([0xff]);
    hash.update(serde_json::to_vec(event).unwrap_or_default());
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
            tracing::error!(error = %e, "share card not drawn");
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

/// `GET /share/events/{id}.png`: the event's 1200×630 share card, drawn on
/// first request and kept until the event changes; ETag and an hour's
/// caching. When the upstream cannot say what the event is, the site's card
/// stands in (not cached long), so a preview never shows a broken image.
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
    let event = match fetch::<Event>(&state.upstream, &format!("/events/{id}"), CARD_BUDGET).await {
        Fetched::Found { value, .. } => *value,
        Fetched::Gone(_) => {
            return (
                StatusCode::GONE,
                [(header::CACHE_CONTROL, "no-cache")],
                "This event was withdrawn.",
            )
                .into_response()
        }
        Fetched::Missing => return not_found("There is no event with this id."),
        Fetched::Unavailable => return stand_in_card().await,
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

/// The site's card for an event the upstream could not give in time: sent
/// with a short lifetime and no validator, so the event's own card replaces
/// it as soon as the upstream answers.
async fn stand_in_card() -> Response {
    match site_png().await {
        Ok(png) => (
            [
                (header::CACHE_CONTROL, "public, max-age=60"),
                (header::CONTENT_TYPE, "image/png"),
            ],
            Body::from(png.as_ref().clone()),
        )
            .into_response(),
        Err(res) => res,
    }
}

/// The site's card, drawn once.
async fn site_png() -> Result<Arc<Vec<u8>>, Response> {
    static SITE: OnceLock<Arc<Vec<u8>>> = OnceLock::new();
    if let Some(png) = SITE.get() {
        return Ok(Arc::clone(png));
    }
    let png = draw(card::CardText::site()).await?;
    Ok(Arc::clone(SITE.get_or_init(|| png)))
}

/// `GET /share/site.png`: the card of pages that are not an event.
pub async fn site_card(headers: HeaderMap) -> Response {
    let etag = format!("\"{}\"", card::DESIGN_VERSION);
    match site_png().await {
        Ok(png) => png_response(png, &etag, &headers),
        Err(res) => res,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_version_follows_the_event() {
        let paris = eventdesk_model::examples::paris_event();
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
}
