//! The contract's resource paths. The app's pages have the same shape as
//! the API's (`/events/{id}` is both a page and, after the API's base, its
//! data), so one builder serves links, routes and requests. Ids are
//! untrusted text: each goes in as one percent-encoded path segment.

use crate::url::encode_component;

/// `/events/{id}`.
pub fn event_path(id: &str) -> String {
    format!("/events/{}", encode_component(id))
}

/// `/events/{id}/submissions`, where a source is submitted for an event.
pub fn event_submissions_path(id: &str) -> String {
    format!("{}/submissions", event_path(id))
}

/// `/entities/{id}`.
pub fn entity_path(id: &str) -> String {
    format!("/entities/{}", encode_component(id))
}

/// `/submissions/{id}`, a submission's receipt.
pub fn submission_path(id: &str) -> String {
    format!("/submissions/{}", encode_component(id))
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
}
