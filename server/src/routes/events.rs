//! `GET /events` and `GET /events/{id}`.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{list_query, valid_id};
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

/// The body of `GET /events` for this raw query: also embedded in the feed's
/// page by `crate::preload`.
pub async fn list_json(state: &AppState, raw: Option<&str>) -> Result<String, ApiError> {
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

pub async fn one(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Ok(Path(id)) = id else {
        return Err(no_such_event());
    };
    if !valid_id(&id) {
        return Err(no_such_event());
    }
    match state
        .db
        .read_async(move |conn| events::get(conn, &id))
        .await?
    {
        Found::Event(doc) => Ok(json_text(StatusCode::OK, doc)),
        Found::Withdrawn(reason) => Err(ApiError::withdrawn(&reason)),
        Found::Missing => Err(no_such_event()),
    }
}

pub fn no_such_event() -> ApiError {
    ApiError::not_found("There is no event with this id.")
}
