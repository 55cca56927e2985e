//! What changed since an event happened, as the feed shows it: a card's
//! mark ("Updated 30 May 2026", "Corrected 3 December 2024"), and the feed
//! sorted by when events were last updated.
//!
//! The marks are true whatever the clock says: a card is marked *updated*
//! when its record changed after the day the event occurred (its
//! `updated_at` falls on a later day than `occurred_on`), and *corrected*
//! when its history holds a correction (which only the event's detail
//! carries, so the app upgrades a mark once it has read it).
//!
//! The API lists events by date only. Sorting by update is done here, over
//! the events read up to a bound ([`SORT_PAGES`] pages of
//! [`SORT_PAGE_SIZE`]); when the bound is hit the feed says so
//! ([`bound_line`]).

use std::borrow::Borrow;
use std::cmp::Ordering;

use super::filters::{events_query, FeedFilters};
use crate::event::correction::correction_notice;
use chrono::{DateTime, Utc};
use eventdesk_model::time::iso_day;
use eventdesk_model::{Day, EventPage, EventSummary, HistoryEntry, Timestamp};

/// The events a page read asks for when sorting by update (the API's most).
pub const SORT_PAGE_SIZE: u32 = 100;
/// How many pages are read, at most, when sorting by update.
pub const SORT_PAGES: usize = 5;
/// At most this many events' details are read for their corrections while
/// the feed is shown.
pub const MAX_DETAIL_READS: usize = 40;

/// The feed's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FeedSort {
    /// Newest first by the day the event occurred (the API's order).
    #[default]
    Date,
    /// Most recently updated first.
    Updated,
}

impl FeedSort {
    /// Both orders, as the form offers them.
    pub const ALL: [FeedSort; 2] = [FeedSort::Date, FeedSort::Updated];
    /// The page URL's key.
    pub const KEY: &'static str = "sort";

    /// Its value in the page's URL; `None` for the default (absent).
    pub fn url_value(self) -> Option<&'static str> {
        match self {
            FeedSort::Date => None,
            FeedSort::Updated => Some("updated"),
        }
    }

    /// The value the form's select holds.
    pub fn form_value(self) -> &'static str {
        self.url_value().unwrap_or("date")
    }

    /// The order a URL value names; anything unknown is the default.
    pub fn from_value(value: &str) -> FeedSort {
        match value.trim() {
            "updated" => FeedSort::Updated,
            _ => FeedSort::Date,
        }
    }

    /// What the form calls it.
    pub fn label(self) -> &'static str {
        match self {
            FeedSort::Date => "Newest events first",
            FeedSort::Updated => "Recently updated first",
        }
    }
}

/// What changed, as a card says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    Updated,
    Corrected,
}

/// A card's mark: what changed and on which day (UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardMark {
    pub kind: MarkKind,
    pub day: Day,
}

impl CardMark {
    /// "Updated", "Corrected": the words before the date.
    pub fn word(&self) -> &'static str {
        match self.kind {
            MarkKind::Updated => "Updated",
            MarkKind::Corrected => "Corrected",
        }
    }

    /// The class token of its kind.
    pub fn token(&self) -> &'static str {
        match self.kind {
            MarkKind::Updated => "updated",
            MarkKind::Corrected => "corrected",
        }
    }
}

fn utc(at: &Timestamp) -> Option<DateTime<Utc>> {
    at.parse().map(|t| t.with_timezone(&Utc))
}

/// The mark a card shows from its summary alone: "Updated <day>" when the
/// record changed on a later day than the event occurred. Nothing when a
/// date is missing or unreadable.
pub fn summary_mark(event: &EventSummary) -> Option<CardMark> {
    let updated = utc(event.updated_at.as_ref()?)?.date_naive();
    let occurred = event.occurred_on.as_ref()?.parse()?;
    (updated > occurred).then(|| CardMark {
        kind: MarkKind::Updated,
        day: Day(iso_day(updated)),
    })
}

/// The mark an event's history gives: "Corrected <day>", the day of its
/// latest correction, the one its page's header names
/// ([`correction_notice`]). `None` without a dated correction.
pub fn correction_mark(history: &[HistoryEntry]) -> Option<CardMark> {
    let day = correction_notice(history)?.day?;
    Some(CardMark {
        kind: MarkKind::Corrected,
        day,
    })
}

/// A card's mark: the correction found in its event's history when the
/// list has read it, else what its summary says.
pub fn card_mark(event: &EventSummary, correction: Option<CardMark>) -> Option<CardMark> {
    correction.or_else(|| summary_mark(event))
}

