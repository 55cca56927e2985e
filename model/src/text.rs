//! Untrusted text: every string the contract carries may be blank, padded
//! or absurdly long. One rule for "has it any words?".

/// The text, trimmed, when anything is left; `None` when it is blank.
/// For an optional field: `field.as_deref().and_then(non_blank)`.
pub fn non_blank(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_none_and_words_are_trimmed() {
        assert_eq!(non_blank(""), None);
        assert_eq!(non_blank(" \t\n"), None);
        assert_eq!(non_blank("  Paris "), Some("Paris"));
        assert_eq!(
            Some(" x ".to_owned()).as_deref().and_then(non_blank),
            Some("x")
        );
    }
}
