//! What the API lists as the filters' values, and the values of a URL that
//! are not among them.
//!
//! Categories and levels are open enums: a category `/categories` lists, or
//! a level `/methodology` lists, is a real filter even when this build has
//! never heard of it. A value is unrecognised only when the API's list has
//! loaded and lacks it; until then (or when the list cannot be read) nothing
//! is judged. A country is unrecognised when it is not a two-letter code.

use eventdesk_model::labels::humanise;
use eventdesk_model::{Category, ConfidenceLevel, Methodology};

/// The values the API lists for the filters, as far as they have loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterVocabulary {
    /// `/categories` as `(id, label)`, in display order; `None` until read.
    categories: Option<Vec<(String, String)>>,
    /// `/methodology`'s levels; `None` until read.
    levels: Option<Vec<ConfidenceLevel>>,
}

impl FilterVocabulary {
    /// The categories the API lists (labels as it gives them).
    pub fn with_categories(mut self, list: &[Category]) -> Self {
        self.categories = Some(
            list.iter()
                .map(|c| (c.id.clone(), c.display_label()))
                .collect(),
        );
        self
    }

    /// The levels the methodology lists.
    pub fn with_levels(mut self, methodology: &Methodology) -> Self {
        self.levels = Some(methodology.levels.iter().map(|l| l.level.clone()).collect());
        self
    }

    /// False only when the API's list is known and lacks the id.
    pub fn allows_category(&self, id: &str) -> bool {
        self.categories
            .as_ref()
            .is_none_or(|list| list.iter().any(|(c, _)| c == id))
    }

    /// False only for a level this build does not know that the API's
    /// list, once known, lacks too.
    pub fn allows_level(&self, level: &ConfidenceLevel) -> bool {
        !level.is_other() || self.levels.as_ref().is_none_or(|list| list.contains(level))
    }

    /// A category's name: the API's label, else its id made readable.
    pub fn category_label(&self, id: &str) -> String {
        self.categories
            .as_ref()
            .and_then(|list| list.iter().find(|(c, _)| c == id))
            .map_or_else(|| humanise(id), |(_, label)| label.clone())
    }
}

/// Which filter an unrecognised value was given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnrecognisedKind {
    Category,
    Level,
    Country,
}

/// A value of the URL that is no filter the API lists: dropped, not sent,
/// and named in a notice so the reader knows what was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrecognised {
    pub kind: UnrecognisedKind,
    /// The value as the URL held it.
    pub value: String,
}

impl Unrecognised {
    /// The notice: what was not recognised, and that it is not applied.
    pub fn message(&self) -> String {
        let value = crate::text::clip(&self.value, 60);
        match self.kind {
            UnrecognisedKind::Category => format!(
                "\u{201c}{value}\u{201d} is not one of the categories, so it is not applied."
            ),
            UnrecognisedKind::Level => format!(
                "\u{201c}{value}\u{201d} is not a confidence level, so it is not applied."
            ),
            UnrecognisedKind::Country => format!(
                "\u{201c}{value}\u{201d} is not a two-letter code for a country, such as FR, so it is not applied."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories() -> Vec<Category> {
        serde_json::from_str(
            r#"[{"id":"military","label":"Military"},{"id":"space","label":"Space & satellites"},{"id":"blank","label":" "}]"#,
        )
        .unwrap()
    }

    #[test]
    fn nothing_is_judged_before_the_lists_load() {
        let v = FilterVocabulary::default();
        assert!(v.allows_category("bogus"));
        assert!(v.allows_level(&ConfidenceLevel::from("sure")));
        assert_eq!(v.category_label("human_rights"), "Human rights");
    }

    #[test]
    fn the_api_lists_decide_not_this_build() {
        let methodology: Methodology = serde_json::from_str(
            r#"{"levels":[{"level":"likely","label":"Likely","description":"d"},{"level":"partly_confirmed","label":"Partly","description":"d"}],"tones":[]}"#,
        )
        .unwrap();
        let v = FilterVocabulary::default()
            .with_categories(&categories())
            .with_levels(&methodology);
        // A category this build never heard of, listed by the API.
        assert!(v.allows_category("space"));
        assert!(!v.allows_category("bogus"));
        assert_eq!(v.category_label("space"), "Space & satellites");
        assert_eq!(v.category_label("blank"), "Blank");
        assert!(v.allows_level(&ConfidenceLevel::from("partly_confirmed")));
        assert!(!v.allows_level(&ConfidenceLevel::from("sure")));
        // The build's own levels stay valid even where the list omits one.
        assert!(v.allows_level(&ConfidenceLevel::Verified));
    }

    #[test]
    fn notices_name_the_value() {
        let n = Unrecognised {
            kind: UnrecognisedKind::Category,
            value: "bogus".into(),
        };
        assert_eq!(
            n.message(),
            "\u{201c}bogus\u{201d} is not one of the categories, so it is not applied."
        );
        let long = Unrecognised {
            kind: UnrecognisedKind::Country,
            value: "x".repeat(300),
        };
        assert!(long.message().contains("\u{2026}"));
        assert!(long.message().chars().count() < 150);
    }
}
