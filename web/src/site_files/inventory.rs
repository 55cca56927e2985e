//! What the sitemap lists, read from the upstream's API (never a database):
//! every event, paged through `GET /events` by its cursor, and every entity
//! those events name, from the events' details (only an event's details carry
//! its entities).
//!
//! The events must all be read: if a page of the listing cannot be, the
//! whole read fails ([`Unavailable`]), so a crawler retries rather than takes
//! a sitemap that drops events. The details are read [`DETAIL_CONCURRENCY`]
//! at a time within what is left of [`BUDGET`], through the upstream's cache
//! (most are there already, from readers' pages). Past that bound the
//! entities of the events not yet read are left out of this answer (their
//! events are still listed) and it says so ([`Inventory::complete`] is
//! false, so it is cached briefly); the reads already under way go on into the
//! upstream's cache, so the next sitemap lists them.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use eventdesk_model::ids::valid_id;
use eventdesk_model::paths::{entity_path, event_path, METHODOLOGY};
use eventdesk_model::{Event, EventPage, EventSummary};
use eventdesk_page_logic::feed::{events_query, FeedFilters};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::sitemap::{Entry, Lastmod, MAX_URLS};
use crate::documents::{fetch, Fetched};
use crate::upstream::Upstream;

/// How long one sitemap may take to read, listing and details together.
pub const BUDGET: Duration = Duration::from_secs(20);
/// How many event details are read at once.
pub const DETAIL_CONCURRENCY: usize = 8;
/// Events per page of the listing: the contract's most.
pub const PAGE_LIMIT: u32 = 100;

/// The listing could not be read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable;

/// The site's pages, as the sitemap lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inventory {
    /// The feed, the methodology, the events (newest first, as listed), then
    /// the entities (the most recently named first).
    pub entries: Vec<Entry>,
    /// False when some events' details were not read in time, so some
    /// entities may be missing.
    pub complete: bool,
}

/// Reads the inventory from `upstream` within [`BUDGET`].
pub async fn read(upstream: Arc<Upstream>) -> Result<Inventory, Unavailable> {
    let deadline = Instant::now() + BUDGET;
    let events = list_events(&upstream, deadline).await?;
    let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
    let details = read_details(upstream, &ids, deadline).await;
    Ok(assemble(&events, &details))
}

/// Every event of the listing with a valid id (others have no page), each
/// once, at most as many as the sitemap can hold.
async fn list_events(
    upstream: &Upstream,
    deadline: Instant,
) -> Result<Vec<EventSummary>, Unavailable> {
    let mut events = Vec::new();
    let mut seen_ids = HashSet::new();
    let mut seen_cursors = HashSet::new();
    let mut cursor: Option<String> = None;
    loop {
        // Unfiltered, as the app and the feed's first paint write the query.
        let query = events_query(&FeedFilters::default(), None, cursor.as_deref(), PAGE_LIMIT);
        let path = format!("/events{query}");
        let budget = deadline.saturating_duration_since(Instant::now());
        let page = match fetch::<EventPage>(upstream, &path, budget).await {
            Fetched::Found { value, .. } => value,
            _ => return Err(Unavailable),
        };
        for event in page.items {
            if valid_id(&event.id) && seen_ids.insert(event.id.clone()) {
                events.push(event);
            }
        }
        match page.next_cursor.filter(|c| !c.is_empty()) {
            // Enough to fill the sitemap: the rest would not fit.
            Some(_) if events.len() >= MAX_URLS => return Ok(events),
            // A cursor seen before would page forever: a broken listing.
            Some(c) if !seen_cursors.insert(c.clone()) => {
                tracing::warn!(cursor = c, "the events listing repeats a cursor");
                return Err(Unavailable);
            }
            Some(c) => cursor = Some(c),
            None => return Ok(events),
        }
    }
}

/// What an event's details said.
#[derive(Debug, Clone, Default)]
enum Detail {
    /// Not read within the bound (or the upstream could not say).
    #[default]
    NotRead,
    /// 404 or 410: no longer a page to list.
    Withdrawn,
    /// The event, with the ids of the entities it names.
    Read(Vec<String>),
}

