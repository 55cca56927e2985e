//! The draft kept in the browser while typing: its key, what is kept and for
//! how long. The reader's email is never kept (a shared or public computer
//! would show it to the next person); a draft carries the time it was saved
//! and is dropped a week later, or once the backend has the submission.
//! The app's `localStorage` calls are in `src/components/submit_form/draft.rs`.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde::Serialize;

use eventdesk_model::submission::Field;

use super::values::FormValues;

/// Every draft's key starts so; the rest is the event's id.
const KEY_PREFIX: &str = "eventdesk:draft:";

/// How long a draft is kept after it was last saved.
pub const DRAFT_KEEP_DAYS: i64 = 7;

/// The fields a draft keeps: all but the email.
pub const KEPT_FIELDS: [Field; 3] = [Field::Url, Field::OutletName, Field::Note];

/// Where an event's draft lives in `localStorage`.
pub fn draft_key(event_id: &str) -> String {
    format!("{KEY_PREFIX}{event_id}")
}

/// Whether a `localStorage` key is a draft's (of any event).
pub fn is_draft_key(key: &str) -> bool {
    key.starts_with(KEY_PREFIX)
}

#[derive(Serialize)]
struct StoredDraft<'a> {
    v: u32,
    saved_at: String,
    url: &'a str,
    outlet_name: &'a str,
    note: &'a str,
}

/// Version 2 has `saved_at` and no email; earlier drafts are dropped.
const DRAFT_VERSION: u32 = 2;

/// The values a draft keeps of what is typed: the email left out.
pub fn kept_values(values: &FormValues) -> FormValues {
    FormValues {
        email: String::new(),
        ..values.clone()
    }
}

/// The text stored for a draft saved at `now`; `None` when there is nothing
/// worth keeping (the email alone is not kept).
pub fn draft_to_json(values: &FormValues, now: DateTime<Utc>) -> Option<String> {
    let kept = kept_values(values);
    if kept.is_blank() {
        return None;
    }
    serde_json::to_string(&StoredDraft {
        v: DRAFT_VERSION,
        saved_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
        url: &kept.url,
        outlet_name: &kept.outlet_name,
        note: &kept.note,
    })
    .ok()
}

/// A stored draft still worth restoring at `now`, read leniently: missing
/// fields are empty, unknown ones ignored. Anything unreadable or blank, a
/// draft without its time (or of an older version), one saved more than
/// [`DRAFT_KEEP_DAYS`] ago or dated more than a day ahead is no draft (and
/// should be removed). An email in it is never restored.
pub fn draft_from_json(raw: &str, now: DateTime<Utc>) -> Option<FormValues> {
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let object = value.as_object()?;
    let saved_at = object.get("saved_at")?.as_str()?;
    let saved_at = DateTime::parse_from_rfc3339(saved_at)
        .ok()?
        .with_timezone(&Utc);
    let age = now.signed_duration_since(saved_at);
    if age > Duration::days(DRAFT_KEEP_DAYS) || age < -Duration::days(1) {
        return None;
    }
    let mut values = FormValues::default();
    for field in KEPT_FIELDS {
        if let Some(text) = object.get(field.name()).and_then(|v| v.as_str()) {
            values.set(field, text.to_owned());
        }
    }
    (!values.is_blank()).then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::testing::now;

    fn typed() -> FormValues {
        FormValues {
            url: "https://a.com/x".into(),
            note: "line one\nline «two»".into(),
            email: "reader@example.org".into(),
            ..Default::default()
        }
    }

    #[test]
    fn drafts_round_trip_without_the_email() {
        assert_eq!(draft_key("paris"), "eventdesk:draft:paris");
        assert!(is_draft_key(&draft_key("paris")));
        assert!(!is_draft_key("eventdesk:theme"));
        let json = draft_to_json(&typed(), now()).unwrap();
        assert!(!json.contains("reader@example.org"), "{json}");
        assert!(!json.contains("email"), "{json}");
        assert!(
            json.contains(r#""saved_at":"2026-06-02T09:12:44Z""#),
            "{json}"
        );
        assert_eq!(
            draft_from_json(&json, now()),
            Some(FormValues {
                email: String::new(),
                ..typed()
            })
        );
        assert_eq!(draft_to_json(&FormValues::default(), now()), None);
        let email_only = FormValues {
            email: "reader@example.org".into(),
            ..Default::default()
        };
        assert_eq!(draft_to_json(&email_only, now()), None);
    }

    #[test]
    fn drafts_are_dropped_after_a_week() {
        let json = draft_to_json(&typed(), now()).unwrap();
        let later = |d: Duration| now() + d;
        assert!(draft_from_json(&json, later(Duration::days(6))).is_some());
        assert!(draft_from_json(&json, later(Duration::days(DRAFT_KEEP_DAYS))).is_some());
        assert_eq!(
            draft_from_json(
                &json,
                later(Duration::days(DRAFT_KEEP_DAYS) + Duration::seconds(1))
            ),
            None
        );
        // A clock set back a little keeps it; a date far ahead is junk.
        assert!(draft_from_json(&json, now() - Duration::hours(2)).is_some());
        assert_eq!(draft_from_json(&json, now() - Duration::days(3)), None);
    }

    #[test]
    fn junk_and_old_drafts_are_no_drafts() {
        assert_eq!(draft_from_json("not json", now()), None);
        assert_eq!(draft_from_json("[1]", now()), None);
        // Version 1 had no time, and kept the email: never restored.
        assert_eq!(
            draft_from_json(r#"{"v":1,"url":"https://a.com/","email":"a@b.co"}"#, now()),
            None
        );
        assert_eq!(
            draft_from_json(
                r#"{"v":2,"saved_at":"yesterday","url":"https://a.com/"}"#,
                now()
            ),
            None
        );
        let at = r#""saved_at":"2026-06-01T10:00:00Z""#;
        assert_eq!(
            draft_from_json(&format!(r#"{{"v":2,{at},"url":"  "}}"#), now()),
            None
        );
        assert_eq!(
            draft_from_json(
                &format!(r#"{{"v":9,{at},"note":"kept","url":5,"email":"a@b.co","extra":true}}"#),
                now()
            ),
            Some(FormValues {
                note: "kept".into(),
                ..Default::default()
            })
        );
    }
}
