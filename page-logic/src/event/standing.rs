//! Where an event stands on each criterion of the level above its own.
//!
//! The criteria are the methodology's free text (`levels[].criteria`), so
//! only what the event's data can answer is measured: how many independent
//! sources it has, and how many of them are on the trusted list. Anything
//! else ("They agree on the core facts") is the editors' judgement and is
//! shown as such. The level itself is always the backend's: this never
//! decides whether the event should move.

use eventdesk_model::confidence::tally;
use eventdesk_model::{Confidence, Methodology, Source};

use crate::feed::words::source_names_line;

/// What a criterion counts, when the event's data can count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Independent sources on the trusted list.
    TrustedSources,
    /// Independent sources (republished copies count once, with their original).
    IndependentSources,
}

/// One criterion of the next level, with this event's standing on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionStanding {
    /// The methodology's words, trimmed.
    pub criterion: String,
    pub standing: Standing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Counted from the event's sources.
    Counted {
        what: Counted,
        /// The number the criterion names, when it names one.
        needed: Option<u64>,
        have: u64,
        /// The sources counted, by name, in the event's order.
        names: Vec<String>,
    },
    /// Not something the event's data says: the editors judge it.
    Judged,
}

impl Standing {
    /// Whether the count reaches the number the criterion names; `None`
    /// when it names none or is judged.
    pub fn met(&self) -> Option<bool> {
        match self {
            Standing::Counted {
                needed: Some(n),
                have,
                ..
            } => Some(have >= n),
            _ => None,
        }
    }

    /// The standing in words, e.g. "1 so far: Kyiv Independent".
    pub fn words(&self) -> String {
        match self {
            Standing::Counted { have, names, .. } => {
                let met = if self.met() == Some(true) {
                    "met, "
                } else {
                    ""
                };
                match source_names_line(names, usize::MAX) {
                    Some(names) => format!("{met}{have} so far: {names}"),
                    None => format!("{met}{have} so far"),
                }
            }
            Standing::Judged => "judged by the editors from the reports".to_owned(),
        }
    }
}

