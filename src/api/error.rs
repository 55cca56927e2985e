//! The one error type of every API call, with the words a reader sees.

use eventdesk_model::text::non_blank;
use eventdesk_model::Problem;
use thiserror::Error;

/// Why an API call did not give the page its data.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, refused, CORS.
    #[error("We could not reach Eventdesk. Check your connection, then try again.")]
    Network,
    /// No complete answer within the time limit.
    #[error("Eventdesk is taking too long to answer. Try again in a moment.")]
    Timeout,
    /// The backend answered with an error status, and its problem details when readable.
    #[error("{}", status_message(*status))]
    Status {
        status: u16,
        /// Boxed: problems are large and errors travel in every `Result`.
        problem: Option<Box<Problem>>,
    },
    /// An answer this app cannot read (not JSON, wrong shape, a problem with status 200).
    #[error("Eventdesk sent an answer this page could not read. Try again in a moment.")]
    Decode(String),
}

fn status_message(status: u16) -> &'static str {
    match status {
        404 => "There is nothing at this link.",
        410 => "This was withdrawn by the editors.",
        408 => "Eventdesk is taking too long to answer. Try again in a moment.",
        429 => "Too many requests in a short time. Wait a moment, then try again.",
        500..=599 => "Eventdesk is having trouble right now. Try again in a moment.",
        _ => "Eventdesk could not answer this request.",
    }
}

impl ApiError {
    /// True when trying again may work.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Timeout | ApiError::Decode(_) => true,
            ApiError::Status { status, .. } => matches!(status, 408 | 429 | 500..=599),
        }
    }

    /// The HTTP status, when the backend answered with one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The problem's `detail`, when it has words.
    pub fn detail(&self) -> Option<&str> {
        match self {
            ApiError::Status {
                problem: Some(p), ..
            } => p.detail.as_deref().and_then(non_blank),
            _ => None,
        }
    }
}
