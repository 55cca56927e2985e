//! `GET /categories`, `GET /entities/{id}`, `GET /methodology`.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::problem::{json_text, ApiError};
use crate::store::reference;
use crate::AppState;

pub async fn categories(State(state): State<AppState>) -> Result<Response, ApiError> {
    let body = state.db.read_async(reference::categories).await?;
    Ok(json_text(StatusCode::OK, body))
}

pub async fn methodology(State(state): State<AppState>) -> Result<Response, ApiError> {
    match state.db.read_async(reference::methodology).await? {
        Some(body) => Ok(json_text(StatusCode::OK, body)),
        None => Err(ApiError::internal()),
    }
}

pub async fn entity(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let missing = || ApiError::not_found("There is no entity with this id.");
    let Ok(Path(id)) = id else {
        return Err(missing());
    };
    if id.len() > 256 {
        return Err(missing());
    }
    match state
        .db
        .read_async(move |conn| reference::entity(conn, &id))
        .await?
    {
        Some(v) => Ok(json_text(StatusCode::OK, v.to_string())),
        None => Err(missing()),
    }
}
