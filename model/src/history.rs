//! What happened to an event's record over time.

use serde::{Deserialize, Serialize};

use crate::labels::humanise;
use crate::open_enum;
use crate::time::Timestamp;

open_enum! {
    pub enum HistoryKind {
        Created => "created",
        SourceAdded => "source_added",
        ConfidenceChanged => "confidence_changed",
        Corrected => "corrected",
        LocationChanged => "location_changed",
    }
}

impl HistoryKind {
    pub fn label(&self) -> String {
        match self {
            HistoryKind::Created => "Created".into(),
            HistoryKind::SourceAdded => "Source added".into(),
            HistoryKind::ConfidenceChanged => "Confidence changed".into(),
            HistoryKind::Corrected => "Corrected".into(),
            HistoryKind::LocationChanged => "Location changed".into(),
            HistoryKind::Other(s) => humanise(s),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Timestamp,
    pub kind: HistoryKind,
    pub summary: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_kinds_stay_readable() {
        assert_eq!(HistoryKind::from("merged").label(), "Merged");
    }
}
