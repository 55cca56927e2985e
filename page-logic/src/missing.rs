//! The words of a page that is not there, for the app's view of it and the
//! head the app's server writes, so a reader sees one title however the page
//! was reached: an address that is none of the app's pages, a thing the
//! backend does not have (404) or one its editors withdrew (410).

use crate::document::SITE_NAME;

/// The heading of an address that is none of the app's pages.
pub const UNKNOWN_HEADING: &str = "Page not found";
/// What that page says under its heading.
pub const UNKNOWN_LEDE: &str = "There is no page at this link. It may have been mistyped or moved.";
/// The way on from any page that is not there.
pub const WAY_ON: &str = "See the latest events";

/// Why a thing's page shows no thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// Nothing at this address (404).
    Missing,
    /// Withdrawn by the editors (410).
    Withdrawn,
}

impl Absence {
    /// From an HTTP status: 404 and 410, nothing else.
    pub fn from_status(status: u16) -> Option<Absence> {
        match status {
            404 => Some(Absence::Missing),
            410 => Some(Absence::Withdrawn),
            _ => None,
        }
    }

    /// The heading of the page of a `noun` ("event") that is not there.
    pub fn heading(self, noun: &str) -> String {
        match self {
            Absence::Missing => format!("No {noun} at this link"),
            Absence::Withdrawn => format!("This {noun} was withdrawn"),
        }
    }

    /// What the page says under its heading.
    pub fn lede(self, noun: &str) -> String {
        match self {
            Absence::Missing => format!(
                "There is no {noun} at this address. The link may be mistyped, or the {noun} may have moved."
            ),
            Absence::Withdrawn => format!("The editors withdrew this {noun}."),
        }
    }

    /// The meta description: the lede, with the editors' reason when given.
    pub fn description(self, noun: &str, reason: Option<&str>) -> String {
        match (self, reason.map(str::trim).filter(|r| !r.is_empty())) {
            (Absence::Withdrawn, Some(reason)) => format!("{} Reason: {reason}", self.lede(noun)),
            _ => self.lede(noun),
        }
    }
}

/// A page title: "No event at this link · Eventdesk".
pub fn title(heading: &str) -> String {
    format!("{heading} · {SITE_NAME}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_each_absence() {
        assert_eq!(Absence::from_status(404), Some(Absence::Missing));
        assert_eq!(Absence::from_status(410), Some(Absence::Withdrawn));
        assert_eq!(Absence::from_status(500), None);
        assert_eq!(
            title(&Absence::Missing.heading("event")),
            "No event at this link · Eventdesk"
        );
        assert_eq!(
            Absence::Withdrawn.heading("submission"),
            "This submission was withdrawn"
        );
        assert_eq!(title(UNKNOWN_HEADING), "Page not found · Eventdesk");
        assert_eq!(
            Absence::Withdrawn.description("event", Some("  Merged. ")),
            "The editors withdrew this event. Reason: Merged."
        );
        assert_eq!(
            Absence::Withdrawn.description("event", Some(" ")),
            "The editors withdrew this event."
        );
        assert!(Absence::Missing
            .description("entity", Some("ignored"))
            .starts_with("There is no entity at this address."));
    }
}
