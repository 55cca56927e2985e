//! `GET /categories`, `GET /entities/{id}`, `GET /methodology`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::resource_id::EntityId;
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

pub async fn entity(State(state): State<AppState>, id: EntityId) -> Result<Response, ApiError> {
    let id = id.into_string();
    match state
        .db
        .read_async(move |conn| reference::entity(conn, &id))
        .await?
    {
        Some(v) => Ok(json_text(StatusCode::OK, v.to_string())),
        None => Err(EntityId::missing()),
    }
}
