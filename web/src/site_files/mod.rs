//! The files crawlers and browsers ask every site for: `robots.txt`,
//! `sitemap.xml` and `favicon.ico`.

pub mod mark;

use axum::Router;

use crate::AppState;

/// Their routes.
pub fn routes() -> Router<AppState> {
    Router::new()
}
