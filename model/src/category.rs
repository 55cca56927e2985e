//! An event's category, and how a reader is shown it.

use serde::{Deserialize, Serialize};

use crate::labels::humanise;
use crate::text::non_blank;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub emoji: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

impl Category {
    /// The label, or the id humanised when the label is blank.
    pub fn display_label(&self) -> String {
        non_blank(&self.label).map_or_else(|| humanise(&self.id), str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_without_a_label() {
        let c = Category {
            id: "space_weather".into(),
            label: " ".into(),
            emoji: None,
            description: None,
        };
        assert_eq!(c.display_label(), "Space weather");
    }
}
