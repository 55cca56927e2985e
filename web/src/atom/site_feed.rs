//! The feed's feed: the latest events the feed page shows for the same
//! filters, one entry each (headline, summary, category, confidence in
//! words), updated when the event was.

use eventdesk_model::confidence::sources_phrase;
use eventdesk_model::EventSummary;
use eventdesk_page_logic::document::SITE_NAME;
use eventdesk_page_logic::feed::{FeedFilters, FilterVocabulary};
use eventdesk_page_logic::follow::{feed_path, SITE_FEED_TITLE};
use eventdesk_page_logic::share::{bare_origin, event_url};

use super::document::{day_start, instant, Entry, Feed, UNKNOWN_TIME};

/// The feed of `events`, found for `filters`, its addresses under `origin`.
pub fn site_feed(
    events: &[EventSummary],
    filters: &FeedFilters,
    vocabulary: &FilterVocabulary,
    origin: &str,
) -> Feed {
    let origin = bare_origin(origin);
    let applied = filters.in_effect(vocabulary);
    let title = if applied.is_empty() {
        SITE_FEED_TITLE.to_owned()
    } else {
        format!("{SITE_NAME}: {}", filters.describe_with(vocabulary))
    };
    let entries: Vec<Entry> = events.iter().map(|e| entry(e, origin)).collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max_by_key(|t| eventdesk_model::Timestamp(t.clone()).parse())
        .unwrap_or_else(|| UNKNOWN_TIME.to_owned());
    let query = filters.applied().to_query();
    Feed {
        url: format!("{origin}{}", feed_path(filters)),
        title,
        subtitle: "News events and how well independent sources corroborate them.".to_owned(),
        page_url: format!("{origin}/{query}"),
        origin: origin.to_owned(),
        updated,
        entries,
    }
}

fn entry(event: &EventSummary, origin: &str) -> Entry {
    let url = event_url(origin, &event.id);
    let category = event.category.display_label();
    let level = event.confidence.level.label();
    let mut summary = String::new();
    if let Some(text) = event.card_summary() {
        summary.push_str(text);
        summary.push_str("\n\n");
    }
    summary.push_str(&format!(
        "{category}. Confidence: {level}. {}.",
        sources_phrase(event.confidence.independent_sources)
    ));
    if let Some(day) = &event.occurred_on {
        summary.push_str(&format!(" Occurred on {}.", day.long()));
    }
    let place = event.location.label.trim();
    if !place.is_empty() {
        summary.push_str(&format!(" {place}."));
    }
    let occurred = event.occurred_on.as_ref().and_then(day_start);
    let updated = event
        .updated_at
        .as_ref()
        .and_then(instant)
        .or_else(|| occurred.clone())
        .unwrap_or_else(|| UNKNOWN_TIME.to_owned());
    Entry {
        id: url.clone(),
        title: format!("{} ({level})", event.headline()),
        link: url,
        updated,
        published: occurred,
        summary,
        categories: vec![(event.category.id.clone(), category)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::ConfidenceLevel;

    fn paris() -> EventSummary {
        eventdesk_model::examples::paris_event().summary
    }

    #[test]
    fn an_entry_says_what_the_card_says() {
        let feed = site_feed(
            &[paris()],
            &FeedFilters::default(),
            &FilterVocabulary::default(),
            "https://news.example",
        );
        assert_eq!(feed.title, SITE_FEED_TITLE);
        assert_eq!(feed.url, "https://news.example/feed.atom");
        assert_eq!(feed.page_url, "https://news.example/");
        let e = &feed.entries[0];
        assert_eq!(
            e.id,
            "https://news.example/events/paris-coalition-security-guarantees-2025-09-04"
        );
        assert!(e.title.starts_with("Coalition of the Willing"));
        assert!(e.summary.contains("Confidence: "), "{}", e.summary);
        assert!(e.summary.contains("Occurred on 4 September 2025."));
        assert_eq!(e.published.as_deref(), Some("2025-09-04T00:00:00Z"));
    }

    #[test]
    fn a_filtered_feed_names_its_filters() {
        let mut f = FeedFilters::default();
        f.toggle_confidence(&ConfidenceLevel::Likely);
        let feed = site_feed(&[], &f, &FilterVocabulary::default(), "http://localhost");
        assert_eq!(feed.title, "Eventdesk: Events: Likely");
        assert_eq!(feed.url, "http://localhost/feed.atom?confidence=likely");
        assert_eq!(feed.page_url, "http://localhost/?confidence=likely");
        assert_eq!(feed.updated, UNKNOWN_TIME);
    }
}
