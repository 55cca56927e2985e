//! The rules behind confidence levels and source tone, as the API publishes
//! them, and the two readings that consult them: a rating's explainer and a
//! tone's meaning. Those two methods live here, beside the methodology they
//! read, so that `confidence` and `tone` do not depend on this file while it
//! depends on them.

use serde::{Deserialize, Serialize};

use crate::confidence::{Confidence, ConfidenceLevel};
use crate::text::non_blank;
use crate::tone::Tone;
use crate::wire::null_as_default;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodologyLevel {
    pub level: ConfidenceLevel,
    pub label: String,
    pub description: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub criteria: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodologyTone {
    pub tone: Tone,
    pub label: String,
    pub description: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub examples: Vec<String>,
}

/// The rules behind confidence levels and source tone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Methodology {
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub levels: Vec<MethodologyLevel>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub tones: Vec<MethodologyTone>,
    #[serde(default)]
    pub independence: Option<String>,
}

impl Methodology {
    pub fn level(&self, level: &ConfidenceLevel) -> Option<&MethodologyLevel> {
        self.levels.iter().find(|l| &l.level == level)
    }

    pub fn tone(&self, tone: &Tone) -> Option<&MethodologyTone> {
        self.tones.iter().find(|t| &t.tone == tone)
    }
}

impl Confidence {
    /// The explainer sentence: the event's own, else the methodology's
    /// description of the level, else a plain fallback.
    pub fn explainer(&self, methodology: Option<&Methodology>) -> String {
        let own = self.explanation.as_deref().and_then(non_blank);
        let described = methodology
            .and_then(|m| m.level(&self.level))
            .and_then(|l| non_blank(&l.description));
        own.or(described)
            .unwrap_or_else(|| self.level.fallback_explanation())
            .to_owned()
    }
}

impl Tone {
    /// What the tone means, from the methodology when it has it.
    pub fn meaning(&self, methodology: Option<&Methodology>) -> String {
        methodology
            .and_then(|m| m.tone(self))
            .and_then(|t| non_blank(&t.description))
            .unwrap_or_else(|| self.fallback_meaning())
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Methodology {
        serde_json::from_str(include_str!("../../api/examples/methodology.json"))
            .expect("the contract's example decodes")
    }

    #[test]
    fn explainer_falls_back_in_order() {
        let m = example();
        let mut c = Confidence {
            level: ConfidenceLevel::Unconfirmed,
            independent_sources: 3,
            explanation: None,
            next_level: None,
            assessed_at: None,
        };
        assert_eq!(
            c.explainer(Some(&m)),
            "Only one source reports this event so far."
        );
        c.explanation = Some("Own words.".into());
        assert_eq!(c.explainer(Some(&m)), "Own words.");
        c.explanation = Some("  ".into());
        c.level = ConfidenceLevel::Other("contested".into());
        assert_eq!(
            c.explainer(Some(&m)),
            ConfidenceLevel::Other(String::new()).fallback_explanation()
        );
        assert_eq!(c.explainer(None), c.level.fallback_explanation());
    }

    #[test]
    fn meaning_prefers_the_methodology() {
        let m = example();
        assert_eq!(
            Tone::Doubtful.meaning(Some(&m)),
            "The outlet questions the claim or reports it as unverified or denied."
        );
        assert_eq!(
            Tone::Possible.meaning(None),
            "The outlet presents the claim as one possibility."
        );
    }
}
