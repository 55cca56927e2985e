//! Turns a reader's search text into an FTS5 query that cannot be a syntax error:
//! every word becomes a quoted prefix phrase, all of which must match.

/// `None` when the text has no word to search for.
pub fn match_expression(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .take(32)
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefixes() {
        assert_eq!(match_expression("Paris  summit").as_deref(), Some("\"Paris\"* \"summit\"*"));
        assert_eq!(match_expression("say \"hi\"").as_deref(), Some("\"say\"* \"\"\"hi\"\"\"*"));
        assert_eq!(match_expression("  -- * () ").as_deref(), None);
        assert_eq!(match_expression("").as_deref(), None);
    }
}
