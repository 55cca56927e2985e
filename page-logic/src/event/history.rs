//! An event's updates, in the order the page lists them, and the anchor
//! each one has on the page (`#update-20241203T200000Z`), so a line that
//! names an update (the header's correction, `correction.rs`) can link to it.

use chrono::{Datelike, Timelike};
use eventdesk_model::HistoryEntry;

/// The history, newest first. Entries whose time does not parse keep their
/// relative order and go last.
pub fn history_newest_first(history: &[HistoryEntry]) -> Vec<&HistoryEntry> {
    newest_first_order(history)
        .into_iter()
        .map(|i| &history[i])
        .collect()
}

/// The positions of `history`'s entries, newest first (as
/// [`history_newest_first`] lists them).
pub fn newest_first_order(history: &[HistoryEntry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..history.len()).collect();
    // A stable sort keeps the API's order among equal or unparsable times.
    order.sort_by(
        |&a, &b| match (history[a].at.parse(), history[b].at.parse()) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        },
    );
    order
}

/// The element id of each entry, in the API's order: `update-` and the
/// entry's instant in UTC (`update-20241203T200000Z`), so the anchor of an
/// update stays the same when later ones are added; an entry whose time
/// does not parse is named by its place (`update-3`). Two entries at the
/// same second get `-2`, `-3` after the first.
pub fn update_anchors(history: &[HistoryEntry]) -> Vec<String> {
    let mut anchors: Vec<String> = Vec::with_capacity(history.len());
    for (i, entry) in history.iter().enumerate() {
        let base = match entry.at.parse() {
            Some(at) => {
                // By hand: chrono's strftime patterns would pull its format
                // parser into the app (see `eventdesk_model::time`).
                let at = at.to_utc();
                let (day, time) = (at.date_naive(), at.time());
                format!(
                    "update-{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                    day.year(),
                    day.month(),
                    day.day(),
                    time.hour(),
                    time.minute(),
                    time.second()
                )
            }
            None => format!("update-{}", i + 1),
        };
        let mut anchor = base.clone();
        let mut n = 1;
        while anchors.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        anchors.push(anchor);
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: &str, summary: &str) -> HistoryEntry {
        crate::testing::history_entry(at, "corrected", summary)
    }

    #[test]
    fn history_is_newest_first_and_keeps_bad_times() {
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
        assert_eq!(newest_first_order(&h), [2, 0, 1]);
    }

    #[test]
    fn anchors_name_the_instant_in_utc_and_stay_unique() {
        let h = [
            entry("2024-12-03T20:00:00Z", "a"),
            entry("2024-12-04T05:00:00+09:00", "same instant"),
            entry("<script>", "bad time"),
            entry("2024-12-03T13:50:00.417Z", "b"),
        ];
        assert_eq!(
            update_anchors(&h),
            [
                "update-20241203T200000Z",
                "update-20241203T200000Z-2",
                "update-3",
                "update-20241203T135000Z",
            ]
        );
    }

    #[test]
    fn an_anchor_does_not_move_when_updates_are_added() {
        let mut h = vec![entry("2024-12-03T20:00:00Z", "a")];
        let before = update_anchors(&h)[0].clone();
        h.insert(0, entry("2024-12-05T20:00:00Z", "newer"));
        assert_eq!(update_anchors(&h)[1], before);
    }
}
