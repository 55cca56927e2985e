//! What a page is made from: the upstream's answer for it, read once within
//! the page's budget, and what follows from it (first paint, first data).

use axum::http::StatusCode;
use eventdesk_model::paths::{entity_path, event_path, submission_path};
use eventdesk_model::{Entity, Event, EventPage, Methodology, SubmissionReceipt};

use super::route::{Page, Thing};
use super::{first_paint, preload};
use crate::documents::{fetch, Fetched, PAGE_BUDGET};
use crate::upstream::Upstream;

/// A page's data. The feed's is read only when it will be embedded.
pub enum PageData {
    /// The feed, with the API path of its first page and what it held.
    Home(Option<(String, Fetched<EventPage>)>),
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
            Page::Home { .. } => {
                let Some(api_path) = preload::api_path(&page) else {
                    return PageData::Home(None);
                };
                let fetched = fetch(upstream, &api_path, PAGE_BUDGET).await;
                PageData::Home(Some((api_path, fetched)))
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
            PageData::Home(Some((api_path, Fetched::Found { value, answer }))) => Some((
                first_paint::feed_page(value, preload::feed_is_filtered(address)),
                preload::element(api_path, address, answer.text()),
            )),
            _ => None,
        }
    }
}
