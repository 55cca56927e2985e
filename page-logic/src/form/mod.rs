//! The submit-a-source form's pure logic: what the reader typed, the draft
//! kept in the browser, the "already covered" check against the event's
//! sources, what each refusal of the backend means, `Retry-After`, and the
//! wording of the live character count. The form (`src/components/`) only
//! wires these to the page; the rules themselves are in [`eventdesk_model::submission`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use eventdesk_model::paths::submission_path;
use eventdesk_model::submission::{char_len, Field};
use eventdesk_model::text::non_blank;
use eventdesk_model::url::{normalise, safe_href, suggest_outlet_name};
use eventdesk_model::{FieldError, Problem, Source, SubmissionRequest};

/// What the reader typed, exactly as typed (nothing trimmed until sending).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FormValues {
    pub url: String,
    pub outlet_name: String,
    pub note: String,
    pub email: String,
}

impl FormValues {
    /// The value of one field.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Url => &self.url,
            Field::OutletName => &self.outlet_name,
            Field::Note => &self.note,
            Field::Email => &self.email,
        }
    }

    /// Sets one field.
    pub fn set(&mut self, field: Field, value: String) {
        *self.field_mut(field) = value;
    }

    fn field_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Url => &mut self.url,
            Field::OutletName => &mut self.outlet_name,
            Field::Note => &mut self.note,
            Field::Email => &mut self.email,
        }
    }

    /// Nothing typed but whitespace.
    pub fn is_blank(&self) -> bool {
        Field::ALL.iter().all(|f| non_blank(self.get(*f)).is_none())
    }

    /// The request as the contract has it, cleaned as the server stores it.
    pub fn to_request(&self) -> SubmissionRequest {
        let optional = |v: &String| Some(v.clone());
        SubmissionRequest {
            url: self.url.clone(),
            outlet_name: optional(&self.outlet_name),
            note: optional(&self.note),
            email: optional(&self.email),
        }
        .cleaned()
    }

    /// The same checks as the server's, in the form's order.
    pub fn validate(&self) -> Vec<FieldError> {
        self.to_request().validate()
    }

    /// The outlet name to offer when the reader has not typed one.
    pub fn outlet_suggestion(&self) -> Option<String> {
        if non_blank(&self.outlet_name).is_some() {
            return None;
        }
        suggest_outlet_name(&self.url).filter(|s| !s.is_empty())
    }
}

// ---------------------------------------------------------------------------
// The draft kept in the browser while typing.

/// Where an event's draft lives in `localStorage`.
pub fn draft_key(event_id: &str) -> String {
    format!("eventdesk:draft:{event_id}")
}

#[derive(Serialize, Deserialize)]
struct StoredDraft {
    v: u32,
    #[serde(flatten)]
    values: FormValues,
}

const DRAFT_VERSION: u32 = 1;

/// The text stored for a draft; `None` when there is nothing worth keeping.
pub fn draft_to_json(values: &FormValues) -> Option<String> {
    if values.is_blank() {
        return None;
    }
    serde_json::to_string(&StoredDraft {
        v: DRAFT_VERSION,
        values: values.clone(),
    })
    .ok()
}

/// A stored draft, read leniently: missing fields are empty, unknown ones
/// ignored; anything unreadable (or blank) is no draft at all.
pub fn draft_from_json(raw: &str) -> Option<FormValues> {
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let object = value.as_object()?;
    let mut values = FormValues::default();
    for field in Field::ALL {
        if let Some(text) = object.get(field.name()).and_then(|v| v.as_str()) {
            values.set(field, text.to_owned());
        }
    }
    (!values.is_blank()).then_some(values)
}

// ---------------------------------------------------------------------------
// Already covered: the URL is one of the event's sources.

/// The event's source whose article or homepage is this URL, after normalising.
pub fn covering_source<'a>(url: &str, sources: &'a [Source]) -> Option<&'a Source> {
    let wanted = normalise(url)?;
    sources.iter().find(|s| {
        [&s.url, &s.homepage]
            .into_iter()
            .flatten()
            .any(|u| normalise(u).as_deref() == Some(wanted.as_str()))
    })
}

