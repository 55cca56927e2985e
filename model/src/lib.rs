//! Eventdesk's model: the API contract's types (`api/openapi.yaml`) and the
//! pure logic the pages are built from. No web dependencies: the app and the
//! reference backend both use it, and it is unit-tested natively.

pub mod confidence;
pub mod feed;
pub mod feed_dots;
pub mod geo;
pub mod ids;
pub mod iso3166;
pub mod labels;
pub mod locator;
pub mod locator_svg;
pub mod map_svg;
mod open_enum;
pub mod page;
pub mod place_marks;
pub mod share;
pub mod submission;
pub mod submit_form;
pub mod time;
pub mod tone;
pub mod topo;
pub mod truncate;
pub mod types;
pub mod url;

pub use time::{Day, Timestamp};
pub use types::*;
