//! What the backend's refusal of `POST /events/{id}/submissions` means for
//! the form: a duplicate (of which source or submission), field errors, a
//! wait, a gone event, or a failure that trying again may fix.

use chrono::{DateTime, Utc};

use eventdesk_model::paths::submission_path;
use eventdesk_model::submission::Field;
use eventdesk_model::text::non_blank;
use eventdesk_model::{FieldError, Problem, Source};

use super::covered::source_href;
use super::retry::{parse_retry_after, DEFAULT_RETRY_SECONDS};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::testing::{now, source};

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
}
