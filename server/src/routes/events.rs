//! `GET /events` and `GET /events/{id}`.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::list_query;
use super::resource_id::EventId;
use crate::problem::{json_text, ApiError};
use crate::store::events::{self, Found};
use crate::AppState;

pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let body = list_json(&state, raw.as_deref()).await?;
    Ok(json_text(StatusCode::OK, body))
}

/// The body of `GET /events` for this raw query.
async fn list_json(state: &AppState, raw: Option<&str>) -> Result<String, ApiError> {
    let q = list_query::parse(raw)?;
    let page = state
        .db
        .read_async(move |conn| events::list(conn, &q.filter, q.after.as_ref(), q.limit))
        .await?;
    let next = match page.next {
        Some(c) => serde_json::Value::from(c.encode()).to_string(),
        None => "null".to_owned(),
    };
    Ok(format!(
        r#"{{"items":[{}],"next_cursor":{},"total":{}}}"#,
        page.items.join(","),
        next,
        page.total
    ))
}

pub async fn one(State(state): State<AppState>, id: EventId) -> Result<Response, ApiError> {
    let id = id.into_string();
    match state
        .db
        .read_async(move |conn| events::get(conn, &id))
        .await?
    {
        Found::Event(doc) => Ok(json_text(StatusCode::OK, doc)),
        Found::Withdrawn(reason) => Err(ApiError::withdrawn(&reason)),
        Found::Missing => Err(EventId::missing()),
    }
}
