//! GET requests with a time limit, status and content-type checks, and
//! serde decoding. Every failure becomes an [`ApiError`].

use eventdesk_model::paths::event_path;
use eventdesk_model::{Event, Methodology, Problem};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

use super::base::api_base;
use super::deadline::{is_json, Deadline};
use super::error::ApiError;

/// `GET /events/{id}`.
pub async fn get_event(id: &str) -> Result<Event, ApiError> {
    get_json(&event_path(id)).await
}

/// `GET /methodology`.
pub async fn get_methodology() -> Result<Methodology, ApiError> {
    get_json("/methodology").await
}

pub(super) async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    // The page may carry this very answer (see `preload`); if it doesn't decode, ask.
    if let Some(value) = super::preload::take(path).and_then(|t| serde_json::from_str(&t).ok()) {
        return Ok(value);
    }
    let url = format!("{}{path}", api_base());
    let deadline = Deadline::start()?;

    let response = Request::get(&url)
        .header("Accept", "application/json, application/problem+json")
        .abort_signal(Some(&deadline.signal()))
        .send()
        .await
        .map_err(|_| deadline.failure())?;
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let body = response.text().await.map_err(|_| deadline.failure())?;

    if !(200..300).contains(&status) {
        let problem = is_json(&content_type)
            .then(|| serde_json::from_str::<Problem>(&body).ok())
            .flatten()
            .map(Box::new);
        return Err(ApiError::Status { status, problem });
    }
    if content_type.contains("problem+json") {
        return Err(ApiError::Decode(format!(
            "status {status} with a problem body"
        )));
    }
    if !is_json(&content_type) {
        return Err(ApiError::Decode(format!("content type {content_type:?}")));
    }
    serde_json::from_str(&body).map_err(|e| ApiError::Decode(e.to_string()))
}
