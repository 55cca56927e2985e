//! Source tone: how sure an outlet's own wording is. It is never verification.
//! What a tone means, from the methodology when it says, is
//! [`Tone::meaning`], kept beside [`Methodology`](crate::Methodology).

use crate::labels::humanise;
use crate::open_enum;

open_enum! {
    /// How sure the outlet's own wording is. Says nothing about whether a claim is true.
    pub enum Tone {
        Certain => "certain",
        Likely => "likely",
        Possible => "possible",
        Doubtful => "doubtful",
    }
}

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
            Tone::Other(s) => humanise(s),
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

    /// What the tone means when the methodology does not say.
    pub(crate) fn fallback_meaning(&self) -> &'static str {
        match self {
            Tone::Certain => "The outlet states the claim as fact.",
            Tone::Likely => "The outlet presents the claim as probable or expected.",
            Tone::Possible => "The outlet presents the claim as one possibility.",
            Tone::Doubtful => {
                "The outlet questions the claim or reports it as unverified or denied."
            }
            Tone::Other(_) => "A wording category this page does not know yet.",
        }
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
    fn the_disclaimer_says_tone_is_not_verification() {
        assert!(TONE_DISCLAIMER.contains("not an independent verification"));
    }

    #[test]
    fn tone_icons_differ_from_confidence_icons() {
        use crate::confidence::ConfidenceLevel;
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
