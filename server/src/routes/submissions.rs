//! `POST /events/{id}/submissions` and `GET /submissions/{id}`.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use eventdesk_model::article_url::OwnSite;
use eventdesk_model::submission::BODY_MAX_BYTES;
use eventdesk_model::{SubmissionReceipt, SubmissionStatus, Timestamp};

use super::resource_id::{EventId, SubmissionId};
use super::submission_body::{self, SubmissionBody};
use crate::client_ip::client_ip;
use crate::problem::{json_text, ApiError};
use crate::store::events::{self, Standing};
use crate::store::submissions::{self, NewSubmission, Stored};
use crate::AppState;

pub async fn create(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    id: EventId,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let event_id = id.into_string();
    let lookup = event_id.clone();
    match state
        .db
        .read_async(move |conn| events::standing(conn, &lookup))
        .await?
    {
        Standing::Listed => {}
        Standing::Withdrawn(reason) => return Err(ApiError::withdrawn(&reason)),
        Standing::Missing => return Err(EventId::missing()),
    }
    if !is_json(&headers) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Send the submission as JSON, with Content-Type: application/json.",
        ));
    }
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("A submission can be at most {} KiB.", BODY_MAX_BYTES / 1024),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_MAX_BYTES as u64) {
        return Err(too_large());
    }
    let slot = state
        .limiter
        .take(client_ip(peer, &headers, state.config.trust_proxy))
        .map_err(ApiError::too_many)?;
    let bytes = axum::body::to_bytes(body, BODY_MAX_BYTES)
        .await
        .map_err(|_| too_large())?;
    let received_at = Timestamp::from_utc(Utc::now());
    let own = own_site(&state, &headers);
    let request = match submission_body::read(&bytes, &own).map_err(ApiError::invalid_fields)? {
        SubmissionBody::Request(r) => r,
        SubmissionBody::Honeypot { url } => {
            slot.keep();
            // The contract's receipt always has a URL.
            let url = Some(url.unwrap_or_default());
            let receipt = SubmissionReceipt {
                id: new_id(),
                event_id,
                url,
                status: SubmissionStatus::Pending,
                received_at,
                decided_at: None,
                reason: None,
            };
            return Ok(accepted(&receipt));
        }
    };
    let normalised_url =
        eventdesk_model::url::normalise(&request.url).unwrap_or_else(|| request.url.to_lowercase());
    let new = NewSubmission {
        event_id,
        request,
        normalised_url,
        received_at,
    };
    match state
        .db
        .write_async(move |conn| submissions::insert(conn, &new, new_id))
        .await?
    {
        Stored::Receipt(receipt) => {
            slot.keep();
            Ok(accepted(&receipt))
        }
        Stored::Duplicate { of, source } => Err(ApiError::duplicate(of, source)),
    }
}

pub async fn one(State(state): State<AppState>, id: SubmissionId) -> Result<Response, ApiError> {
    let id = id.into_string();
    match state
        .db
        .read_async(move |conn| submissions::get(conn, &id))
        .await?
    {
        Some(receipt) => Ok(json_text(StatusCode::OK, to_json(&receipt)?)),
        None => Err(SubmissionId::missing()),
    }
}

fn to_json(receipt: &SubmissionReceipt) -> Result<String, ApiError> {
    serde_json::to_string(receipt).map_err(|_| ApiError::internal())
}

fn accepted(receipt: &SubmissionReceipt) -> Response {
    let body = match to_json(receipt) {
        Ok(body) => body,
        Err(e) => return e.into_response(),
    };
    let mut res = json_text(StatusCode::ACCEPTED, body);
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/submissions/{}", receipt.id)) {
        res.headers_mut().insert(header::LOCATION, location);
    }
    res
}

/// Eventdesk's own site, whose pages are never an outlet's article: the
/// origins it was told (`--site-origin`), the host it is asked on and,
/// behind a trusted proxy, the host the reader asked the proxy for.
fn own_site(state: &AppState, headers: &HeaderMap) -> OwnSite {
    let mut own = OwnSite::new(state.config.site_origin.iter().map(String::as_str));
    let header_text = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    };
    if let Some(host) = header_text(header::HOST.as_str()) {
        own.add(host);
    }
    if state.config.trust_proxy {
        if let Some(host) = header_text("x-forwarded-host") {
            own.add(host);
        }
    }
    own
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// `sub_` and 16 random base62 characters.
fn new_id() -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: fall back to the clock, still unique enough with the
        // database's id check behind it.
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default() as u128;
        bytes = (nanos ^ (u128::from(std::process::id()) << 64)).to_le_bytes();
    }
    let suffix: String = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect();
    format!("sub_{suffix}")
}
