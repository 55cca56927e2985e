//! The feed's place in the reader's history, as a news site keeps it: what a
//! list of cards keeps for its history entry (the cards loaded so far, the
//! cursor of the next page, where the reader was), so that Back and Forward
//! bring the reader to the same cards at the same spot instead of the first
//! page at the top; and the limits on what is kept.
//!
//! The app keeps one [`Pages`] and one [`Place`] per history entry (in the
//! tab's session storage, under the entry's own key, see [`storage_key`]);
//! [`Pages::restore`] says whether a kept list may stand in for loading the
//! first page again.

use eventdesk_model::EventSummary;
use serde::{Deserialize, Serialize};

/// After this long a kept list is stale news: Back loads the feed afresh.
pub const MAX_AGE_MS: f64 = 30.0 * 60.0 * 1000.0;
/// A list longer than this is not kept (Back loads its first page): the
/// tab's storage is small and a few such lists would fill it.
pub const MAX_CARDS: usize = 300;
/// How many history entries keep their list; the oldest go first.
pub const MAX_ENTRIES: usize = 6;
/// The field of `history.state` that holds an entry's key.
pub const STATE_FIELD: &str = "eventdeskList";
/// The prefix of the storage keys (see [`storage_key`]).
pub const STORAGE_PREFIX: &str = "eventdesk-list:";

/// Where an entry's cards are kept, and where its place is.
pub fn storage_key(entry: &str) -> (String, String) {
    (
        format!("{STORAGE_PREFIX}{entry}"),
        format!("{STORAGE_PREFIX}{entry}:place"),
    )
}

/// The entry key in a storage key, for either of its two records.
pub fn entry_of_storage_key(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(STORAGE_PREFIX)?;
    Some(rest.strip_suffix(":place").unwrap_or(rest))
}

/// A new entry key from the time and a random number in [0, 1).
pub fn new_entry_key(now_ms: f64, random: f64) -> String {
    format!(
        "{:x}-{:x}",
        now_ms.max(0.0) as u64,
        (random.clamp(0.0, 1.0) * 4_294_967_295.0) as u64
    )
}

/// The cards of one list as they stood when last loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pages {
    /// The query of the list's first page (`events_query` without a
    /// cursor): a kept list stands in only for the very same list.
    pub query: String,
    pub items: Vec<EventSummary>,
    pub total: Option<u64>,
    /// The cursor of the page after the last one loaded.
    pub next: Option<String>,
    /// When it was kept, in milliseconds since the epoch.
    pub saved_at: f64,
    /// For a list sorted here (by update): `items` is the whole sorted
    /// list, of which this many cards were shown, and the bound's line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sorted: Option<SortedShown>,
}

/// How much of a list sorted here was shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SortedShown {
    pub shown: usize,
    pub bound: Option<String>,
}

impl Pages {
    /// What to keep of a list, or `None` when nothing should be (no cards,
    /// or more than [`MAX_CARDS`]).
    pub fn keep<'a>(
        query: &str,
        items: impl IntoIterator<Item = &'a EventSummary>,
        total: Option<u64>,
        next: Option<&str>,
        now_ms: f64,
    ) -> Option<Pages> {
        let mut kept = Vec::new();
        for item in items {
            if kept.len() == MAX_CARDS {
                return None;
            }
            kept.push(item.clone());
        }
        (!kept.is_empty()).then(|| Pages {
            query: query.to_owned(),
            items: kept,
            total,
            next: next.filter(|c| !c.is_empty()).map(str::to_owned),
            saved_at: now_ms,
            sorted: None,
        })
    }

    /// The kept list in `text`, when it is the list asked for (`query`),
    /// fresh (kept less than [`MAX_AGE_MS`] ago, and not in the future) and
    /// within the limits. Anything unreadable is `None`: the list loads.
    pub fn restore(text: &str, query: &str, now_ms: f64) -> Option<Pages> {
        let pages: Pages = serde_json::from_str(text).ok()?;
        let age = now_ms - pages.saved_at;
        (pages.query == query
            && (0.0..MAX_AGE_MS).contains(&age)
            && !pages.items.is_empty()
            && pages.items.len() <= MAX_CARDS)
            .then_some(pages)
    }

    /// These pages as a list sorted here, `shown` of them shown.
    pub fn sorted_here(mut self, shown: usize, bound: Option<String>) -> Pages {
        self.next = None;
        self.sorted = Some(SortedShown { shown, bound });
        self
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Where the reader was in a list: the first card in view (by its link)
/// and how far from the top of the window it stood, and the page's scroll
/// offset for when that card is not there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The link of the first card in view; `None` above the list.
    pub anchor: Option<String>,
    /// That card's top, from the top of the window, in CSS pixels.
    pub offset: f64,
    /// The page's scroll offset.
    pub y: f64,
}

