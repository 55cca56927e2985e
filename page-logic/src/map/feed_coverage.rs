//! What the feed map says it shows: events counted once each, however many
//! places they have, against the feed's total, with a note while it shows
//! only some ("Showing 20 of 57 events, load more to see the rest.").

/// How much of the feed the map draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Events with at least one dot.
    pub drawn: usize,
    /// Events loaded into the feed.
    pub loaded: usize,
    /// The feed's total, when the API says it.
    pub total: Option<u64>,
}

fn events(n: u64) -> &'static str {
    if n == 1 {
        "event"
    } else {
        "events"
    }
}

impl Coverage {
    /// The total, never less than what is loaded (an API may say less);
    /// the loaded events when the API does not say.
    fn total(&self) -> u64 {
        let loaded = self.loaded as u64;
        self.total.map_or(loaded, |t| t.max(loaded))
    }

    /// The drawing's accessible name: "World map of 57 events in this feed",
    /// "World map of 20 of the 57 events in this feed".
    pub fn map_label(&self) -> String {
        let (drawn, total) = (self.drawn as u64, self.total());
        if drawn < total {
            format!("World map of {drawn} of the {total} events in this feed")
        } else {
            format!("World map of {drawn} {} in this feed", events(drawn))
        }
    }

    /// Said under the map when it does not show every event of the feed.
    pub fn note(&self) -> Option<String> {
        let (drawn, loaded, total) = (self.drawn as u64, self.loaded as u64, self.total());
        let unplaced = loaded.saturating_sub(drawn);
        let more = total > loaded;
        let has = |n: u64| if n == 1 { "has" } else { "have" };
        let shown = format!("Showing {drawn} of {total} {}", events(total));
        match (unplaced, more) {
            (0, false) => None,
            (0, true) => Some(format!("{shown}, load more to see the rest.")),
            (n, true) => Some(format!(
                "{shown}: {n} of those loaded {} no place on the map; load more to see the rest.",
                has(n)
            )),
            (n, false) => Some(format!("{shown}: {n} {} no place on the map.", has(n))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(drawn: usize, loaded: usize, total: Option<u64>) -> Coverage {
        Coverage {
            drawn,
            loaded,
            total,
        }
    }

    #[test]
    fn a_partly_loaded_feed_says_so() {
        // Issue 15, item 6.
        let first = c(20, 20, Some(57));
        assert_eq!(
            first.map_label(),
            "World map of 20 of the 57 events in this feed"
        );
        assert_eq!(
            first.note().as_deref(),
            Some("Showing 20 of 57 events, load more to see the rest.")
        );
        assert_eq!(
            c(19, 20, Some(57)).note().as_deref(),
            Some("Showing 19 of 57 events: 1 of those loaded has no place on the map; load more to see the rest.")
        );
    }

    #[test]
    fn a_whole_feed_needs_no_note() {
        let all = c(57, 57, Some(57));
        assert_eq!(all.map_label(), "World map of 57 events in this feed");
        assert_eq!(all.note(), None);
        assert_eq!(
            c(1, 1, Some(1)).map_label(),
            "World map of 1 event in this feed"
        );
        // The API's total unsaid, or less than what came.
        assert_eq!(c(20, 20, None).note(), None);
        assert_eq!(
            c(20, 20, Some(3)).map_label(),
            "World map of 20 events in this feed"
        );
    }

    #[test]
    fn events_without_a_place_are_counted_out_loud() {
        let some = c(2, 3, Some(3));
        assert_eq!(
            some.map_label(),
            "World map of 2 of the 3 events in this feed"
        );
        assert_eq!(
            some.note().as_deref(),
            Some("Showing 2 of 3 events: 1 has no place on the map.")
        );
        assert_eq!(
            c(1, 3, None).note().as_deref(),
            Some("Showing 1 of 3 events: 2 have no place on the map.")
        );
    }
}