/// Orders events most recently updated first, then by the day they
/// occurred (newest first); events without a readable `updated_at` go
/// last. Stable: ties keep the API's order.
pub fn sort_by_update<E: Borrow<EventSummary>>(events: &mut [E]) {
    events.sort_by(|a, b| compare_updates(a.borrow(), b.borrow()));
}

fn compare_updates(a: &EventSummary, b: &EventSummary) -> Ordering {
    let at = |e: &EventSummary| e.updated_at.as_ref().and_then(utc);
    let day = |e: &EventSummary| e.occurred_on.as_ref().and_then(Day::parse);
    // Descending: `None` sorts lowest, so it comes last.
    at(b).cmp(&at(a)).then_with(|| day(b).cmp(&day(a)))
}

/// Whether the pages read so far are enough: `pages` read, and whether
/// the last one had a next page.
pub fn read_more(pages: usize, has_next: bool) -> bool {
    has_next && pages < SORT_PAGES
}

/// The line said when the bound was hit: "Sorted among the 500 latest
/// events". `None` when every matching event was read.
pub fn bound_line(read: usize, bound_hit: bool) -> Option<String> {
    bound_hit.then(|| format!("Sorted among the {read} latest events"))
}

/// The events read so far for a list sorted by update, and what to read
/// next: the same loop for the app and its server's first paint.
#[derive(Debug, Clone, Default)]
pub struct UpdateRead {
    events: Vec<EventSummary>,
    pages: usize,
    next: Option<String>,
}

impl UpdateRead {
    /// The query of the next page to read (`events_query` of `filters`, at
    /// [`SORT_PAGE_SIZE`]), or `None` when every page needed is read.
    pub fn next_query(&self, filters: &FeedFilters, entity: Option<&str>) -> Option<String> {
        if self.pages == 0 {
            return Some(events_query(filters, entity, None, SORT_PAGE_SIZE));
        }
        let cursor = self.next.as_deref()?;
        read_more(self.pages, true)
            .then(|| events_query(filters, entity, Some(cursor), SORT_PAGE_SIZE))
    }

    /// Adds a page read; events already read are not added twice.
    pub fn add(&mut self, page: EventPage) {
        self.pages += 1;
        for e in page.items {
            if !self.events.iter().any(|k| k.id == e.id) {
                self.events.push(e);
            }
        }
        self.next = page.next_cursor.filter(|c| !c.is_empty());
    }

