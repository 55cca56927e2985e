//! Installing the app and reading offline: the web app manifest, the service
//! worker, and the page shown for an address never opened before.

use axum::Router;

use crate::AppState;

/// The manifest's, service worker's and offline page's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
}
