//! Reader-facing wording shared by the contract's types: unknown values of
//! an open enum always get a readable, neutral label, never an error and
//! never a blank. Each enum's own labels are beside it (`EntityKind::label`
//! in its file, and so on).

/// Kept here for its callers: the accessible name of an entity chip.
pub use crate::entity::entity_accessible_name;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_stay_readable() {
        assert_eq!(humanise("partly_confirmed"), "Partly confirmed");
        assert_eq!(humanise("  "), "Unknown");
    }

    #[test]
    fn slugs_are_fragment_safe() {
        assert_eq!(slug("likely"), "likely");
        assert_eq!(slug("a b<c>"), "a-b-c-");
        assert_eq!(slug(""), "unknown");
    }
}
