//! `POST /events/{id}/submissions` and `GET /submissions/{id}`, with the
//! same 15 s limit as every other call. A refused submission keeps its
//! `Retry-After`, which the form turns into a countdown.

use eventdesk_model::paths::{event_submissions_path, submission_path};
use eventdesk_model::{Problem, SubmissionReceipt, SubmissionRequest};
use gloo_net::http::{Request, RequestBuilder};

use super::base::api_base;
use super::deadline::{is_json, Deadline};
use super::error::ApiError;

/// Why a submission was not received, with the backend's `Retry-After` when it sent one.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmitError {
    pub error: ApiError,
    pub retry_after: Option<String>,
}

impl From<ApiError> for SubmitError {
    fn from(error: ApiError) -> Self {
        SubmitError {
            error,
            retry_after: None,
        }
    }
}

/// `POST /events/{event_id}/submissions` with the request as the contract has it.
pub async fn submit_source(
    event_id: &str,
    request: &SubmissionRequest,
) -> Result<SubmissionReceipt, SubmitError> {
    let url = format!("{}{}", api_base(), event_submissions_path(event_id));
    let builder = Request::post(&url);
    let answer = send(builder, Some(request)).await?;
    if answer.status == 202 || answer.status == 200 || answer.status == 201 {
        return answer.decode().map_err(Into::into);
    }
    let retry_after = answer.retry_after.clone();
    Err(SubmitError {
        error: answer.failure(),
        retry_after,
    })
}

/// `GET /submissions/{id}`: where a submission stands.
pub async fn get_submission(id: &str) -> Result<SubmissionReceipt, ApiError> {
    let url = format!("{}{}", api_base(), submission_path(id));
    let answer = send(Request::get(&url), None).await?;
    if (200..300).contains(&answer.status) {
        answer.decode()
    } else {
        Err(answer.failure())
    }
}

/// A complete answer: status, the headers the callers need, the body.
struct Answer {
    status: u16,
    content_type: String,
    retry_after: Option<String>,
    body: String,
}

impl Answer {
    fn is_json(&self) -> bool {
        is_json(&self.content_type)
    }

    fn decode(&self) -> Result<SubmissionReceipt, ApiError> {
        if self.content_type.contains("problem+json") || !self.is_json() {
            return Err(ApiError::Decode(format!(
                "status {} with content type {:?}",
                self.status, self.content_type
            )));
        }
        serde_json::from_str(&self.body).map_err(|e| ApiError::Decode(e.to_string()))
    }

    fn failure(&self) -> ApiError {
        let problem = self
            .is_json()
            .then(|| serde_json::from_str::<Problem>(&self.body).ok())
            .flatten()
            .map(Box::new);
        ApiError::Status {
            status: self.status,
            problem,
        }
    }
}

async fn send(
    builder: RequestBuilder,
    json: Option<&SubmissionRequest>,
) -> Result<Answer, ApiError> {
    let deadline = Deadline::start()?;
    let builder = builder
        .header("Accept", "application/json, application/problem+json")
        .abort_signal(Some(&deadline.signal()));
    let request = match json {
        Some(body) => builder
            .json(body)
            .map_err(|e| ApiError::Decode(e.to_string()))?,
        None => builder
            .build()
            .map_err(|e| ApiError::Decode(e.to_string()))?,
    };
    let response = request.send().await.map_err(|_| deadline.failure())?;
    let headers = response.headers();
    let status = response.status();
    let content_type = headers
        .get("content-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let retry_after = headers.get("retry-after");
    let body = response.text().await.map_err(|_| deadline.failure())?;
    Ok(Answer {
        status,
        content_type,
        retry_after,
        body,
    })
}
