//! The contract's examples as values, for the tests of every crate that reads
//! the contract (`features = ["examples"]` in a dev-dependency); never in a
//! build readers get.

use crate::{Event, HistoryEntry, HistoryKind, Timestamp};

/// The contract's example event (`api/examples/event-paris-coalition.json`),
/// the Paris coalition meeting.
pub fn paris_event() -> Event {
    serde_json::from_str(PARIS_EVENT_JSON).expect("the contract's example decodes")
}

/// The same example as JSON, to change before decoding it.
pub fn paris_event_value() -> serde_json::Value {
    serde_json::from_str(PARIS_EVENT_JSON).expect("the contract's example is JSON")
}

const PARIS_EVENT_JSON: &str = include_str!("../../api/examples/event-paris-coalition.json");

/// A history entry at `at` (as the API writes it) of `kind`, which may be one
/// the contract does not name.
pub fn history_entry(at: &str, kind: &str, summary: &str) -> HistoryEntry {
    HistoryEntry {
        at: Timestamp(at.into()),
        kind: HistoryKind::from(kind),
        summary: summary.into(),
    }
}

/// The fields of an event that only its own resource (`GET /events/{id}`)
/// carries: `GET /events` lists summaries without them.
pub const DETAIL_ONLY_FIELDS: [&str; 6] = [
    "sources",
    "reports",
    "entities",
    "history",
    "extraction",
    "related_ids",
];
