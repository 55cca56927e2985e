//! Queries over the database, on plain connections; handlers run them on blocking threads.

pub mod events;
pub mod reference;
pub mod submissions;

use chrono::Utc;
use eventdesk_model::Event;

/// The sort keys stored beside an event: `occurred_on` as `YYYY-MM-DD` and
/// `updated_at` as fixed-width UTC text, so both order correctly as text. An
/// unknown or unreadable one is `''`, which sorts after every real one.
pub fn sort_keys(e: &Event) -> (String, String) {
    let occurred = e
        .occurred_on
        .as_ref()
        .and_then(|d| d.parse())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let updated = e
        .updated_at
        .as_ref()
        .and_then(|t| t.parse())
        .map(|t| {
            t.with_timezone(&Utc)
                .format("%Y-%m-%dT%H:%M:%S%.6fZ")
                .to_string()
        })
        .unwrap_or_default();
    (occurred, updated)
}
