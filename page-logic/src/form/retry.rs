//! A 429's `Retry-After`, and how the wait is said: in a sentence and as
//! the send button's countdown.

use chrono::{DateTime, Utc};

/// How long to wait when `Retry-After` is missing or unreadable.
pub const DEFAULT_RETRY_SECONDS: u64 = 60;

/// `Retry-After` as seconds from `now`: delta-seconds or an HTTP date
/// (RFC 9110). A date in the past is 0; anything else is `None`.
pub fn parse_retry_after(header: &str, now: DateTime<Utc>) -> Option<u64> {
    let header = header.trim();
    if !header.is_empty() && header.bytes().all(|b| b.is_ascii_digit()) {
        return Some(header.parse::<u64>().unwrap_or(u64::MAX));
    }
    let at = DateTime::parse_from_rfc2822(header).ok()?;
    let secs = at
        .with_timezone(&Utc)
        .signed_duration_since(now)
        .num_seconds();
    // A date a few hundred milliseconds away still means "wait a second".
    let millis = at
        .with_timezone(&Utc)
        .signed_duration_since(now)
        .num_milliseconds();
    Some(if millis <= 0 {
        0
    } else {
        (secs.max(0) as u64) + u64::from(millis % 1000 != 0)
    })
}

/// "45 seconds", "1 minute", "3 minutes": a wait, rounded up to whole minutes past 90 s.
pub fn wait_wording(seconds: u64) -> String {
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if seconds <= 90 {
        plural(seconds.max(1), "second")
    } else if seconds < 2 * 3600 {
        plural(seconds.div_ceil(60), "minute")
    } else {
        plural(seconds.div_ceil(3600), "hour")
    }
}

/// "You can try again in 45 seconds."
pub fn retry_sentence(seconds: u64) -> String {
    format!("You can try again in {}.", wait_wording(seconds))
}

/// A countdown for the button: "0:45", "12:00".
pub fn countdown(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::testing::now;

    #[test]
    fn retry_after_seconds_or_date() {
        assert_eq!(parse_retry_after("45", now()), Some(45));
        assert_eq!(parse_retry_after(" 0 ", now()), Some(0));
        assert_eq!(
            parse_retry_after("Tue, 02 Jun 2026 09:14:44 GMT", now()),
            Some(120)
        );
        assert_eq!(
            parse_retry_after("Tue, 02 Jun 2026 09:00:00 GMT", now()),
            Some(0)
        );
        for bad in ["", "-5", "1.5", "later", "99999999999999999999x"] {
            assert_eq!(parse_retry_after(bad, now()), None, "{bad:?}");
        }
        assert_eq!(
            parse_retry_after("99999999999999999999", now()),
            Some(u64::MAX)
        );
    }

    #[test]
    fn waits_read_naturally() {
        assert_eq!(wait_wording(0), "1 second");
        assert_eq!(wait_wording(1), "1 second");
        assert_eq!(wait_wording(45), "45 seconds");
        assert_eq!(wait_wording(90), "90 seconds");
        assert_eq!(wait_wording(91), "2 minutes");
        assert_eq!(wait_wording(600), "10 minutes");
        assert_eq!(wait_wording(7200), "2 hours");
        assert_eq!(retry_sentence(60), "You can try again in 60 seconds.");
        assert_eq!(retry_sentence(3600), "You can try again in 60 minutes.");
        assert_eq!(countdown(45), "0:45");
        assert_eq!(countdown(600), "10:00");
    }
}
