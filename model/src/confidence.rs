//! How well an event is corroborated, and what a rating says to a reader:
//! its word, its icon, where it stands on the ladder, and the sentences
//! built from it. The explainer, which consults the methodology, is
//! [`Confidence::explainer`], kept beside [`Methodology`](crate::Methodology).

use serde::{Deserialize, Serialize};

use crate::labels::{humanise, slug};
use crate::open_enum;
use crate::source::Source;
use crate::text::non_blank;
use crate::time::Timestamp;

open_enum! {
    /// How well an event is corroborated. `disputed` is a state of its own, not a rung.
    pub enum ConfidenceLevel {
        Unconfirmed => "unconfirmed",
        Likely => "likely",
        Verified => "verified",
        Disputed => "disputed",
    }
}

/// What would raise an event to the next level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextLevel {
    pub level: ConfidenceLevel,
    /// e.g. "One more trusted source".
    pub needs: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confidence {
    pub level: ConfidenceLevel,
    pub independent_sources: u64,
    #[serde(default)]
    pub explanation: Option<String>,
    #[serde(default)]
    pub next_level: Option<NextLevel>,
    #[serde(default)]
    pub assessed_at: Option<Timestamp>,
}

/// The rungs of the ladder, lowest to highest. `disputed` is not a rung.
pub const LADDER: [ConfidenceLevel; 3] = [
    ConfidenceLevel::Unconfirmed,
    ConfidenceLevel::Likely,
    ConfidenceLevel::Verified,
];

impl ConfidenceLevel {
    /// The word a reader sees: "Likely". Unknown levels are capitalised as sent.
    pub fn label(&self) -> String {
        match self {
            ConfidenceLevel::Unconfirmed => "Unconfirmed".into(),
            ConfidenceLevel::Likely => "Likely".into(),
            ConfidenceLevel::Verified => "Verified".into(),
            ConfidenceLevel::Disputed => "Disputed".into(),
            ConfidenceLevel::Other(s) => humanise(s),
        }
    }

    /// A symbol that carries the level without relying on colour.
    pub fn icon(&self) -> &'static str {
        match self {
            ConfidenceLevel::Unconfirmed => "○",
            ConfidenceLevel::Likely => "◑",
            ConfidenceLevel::Verified => "●",
            ConfidenceLevel::Disputed => "⚠",
            ConfidenceLevel::Other(_) => "◌",
        }
    }

    /// Position on the ladder; `None` for disputed and unknown levels.
    pub fn rung(&self) -> Option<usize> {
        LADDER.iter().position(|l| l == self)
    }

    /// A stable, CSS-safe token for styling: known levels by name, else "other".
    pub fn css_token(&self) -> &'static str {
        match self {
            ConfidenceLevel::Unconfirmed => "unconfirmed",
            ConfidenceLevel::Likely => "likely",
            ConfidenceLevel::Verified => "verified",
            ConfidenceLevel::Disputed => "disputed",
            ConfidenceLevel::Other(_) => "other",
        }
    }

    /// The anchor of this level on the methodology page: `/methodology#likely`.
    pub fn anchor(&self) -> String {
        slug(self.as_str())
    }

    /// Said when neither the event nor the methodology explains the level.
    pub fn fallback_explanation(&self) -> &'static str {
        match self {
            ConfidenceLevel::Unconfirmed => "Only one source reports this event so far.",
            ConfidenceLevel::Likely => "Two or more independent sources agree on the core facts.",
            ConfidenceLevel::Verified => {
                "Enough trusted, independent sources agree on the core facts."
            }
            ConfidenceLevel::Disputed => {
                "Independent sources contradict each other on the core facts."
            }
            ConfidenceLevel::Other(_) => {
                "This rating is new to this page; the methodology explains it."
            }
        }
    }
}

/// "Reported by 3 independent sources", "Reported by 1 independent source",
/// "No independent source yet".
pub fn sources_phrase(count: u64) -> String {
    match count {
        0 => "No independent source yet".to_owned(),
        1 => "Reported by 1 independent source".to_owned(),
        n => format!("Reported by {n} independent sources"),
    }
}

/// "3 independent sources", for cards.
pub fn sources_count(count: u64) -> String {
    match count {
        1 => "1 independent source".to_owned(),
        n => format!("{n} independent sources"),
    }
}

