//! The contract's resource ids (`EventId`, entity and submission ids):
//! `^[A-Za-z0-9_-]{1,128}$`. Both the reference API and the app's server
//! check them with this one rule.

/// True for an id the contract allows.
pub fn valid_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_as_the_contract_says() {
        assert!(valid_id("paris-coalition_2025"));
        assert!(valid_id("sub_0123456789abcdefABCD"));
        assert!(valid_id(&"a".repeat(128)));
        for bad in [
            "",
            "a b",
            "a/b",
            "é",
            "a.b",
            "..",
            "a%20b",
            &"a".repeat(129),
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
    }
}
