//! Times and dates as the contract sends them: RFC 3339 with offset, and ISO 8601
//! calendar dates. Kept as the exact text received (so they round-trip and a
//! malformed one is still shown), parsed on demand.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// An RFC 3339 instant, e.g. `2026-05-30T04:15:39.417Z`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    pub fn parse(&self) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(self.0.trim()).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn from_utc(at: DateTime<Utc>) -> Self {
        Timestamp(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }
}

/// An ISO 8601 calendar date, e.g. `2025-09-04`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(pub String);

impl Day {
    pub fn parse(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.0.trim(), "%Y-%m-%d").ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "4 September 2025", or the text as sent when it is not a date.
    pub fn long(&self) -> String {
        match self.parse() {
            Some(d) => d.format("%-d %B %Y").to_string(),
            None => self.0.clone(),
        }
    }
}

/// "3 days ago", "in 2 hours", "just now": how far `then` is from `now`.
pub fn relative(then: DateTime<FixedOffset>, now: DateTime<Utc>) -> String {
    let secs = now.signed_duration_since(then).num_seconds();
    let (past, secs) = (secs >= 0, secs.unsigned_abs());
    const UNITS: [(u64, &str); 6] = [
        (365 * 86_400, "year"),
        (30 * 86_400, "month"),
        (7 * 86_400, "week"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
    ];
    let Some((n, unit)) = UNITS
        .iter()
        .find(|(size, _)| secs >= *size)
        .map(|(size, unit)| (secs / size, *unit))
    else {
        return "just now".to_owned();
    };
    let plural = if n == 1 { "" } else { "s" };
    if past {
        format!("{n} {unit}{plural} ago")
    } else {
        format!("in {n} {unit}{plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn relative_times_read_naturally() {
        let now = at("2026-06-02T04:15:39Z").with_timezone(&Utc);
        assert_eq!(relative(at("2026-05-30T04:15:39.417Z"), now), "2 days ago");
        assert_eq!(relative(at("2026-06-02T04:15:00Z"), now), "just now");
        assert_eq!(relative(at("2026-06-02T03:15:39Z"), now), "1 hour ago");
        assert_eq!(relative(at("2026-06-03T05:15:39Z"), now), "in 1 day");
        assert_eq!(relative(at("2024-06-02T04:15:39Z"), now), "2 years ago");
    }

    #[test]
    fn dates_print_long_and_keep_bad_text() {
        assert_eq!(Day("2025-09-04".into()).long(), "4 September 2025");
        assert_eq!(Day("soon".into()).long(), "soon");
        assert!(Timestamp("2026-05-30T04:15:39.417Z".into())
            .parse()
            .is_some());
        assert!(Timestamp("yesterday".into()).parse().is_none());
    }
}
