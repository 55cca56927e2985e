//! The contract's documents as the pages and cards need them: one read of
//! the upstream, sorted into found, gone, missing or unavailable. Whatever
//! goes wrong upstream is "unavailable" here (and logged once), so a page
//! can fall back to the app with a generic head.

use axum::http::StatusCode;
use eventdesk_model::text::non_blank;
use std::sync::Arc;
use std::time::Duration;

use eventdesk_model::Problem;
use serde::de::DeserializeOwned;

use crate::upstream::{Answer, Upstream, UpstreamError};

/// How long a page's HTML waits for its data before it goes out without it.
pub const PAGE_BUDGET: Duration = Duration::from_millis(900);
/// How long a share card waits for its event.
pub const CARD_BUDGET: Duration = Duration::from_secs(3);

/// What the upstream had at one path.
#[derive(Debug)]
pub enum Fetched<T> {
    /// A 200 that is a `T`; `answer` is the body as the upstream sent it.
    Found { value: Box<T>, answer: Arc<Answer> },
    /// 410: withdrawn, with the upstream's reason when it gave one.
    Gone(Option<String>),
    /// 404.
    Missing,
    /// Anything else: slow, down, a 5xx, not JSON, not the contract's shape.
    Unavailable,
}

impl<T> Fetched<T> {
    /// The status of the page that shows it: what the upstream said of the
    /// thing (404, 410), and 200 when it is there or when the upstream could
    /// not say (the page then shows the error, with a retry; never a 5xx).
    pub fn page_status(&self) -> StatusCode {
        match self {
            Fetched::Found { .. } | Fetched::Unavailable => StatusCode::OK,
            Fetched::Gone(_) => StatusCode::GONE,
            Fetched::Missing => StatusCode::NOT_FOUND,
        }
    }
}

/// Reads `path` from `upstream` within `budget`.
pub async fn fetch<T: DeserializeOwned>(
    upstream: &Upstream,
    path: &str,
    budget: Duration,
) -> Fetched<T> {
    let answer = match upstream.get(path, budget).await {
        Ok(answer) => answer,
        Err(UpstreamError::Status(404)) => return Fetched::Missing,
        Err(UpstreamError::Status(410)) => return Fetched::Gone(None),
        Err(e) => {
            tracing::warn!(path, error = %e, "upstream read failed");
            return Fetched::Unavailable;
        }
    };
    match answer.status {
        200 => match answer.json::<T>() {
            Ok(value) => Fetched::Found {
                value: Box::new(value),
                answer,
            },
            Err(e) => {
                tracing::warn!(path, error = %e, "upstream answer is not the contract's");
                Fetched::Unavailable
            }
        },
        404 => Fetched::Missing,
        410 => Fetched::Gone(
            serde_json::from_slice::<Problem>(&answer.body)
                .ok()
                .and_then(|p| p.detail)
                .and_then(|v| non_blank(&v).map(str::to_owned)),
        ),
        status => {
            tracing::warn!(path, status, "upstream answered neither 200, 404 nor 410");
            Fetched::Unavailable
        }
    }
}
