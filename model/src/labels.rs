//! Reader-facing words for the contract's open enums. Unknown values always
//! get a readable, neutral label, never an error and never a blank.

use crate::types::{
    Category, EntityKind, HistoryKind, PlacePrecision, PlaceRole, SourceKind, SubmissionStatus,
};

/// "partly_confirmed" → "Partly confirmed"; blank → "Unknown".
pub fn humanise(raw: &str) -> String {
    let words = raw.trim().replace(['_', '-'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        // ASCII case only: Unicode case tables would cost the web app
        // about 30 KB for words that are snake_case identifiers.
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars.map(|c| c.to_ascii_lowercase()))
            .collect(),
        None => "Unknown".to_owned(),
    }
}

/// A fragment-safe anchor: ASCII letters, digits, `-` and `_`; others become `-`.
pub fn slug(raw: &str) -> String {
    let s: String = raw
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "unknown".to_owned()
    } else {
        s
    }
}

impl Category {
    /// The emoji when the API sends one, else a neutral marker.
    pub fn icon(&self) -> &str {
        self.emoji
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .unwrap_or("📰")
    }

    /// The label, or the id humanised when the label is blank.
    pub fn display_label(&self) -> String {
        match self.label.trim() {
            "" => humanise(&self.id),
            label => label.to_owned(),
        }
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
pub fn entity_accessible_name(kind: &EntityKind, name: &str) -> String {
    format!("{}: {}", kind.label(), name)
}

impl PlaceRole {
    pub fn label(&self) -> String {
        match self {
            PlaceRole::OccurredIn => "Where it happened".into(),
            PlaceRole::About => "What it concerns".into(),
            PlaceRole::Other(s) => humanise(s),
        }
    }
}

impl PlacePrecision {
    pub fn label(&self) -> String {
        match self {
            PlacePrecision::Point => "Exact spot".into(),
            PlacePrecision::City => "City".into(),
            PlacePrecision::Region => "Region".into(),
            PlacePrecision::Country => "Country".into(),
            PlacePrecision::Other(s) => humanise(s),
        }
    }
}

impl SourceKind {
    pub fn label(&self) -> String {
        match self {
            SourceKind::NewsOutlet => "News outlet".into(),
            SourceKind::WireService => "Wire service".into(),
            SourceKind::ThinkTank => "Think tank".into(),
            SourceKind::Government => "Government".into(),
            SourceKind::Ngo => "NGO".into(),
            SourceKind::SocialMedia => "Social media".into(),
            SourceKind::OtherKind => "Other".into(),
            SourceKind::Other(s) => humanise(s),
        }
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

impl SubmissionStatus {
    pub fn label(&self) -> String {
        match self {
            SubmissionStatus::Pending => "Pending review".into(),
            SubmissionStatus::Accepted => "Accepted".into(),
            SubmissionStatus::Rejected => "Rejected".into(),
            SubmissionStatus::Other(s) => humanise(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_stay_readable() {
        assert_eq!(humanise("partly_confirmed"), "Partly confirmed");
        assert_eq!(humanise("  "), "Unknown");
        assert_eq!(EntityKind::from("ship").label(), "Ship");
        assert_eq!(PlaceRole::from("passed_through").label(), "Passed through");
        assert_eq!(SubmissionStatus::from("on_hold").label(), "On hold");
        assert_eq!(HistoryKind::from("merged").label(), "Merged");
    }

    #[test]
    fn entity_chip_names() {
        assert_eq!(
            entity_accessible_name(&EntityKind::Person, "Volodymyr Zelensky"),
            "Person: Volodymyr Zelensky"
        );
        assert_eq!(EntityKind::Group.icon(), "👥");
    }

    #[test]
    fn categories_without_emoji_or_label() {
        let c = Category {
            id: "space_weather".into(),
            label: " ".into(),
            emoji: None,
            description: None,
        };
        assert_eq!(c.display_label(), "Space weather");
        assert_eq!(c.icon(), "📰");
    }

    #[test]
    fn slugs_are_fragment_safe() {
        assert_eq!(slug("likely"), "likely");
        assert_eq!(slug("a b<c>"), "a-b-c-");
        assert_eq!(slug(""), "unknown");
    }
}
