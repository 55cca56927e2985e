//! What a page is made from: the upstream's answer for it, read once within
//! the page's budget, and what follows from it (first paint, first data).

use std::time::Instant;

use axum::http::StatusCode;
use eventdesk_model::paths::{entity_path, event_path, submission_path};
use eventdesk_model::{Entity, Event, EventPage, Methodology, SubmissionReceipt};
use eventdesk_page_logic::feed::updates::UpdateRead;
use eventdesk_page_logic::feed::{FeedFilters, FeedSort, PAGE_SIZE};

use super::route::{Page, Thing};
use super::{first_paint, preload};
use crate::documents::{fetch, Fetched, PAGE_BUDGET};
use crate::upstream::Upstream;

/// The feed's first page as the API answered it, and, sorted by update,
/// the cards the page starts with instead.
pub struct FeedData {
    api_path: String,
    fetched: Fetched<EventPage>,
    sorted: Option<(EventPage, Option<String>)>,
}

/// A page's data. The feed's is read only when it will be embedded.
pub enum PageData {
    /// The feed, with the API path of its first page and what it held.
    Home(Option<FeedData>),
    Methodology(Fetched<Methodology>),
    Event(String, Fetched<Event>),
    Entity(String, Fetched<Entity>),
    Submission(String, Fetched<SubmissionReceipt>),
    /// A thing's page with an id the contract does not allow: not asked for.
    BadId(Thing),
    /// None of the app's pages.
    Unknown,
}

impl PageData {
    /// Reads what `page` needs from `upstream`; `embed` says whether the
    /// page will carry its first data (without it the feed needs nothing).
    pub async fn load(upstream: &Upstream, page: Page, embed: bool) -> PageData {
        match page {
            Page::Home { .. } if !embed => PageData::Home(None),
            Page::Home { ref query } => {
                let pairs = form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes());
                let filters = FeedFilters::from_pairs(pairs);
                if filters.sort == FeedSort::Updated {
                    return PageData::Home(sorted_feed(upstream, &filters).await);
                }
                let Some(api_path) = preload::api_path(&page) else {
                    return PageData::Home(None);
                };
                let fetched = fetch(upstream, &api_path, PAGE_BUDGET).await;
                PageData::Home(Some(FeedData {
                    api_path,
                    fetched,
                    sorted: None,
                }))
            }
            Page::Methodology => {
                PageData::Methodology(fetch(upstream, "/methodology", PAGE_BUDGET).await)
            }
            Page::Event(id) => {
                let fetched = fetch(upstream, &event_path(&id), PAGE_BUDGET).await;
                PageData::Event(id, fetched)
            }
            Page::Entity(id) => {
                let fetched = fetch(upstream, &entity_path(&id), PAGE_BUDGET).await;
                PageData::Entity(id, fetched)
            }
            Page::Submission(id) => {
                let fetched = fetch(upstream, &submission_path(&id), PAGE_BUDGET).await;
                PageData::Submission(id, fetched)
            }
            Page::BadId(thing) => PageData::BadId(thing),
            Page::Unknown => PageData::Unknown,
        }
    }

    /// The page's status: 404 for nothing there, 410 for a withdrawn thing,
    /// 200 for the rest, an upstream that failed or dawdled included (the
    /// app then shows the error, with a retry).
    pub fn status(&self) -> StatusCode {
        match self {
            PageData::Unknown | PageData::BadId(_) => StatusCode::NOT_FOUND,
            PageData::Event(_, fetched) => fetched.page_status(),
            PageData::Entity(_, fetched) => fetched.page_status(),
            PageData::Submission(_, fetched) => fetched.page_status(),
            PageData::Home(_) | PageData::Methodology(_) => StatusCode::OK,
        }
    }

    /// The first paint and the data block for the page at `address` (its
    /// path and query), when its data was read: both or neither.
    pub fn embedded(&self, address: &str) -> Option<(String, String)> {
        match self {
            PageData::Event(id, Fetched::Found { value, answer }) => Some((
                first_paint::event_page(value),
                preload::element(&format!("/events/{id}"), address, answer.text()),
            )),
            PageData::Home(Some(FeedData {
                api_path,
                fetched: Fetched::Found { value, answer },
                sorted,
            })) => {
                let filtered = preload::feed_is_filtered(address);
                let paint = match sorted {
                    Some((cards, bound)) => {
                        first_paint::feed_page(cards, filtered, bound.as_deref())
                    }
                    None => first_paint::feed_page(value, filtered, None),
                };
                Some((paint, preload::element(api_path, address, answer.text())))
            }
            _ => None,
        }
    }
}

/// The feed sorted by update, as the app sorts it: the matching events read
/// up to the bound (within one page budget in all), most recently updated
/// first, of which the first page is painted. The data embedded is the
/// first page read, which the app asks for first too. `None` when a read
/// fails or the budget runs out: the app then reads and draws the list.
async fn sorted_feed(upstream: &Upstream, filters: &FeedFilters) -> Option<FeedData> {
    let started = Instant::now();
    let mut read = UpdateRead::default();
    let mut first: Option<(String, Fetched<EventPage>)> = None;
    while let Some(query) = read.next_query(filters, None) {
        let budget = PAGE_BUDGET.checked_sub(started.elapsed())?;
        let api_path = format!("/events{query}");
        let fetched: Fetched<EventPage> = fetch(upstream, &api_path, budget).await;
        let Fetched::Found { value, .. } = &fetched else {
            return None;
        };
        read.add(value.as_ref().clone());
        first.get_or_insert((api_path, fetched));
    }
    let (api_path, fetched) = first?;
    let total = match &fetched {
        Fetched::Found { value, .. } => value.total,
        _ => None,
    };
    let (mut events, bound) = read.finish();
    events.truncate(PAGE_SIZE as usize);
    let cards = EventPage {
        items: events,
        next_cursor: None,
        total,
    };
    Some(FeedData {
        api_path,
        fetched,
        sorted: Some((cards, bound)),
    })
}
