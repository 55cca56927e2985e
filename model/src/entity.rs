//! A person, organisation, place or group an event involves, and how a
//! reader is shown it.

use serde::{Deserialize, Serialize};

use crate::labels::humanise;
use crate::open_enum;
use crate::text::non_blank;

open_enum! {
    pub enum EntityKind {
        Person => "person",
        Organization => "organization",
        Place => "place",
        Group => "group",
        OtherKind => "other",
    }
}

impl EntityKind {
    pub fn label(&self) -> String {
        match self {
            EntityKind::Person => "Person".into(),
            EntityKind::Organization => "Organization".into(),
            EntityKind::Place => "Place".into(),
            EntityKind::Group => "Group".into(),
            EntityKind::OtherKind => "Other".into(),
            EntityKind::Other(s) => humanise(s),
        }
    }

    pub fn icon(&self) -> &'static str {
        match self {
            EntityKind::Person => "👤",
            EntityKind::Organization => "🏢",
            EntityKind::Place => "📍",
            EntityKind::Group => "👥",
            EntityKind::OtherKind | EntityKind::Other(_) => "🔖",
        }
    }
}

/// "Person: Volodymyr Zelensky", the accessible name of an entity chip.
/// Also reachable as `labels::entity_accessible_name`.
pub fn entity_accessible_name(kind: &EntityKind, name: &str) -> String {
    format!("{}: {}", kind.label(), name)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub wikidata_id: Option<String>,
    #[serde(default)]
    pub event_count: Option<u64>,
}

impl Entity {
    /// The entity's Wikidata page, only for an id of the form `Q` and digits.
    pub fn wikidata_url(&self) -> Option<String> {
        let id = self.wikidata_id.as_deref().and_then(non_blank)?;
        let digits = id.strip_prefix('Q')?;
        (!digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("https://www.wikidata.org/wiki/{id}"))
    }

    /// "14 events", when the API counts them.
    pub fn events_phrase(&self) -> Option<String> {
        self.event_count.map(|n| match n {
            1 => "1 event".to_owned(),
            n => format!("{n} events"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_chip_names() {
        assert_eq!(
            entity_accessible_name(&EntityKind::Person, "Volodymyr Zelensky"),
            "Person: Volodymyr Zelensky"
        );
        assert_eq!(EntityKind::Group.icon(), "👥");
        assert_eq!(EntityKind::from("ship").label(), "Ship");
    }

    #[test]
    fn wikidata_links_only_for_real_ids() {
        let mut e = Entity {
            id: "volodymyr-zelensky".into(),
            name: "Volodymyr Zelensky".into(),
            kind: EntityKind::Person,
            description: None,
            wikidata_id: Some("Q3874799".into()),
            event_count: Some(1),
        };
        assert_eq!(
            e.wikidata_url().as_deref(),
            Some("https://www.wikidata.org/wiki/Q3874799")
        );
        assert_eq!(e.events_phrase().as_deref(), Some("1 event"));
        for bad in ["", "Q", "3874799", "Q38a", "Q1/../x", "javascript:alert(1)"] {
            e.wikidata_id = Some(bad.into());
            assert_eq!(e.wikidata_url(), None, "{bad}");
        }
        e.wikidata_id = None;
        assert_eq!(e.wikidata_url(), None);
    }
}
