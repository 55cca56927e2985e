//! Atom feeds readers follow without an account: one per event, from its
//! history, and one for the feed, honouring the feed page's filters.

use axum::Router;

use crate::AppState;

/// The feeds' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
}
