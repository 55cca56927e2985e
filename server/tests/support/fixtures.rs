//! The fixtures as the tests read them, apart from the server's own loader.

use std::collections::BTreeSet;

use serde_json::Value;

use super::fixtures_dir;

pub struct FixtureEvent {
    pub doc: Value,
    pub withdrawn: Option<Value>,
}

impl FixtureEvent {
    pub fn id(&self) -> &str {
        self.doc["id"].as_str().expect("event id")
    }

    pub fn countries(&self) -> BTreeSet<String> {
        self.doc["location"]["places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["country_code"].as_str())
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    pub fn entity_ids(&self) -> BTreeSet<String> {
        self.doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["id"].as_str())
            .map(str::to_owned)
            .collect()
    }

    pub fn occurred_on(&self) -> Option<&str> {
        self.doc["occurred_on"].as_str()
    }
}

pub fn events() -> Vec<FixtureEvent> {
    let mut files: Vec<_> = std::fs::read_dir(fixtures_dir().join("events"))
        .expect("fixtures/events")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let mut doc: Value =
                serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json");
            let withdrawn = doc.as_object_mut().and_then(|o| o.remove("withdrawn"));
            FixtureEvent { doc, withdrawn }
        })
        .collect()
}

/// The listed (not withdrawn) events.
pub fn listed() -> Vec<FixtureEvent> {
    events()
        .into_iter()
        .filter(|e| e.withdrawn.is_none())
        .collect()
}

pub fn read(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixtures_dir().join(name)).expect("read"))
        .expect("json")
}
