//! The feed's calls: `GET /events` (a page of cards), `GET /categories` and
//! `GET /entities/{id}`, with the same time limit and errors as every call.

use eventdesk_model::paths::entity_path;
use eventdesk_model::{Category, Entity, EventPage};

use super::client::get_json;
use super::error::ApiError;

/// `GET /events` with a query built by `eventdesk_page_logic::feed::events_query`
/// (`?category=legal&limit=20`, or empty).
pub async fn list_events(query: &str) -> Result<EventPage, ApiError> {
    get_json(&format!("/events{query}")).await
}

/// `GET /categories`, in display order.
pub async fn get_categories() -> Result<Vec<Category>, ApiError> {
    get_json("/categories").await
}

/// `GET /entities/{id}`.
pub async fn get_entity(id: &str) -> Result<Entity, ApiError> {
    get_json(&entity_path(id)).await
}
