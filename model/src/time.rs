//! Times and dates as the contract sends them: RFC 3339 with offset, and ISO 8601
//! calendar dates. Kept as the exact text received (so they round-trip and a
//! malformed one is still shown), parsed on demand.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};
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
        parse_iso_day(self.0.trim())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "4 September 2025", or the text as sent when it is not a date.
    pub fn long(&self) -> String {
        match self.parse() {
            Some(d) => long_day(d),
            None => self.0.clone(),
        }
    }
}

// Dates are read and written by hand rather than with chrono's strftime
// patterns: those pull chrono's whole format parser into the web app's
// WebAssembly for three fixed shapes.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2025-09-04` exactly (four-digit year, two-digit month and day), as a
/// real calendar day.
pub fn parse_iso_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// `2025-09-04`.
pub fn iso_day(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// "4 September 2025".
pub fn long_day(day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day.day(),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

/// "30 May 2026, 04:15 UTC".
pub fn long_utc(at: DateTime<Utc>) -> String {
    format!(
        "{}, {:02}:{:02} UTC",
        long_day(at.date_naive()),
        at.hour(),
        at.minute()
    )
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

    #[test]
    fn days_parse_only_real_iso_dates() {
        let day = parse_iso_day("2024-02-29").unwrap();
        assert_eq!(iso_day(day), "2024-02-29");
        assert_eq!(long_day(day), "29 February 2024");
        for bad in [
            "2023-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-01",
            "2025-01-1",
            "25-01-2025",
            "2025/01/01",
            "+025-01-01",
            "2025-01-0a",
            "２０２５-01-01",
            "",
            "2025-01-01T00:00:00Z",
        ] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
        assert_eq!(Day(" 2025-01-05 ".into()).long(), "5 January 2025");
    }

    #[test]
    fn utc_instants_print_like_the_local_ones() {
        let at = at("2026-05-30T06:15:39+02:00").with_timezone(&Utc);
        assert_eq!(long_utc(at), "30 May 2026, 04:15 UTC");
    }
}
