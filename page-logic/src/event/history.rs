//! An event's updates, in the order the page lists them.

use eventdesk_model::HistoryEntry;

/// The history, newest first. Entries whose time does not parse keep their
/// relative order and go last.
pub fn history_newest_first(history: &[HistoryEntry]) -> Vec<&HistoryEntry> {
    let mut entries: Vec<&HistoryEntry> = history.iter().collect();
    // A stable sort keeps the API's order among equal or unparsable times.
    entries.sort_by(|a, b| match (a.at.parse(), b.at.parse()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::{HistoryKind, Timestamp};

    #[test]
    fn history_is_newest_first_and_keeps_bad_times() {
        let entry = |at: &str, summary: &str| HistoryEntry {
            at: Timestamp(at.into()),
            kind: HistoryKind::Corrected,
            summary: summary.into(),
        };
        let h = [
            entry("2026-05-30T04:15:39Z", "old"),
            entry("someday", "bad"),
            entry("2026-06-01T00:00:00+02:00", "new"),
        ];
        let order: Vec<&str> = history_newest_first(&h)
            .iter()
            .map(|e| e.summary.as_str())
            .collect();
        assert_eq!(order, ["new", "old", "bad"]);
    }
}
