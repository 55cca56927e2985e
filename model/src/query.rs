//! The rules of `GET /events`' query that both sides apply: the app before
//! it asks, the reference API when it answers.

/// Longest search the API accepts, in characters.
pub const SEARCH_MAX: usize = 200;

/// A country filter: ISO 3166-1 alpha-2, two capital ASCII letters.
pub fn valid_country(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A date filter: a real calendar day written `YYYY-MM-DD`.
pub fn valid_day(day: &str) -> bool {
    crate::time::parse_iso_day(day).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_days() {
        assert!(valid_country("FR"));
        for bad in ["fr", "FRA", "F", "", "É1"] {
            assert!(!valid_country(bad), "{bad}");
        }
        assert!(valid_day("2024-02-29"));
        for bad in ["2025-02-29", "2025-1-01", "yesterday", ""] {
            assert!(!valid_day(bad), "{bad}");
        }
    }
}