/// The next level's criteria with this event's standing on each, in the
/// methodology's order. Empty when there is no next level, no methodology,
/// or the methodology lists no criteria for that level (the page then shows
/// the backend's `needs` alone).
pub fn next_level_standing(
    confidence: &Confidence,
    sources: &[Source],
    methodology: Option<&Methodology>,
) -> Vec<CriterionStanding> {
    let (Some(next), Some(methodology)) = (&confidence.next_level, methodology) else {
        return Vec::new();
    };
    let Some(level) = methodology.level(&next.level) else {
        return Vec::new();
    };
    let counted = tally(sources);
    let names = |trusted_only: bool| -> Vec<String> {
        counted
            .independent
            .iter()
            .filter(|s| !trusted_only || s.trusted)
            .map(|s| s.name.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect()
    };
    level
        .criteria
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(|criterion| {
            let standing = match counts(criterion) {
                Some(what) => {
                    let (have, names) = match what {
                        Counted::TrustedSources => {
                            let n = names(true);
                            (n.len() as u64, n)
                        }
                        // The backend's count, which may know of sources the
                        // event does not list; names from those it does.
                        Counted::IndependentSources => {
                            (confidence.independent_sources, names(false))
                        }
                    };
                    Standing::Counted {
                        what,
                        needed: number_named(criterion),
                        have,
                        names,
                    }
                }
                None => Standing::Judged,
            };
            CriterionStanding {
                criterion: criterion.to_owned(),
                standing,
            }
        })
        .collect()
}

/// What a criterion's words count, if anything the data can answer.
pub fn counts(criterion: &str) -> Option<Counted> {
    // ASCII case folding: the keywords are English, and Unicode's case
    // tables would cost the event page kilobytes of WASM.
    let words = criterion.to_ascii_lowercase();
    let about_sources = words.contains("source") || words.contains("outlet");
    if !about_sources {
        return None;
    }
    // "disagree", "contradict": a judgement about the sources, not a count.
    if ["agree", "contradict", "consisten"]
        .iter()
        .any(|w| words.contains(w))
    {
        return None;
    }
    if words.contains("trusted") {
        Some(Counted::TrustedSources)
    } else {
        Some(Counted::IndependentSources)
    }
}

/// The first number a criterion names, in digits or words ("Two or more",
/// "At least 3"), up to twelve.
pub fn number_named(criterion: &str) -> Option<u64> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    criterion
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            w.parse::<u64>().ok().or_else(|| {
                WORDS
                    .iter()
                    .position(|n| n.eq_ignore_ascii_case(w))
                    .map(|i| i as u64)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::{ConfidenceLevel, MethodologyLevel, NextLevel};

    fn source(name: &str, trusted: bool, independent: bool) -> Source {
        serde_json::from_value(serde_json::json!({
            "id": name, "name": name, "trusted": trusted, "independent": independent
        }))
        .unwrap()
    }

    fn confidence(next: Option<ConfidenceLevel>, independent: u64) -> Confidence {
        Confidence {
            level: ConfidenceLevel::Likely,
            independent_sources: independent,
            explanation: None,
            next_level: next.map(|level| NextLevel {
                level,
                needs: "One more trusted source".to_owned(),
            }),
            assessed_at: None,
        }
    }

    fn methodology(level: ConfidenceLevel, criteria: &[&str]) -> Methodology {
        Methodology {
            summary: None,
            levels: vec![MethodologyLevel {
                level,
                label: "Verified".to_owned(),
                description: String::new(),
                criteria: criteria.iter().map(|c| (*c).to_owned()).collect(),
            }],
            tones: Vec::new(),
            independence: None,
        }
    }

    #[test]
    fn each_criterion_of_verified_with_the_events_standing() {
        let m = methodology(
            ConfidenceLevel::Verified,
            &[
                "Two or more independent sources",
                "They agree on the core facts",
                "At least two trusted sources among them",
            ],
        );
        let sources = [
            source("Kyiv Independent", true, true),
            source("Institute for the Study of War", false, true),
            source("Wire copy", true, false),
        ];
        let got = next_level_standing(
            &confidence(Some(ConfidenceLevel::Verified), 2),
            &sources,
            Some(&m),
        );
        let words: Vec<String> = got
            .iter()
            .map(|c| format!("{}: {}", c.criterion, c.standing.words()))
            .collect();
        assert_eq!(
            words,
            [
                "Two or more independent sources: met, 2 so far: Kyiv Independent and Institute for the Study of War",
                "They agree on the core facts: judged by the editors from the reports",
                "At least two trusted sources among them: 1 so far: Kyiv Independent",
            ]
        );
        assert_eq!(got[2].standing.met(), Some(false));
        assert_eq!(got[1].standing.met(), None);
    }

    #[test]
    fn nothing_without_a_next_level_a_methodology_or_criteria() {
        let m = methodology(ConfidenceLevel::Verified, &["Two trusted sources"]);
        let s = [source("A", true, true)];
        assert!(next_level_standing(&confidence(None, 1), &s, Some(&m)).is_empty());
        assert!(
            next_level_standing(&confidence(Some(ConfidenceLevel::Verified), 1), &s, None)
                .is_empty()
        );
        let unknown = ConfidenceLevel::Other("certain-beyond-doubt".to_owned());
        assert!(next_level_standing(&confidence(Some(unknown), 1), &s, Some(&m)).is_empty());
        let blank = methodology(ConfidenceLevel::Verified, &["  ", ""]);
        assert!(next_level_standing(
            &confidence(Some(ConfidenceLevel::Verified), 1),
            &s,
            Some(&blank)
        )
        .is_empty());
    }

    #[test]
    fn what_free_text_counts() {
        assert_eq!(
            counts("At least 2 TRUSTED outlets"),
            Some(Counted::TrustedSources)
        );
        assert_eq!(
            counts("One source reports the core facts"),
            Some(Counted::IndependentSources)
        );
        assert_eq!(counts("They disagree on a core fact"), None);
        assert_eq!(counts("Sources agree on the core facts"), None);
        assert_eq!(counts("An editor has reviewed it"), None);
        assert_eq!(counts("<script>alert(1)</script>"), None);
    }

    #[test]
    fn numbers_in_words_or_digits() {
        assert_eq!(number_named("Two or more independent sources"), Some(2));
        assert_eq!(number_named("at least 3 trusted sources"), Some(3));
        assert_eq!(number_named("Trusted sources among them"), None);
        assert_eq!(number_named("one"), Some(1));
    }

    #[test]
    fn names_read_as_a_list() {
        let n = |v: &[&str]| {
            Standing::Counted {
                what: Counted::TrustedSources,
                needed: None,
                have: v.len() as u64,
                names: v.iter().map(|s| (*s).to_owned()).collect(),
            }
            .words()
        };
        assert_eq!(n(&[]), "0 so far");
        assert_eq!(n(&["A"]), "1 so far: A");
        assert_eq!(n(&["A", "B"]), "2 so far: A and B");
        assert_eq!(n(&["A", "B", "C"]), "3 so far: A, B and C");
        // Every name, however many.
        let many: Vec<String> = (0..20).map(|i| format!("S{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(n(&refs).ends_with("S18 and S19"));
    }

    #[test]
    fn a_count_without_names_still_reads() {
        let m = methodology(ConfidenceLevel::Verified, &["Three independent sources"]);
        let got = next_level_standing(
            &confidence(Some(ConfidenceLevel::Verified), 2),
            &[],
            Some(&m),
        );
        assert_eq!(got[0].standing.words(), "2 so far");
    }
}