    /// The events read, most recently updated first, and the bound's line
    /// when there were more than were read.
    pub fn finish(self) -> (Vec<EventSummary>, Option<String>) {
        let mut events = self.events;
        sort_by_update(&mut events);
        let line = bound_line(events.len(), self.next.is_some());
        (events, line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, occurred: Option<&str>, updated: Option<&str>) -> EventSummary {
        let mut value = serde_json::json!({
            "id": id,
            "category": {"id": "diplomatic", "label": "Diplomatic"},
            "summary": "s",
            "location": {"label": "Paris"},
            "confidence": {"level": "likely", "independent_sources": 2},
        });
        if let Some(o) = occurred {
            value["occurred_on"] = o.into();
        }
        if let Some(u) = updated {
            value["updated_at"] = u.into();
        }
        serde_json::from_value(value).unwrap()
    }

    fn entry(at: &str, kind: &str) -> HistoryEntry {
        crate::testing::history_entry(at, kind, "x")
    }

    #[test]
    fn sort_reads_and_writes_the_url() {
        assert_eq!(FeedSort::from_value("updated"), FeedSort::Updated);
        assert_eq!(FeedSort::from_value(" updated "), FeedSort::Updated);
        assert_eq!(FeedSort::from_value("date"), FeedSort::Date);
        assert_eq!(FeedSort::from_value("popular"), FeedSort::Date);
        assert_eq!(FeedSort::Date.url_value(), None);
        assert_eq!(FeedSort::Updated.url_value(), Some("updated"));
        assert_eq!(FeedSort::Date.form_value(), "date");
        for sort in FeedSort::ALL {
            assert_eq!(FeedSort::from_value(sort.form_value()), sort);
        }
    }

    #[test]
    fn updated_only_after_the_day_it_happened() {
        let later = event("a", Some("2025-09-04"), Some("2026-05-30T04:15:39.417Z"));
        let mark = summary_mark(&later).unwrap();
        assert_eq!(mark.kind, MarkKind::Updated);
        assert_eq!(mark.day.as_str(), "2026-05-30");
        assert_eq!(mark.word(), "Updated");
        // The same day (even late in it) is how it was first reported.
        let same = event("b", Some("2024-12-03"), Some("2024-12-03T20:00:00Z"));
        assert_eq!(summary_mark(&same), None);
        // The UTC day counts, whatever the offset written.
        let offset = event("c", Some("2024-12-03"), Some("2024-12-04T01:00:00+02:00"));
        assert_eq!(summary_mark(&offset), None);
        assert_eq!(
            summary_mark(&event("d", None, Some("2025-01-01T00:00:00Z"))),
            None
        );
        assert_eq!(summary_mark(&event("e", Some("2025-01-01"), None)), None);
        assert_eq!(
            summary_mark(&event("f", Some("2025-01-01"), Some("soon"))),
            None
        );
    }

    #[test]
    fn corrections_win_with_their_latest_day() {
        let e = event("a", Some("2024-12-03"), Some("2024-12-03T20:00:00Z"));
        let history = [
            entry("2024-12-03T14:00:00Z", "created"),
            entry("2024-12-03T20:00:00Z", "corrected"),
            entry("2024-12-01T20:00:00Z", "corrected"),
            entry("not a time", "corrected"),
        ];
        let mark = card_mark(&e, correction_mark(&history)).unwrap();
        assert_eq!(mark.kind, MarkKind::Corrected);
        assert_eq!(mark.day.as_str(), "2024-12-03");
        assert_eq!(mark.word(), "Corrected");
        assert_eq!(mark.token(), "corrected");
        // The day the event's header names.
        assert_eq!(correction_notice(&history).unwrap().day, Some(mark.day));
        // A correction wins over the summary's mark.
        let later = event("b", Some("2025-08-15"), Some("2025-08-16T07:00:00Z"));
        assert_eq!(
            card_mark(&later, correction_mark(&history)),
            correction_mark(&history)
        );
        // No correction: the summary's mark stands.
        let plain = [entry("2025-08-16T07:00:00Z", "source_added")];
        assert_eq!(correction_mark(&plain), None);
        assert_eq!(
            card_mark(&later, correction_mark(&plain)),
            summary_mark(&later)
        );
        assert_eq!(card_mark(&e, correction_mark(&[])), None);
        // Only undated corrections: none to date the mark by.
        assert_eq!(correction_mark(&[entry("soon", "corrected")]), None);
    }

    #[test]
    fn sorted_by_update_then_day() {
        let mut events = vec![
            event("old", Some("2025-09-08"), Some("2025-09-08T14:30:00Z")),
            event("none", Some("2025-09-09"), None),
            event(
                "paris",
                Some("2025-09-04"),
                Some("2026-05-30T04:15:39.417Z"),
            ),
            event("tie-old", Some("2025-01-01"), Some("2025-09-08T14:30:00Z")),
            event(
                "tie-new",
                Some("2025-02-01"),
                Some("2025-09-08T16:30:00+02:00"),
            ),
        ];
        sort_by_update(&mut events);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["paris", "old", "tie-new", "tie-old", "none"]);
    }

    #[test]
    fn the_bound_is_said_in_words() {
        assert!(read_more(1, true));
        assert!(!read_more(1, false));
        assert!(!read_more(SORT_PAGES, true));
        assert_eq!(bound_line(57, false), None);
        assert_eq!(
            bound_line(500, true).as_deref(),
            Some("Sorted among the 500 latest events")
        );
    }

    fn page(ids: &[&str], next: Option<&str>) -> EventPage {
        EventPage {
            items: ids
                .iter()
                .map(|id| event(id, Some("2025-01-01"), Some("2025-01-02T00:00:00Z")))
                .collect(),
            next_cursor: next.map(str::to_owned),
            total: None,
        }
    }

    #[test]
    fn reads_up_to_the_bound() {
        let f = FeedFilters::from_pairs([("category", "legal"), ("sort", "updated")]);
        let mut read = UpdateRead::default();
        assert_eq!(
            read.next_query(&f, None).as_deref(),
            Some("?category=legal&limit=100")
        );
        read.add(page(&["a", "b"], Some("c1")));
        assert_eq!(
            read.next_query(&f, None).as_deref(),
            Some("?category=legal&cursor=c1&limit=100")
        );
        for n in 2..=SORT_PAGES {
            read.add(page(&["b", &format!("p{n}")], Some("more")));
        }
        assert_eq!(read.next_query(&f, None), None);
        let (events, line) = read.finish();
        assert_eq!(events.len(), 2 + SORT_PAGES - 1);
        assert_eq!(
            line,
            Some(format!("Sorted among the {} latest events", events.len()))
        );

        let mut all = UpdateRead::default();
        all.add(page(&["a"], Some("")));
        assert_eq!(all.next_query(&f, None), None);
        assert_eq!(all.finish().1, None);
    }
}
