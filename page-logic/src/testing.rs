//! Helpers for this crate's unit tests.

use eventdesk_model::{Event, HistoryEntry, HistoryKind, Timestamp};

/// The contract's example event, the Paris coalition meeting.
pub fn paris() -> Event {
    serde_json::from_str(include_str!(
        "../../api/examples/event-paris-coalition.json"
    ))
    .expect("the contract's example decodes")
}

/// A history entry at `at` (as the API writes it) of `kind`.
pub fn history_entry(at: &str, kind: &str, summary: &str) -> HistoryEntry {
    HistoryEntry {
        at: Timestamp(at.into()),
        kind: HistoryKind::from(kind),
        summary: summary.into(),
    }
}

/// Reverses `eventdesk_model::url::encode_component`: a stand-in for the
/// browser's decoding in round-trip checks.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}
