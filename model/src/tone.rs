//! Source tone: how sure an outlet's own wording is. It is never verification.

use crate::types::{Methodology, Tone};

/// The sentence every list of reports carries.
pub const TONE_DISCLAIMER: &str = "\u{201c}Source tone\u{201d} reflects the language used by the outlet \u{2014} it is not an independent verification.";

impl Tone {
    /// "Certain"; unknown tones are humanised as sent.
    pub fn label(&self) -> String {
        match self {
            Tone::Certain => "Certain".into(),
            Tone::Likely => "Likely".into(),
            Tone::Possible => "Possible".into(),
            Tone::Doubtful => "Doubtful".into(),
            Tone::Other(s) => crate::labels::humanise(s),
        }
    }

    /// The badge text: "Source tone: certain".
    pub fn badge(&self) -> String {
        format!("Source tone: {}", self.label().to_ascii_lowercase())
    }

    pub fn css_token(&self) -> &'static str {
        match self {
            Tone::Certain => "certain",
            Tone::Likely => "likely",
            Tone::Possible => "possible",
            Tone::Doubtful => "doubtful",
            Tone::Other(_) => "other",
        }
    }

    /// What the tone means, from the methodology when it has it.
    pub fn meaning(&self, methodology: Option<&Methodology>) -> String {
        if let Some(t) = methodology.and_then(|m| m.tone(self)) {
            if !t.description.trim().is_empty() {
                return t.description.trim().to_owned();
            }
        }
        match self {
            Tone::Certain => "The outlet states the claim as fact.",
            Tone::Likely => "The outlet presents the claim as probable or expected.",
            Tone::Possible => "The outlet presents the claim as one possibility.",
            Tone::Doubtful => {
                "The outlet questions the claim or reports it as unverified or denied."
            }
            Tone::Other(_) => "A wording category this page does not know yet.",
        }
        .to_owned()
    }

    /// A strength meter that carries the tone without relying on colour.
    /// Deliberately unlike the confidence icons: tone is not verification.
    pub fn icon(&self) -> &'static str {
        match self {
            Tone::Certain => "▮▮▮",
            Tone::Likely => "▮▮▯",
            Tone::Possible => "▮▯▯",
            Tone::Doubtful => "▯▯▯",
            Tone::Other(_) => "▯?▯",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_read_like_the_seed_page() {
        assert_eq!(Tone::Certain.badge(), "Source tone: certain");
        assert_eq!(Tone::Likely.badge(), "Source tone: likely");
        assert_eq!(Tone::from("very_sure").badge(), "Source tone: very sure");
        assert_eq!(Tone::from("very_sure").css_token(), "other");
    }

    #[test]
    fn meaning_prefers_the_methodology() {
        let m: Methodology =
            serde_json::from_str(include_str!("../../api/examples/methodology.json")).unwrap();
        assert_eq!(
            Tone::Doubtful.meaning(Some(&m)),
            "The outlet questions the claim or reports it as unverified or denied."
        );
        assert_eq!(
            Tone::Possible.meaning(None),
            "The outlet presents the claim as one possibility."
        );
        assert!(TONE_DISCLAIMER.contains("not an independent verification"));
    }

    #[test]
    fn tone_icons_differ_from_confidence_icons() {
        use crate::types::ConfidenceLevel;
        let tones = [
            Tone::Certain,
            Tone::Likely,
            Tone::Possible,
            Tone::Doubtful,
            Tone::from("x"),
        ];
        for (i, t) in tones.iter().enumerate() {
            assert!(!t.icon().is_empty());
            assert!(tones[i + 1..].iter().all(|u| u.icon() != t.icon()));
            assert!(ConfidenceLevel::KNOWN.iter().all(|l| l.icon() != t.icon()));
        }
    }
}
