//! The ids in the API's paths (`/events/{event_id}`, `/submissions/{submission_id}`,
//! `/entities/{entity_id}`), read by one extractor: the contract's id rule,
//! `^[A-Za-z0-9_-]{1,128}$`, and a path that does not decode, both answer the
//! same 404 problem as an id that names nothing, worded for that resource.

use std::fmt;
use std::marker::PhantomData;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

pub use eventdesk_model::ids::valid_id;

use crate::problem::ApiError;

/// A kind of resource that a path names by id.
pub trait Resource: 'static {
    /// The detail of the 404 problem for an id that names none.
    const MISSING: &'static str;
}

/// The one path parameter of a route, checked against [`valid_id`]. Rejects
/// with `R`'s 404 problem.
pub struct ResourceId<R: Resource> {
    id: String,
    kind: PhantomData<fn() -> R>,
}

impl<R: Resource> ResourceId<R> {
    /// The 404 problem for an id that names no such resource.
    pub fn missing() -> ApiError {
        ApiError::not_found(R::MISSING)
    }

    pub fn as_str(&self) -> &str {
        &self.id
    }

    pub fn into_string(self) -> String {
        self.id
    }

    fn parse(raw: String) -> Result<Self, ApiError> {
        if valid_id(&raw) {
            Ok(ResourceId {
                id: raw,
                kind: PhantomData,
            })
        } else {
            Err(Self::missing())
        }
    }
}

impl<R: Resource> fmt::Debug for ResourceId<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ResourceId").field(&self.id).finish()
    }
}

impl<R: Resource, S: Send + Sync> FromRequestParts<S> for ResourceId<R> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        // A segment that is not UTF-8 once percent-decoded names nothing either.
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| Self::missing())?;
        Self::parse(raw)
    }
}

pub enum Event {}
impl Resource for Event {
    const MISSING: &'static str = "There is no event with this id.";
}

pub enum Submission {}
impl Resource for Submission {
    const MISSING: &'static str = "There is no submission with this id.";
}

pub enum Entity {}
impl Resource for Entity {
    const MISSING: &'static str = "There is no entity with this id.";
}

/// `{event_id}` in `/events/{event_id}` and `/events/{event_id}/submissions`.
pub type EventId = ResourceId<Event>;
/// `{submission_id}` in `/submissions/{submission_id}`.
pub type SubmissionId = ResourceId<Submission>;
/// `{entity_id}` in `/entities/{entity_id}`.
pub type EntityId = ResourceId<Entity>;

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    async fn answer(uri: &str) -> (StatusCode, String) {
        let app = Router::new()
            .route(
                "/events/{event_id}",
                get(|id: EventId| async move { id.into_string() }),
            )
            .route(
                "/entities/{entity_id}",
                get(|id: EntityId| async move { id.into_string() }),
            )
            .route(
                "/submissions/{submission_id}",
                get(|id: SubmissionId| async move { id.as_str().to_owned() }),
            );
        let res = app
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap()
            .into_response();
        let status = res.status();
        let body = axum::body::to_bytes(res.into_body(), 4096).await.unwrap();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn a_good_id_reaches_the_handler() {
        assert_eq!(
            answer("/events/paris-2025").await,
            (StatusCode::OK, "paris-2025".into())
        );
        assert_eq!(
            answer("/submissions/sub_abc").await,
            (StatusCode::OK, "sub_abc".into())
        );
    }

    #[tokio::test]
    async fn a_bad_id_is_that_resources_404_problem() {
        for (uri, detail) in [
            ("/events/a.b", Event::MISSING),
            ("/events/%FF", Event::MISSING),
            ("/entities/%C3%A9", Entity::MISSING),
            ("/submissions/a%20b", Submission::MISSING),
            (
                &format!("/submissions/{}", "s".repeat(129)),
                Submission::MISSING,
            ),
        ] {
            let (status, body) = answer(uri).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
            let p: eventdesk_model::Problem = serde_json::from_str(&body).unwrap();
            assert_eq!(p.status, 404, "{uri}");
            assert_eq!(p.detail.as_deref(), Some(detail), "{uri}");
        }
    }
}