/// Where a source is best read: its article, else its homepage; only http(s).
pub fn source_href(source: &Source) -> Option<String> {
    [&source.url, &source.homepage]
        .into_iter()
        .flatten()
        .find_map(|u| safe_href(u))
        .map(str::to_owned)
}

// ---------------------------------------------------------------------------
// What the backend's answer means for the form.

/// What a 409's `duplicate_of` points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// One of the event's sources: its name, and a safe link when it has one.
    Source { name: String, href: Option<String> },
    /// An earlier submission, with its receipt page.
    Submission { id: String, path: String },
    /// The backend did not say which.
    Unknown,
}

/// Why the backend did not take the submission, in the form's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 409: already a source or already submitted.
    Duplicate(Duplicate),
    /// 422: field errors, each on its field; `general` holds errors about no field of the form.
    Invalid {
        fields: Vec<FieldError>,
        general: Vec<String>,
    },
    /// 413.
    TooLarge,
    /// 415.
    Unsupported,
    /// 429: wait this many seconds.
    RateLimited { seconds: u64 },
    /// 404 / 410: the event is gone or withdrawn; `detail` says why when known.
    EventGone {
        withdrawn: bool,
        detail: Option<String>,
    },
    /// 5xx and anything else: trying again may help.
    Failed,
}

/// How long to wait when `Retry-After` is missing or unreadable.
pub const DEFAULT_RETRY_SECONDS: u64 = 60;

/// Reads an error answer of `POST /events/{id}/submissions`.
pub fn refusal(
    status: u16,
    problem: Option<&Problem>,
    retry_after: Option<&str>,
    now: DateTime<Utc>,
    sources: &[Source],
) -> Refusal {
    let detail = problem
        .and_then(|p| p.detail.as_deref())
        .and_then(non_blank)
        .map(str::to_owned);
    match status {
        409 => Refusal::Duplicate(duplicate(
            problem.and_then(|p| p.duplicate_of.as_deref()),
            sources,
        )),
        422 => {
            let errors = problem.map(|p| p.errors.clone()).unwrap_or_default();
            let (fields, other): (Vec<_>, Vec<_>) = errors
                .into_iter()
                .partition(|e| Field::from_name(&e.field).is_some());
            let mut general: Vec<String> = other.into_iter().map(|e| e.message).collect();
            if fields.is_empty() && general.is_empty() {
                general.push(
                    detail.unwrap_or_else(|| "Eventdesk could not accept these values.".into()),
                );
            }
            Refusal::Invalid { fields, general }
        }
        413 => Refusal::TooLarge,
        415 => Refusal::Unsupported,
        429 => Refusal::RateLimited {
            seconds: retry_after
                .and_then(|h| parse_retry_after(h, now))
                .unwrap_or(DEFAULT_RETRY_SECONDS),
        },
        404 | 410 => Refusal::EventGone {
            withdrawn: status == 410,
            detail,
        },
        _ => Refusal::Failed,
    }
}

/// What `duplicate_of` names: one of `sources` by id, else an earlier submission.
pub fn duplicate(duplicate_of: Option<&str>, sources: &[Source]) -> Duplicate {
    let Some(id) = duplicate_of.and_then(non_blank) else {
        return Duplicate::Unknown;
    };
    match sources.iter().find(|s| s.id == id) {
        Some(source) => Duplicate::Source {
            name: source.name.clone(),
            href: source_href(source),
        },
        None => Duplicate::Submission {
            id: id.to_owned(),
            path: submission_path(id),
        },
    }
}

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

// ---------------------------------------------------------------------------
// The live character count.

/// From what share of the limit the count shows (the rest of the time it is noise).
const COUNT_FROM_PERCENT: usize = 80;

/// "12 characters left", "1 character too many": shown only near the limit
/// of a field that has one.
pub fn chars_left(field: Field, value: &str) -> Option<String> {
    let max = field.max_len();
    let used = char_len(value.trim());
    if used * 100 < max * COUNT_FROM_PERCENT {
        return None;
    }
    let unit = |n: usize| if n == 1 { "character" } else { "characters" };
    Some(if used <= max {
        let left = max - used;
        format!("{left} {} left", unit(left))
    } else {
        let over = used - max;
        format!("{over} {} too many", unit(over))
    })
}