impl Place {
    /// The place of a reader scrolled to `y`, with `anchor` (link and top)
    /// the first card in view, if any.
    pub fn at(y: f64, anchor: Option<(String, f64)>) -> Place {
        match anchor {
            Some((link, top)) => Place {
                anchor: Some(link),
                offset: top,
                y,
            },
            None => Place {
                anchor: None,
                offset: 0.0,
                y,
            },
        }
    }

    /// The scroll offset that puts the reader back: the anchor card where
    /// it stood, when it is on the page (`anchor_top`, its top from the
    /// window's top with the page scrolled to `scroll_y`); else where the
    /// page was. Never above the page.
    pub fn scroll_target(&self, scroll_y: f64, anchor_top: Option<f64>) -> f64 {
        let target = match (&self.anchor, anchor_top) {
            (Some(_), Some(top)) => scroll_y + top - self.offset,
            _ => self.y,
        };
        if target.is_finite() {
            target.max(0.0)
        } else {
            0.0
        }
    }

    /// True when the reader has scrolled down to the cards (one of them is
    /// in a window `window_height` tall): what they read must not move.
    pub fn is_reading(&self, window_height: f64) -> bool {
        self.y > 0.0 && self.anchor.is_some() && self.offset < window_height
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Option<Place> {
        serde_json::from_str(text).ok()
    }
}

/// The first of `n` cards laid out top to bottom whose bottom (from
/// `bottom_of`, relative to the window's top) is below the window's top:
/// the first card in view. Asks about O(log n) cards.
pub fn first_in_view(n: usize, mut bottom_of: impl FnMut(usize) -> f64) -> Option<usize> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if bottom_of(mid) > 0.0 {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    (lo < n).then_some(lo)
}

/// Of the entries that keep a list (key, when kept), those to drop so that
/// `room` more fit within [`MAX_ENTRIES`]: the oldest.
pub fn entries_to_drop(mut entries: Vec<(String, f64)>, room: usize) -> Vec<String> {
    entries.sort_by(|a, b| b.1.total_cmp(&a.1));
    let keep = MAX_ENTRIES.saturating_sub(room);
    entries.into_iter().skip(keep).map(|(k, _)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards() -> Vec<EventSummary> {
        let event = crate::testing::paris();
        let mut other = event.summary.clone();
        other.id = "other".into();
        other.title = None;
        vec![event.summary, other]
    }

    const NOW: f64 = 1_800_000_000_000.0;

    #[test]
    fn a_kept_list_comes_back_whole_for_the_same_list() {
        let items = cards();
        let kept = Pages::keep("?limit=20", &items, Some(57), Some("c2"), NOW).unwrap();
        let back = Pages::restore(&kept.to_json(), "?limit=20", NOW + 60_000.0).unwrap();
        assert_eq!(back, kept);
        assert_eq!(back.items, items);
        assert_eq!(back.next.as_deref(), Some("c2"));
        assert_eq!(back.total, Some(57));
        assert_eq!(back.sorted, None);
    }

    #[test]
    fn a_list_sorted_here_keeps_how_much_was_shown() {
        let items = cards();
        let query = "?limit=20&sort=updated";
        let kept = Pages::keep(query, &items, Some(57), Some("c2"), NOW)
            .unwrap()
            .sorted_here(1, Some("Sorted among the 500 latest events".into()));
        let back = Pages::restore(&kept.to_json(), query, NOW + 60_000.0).unwrap();
        assert_eq!(back, kept);
        assert_eq!(back.next, None, "no API cursor: the rest is in items");
        let shown = back.sorted.unwrap();
        assert_eq!(shown.shown, 1);
        assert_eq!(
            shown.bound.as_deref(),
            Some("Sorted among the 500 latest events")
        );
        assert!(Pages::restore(&kept.to_json(), "?limit=20", NOW).is_none());
    }

    #[test]
    fn another_list_an_old_one_or_garbage_loads_afresh() {
        let items = cards();
        let json = Pages::keep("?limit=20", &items, None, None, NOW)
            .unwrap()
            .to_json();
        assert!(Pages::restore(&json, "?category=legal&limit=20", NOW).is_none());
        assert!(Pages::restore(&json, "?limit=20", NOW + MAX_AGE_MS).is_none());
        assert!(Pages::restore(&json, "?limit=20", NOW - 1.0).is_none());
        assert!(Pages::restore(&json, "?limit=20", NOW + MAX_AGE_MS - 1.0).is_some());
        for bad in [
            "",
            "null",
            "{}",
            "[1,2]",
            "{\"query\":\"?limit=20\",\"items\":[]}",
        ] {
            assert!(Pages::restore(bad, "?limit=20", NOW).is_none(), "{bad}");
        }
        let empty = r#"{"query":"?limit=20","items":[],"total":null,"next":null,"saved_at":0}"#;
        assert!(Pages::restore(empty, "?limit=20", 1.0).is_none());
    }

    #[test]
    fn nothing_is_kept_of_an_empty_or_too_long_list() {
        let none: Vec<EventSummary> = Vec::new();
        assert!(Pages::keep("?limit=20", &none, None, None, NOW).is_none());
        let one = cards().remove(0);
        let many = vec![one.clone(); MAX_CARDS];
        assert_eq!(
            Pages::keep("q", &many, None, Some(""), NOW)
                .unwrap()
                .items
                .len(),
            MAX_CARDS
        );
        assert_eq!(
            Pages::keep("q", &many, None, Some(""), NOW).unwrap().next,
            None,
            "an empty cursor is the end of the list"
        );
        let too_many = vec![one; MAX_CARDS + 1];
        assert!(Pages::keep("q", &too_many, None, None, NOW).is_none());
    }

    #[test]
    fn the_reader_returns_to_the_card_they_were_reading() {
        let place = Place::at(2400.0, Some(("/events/b".into(), -40.0)));
        // The card is 100 px lower now (the filters above grew): follow it.
        assert_eq!(place.scroll_target(0.0, Some(2460.0)), 2500.0);
        assert_eq!(place.scroll_target(1000.0, Some(1460.0)), 2500.0);
        // The card is gone: the old offset.
        assert_eq!(place.scroll_target(0.0, None), 2400.0);
        // Above the list: the offset, never above the page.
        assert_eq!(Place::at(120.0, None).scroll_target(0.0, Some(5.0)), 120.0);
        assert_eq!(
            Place::at(0.0, Some(("/events/a".into(), 500.0))).scroll_target(0.0, Some(100.0)),
            0.0
        );
        assert_eq!(
            Place::at(f64::NAN, None).scroll_target(0.0, None),
            0.0,
            "nonsense reads as the top"
        );
        let json = place.to_json();
        assert_eq!(Place::from_json(&json), Some(place));
        assert_eq!(Place::from_json("{"), None);
    }

    #[test]
    fn a_reader_reads_cards_once_scrolled_to_them() {
        let at = |y: f64, top: f64| Place::at(y, Some(("/events/a".into(), top)));
        assert!(at(300.0, 120.0).is_reading(800.0));
        assert!(
            at(300.0, -50.0).is_reading(800.0),
            "a card part-way out at the top"
        );
        assert!(
            !at(0.0, 120.0).is_reading(800.0),
            "at the top of the page, the page stays"
        );
        assert!(
            !at(300.0, 900.0).is_reading(800.0),
            "the first card is below the window"
        );
        assert!(!Place::at(300.0, None).is_reading(800.0));
    }

    #[test]
    fn the_first_card_in_view_is_found_by_halving() {
        // Cards 100 px tall, the window's top 250 px down the list.
        let bottoms = |i: usize| (i as f64 + 1.0) * 100.0 - 250.0;
        let mut asked = 0;
        let found = first_in_view(1000, |i| {
            asked += 1;
            bottoms(i)
        });
        assert_eq!(found, Some(2));
        assert!(asked <= 11, "{asked} cards measured");
        assert_eq!(first_in_view(3, |i| bottoms(i) - 1000.0), None);
        assert_eq!(first_in_view(0, bottoms), None);
        assert_eq!(first_in_view(5, |i| bottoms(i) + 1000.0), Some(0));
    }

    #[test]
    fn the_oldest_entries_make_room() {
        let entries: Vec<(String, f64)> = (0..MAX_ENTRIES)
            .map(|i| (format!("k{i}"), i as f64))
            .collect();
        assert_eq!(entries_to_drop(entries.clone(), 1), vec!["k0".to_owned()]);
        assert_eq!(entries_to_drop(entries.clone(), 0), Vec::<String>::new());
        assert_eq!(
            entries_to_drop(entries[..2].to_vec(), 1),
            Vec::<String>::new()
        );
        assert_eq!(entries_to_drop(entries, MAX_ENTRIES + 3).len(), MAX_ENTRIES);
    }

    #[test]
    fn keys() {
        let key = new_entry_key(NOW, 0.5);
        assert_eq!(key, "1a3185c5000-7fffffff");
        assert_ne!(new_entry_key(NOW, 0.25), key);
        let (pages, place) = storage_key(&key);
        assert_eq!(entry_of_storage_key(&pages), Some(key.as_str()));
        assert_eq!(entry_of_storage_key(&place), Some(key.as_str()));
        assert_eq!(entry_of_storage_key("eventdesk-draft"), None);
        assert_eq!(new_entry_key(f64::NAN, f64::NAN), "0-0");
    }
}