/// The details of each of `ids` (by index), [`DETAIL_CONCURRENCY`] at a time
/// until `deadline`.
async fn read_details(upstream: Arc<Upstream>, ids: &[String], deadline: Instant) -> Vec<Detail> {
    let permits = Arc::new(Semaphore::new(DETAIL_CONCURRENCY));
    let mut reads = JoinSet::new();
    for (index, id) in ids.iter().enumerate() {
        let upstream = Arc::clone(&upstream);
        let permits = Arc::clone(&permits);
        let path = event_path(id);
        reads.spawn(async move {
            let _permit = permits.acquire_owned().await.ok()?;
            let budget = deadline.saturating_duration_since(Instant::now());
            if budget.is_zero() {
                return None;
            }
            let detail = match fetch::<Event>(&upstream, &path, budget).await {
                Fetched::Found { value, .. } => {
                    Detail::Read(value.entities.iter().map(|e| e.id.clone()).collect())
                }
                Fetched::Gone(_) | Fetched::Missing => Detail::Withdrawn,
                Fetched::Unavailable => Detail::NotRead,
            };
            Some((index, detail))
        });
    }
    let mut details = vec![Detail::NotRead; ids.len()];
    loop {
        match tokio::time::timeout_at(deadline, reads.join_next()).await {
            Ok(Some(Ok(Some((index, detail))))) => details[index] = detail,
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => {
                // Past the budget: the reads not yet answered are dropped
                // here; the upstream calls they started finish into its cache.
                tracing::info!("sitemap: event details past the budget, some entities left out");
                reads.abort_all();
                break;
            }
        }
    }
    details
}

fn assemble(events: &[EventSummary], details: &[Detail]) -> Inventory {
    let mut event_entries = Vec::with_capacity(events.len());
    let mut entities: HashMap<&str, Option<Lastmod>> = HashMap::new();
    let mut complete = true;
    for (event, detail) in events.iter().zip(details) {
        let lastmod = Lastmod::of(event.updated_at.as_ref(), event.occurred_on.as_ref());
        match detail {
            Detail::Withdrawn => continue,
            Detail::NotRead => complete = false,
            Detail::Read(named) => {
                for id in named.iter().filter(|id| valid_id(id)) {
                    let newest = entities.entry(id).or_default();
                    if lastmod > *newest {
                        *newest = lastmod.clone();
                    }
                }
            }
        }
        event_entries.push(Entry {
            path: event_path(&event.id),
            lastmod,
        });
    }
    let mut entities: Vec<(&str, Option<Lastmod>)> = entities.into_iter().collect();
    entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));

    let newest = event_entries.iter().filter_map(|e| e.lastmod.clone()).max();
    let mut entries = vec![
        Entry {
            path: "/".to_owned(),
            lastmod: newest,
        },
        // The contract gives the methodology no date, so it has no lastmod.
        Entry {
            path: format!("/{METHODOLOGY}"),
            lastmod: None,
        },
    ];
    entries.extend(event_entries);
    entries.extend(entities.into_iter().map(|(id, lastmod)| Entry {
        path: entity_path(id),
        lastmod,
    }));
    if entries.len() > MAX_URLS {
        tracing::warn!(
            pages = entries.len(),
            "sitemap: more pages than the protocol's 50,000 URLs; the oldest are left out"
        );
        entries.truncate(MAX_URLS);
    }
    Inventory { entries, complete }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, updated_at: Option<&str>, occurred_on: &str) -> EventSummary {
        let mut doc = serde_json::json!({
            "id": id,
            "category": { "id": "diplomatic", "label": "Diplomatic" },
            "summary": "s",
            "occurred_on": occurred_on,
            "location": { "label": "x", "places": [] },
            "confidence": { "level": "likely", "independent_sources": 2 },
            "source_names": [],
        });
        if let Some(at) = updated_at {
            doc["updated_at"] = at.into();
        }
        serde_json::from_value(doc).expect("a summary")
    }

    fn paths(inventory: &Inventory) -> Vec<(&str, Option<&str>)> {
        inventory
            .entries
            .iter()
            .map(|e| (e.path.as_str(), e.lastmod.as_ref().map(Lastmod::as_str)))
            .collect()
    }

    #[test]
    fn events_then_entities_dated_by_their_newest_event() {
        let events = [
            summary("new", Some("2026-05-31T10:00:00Z"), "2025-09-04"),
            summary("old", None, "2024-01-02"),
            summary("gone", None, "2024-01-01"),
        ];
        let details = [
            Detail::Read(vec!["macron".into(), "bad id/..".into()]),
            Detail::Read(vec!["macron".into(), "nato".into()]),
            Detail::Withdrawn,
        ];
        let inventory = assemble(&events, &details);
        assert!(inventory.complete);
        assert_eq!(
            paths(&inventory),
            [
                ("/", Some("2026-05-31T10:00:00Z")),
                ("/methodology", None),
                ("/events/new", Some("2026-05-31T10:00:00Z")),
                ("/events/old", Some("2024-01-02")),
                ("/entities/macron", Some("2026-05-31T10:00:00Z")),
                ("/entities/nato", Some("2024-01-02")),
            ]
        );
    }

    #[test]
    fn an_event_whose_details_were_not_read_is_listed_and_the_answer_says_incomplete() {
        let events = [summary("slow", None, "2025-01-01")];
        let inventory = assemble(&events, &[Detail::NotRead]);
        assert!(!inventory.complete);
        assert_eq!(paths(&inventory)[2], ("/events/slow", Some("2025-01-01")));
        assert_eq!(inventory.entries.len(), 3);
    }
}