/// The first field, in the form's order, that has an error.
pub fn first_invalid(errors: &[FieldError]) -> Option<Field> {
    Field::ALL
        .into_iter()
        .find(|f| errors.iter().any(|e| e.field == f.name()))
}

/// The message of a field's error, if it has one.
pub fn error_for<'a>(errors: &'a [FieldError], field: Field) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field.name())
        .map(|e| e.message.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use eventdesk_model::submission::{NOTE_MAX, OUTLET_MAX};

    fn source(id: &str, url: Option<&str>, homepage: Option<&str>) -> Source {
        Source {
            id: id.into(),
            name: format!("Name of {id}"),
            url: url.map(Into::into),
            homepage: homepage.map(Into::into),
            country_code: None,
            kind: None,
            trusted: true,
            independent: true,
            published_at: None,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-06-02T09:12:44Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn values_become_a_clean_request() {
        let v = FormValues {
            url: "  https://www.reuters.com/world/x ".into(),
            outlet_name: "   ".into(),
            note: " Says the same ".into(),
            email: String::new(),
        };
        let r = v.to_request();
        assert_eq!(r.url, "https://www.reuters.com/world/x");
        assert_eq!(r.outlet_name, None);
        assert_eq!(r.note.as_deref(), Some("Says the same"));
        assert_eq!(r.email, None);
        assert!(v.validate().is_empty());
        assert_eq!(v.outlet_suggestion().as_deref(), Some("reuters.com"));
        let named = FormValues {
            outlet_name: "Reuters".into(),
            ..v
        };
        assert_eq!(named.outlet_suggestion(), None);
        assert_eq!(FormValues::default().outlet_suggestion(), None);
    }

    #[test]
    fn field_access_by_field() {
        let mut v = FormValues::default();
        for f in Field::ALL {
            v.set(f, format!("{}!", f.name()));
        }
        for f in Field::ALL {
            assert_eq!(v.get(f), format!("{}!", f.name()));
        }
        assert_eq!(v.outlet_name, "outlet_name!");
    }

    #[test]
    fn errors_follow_the_forms_order() {
        let v = FormValues {
            url: "reuters.com/x".into(),
            email: "nope".into(),
            ..Default::default()
        };
        let errors = v.validate();
        assert_eq!(first_invalid(&errors), Some(Field::Url));
        assert!(error_for(&errors, Field::Email).is_some());
        assert_eq!(error_for(&errors, Field::Note), None);
        assert_eq!(first_invalid(&[]), None);
    }

    #[test]
    fn drafts_round_trip_and_tolerate_junk() {
        assert_eq!(draft_key("paris"), "eventdesk:draft:paris");
        let v = FormValues {
            url: "https://a.com/x".into(),
            note: "line one\nline «two»".into(),
            ..Default::default()
        };
        let json = draft_to_json(&v).unwrap();
        assert_eq!(draft_from_json(&json), Some(v));
        assert_eq!(draft_to_json(&FormValues::default()), None);
        assert_eq!(draft_from_json("not json"), None);
        assert_eq!(draft_from_json("[1]"), None);
        assert_eq!(draft_from_json(r#"{"v":1,"url":"  "}"#), None);
        assert_eq!(
            draft_from_json(r#"{"v":9,"note":"kept","url":5,"extra":true}"#),
            Some(FormValues {
                note: "kept".into(),
                ..Default::default()
            })
        );
    }

    #[test]
    fn already_covered_after_normalising() {
        let sources = [
            source("isw", None, Some("https://understandingwar.org/")),
            source(
                "kyiv-independent",
                Some("https://kyivindependent.com/paris-summit/"),
                Some("https://kyivindependent.com/"),
            ),
        ];
        let found = |u: &str| covering_source(u, &sources).map(|s| s.id.as_str());
        assert_eq!(
            found("https://kyivindependent.com/"),
            Some("kyiv-independent")
        );
        assert_eq!(
            found("HTTP://WWW.KyivIndependent.com"),
            Some("kyiv-independent")
        );
        assert_eq!(
            found("https://kyivindependent.com/paris-summit?utm_source=tw#top"),
            Some("kyiv-independent")
        );
        assert_eq!(found("https://understandingwar.org"), Some("isw"));
        assert_eq!(found("https://kyivindependent.com/other-story"), None);
        assert_eq!(found("not a url"), None);
        assert_eq!(
            source_href(&sources[1]).as_deref(),
            Some("https://kyivindependent.com/paris-summit/")
        );
        let unsafe_only = source("x", Some("javascript:alert(1)"), None);
        assert_eq!(source_href(&unsafe_only), None);
    }

    #[test]
    fn refusals_by_status() {
        let sources = [source(
            "kyiv-independent",
            None,
            Some("https://kyivindependent.com/"),
        )];
        let mut p = Problem::new(409, "Already known");
        p.duplicate_of = Some("kyiv-independent".into());
        assert_eq!(
            refusal(409, Some(&p), None, now(), &sources),
            Refusal::Duplicate(Duplicate::Source {
                name: "Name of kyiv-independent".into(),
                href: Some("https://kyivindependent.com/".into())
            })
        );
        p.duplicate_of = Some("sub_7Kq2 mX".into());
        assert_eq!(
            refusal(409, Some(&p), None, now(), &sources),
            Refusal::Duplicate(Duplicate::Submission {
                id: "sub_7Kq2 mX".into(),
                path: "/submissions/sub_7Kq2%20mX".into()
            })
        );
        assert_eq!(
            refusal(409, None, None, now(), &sources),
            Refusal::Duplicate(Duplicate::Unknown)
        );

        let example: Problem =
            serde_json::from_str(include_str!("../../../api/examples/problem-422.json")).unwrap();
        let Refusal::Invalid { fields, general } = refusal(422, Some(&example), None, now(), &[])
        else {
            panic!("not invalid")
        };
        assert_eq!(
            fields.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            ["url", "email"]
        );
        assert!(general.is_empty());
        let mut odd = Problem::new(422, "Invalid").with_detail("Fix it.");
        assert_eq!(
            refusal(422, Some(&odd), None, now(), &[]),
            Refusal::Invalid {
                fields: vec![],
                general: vec!["Fix it.".into()]
            }
        );
        odd.errors.push(FieldError {
            field: "body".into(),
            message: "Not JSON.".into(),
        });
        assert_eq!(
            refusal(422, Some(&odd), None, now(), &[]),
            Refusal::Invalid {
                fields: vec![],
                general: vec!["Not JSON.".into()]
            }
        );

        assert_eq!(refusal(413, None, None, now(), &[]), Refusal::TooLarge);
        assert_eq!(refusal(415, None, None, now(), &[]), Refusal::Unsupported);
        assert_eq!(
            refusal(429, None, Some("120"), now(), &[]),
            Refusal::RateLimited { seconds: 120 }
        );
        assert_eq!(
            refusal(429, None, Some("soon"), now(), &[]),
            Refusal::RateLimited {
                seconds: DEFAULT_RETRY_SECONDS
            }
        );
        let gone = Problem::new(410, "Withdrawn").with_detail("Duplicate event.");
        assert_eq!(
            refusal(410, Some(&gone), None, now(), &[]),
            Refusal::EventGone {
                withdrawn: true,
                detail: Some("Duplicate event.".into())
            }
        );
        for status in [500, 502, 503, 400, 418] {
            assert_eq!(refusal(status, None, None, now(), &[]), Refusal::Failed);
        }
    }

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

    #[test]
    fn the_count_shows_near_the_limit() {
        assert_eq!(chars_left(Field::Note, "short"), None);
        let near = "é".repeat(NOTE_MAX - 12);
        assert_eq!(
            chars_left(Field::Note, &near).as_deref(),
            Some("12 characters left")
        );
        assert_eq!(
            chars_left(Field::OutletName, &"n".repeat(OUTLET_MAX - 1)).as_deref(),
            Some("1 character left")
        );
        assert_eq!(
            chars_left(Field::OutletName, &"n".repeat(OUTLET_MAX)).as_deref(),
            Some("0 characters left")
        );
        assert_eq!(
            chars_left(Field::OutletName, &"n".repeat(OUTLET_MAX + 3)).as_deref(),
            Some("3 characters too many")
        );
        // Counted as the server counts: trimmed.
        assert_eq!(
            chars_left(
                Field::OutletName,
                &format!("  {}  ", "n".repeat(OUTLET_MAX))
            )
            .as_deref(),
            Some("0 characters left")
        );
    }
}
