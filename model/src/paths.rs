//! The contract's resource paths, and the app's pages. The app's pages have
//! the same shape as the API's (`/events/{id}` is both a page and, after the
//! API's base, its data), so one builder serves links, routes and requests.
//! Ids are untrusted text: each goes in as one percent-encoded path segment.
//!
//! [`PageRoute`] is the one list of the app's pages: the app's router is
//! written from its segments ([`EVENTS`], [`ID_PARAM`] …) and the app's
//! server reads an address with [`PageRoute::of`], so an address the server
//! does not know (its answer is a 404) is one the app shows as not found.

use crate::url::encode_component;

/// The first segment of an event's page: `/events/{id}`.
pub const EVENTS: &str = "events";
/// The first segment of an entity's page: `/entities/{id}`.
pub const ENTITIES: &str = "entities";
/// The first segment of a submission's receipt: `/submissions/{id}`.
pub const SUBMISSIONS: &str = "submissions";
/// The methodology page: `/methodology`.
pub const METHODOLOGY: &str = "methodology";
/// The name the app's router gives the id segment of a page.
pub const ID_PARAM: &str = "id";

/// One of the app's pages, as its address names it. The id is the path
/// segment as it came (still percent-encoded, not yet checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRoute<'a> {
    /// `/`, the feed.
    Home,
    /// `/methodology`.
    Methodology,
    /// `/events/{id}`.
    Event(&'a str),
    /// `/entities/{id}`.
    Entity(&'a str),
    /// `/submissions/{id}`.
    Submission(&'a str),
}

impl<'a> PageRoute<'a> {
    /// The page at `path` (no query), matched as the app's router matches
    /// it: whole segments, none empty, one trailing slash allowed; `None` for an address
    /// that is none of the app's pages.
    pub fn of(path: &'a str) -> Option<PageRoute<'a>> {
        if path.contains("//") {
            return None;
        }
        let path = path.strip_prefix('/')?;
        let path = path.strip_suffix('/').unwrap_or(path);
        let mut segments = path.split('/');
        let first = segments.next()?;
        let second = segments.next();
        if segments.next().is_some() {
            return None;
        }
        match (first, second) {
            ("", None) => Some(PageRoute::Home),
            (METHODOLOGY, None) => Some(PageRoute::Methodology),
            (_, Some("")) | (_, None) => None,
            (EVENTS, Some(id)) => Some(PageRoute::Event(id)),
            (ENTITIES, Some(id)) => Some(PageRoute::Entity(id)),
            (SUBMISSIONS, Some(id)) => Some(PageRoute::Submission(id)),
            _ => None,
        }
    }
}

/// `/events/{id}`.
pub fn event_path(id: &str) -> String {
    format!("/{EVENTS}/{}", encode_component(id))
}

/// `/events/{id}/submissions`, where a source is submitted for an event.
pub fn event_submissions_path(id: &str) -> String {
    format!("{}/{SUBMISSIONS}", event_path(id))
}

/// `/entities/{id}`.
pub fn entity_path(id: &str) -> String {
    format!("/{ENTITIES}/{}", encode_component(id))
}

/// `/submissions/{id}`, a submission's receipt.
pub fn submission_path(id: &str) -> String {
    format!("/{SUBMISSIONS}/{}", encode_component(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_one_segment() {
        assert_eq!(event_path("paris-2025"), "/events/paris-2025");
        assert_eq!(event_path("a/b?c#d"), "/events/a%2Fb%3Fc%23d");
        assert_eq!(event_submissions_path("x y"), "/events/x%20y/submissions");
        assert_eq!(entity_path("Q1"), "/entities/Q1");
        assert_eq!(submission_path("../sub"), "/submissions/..%2Fsub");
    }

    #[test]
    fn the_apps_pages_and_nothing_else() {
        use PageRoute::*;
        for (path, page) in [
            ("/", Home),
            ("/methodology", Methodology),
            ("/methodology/", Methodology),
            ("/events/paris-1", Event("paris-1")),
            ("/events/paris-1/", Event("paris-1")),
            ("/events/a%2Fb", Event("a%2Fb")),
            ("/entities/emmanuel-macron", Entity("emmanuel-macron")),
            ("/submissions/sub_nope", Submission("sub_nope")),
        ] {
            assert_eq!(PageRoute::of(path), Some(page), "{path}");
        }
        for path in [
            "",
            "//",
            "/index.html",
            "/event.html",
            "/events",
            "/events/",
            "/events//",
            "/events/a/b",
            "/entities",
            "/submissions",
            "/methodology/extra",
            "/Methodology",
            "/no/such/page",
            "/nowhere",
        ] {
            assert_eq!(PageRoute::of(path), None, "{path}");
        }
    }

    #[test]
    fn every_page_path_is_its_page() {
        assert_eq!(PageRoute::of(&event_path("x")), Some(PageRoute::Event("x")));
        assert_eq!(
            PageRoute::of(&entity_path("x")),
            Some(PageRoute::Entity("x"))
        );
        assert_eq!(
            PageRoute::of(&submission_path("x")),
            Some(PageRoute::Submission("x"))
        );
    }
}
