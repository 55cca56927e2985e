//! Which head a page gets, from what the upstream had for it. The words are
//! `share::meta`'s; this only chooses.

use eventdesk_page_logic::share::{entity_url, event_url};

use super::data::PageData;
use crate::documents::Fetched;
use crate::share::{self, meta, meta::Head};

/// The head for a page and its data, or `None` to keep the build's own
/// (pages the server knows nothing of).
pub fn head_for(data: &PageData, origin: &str) -> Option<Head> {
    let head = match data {
        PageData::Other => return None,
        PageData::Home(_) => meta::head_for_home(origin),
        PageData::Methodology(fetched) => match fetched {
            Fetched::Found { value, .. } => meta::head_for_methodology(Some(value), origin),
            _ => meta::head_for_methodology(None, origin),
        },
        PageData::Event(id, fetched) => {
            let canonical = event_url(origin, id);
            match fetched {
                Fetched::Found { value, .. } => {
                    meta::head_for_event(value, origin, &share::card_version(value))
                }
                Fetched::Gone(reason) => {
                    let description = match reason {
                        Some(reason) => format!("This event was withdrawn: {reason}"),
                        None => "This event was withdrawn.".to_owned(),
                    };
                    meta::head_for_missing("Event withdrawn", &description, &canonical, origin)
                }
                Fetched::Missing => meta::head_for_missing(
                    "Event not found",
                    "There is no event at this link.",
                    &canonical,
                    origin,
                ),
                Fetched::Unavailable => meta::head_for_unavailable(&canonical, origin),
            }
        }
        PageData::Entity(id, fetched) => {
            let canonical = entity_url(origin, id);
            match fetched {
                Fetched::Found { value, .. } => meta::head_for_entity(value, origin),
                Fetched::Unavailable => meta::head_for_unavailable(&canonical, origin),
                Fetched::Gone(_) | Fetched::Missing => meta::head_for_missing(
                    "Not found",
                    "There is nothing at this link.",
                    &canonical,
                    origin,
                ),
            }
        }
    };
    Some(head)
}
