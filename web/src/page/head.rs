//! Which head a page gets, from what the upstream had for it. The words are
//! `share::meta`'s, and for a page that is not there page-logic's
//! `missing` (the app's view of it says the same); this only chooses.

use eventdesk_page_logic::feed::{FeedFilters, FilterVocabulary};
use eventdesk_page_logic::follow::{
    event_feed_path, event_feed_title, feed_path, ATOM_TYPE, SITE_FEED_PATH, SITE_FEED_TITLE,
};
use eventdesk_page_logic::missing::{Absence, UNKNOWN_HEADING, UNKNOWN_LEDE};
use eventdesk_page_logic::share::{bare_origin, entity_url, event_url};

use super::data::PageData;
use super::route::Thing;
use crate::documents::Fetched;
use crate::escape;
use crate::share::{self, meta, meta::Head};

/// The head tags of the page at `path` and `query`: its head and the feeds
/// it offers (`<link rel="alternate">`), or `None` to keep the build's own.
pub fn tags_for(data: &PageData, path: &str, query: Option<&str>, origin: &str) -> Option<String> {
    let head = head_for(data, path, origin)?;
    let mut tags = head.render();
    for (title, href) in feeds_for(data, query, origin) {
        tags.push_str(&format!(
            "<link rel=\"alternate\" type=\"{ATOM_TYPE}\" title=\"{}\" href=\"{}\">\n",
            escape::html(&title),
            escape::html(&href)
        ));
    }
    Some(tags)
}

/// The feeds a page offers, as `(title, absolute address)`: an event's page
/// its own and the site's, the feed page the one for its filters (and the
/// site's when filtered), every other page the site's.
pub fn feeds_for(data: &PageData, query: Option<&str>, origin: &str) -> Vec<(String, String)> {
    let origin = bare_origin(origin);
    let site = (
        SITE_FEED_TITLE.to_owned(),
        format!("{origin}{SITE_FEED_PATH}"),
    );
    match data {
        PageData::Event(id, fetched) => {
            let title = match fetched {
                Fetched::Found { value, .. } => event_feed_title(value.headline()),
                _ => "Updates to this event".to_owned(),
            };
            vec![(title, format!("{origin}{}", event_feed_path(id))), site]
        }
        PageData::Home(_) => {
            let filters =
                FeedFilters::from_pairs(form_urlencoded::parse(query.unwrap_or("").as_bytes()));
            let path = feed_path(&filters);
            if path == SITE_FEED_PATH {
                vec![site]
            } else {
                let described = filters.describe_with(&FilterVocabulary::default());
                vec![
                    (format!("Eventdesk: {described}"), format!("{origin}{path}")),
                    site,
                ]
            }
        }
        _ => vec![site],
    }
}

/// The head for a page and its data at `path`, or `None` to keep the
/// build's own (a receipt that is there, or could not be read).
pub fn head_for(data: &PageData, path: &str, origin: &str) -> Option<Head> {
    let here = || format!("{}{path}", bare_origin(origin));
    let head = match data {
        PageData::Unknown => meta::head_for_missing(UNKNOWN_HEADING, UNKNOWN_LEDE, &here(), origin),
        PageData::BadId(thing) => not_there(*thing, Absence::Missing, None, &here(), origin),
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
                Fetched::Unavailable => meta::head_for_unavailable(&canonical, origin),
                absent => absent_head(Thing::Event, absent, &canonical, origin)?,
            }
        }
        PageData::Entity(id, fetched) => {
            let canonical = entity_url(origin, id);
            match fetched {
                Fetched::Found { value, .. } => meta::head_for_entity(value, origin),
                Fetched::Unavailable => meta::head_for_unavailable(&canonical, origin),
                absent => absent_head(Thing::Entity, absent, &canonical, origin)?,
            }
        }
        PageData::Submission(_, fetched) => {
            absent_head(Thing::Submission, fetched, &here(), origin)?
        }
    };
    Some(head)
}

/// The head of a thing's page when the upstream said it is not there.
fn absent_head<T>(
    thing: Thing,
    fetched: &Fetched<T>,
    canonical: &str,
    origin: &str,
) -> Option<Head> {
    match fetched {
        Fetched::Missing => Some(not_there(thing, Absence::Missing, None, canonical, origin)),
        Fetched::Gone(reason) => Some(not_there(
            thing,
            Absence::Withdrawn,
            reason.as_deref(),
            canonical,
            origin,
        )),
        Fetched::Found { .. } | Fetched::Unavailable => None,
    }
}

/// A `noindex` head titled as the app's view of the page is.
fn not_there(
    thing: Thing,
    absence: Absence,
    reason: Option<&str>,
    canonical: &str,
    origin: &str,
) -> Head {
    let noun = thing.noun();
    meta::head_for_missing(
        &absence.heading(noun),
        &absence.description(noun, reason),
        canonical,
        origin,
    )
}
