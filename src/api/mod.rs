//! The typed client of the backend's contract (`api/openapi.yaml`).

mod base;
mod client;
mod deadline;
mod error;
mod lists;
mod preload;
pub mod submissions;

pub use base::api_base;
pub use client::{get_event, get_methodology};
pub use error::ApiError;
pub use lists::{get_categories, get_entity, list_events};
