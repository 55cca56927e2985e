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

    /// "4 September 2025", or the text as sent when it is not a date: the
    /// neutral style (see [`long_day`]).
    pub fn long(&self) -> String {
        match self.parse() {
            Some(d) => long_day(d),
            None => self.0.clone(),
        }
    }
}

// The neutral style: what a page shows before it knows the reader's locale
// (the server's first paint, the app until the browser's formatter is ready,
// share cards and link previews). It is exactly what the browser's
// `Intl.DateTimeFormat` writes for en-GB in UTC with the app's options
// (src/components/time.rs, page-logic's `dates`), so that a reader there
// sees nothing change, and a reader elsewhere sees the text change in place.
//
// Dates are read and written by hand rather than with chrono's strftime
// patterns: those pull chrono's whole format parser into the web app's
// WebAssembly for three fixed shapes.

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

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

/// "Thursday, 4 September 2025": the day in full, as a day's `title`.
pub fn full_day(day: NaiveDate) -> String {
    format!(
        "{}, {}",
        WEEKDAYS[day.weekday().num_days_from_monday() as usize],
        long_day(day)
    )
}

/// "30 May 2026 at 04:15 UTC".
pub fn long_utc(at: DateTime<Utc>) -> String {
    format!(
        "{} at {:02}:{:02} UTC",
        long_day(at.date_naive()),
        at.hour(),
        at.minute()
    )
}

/// "Saturday, 30 May 2026 at 04:15:39 UTC": the exact instant, as an
/// instant's `title`.
pub fn exact_utc(at: DateTime<Utc>) -> String {
    format!(
        "{} at {:02}:{:02}:{:02} UTC",
        full_day(at.date_naive()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The page's one style for dates, as the browser's `Intl.DateTimeFormat`
/// options (src/components/time.rs builds a formatter of each in the
/// reader's locale): the same date parts for a day and an instant, so that
/// "4 September 2025" never sits beside "May 30, 2026". What each shows
/// before that formatter is ready is the neutral text beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// A calendar day, shown: "4 September 2025" ([`long_day`]).
    Day,
    /// A calendar day in full, its `title`: "Thursday, 4 September 2025" ([`full_day`]).
    DayFull,
    /// An instant, shown, in the reader's time zone: "30 May 2026 at 06:15 CEST" ([`long_utc`]).
    Instant,
    /// An instant to the second, its `title`: "Saturday, 30 May 2026 at 06:15:39 CEST" ([`exact_utc`]).
    InstantExact,
}

impl DateStyle {
    pub const ALL: [DateStyle; 4] = [
        DateStyle::Day,
        DateStyle::DayFull,
        DateStyle::Instant,
        DateStyle::InstantExact,
    ];

    /// The formatter's options. A day has no time zone: it is written as the
    /// UTC midnight that starts it and read back in UTC, so that it never
    /// moves by a day whatever the reader's zone.
    pub fn intl_options(self) -> &'static [(&'static str, &'static str)] {
        const DATE: [(&str, &str); 3] =
            [("year", "numeric"), ("month", "long"), ("day", "numeric")];
        match self {
            DateStyle::Day => &[DATE[0], DATE[1], DATE[2], ("timeZone", "UTC")],
            DateStyle::DayFull => &[("dateStyle", "full"), ("timeZone", "UTC")],
            DateStyle::Instant => &[
                DATE[0],
                DATE[1],
                DATE[2],
                ("hour", "numeric"),
                ("minute", "2-digit"),
                ("timeZoneName", "short"),
            ],
            DateStyle::InstantExact => &[("dateStyle", "full"), ("timeStyle", "long")],
        }
    }

    /// Whether it shows a calendar day (pinned to UTC) rather than an instant.
    pub fn is_day(self) -> bool {
        matches!(self, DateStyle::Day | DateStyle::DayFull)
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
    fn days_are_pinned_to_utc_and_instants_are_not() {
        for style in DateStyle::ALL {
            let zone = style
                .intl_options()
                .iter()
                .find(|(k, _)| *k == "timeZone")
                .map(|(_, v)| *v);
            assert_eq!(zone, style.is_day().then_some("UTC"), "{style:?}");
        }
        // A day and an instant show the same parts of the date.
        let date = |s: DateStyle| -> Vec<_> {
            s.intl_options()
                .iter()
                .filter(|(k, _)| ["year", "month", "day"].contains(k))
                .copied()
                .collect()
        };
        assert_eq!(date(DateStyle::Day), date(DateStyle::Instant));
        assert_eq!(date(DateStyle::Day).len(), 3);
    }

    #[test]
    fn utc_instants_print_like_the_local_ones() {
        let at = at("2026-05-30T06:15:39+02:00").with_timezone(&Utc);
        assert_eq!(long_utc(at), "30 May 2026 at 04:15 UTC");
        assert_eq!(exact_utc(at), "Saturday, 30 May 2026 at 04:15:39 UTC");
        assert_eq!(
            full_day(parse_iso_day("2025-09-04").unwrap()),
            "Thursday, 4 September 2025"
        );
        assert_eq!(
            full_day(parse_iso_day("2024-02-29").unwrap()),
            "Thursday, 29 February 2024"
        );
    }
}
