//! Which page of the app an address is, as far as the server needs to know:
//! its head, first paint, first data and status. The app's pages are the
//! model's one list (`eventdesk_model::paths::PageRoute`), which the app's
//! router is written from too: an address it does not hold is not found here.

use eventdesk_model::ids::valid_id;
use eventdesk_model::paths::PageRoute;
use percent_encoding::percent_decode_str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The feed, with the raw query of its filters.
    Home {
        query: Option<String>,
    },
    Methodology,
    Event(String),
    Entity(String),
    /// A submission's receipt.
    Submission(String),
    /// A thing's page whose id the contract does not allow (`/events/a%20b`):
    /// nothing can be there, and the upstream is not asked.
    BadId(Thing),
    /// An address that is none of the app's pages.
    Unknown,
}

/// What a page with an id shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Event,
    Entity,
    Submission,
}

impl Thing {
    /// The word the pages use for it.
    pub fn noun(self) -> &'static str {
        match self {
            Thing::Event => "event",
            Thing::Entity => "entity",
            Thing::Submission => "submission",
        }
    }
}

impl Page {
    pub fn from_path(path: &str, query: Option<&str>) -> Page {
        let (thing, segment) = match PageRoute::of(path) {
            None => return Page::Unknown,
            Some(PageRoute::Home) => {
                return Page::Home {
                    query: query.map(str::to_owned),
                }
            }
            Some(PageRoute::Methodology) => return Page::Methodology,
            Some(PageRoute::Event(id)) => (Thing::Event, id),
            Some(PageRoute::Entity(id)) => (Thing::Entity, id),
            Some(PageRoute::Submission(id)) => (Thing::Submission, id),
        };
        match (thing, decoded_id(segment)) {
            (_, None) => Page::BadId(thing),
            (Thing::Event, Some(id)) => Page::Event(id),
            (Thing::Entity, Some(id)) => Page::Entity(id),
            (Thing::Submission, Some(id)) => Page::Submission(id),
        }
    }
}

/// The id in one path segment, percent-decoded, when the contract allows it.
pub fn decoded_id(segment: &str) -> Option<String> {
    let id = percent_decode_str(segment).decode_utf8().ok()?;
    valid_id(&id).then(|| id.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_from_paths() {
        assert_eq!(
            Page::from_path("/", Some("q=x")),
            Page::Home {
                query: Some("q=x".into())
            }
        );
        assert_eq!(Page::from_path("/methodology", None), Page::Methodology);
        assert_eq!(
            Page::from_path("/events/paris-1", None),
            Page::Event("paris-1".into())
        );
        assert_eq!(
            Page::from_path("/events/paris%2D1", None),
            Page::Event("paris-1".into())
        );
        assert_eq!(
            Page::from_path("/entities/emmanuel-macron", None),
            Page::Entity("emmanuel-macron".into())
        );
        assert_eq!(
            Page::from_path("/submissions/sub_nope", None),
            Page::Submission("sub_nope".into())
        );
        for (path, thing) in [
            ("/events/a%2Fb", Thing::Event),
            ("/events/%ff", Thing::Event),
            ("/entities/a%20b", Thing::Entity),
            ("/submissions/..", Thing::Submission),
        ] {
            assert_eq!(Page::from_path(path, None), Page::BadId(thing), "{path}");
        }
        for unknown in [
            "/index.html",
            "/event.html",
            "/events/",
            "/events/a/b",
            "/submissions",
            "/methodology/extra",
            "/nowhere",
        ] {
            assert_eq!(Page::from_path(unknown, None), Page::Unknown, "{unknown}");
        }
    }
}
