//! What can go wrong reading the upstream.

/// Why [`super::Upstream::new`] or [`super::Upstream::get`] gave no answer,
/// or why an [`super::Answer`] is not the `T` asked for.
///
/// It is `Clone` because one upstream call answers every reader waiting on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpstreamError {
    /// The configured base URL (or an API path) is not usable.
    #[error("upstream {0}")]
    Config(String),
    /// No connection could be made, or it broke before a whole answer
    /// (reset, truncated body).
    #[error("upstream unreachable: {0}")]
    Unreachable(String),
    /// No whole answer within the time allowed (the caller's budget, or
    /// `CALL_TIMEOUT` for the call itself).
    #[error("upstream did not answer in time")]
    Timeout,
    /// A JSON answer that is not what was asked for: a 5xx or 3xx problem
    /// from [`super::Upstream::get`], or any status but 200 from
    /// [`super::Answer::json`] (404, 410, …).
    #[error("upstream answered {0}")]
    Status(u16),
    /// Not a JSON answer: HTML, text, or no content type, whatever the status.
    #[error("upstream answered {status} with {content_type:?}, not JSON")]
    NotJson { status: u16, content_type: String },
    /// The body was larger than `BODY_MAX_BYTES`.
    #[error("upstream body over the size limit")]
    TooLarge,
    /// JSON that is not what the contract says (truncated, wrong types), or
    /// a body that is not UTF-8.
    #[error("upstream JSON does not fit the contract: {0}")]
    Malformed(String),
}
