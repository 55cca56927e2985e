//! Eventdesk's contract: the API's types (`api/openapi.yaml`) and the rules
//! both sides share, the app and the reference backend. No web dependencies;
//! unit-tested natively. What only the app's pages derive lives in
//! `eventdesk-page-logic`.

pub mod confidence;
pub mod ids;
pub mod labels;
mod open_enum;
pub mod paths;
pub mod query;
pub mod submission;
pub mod text;
pub mod time;
pub mod tone;
pub mod types;
pub mod url;

pub use time::{Day, Timestamp};
pub use types::*;
