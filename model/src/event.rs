//! An event: the summary a card in a list shows, the whole record its page
//! shows, and a page of the feed.

use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::confidence::Confidence;
use crate::entity::Entity;
use crate::extraction::Extraction;
use crate::history::HistoryEntry;
use crate::place::Location;
use crate::report::Report;
use crate::source::Source;
use crate::text::non_blank;
use crate::time::{Day, Timestamp};
use crate::wire::null_as_default;

/// What a card in a list shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: String,
    pub category: Category,
    #[serde(default)]
    pub title: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub occurred_on: Option<Day>,
    pub location: Location,
    pub confidence: Confidence,
    #[serde(default, deserialize_with = "null_as_default")]
    pub source_names: Vec<String>,
    #[serde(default)]
    pub entity_count: Option<u64>,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
}

impl EventSummary {
    /// The headline: the title when there is one, else the summary.
    pub fn headline(&self) -> &str {
        self.title
            .as_deref()
            .and_then(non_blank)
            .unwrap_or_else(|| self.summary.trim())
    }

    /// True when the page shows a title above the summary.
    pub fn has_title(&self) -> bool {
        self.title.as_deref().and_then(non_blank).is_some()
    }

    /// The summary under the headline, only when the headline is a title.
    pub fn card_summary(&self) -> Option<&str> {
        non_blank(&self.summary).filter(|_| self.has_title())
    }

    /// The event's page: `/events/{id}`, the id percent-encoded.
    pub fn path(&self) -> String {
        crate::paths::event_path(&self.id)
    }
}

/// One event with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(flatten)]
    pub summary: EventSummary,
    #[serde(default, deserialize_with = "null_as_default")]
    pub sources: Vec<Source>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub reports: Vec<Report>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub entities: Vec<Entity>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub history: Vec<HistoryEntry>,
    #[serde(default)]
    pub extraction: Option<Extraction>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub related_ids: Vec<String>,
}

/// An event reads as its summary: `event.headline()`, `event.id`.
impl std::ops::Deref for Event {
    type Target = EventSummary;
    fn deref(&self) -> &EventSummary {
        &self.summary
    }
}

/// One page of `GET /events`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    #[serde(default, deserialize_with = "null_as_default")]
    pub items: Vec<EventSummary>,
    #[serde(default)]
    pub next_cursor: Option<String>,
    #[serde(default)]
    pub total: Option<u64>,
}

#[cfg(test)]
mod tests {
    use crate::examples::paris_event as paris;

    #[test]
    fn card_headline_and_summary() {
        let mut card = paris().summary;
        assert_eq!(
            card.headline(),
            "Coalition of the Willing meets Zelensky in Paris on security guarantees"
        );
        assert!(card
            .card_summary()
            .unwrap()
            .starts_with("The British and French-led"));
        assert_eq!(
            card.path(),
            "/events/paris-coalition-security-guarantees-2025-09-04"
        );
        card.title = Some(" ".into());
        assert!(card.headline().starts_with("The British"));
        assert_eq!(card.card_summary(), None);
    }

    #[test]
    fn an_event_without_a_title_leads_with_its_summary() {
        let mut e = paris();
        assert!(e.has_title());
        e.summary.title = Some("  ".into());
        assert!(!e.has_title());
        assert!(e.headline().starts_with("The British"));
    }
}