impl Confidence {
    /// "This event is rated likely. One more trusted source could elevate it to verified."
    pub fn upgrade_line(&self) -> String {
        let rated = format!(
            "This event is rated {}.",
            self.level.label().to_ascii_lowercase()
        );
        match &self.next_level {
            Some(next) => {
                let needs = non_blank(&next.needs).unwrap_or("More independent sources");
                format!(
                    "{rated} {} could elevate it to {}.",
                    capitalise_first(needs),
                    next.level.label().to_ascii_lowercase()
                )
            }
            None if self.level == ConfidenceLevel::Verified => {
                format!("{rated} Further sources still help editors catch corrections.")
            }
            None => format!("{rated} Another independent source helps editors reassess it."),
        }
    }
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// Sources split the way the rating counts them.
#[derive(Debug, Default, PartialEq)]
pub struct SourceTally<'a> {
    /// Counted: each reports from its own sourcing.
    pub independent: Vec<&'a Source>,
    /// Shown but not counted: republished another listed source.
    pub republished: Vec<&'a Source>,
}

pub fn tally(sources: &[Source]) -> SourceTally<'_> {
    let (independent, republished) = sources.iter().partition(|s| s.independent);
    SourceTally {
        independent,
        republished,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conf(level: ConfidenceLevel, next: Option<(ConfidenceLevel, &str)>) -> Confidence {
        Confidence {
            level,
            independent_sources: 3,
            explanation: None,
            next_level: next.map(|(level, needs)| NextLevel {
                level,
                needs: needs.into(),
            }),
            assessed_at: None,
        }
    }

    #[test]
    fn seed_page_wording() {
        let c = conf(
            ConfidenceLevel::Likely,
            Some((ConfidenceLevel::Verified, "One more trusted source")),
        );
        assert_eq!(c.level.label(), "Likely");
        assert_eq!(sources_phrase(3), "Reported by 3 independent sources");
        assert_eq!(
            c.upgrade_line(),
            "This event is rated likely. One more trusted source could elevate it to verified."
        );
    }

    #[test]
    fn counts_read_in_the_singular_and_zero() {
        assert_eq!(sources_phrase(1), "Reported by 1 independent source");
        assert_eq!(sources_phrase(0), "No independent source yet");
        assert_eq!(sources_count(1), "1 independent source");
        assert_eq!(sources_count(12), "12 independent sources");
    }

    #[test]
    fn disputed_and_unknown_levels_are_not_rungs() {
        assert_eq!(ConfidenceLevel::Unconfirmed.rung(), Some(0));
        assert_eq!(ConfidenceLevel::Verified.rung(), Some(2));
        assert_eq!(ConfidenceLevel::Disputed.rung(), None);
        let odd = ConfidenceLevel::from("partly_confirmed");
        assert_eq!(odd.rung(), None);
        assert_eq!(odd.label(), "Partly confirmed");
        assert_eq!(odd.css_token(), "other");
        assert_eq!(odd.anchor(), "partly_confirmed");
    }

    #[test]
    fn upgrade_line_without_next_level() {
        assert_eq!(
            conf(ConfidenceLevel::Verified, None).upgrade_line(),
            "This event is rated verified. Further sources still help editors catch corrections."
        );
        assert_eq!(
            conf(ConfidenceLevel::Disputed, None).upgrade_line(),
            "This event is rated disputed. Another independent source helps editors reassess it."
        );
        let blank = conf(
            ConfidenceLevel::Unconfirmed,
            Some((ConfidenceLevel::Likely, " ")),
        );
        assert_eq!(
            blank.upgrade_line(),
            "This event is rated unconfirmed. More independent sources could elevate it to likely."
        );
    }

    #[test]
    fn republished_sources_are_not_counted() {
        let src = |id: &str, independent| Source {
            id: id.into(),
            name: id.into(),
            url: None,
            homepage: None,
            country_code: None,
            kind: None,
            trusted: false,
            independent,
            published_at: None,
        };
        let all = [src("a", true), src("b", false), src("c", true)];
        let t = tally(&all);
        assert_eq!(t.independent.len(), 2);
        assert_eq!(t.republished[0].id, "b");
    }
}
