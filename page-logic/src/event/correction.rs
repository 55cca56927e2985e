//! "Corrected on 3 December 2024: Summary updated: the decree has been
//! lifted." The line the event's header shows when its history holds a
//! correction, linking to that entry in Updates. The app's header
//! (`src/components/correction_notice.rs`) and the server's first paint
//! (`web/src/page/first_paint.rs`) both draw it from [`correction_notice`].

use eventdesk_model::{Day, HistoryEntry, HistoryKind};

use super::history::{newest_first_order, update_anchors};
use crate::text::clip;

/// The most characters of the correction's summary the header shows (the
/// whole of it is in Updates).
pub const SUMMARY_CHARS: usize = 200;

/// What the header says about an event's corrections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionNotice {
    /// How many corrections the history holds (at least 1).
    pub count: usize,
    /// The day of the latest, in UTC; `None` when its time does not parse.
    pub day: Option<Day>,
    /// What changed: the latest's summary, clipped; may be empty.
    pub what: String,
    /// The element id of the latest's entry in Updates (no `#`).
    pub anchor: String,
}

impl CorrectionNotice {
    /// The words before the date: "Corrected on", "2 corrections; latest
    /// on" (without "on" when there is no date to follow).
    pub fn lead(&self) -> String {
        let on = if self.day.is_some() { " on" } else { "" };
        if self.count == 1 {
            format!("Corrected{on}")
        } else {
            format!("{} corrections; latest{on}", self.count)
        }
    }

    /// What follows the date: ": what changed", or nothing.
    pub fn tail(&self) -> String {
        if self.what.is_empty() {
            String::new()
        } else {
            format!(": {}", self.what)
        }
    }

    /// The link's address: `#update-…`.
    pub fn href(&self) -> String {
        format!("#{}", self.anchor)
    }
}

/// The header's correction line, when the history holds a correction: the
/// latest (as Updates orders them, newest first), and how many there are.
pub fn correction_notice(history: &[HistoryEntry]) -> Option<CorrectionNotice> {
    let corrections = history
        .iter()
        .filter(|h| h.kind == HistoryKind::Corrected)
        .count();
    let latest = newest_first_order(history)
        .into_iter()
        .find(|&i| history[i].kind == HistoryKind::Corrected)?;
    let entry = &history[latest];
    Some(CorrectionNotice {
        count: corrections,
        day: entry
            .at
            .parse()
            .map(|at| Day(eventdesk_model::time::iso_day(at.to_utc().date_naive()))),
        what: clip(&entry.summary, SUMMARY_CHARS),
        anchor: update_anchors(history).swap_remove(latest),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::history_entry as entry;

    #[test]
    fn no_correction_no_line() {
        let h = [
            entry("2024-12-03T13:50:00Z", "created", "Extracted"),
            entry("2024-12-03T16:20:00Z", "source_added", "Added"),
        ];
        assert_eq!(correction_notice(&h), None);
        assert_eq!(correction_notice(&[]), None);
    }

    #[test]
    fn one_correction_says_when_and_what() {
        let h = [
            entry("2024-12-03T13:50:00Z", "created", "Extracted"),
            entry(
                "2024-12-03T20:00:00Z",
                "corrected",
                " Summary updated:\n the decree has been lifted. ",
            ),
        ];
        let n = correction_notice(&h).unwrap();
        assert_eq!(n.count, 1);
        assert_eq!(n.day, Some(Day("2024-12-03".into())));
        assert_eq!(n.lead(), "Corrected on");
        assert_eq!(n.tail(), ": Summary updated: the decree has been lifted.");
        assert_eq!(n.href(), "#update-20241203T200000Z");
    }

    #[test]
    fn several_corrections_show_the_latest_and_how_many() {
        let h = [
            entry("2024-12-05T01:00:00+09:00", "corrected", "latest"),
            entry("2024-12-03T20:00:00Z", "corrected", "first"),
            entry("2024-12-03T21:00:00Z", "source_added", "not one"),
        ];
        let n = correction_notice(&h).unwrap();
        assert_eq!(n.count, 2);
        assert_eq!(n.what, "latest");
        // The day in UTC: 01:00 in Seoul is still the 4th there.
        assert_eq!(n.day, Some(Day("2024-12-04".into())));
        assert_eq!(n.lead(), "2 corrections; latest on");
        assert_eq!(n.anchor, "update-20241204T160000Z");
    }

    #[test]
    fn an_unreadable_time_or_empty_summary_still_reads() {
        let h = [entry("last week", "corrected", "   ")];
        let n = correction_notice(&h).unwrap();
        assert_eq!(n.day, None);
        assert_eq!(n.lead(), "Corrected");
        assert_eq!(n.tail(), "");
        assert_eq!(n.anchor, "update-1");
    }

    #[test]
    fn a_long_summary_is_clipped() {
        let long = "word ".repeat(200);
        let h = [entry("2024-12-03T20:00:00Z", "corrected", &long)];
        let n = correction_notice(&h).unwrap();
        assert!(n.what.chars().count() <= SUMMARY_CHARS);
        assert!(n.what.ends_with('…'));
    }
}
