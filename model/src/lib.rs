//! Eventdesk's contract: the API's types (`api/openapi.yaml`) and the rules
//! both sides share, the app and the reference backend. No web dependencies;
//! unit-tested natively. What only the app's pages derive lives in
//! `eventdesk-page-logic`.
//!
//! One file a concept of the contract, each type with its methods beside it;
//! every type is re-exported here. How the JSON is read (unknown fields
//! ignored, open enums, optional fields, null lists) is in `wire.rs`.

pub mod article_url;
mod category;
pub mod confidence;
mod entity;
mod event;
#[cfg(any(test, feature = "examples"))]
pub mod examples;
mod extraction;
mod history;
pub mod ids;
pub mod labels;
mod methodology;
mod open_enum;
pub mod paths;
mod place;
mod problem;
pub mod query;
mod report;
mod source;
pub mod submission;
pub mod text;
pub mod time;
pub mod tone;
pub mod url;
mod wire;

pub use category::Category;
pub use confidence::{Confidence, ConfidenceLevel, NextLevel};
pub use entity::{Entity, EntityKind};
pub use event::{Event, EventPage, EventSummary};
pub use extraction::{Extraction, SourceStory};
pub use history::{HistoryEntry, HistoryKind};
pub use methodology::{Methodology, MethodologyLevel, MethodologyTone};
pub use place::{Location, Place, PlacePrecision, PlaceRole, Point};
pub use problem::{FieldError, Problem};
pub use report::Report;
pub use source::{Source, SourceKind};
pub use submission::{SubmissionReceipt, SubmissionRequest, SubmissionStatus};
pub use time::{Day, Timestamp};
pub use tone::Tone;
