//! An event's feed: one entry for each change in its history worth
//! following (a change of level, an added source, a correction, and any
//! kind this build does not know, in its own words), and its creation.
//! Newest first, as the page's Updates list them.

use eventdesk_model::url::encode_component;
use eventdesk_model::{Event, HistoryEntry, HistoryKind};
use eventdesk_page_logic::event::history::{history_newest_first, update_anchors};
use eventdesk_page_logic::follow::{event_feed_path, event_feed_title};
use eventdesk_page_logic::share::event_url;
use eventdesk_page_logic::text::clip;

use super::document::{day_start, instant, Entry, Feed, UNKNOWN_TIME};

/// The feed of `event`, its addresses under `origin`.
pub fn event_feed(event: &Event, origin: &str) -> Feed {
    let page = event_url(origin, &event.id);
    let headline = event.headline().to_owned();
    let mut entries: Vec<Entry> = Vec::new();
    let newest_first = history_newest_first(&event.history);
    // Each entry links to its own place in the page's Updates.
    let anchors = update_anchors(&event.history);
    for entry in &newest_first {
        let mut id = format!(
            "{page}#update-{}-{}",
            encode_component(entry.at.as_str()),
            encode_component(entry.kind.as_str())
        );
        // The same kind twice at one instant: numbered in the API's order,
        // so a change added later never takes an earlier one's id.
        let before = event
            .history
            .iter()
            .take_while(|e| !std::ptr::eq(*e, *entry))
            .filter(|e| e.at == entry.at && e.kind == entry.kind)
            .count();
        if before > 0 {
            id.push_str(&format!("-{}", before + 1));
        }
        let link = event
            .history
            .iter()
            .position(|e| std::ptr::eq(e, *entry))
            .and_then(|i| anchors.get(i))
            .map_or_else(|| page.clone(), |anchor| format!("{page}#{anchor}"));
        entries.push(history_entry(event, entry, id, &link, &headline));
    }
    if !event.history.iter().any(|e| e.kind == HistoryKind::Created) {
        entries.push(creation(event, &page, &headline, &newest_first));
    }
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max_by_key(|t| eventdesk_model::Timestamp(t.clone()).parse())
        .unwrap_or_else(|| UNKNOWN_TIME.to_owned());
    Feed {
        url: format!(
            "{}{}",
            eventdesk_page_logic::share::bare_origin(origin),
            event_feed_path(&event.id)
        ),
        title: event_feed_title(&headline),
        subtitle: format!(
            "Every change of confidence, added source and correction to this event on Eventdesk: {}",
            clip(&headline, 200)
        ),
        page_url: page,
        origin: eventdesk_page_logic::share::bare_origin(origin).to_owned(),
        updated,
        entries,
    }
}

/// When the event first happened or was first told, for entries whose own
/// time cannot be read.
fn fallback_time(event: &Event) -> String {
    event
        .occurred_on
        .as_ref()
        .and_then(day_start)
        .or_else(|| event.updated_at.as_ref().and_then(instant))
        .unwrap_or_else(|| UNKNOWN_TIME.to_owned())
}

fn history_entry(
    event: &Event,
    entry: &HistoryEntry,
    id: String,
    link: &str,
    headline: &str,
) -> Entry {
    let label = entry.kind.label();
    let summary = entry.summary.trim();
    let title = match (&entry.kind, summary.is_empty()) {
        (HistoryKind::Created, _) => format!("Reported: {}", clip(headline, 120)),
        (_, true) => label.clone(),
        (_, false) => format!("{label}: {}", clip(summary, 120)),
    };
    let summary = match (&entry.kind, summary.is_empty()) {
        (HistoryKind::Created, _) => created_summary(event, summary),
        (_, true) => format!(
            "{label} on the event \u{201c}{}\u{201d}.",
            clip(headline, 200)
        ),
        (_, false) => summary.to_owned(),
    };
    let updated = instant(&entry.at).unwrap_or_else(|| fallback_time(event));
    Entry {
        id,
        title,
        link: link.to_owned(),
        updated,
        published: None,
        summary,
        categories: vec![(entry.kind.as_str().to_owned(), label)],
    }
}

/// What the first entry says: the event as first told, and how.
fn created_summary(event: &Event, how: &str) -> String {
    let mut text = event.summary.summary.trim().to_owned();
    if !how.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(how);
    }
    if text.is_empty() {
        text = event.headline().to_owned();
    }
    text
}

/// The creation entry, when the history has none: at the oldest change, or
/// when the event occurred.
fn creation(event: &Event, page: &str, headline: &str, newest_first: &[&HistoryEntry]) -> Entry {
    let updated = newest_first
        .iter()
        .rev()
        .find_map(|e| instant(&e.at))
        .unwrap_or_else(|| fallback_time(event));
    Entry {
        id: format!("{page}#created"),
        title: format!("Reported: {}", clip(headline, 120)),
        link: page.to_owned(),
        updated,
        published: None,
        summary: created_summary(event, ""),
        categories: vec![("created".to_owned(), HistoryKind::Created.label())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::examples::{history_entry as entry, paris_event as paris};

    #[test]
    fn one_entry_a_change_newest_first_with_stable_ids() {
        let mut e = paris();
        e.history = vec![
            entry("2025-09-04T10:00:00Z", "created", "Extracted."),
            entry("2025-09-04T12:00:00Z", "source_added", "Added AP."),
            entry("2025-09-04T12:00:00Z", "source_added", "Added BBC."),
            entry(
                "2025-09-05T08:00:00Z",
                "confidence_changed",
                "Raised to likely.",
            ),
            entry("2025-09-06T08:00:00Z", "merged_into", ""),
        ];
        let feed = event_feed(&e, "https://news.example/");
        let titles: Vec<&str> = feed.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles[0], "Merged into");
        assert_eq!(titles[1], "Confidence changed: Raised to likely.");
        assert!(titles[4].starts_with("Reported: Coalition of the Willing"));
        assert_eq!(feed.entries.len(), 5);
        let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
        let page = "https://news.example/events/paris-coalition-security-guarantees-2025-09-04";
        assert_eq!(
            ids[2],
            format!("{page}#update-2025-09-04T12%3A00%3A00Z-source_added")
        );
        assert_eq!(
            ids[3],
            format!("{page}#update-2025-09-04T12%3A00%3A00Z-source_added-2")
        );
        assert_eq!(feed.entries[3].summary, "Added BBC.");
        assert_eq!(
            feed.entries[3].link,
            format!("{page}#update-20250904T120000Z-2")
        );
        assert_eq!(feed.updated, "2025-09-06T08:00:00+00:00");
        assert_eq!(feed.url, format!("{page}/feed.atom"));
        assert_eq!(feed.page_url, page);
        // An unknown kind with no words still says what it is.
        assert!(feed.entries[0]
            .summary
            .starts_with("Merged into on the event"));
    }

    #[test]
    fn an_event_without_a_created_entry_still_begins() {
        let mut e = paris();
        e.history = vec![entry("2025-09-05T08:00:00Z", "corrected", "Date fixed.")];
        let feed = event_feed(&e, "http://localhost");
        assert_eq!(feed.entries.len(), 2);
        let first = &feed.entries[1];
        assert!(first.id.ends_with("#created"));
        assert_eq!(first.updated, "2025-09-05T08:00:00+00:00");
        e.history.clear();
        let feed = event_feed(&e, "http://localhost");
        assert_eq!(feed.entries.len(), 1);
        assert_eq!(feed.entries[0].updated, "2025-09-04T00:00:00Z");
    }
}
