//! A source submitted for an event: the request, its receipt and status, and
//! the rules a request must meet: one set, used by the form before sending
//! and by the reference backend on receipt.

use serde::{Deserialize, Serialize};

use crate::article_url::{check_article_url, OwnSite};
use crate::labels::humanise;
use crate::open_enum;
use crate::problem::FieldError;
use crate::text::non_blank;
use crate::time::Timestamp;

open_enum! {
    pub enum SubmissionStatus {
        Pending => "pending",
        Accepted => "accepted",
        Rejected => "rejected",
    }
}

impl SubmissionStatus {
    pub fn label(&self) -> String {
        match self {
            SubmissionStatus::Pending => "Pending review".into(),
            SubmissionStatus::Accepted => "Accepted".into(),
            SubmissionStatus::Rejected => "Rejected".into(),
            SubmissionStatus::Other(s) => humanise(s),
        }
    }
}

/// The body of `POST /events/{id}/submissions`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionRequest {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// What the backend answers a submission with, and what `/submissions/{id}` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionReceipt {
    pub id: String,
    pub event_id: String,
    #[serde(default)]
    pub url: Option<String>,
    pub status: SubmissionStatus,
    pub received_at: Timestamp,
    #[serde(default)]
    pub decided_at: Option<Timestamp>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The address's rule, its limit and its words are `article_url`'s.
pub use crate::article_url::URL_MAX;
pub const OUTLET_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;
pub const EMAIL_MAX: usize = 254;
/// Larger request bodies are refused with 413.
pub const BODY_MAX_BYTES: usize = 16 * 1024;

/// The name of the form's hidden trap field: people never see it, bots fill
/// it in, and the backend drops a submission that has it.
pub const HONEYPOT: &str = "website";

/// A field of `SubmissionRequest`, as the form shows it and as a problem's
/// `errors[].field` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Url,
    OutletName,
    Note,
    Email,
}

impl Field {
    /// Every field, in the order the form shows them.
    pub const ALL: [Field; 4] = [Self::Url, Self::OutletName, Self::Note, Self::Email];

    /// The contract's name of the field: `outlet_name`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Url => "url",
            Self::OutletName => "outlet_name",
            Self::Note => "note",
            Self::Email => "email",
        }
    }

    /// The field a contract name names, if it is one of these.
    pub fn from_name(name: &str) -> Option<Field> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Its longest value, in characters.
    pub fn max_len(self) -> usize {
        match self {
            Self::Url => URL_MAX,
            Self::OutletName => OUTLET_MAX,
            Self::Note => NOTE_MAX,
            Self::Email => EMAIL_MAX,
        }
    }
}

/// Lengths count characters, as JSON Schema's `maxLength` does.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A plausible address: one `@`, something before it, a dotted domain after, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

fn err(field: Field, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.name().to_owned(),
        message: message.into(),
    }
}

fn too_long(field: Field, what: &str) -> FieldError {
    let max = field.max_len();
    err(field, format!("{what} can be at most {max} characters."))
}

impl SubmissionRequest {
    /// Every field error, in the form's order; empty when the request is
    /// valid. No address of Eventdesk's own site is known here: see
    /// [`validate_for`](Self::validate_for).
    pub fn validate(&self) -> Vec<FieldError> {
        self.validate_for(&OwnSite::unknown())
    }

    /// Every field error, in the form's order, for a request sent to the
    /// site `own` (whose pages are no outlet's article).
    pub fn validate_for(&self, own: &OwnSite) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(why) = check_article_url(&self.url, own) {
            errors.push(err(Field::Url, why.message()));
        }
        let outlet_name = self.outlet_name.as_deref().and_then(non_blank);
        if outlet_name.is_some_and(|s| char_len(s) > OUTLET_MAX) {
            errors.push(too_long(Field::OutletName, "The outlet name"));
        }
        let note = self.note.as_deref().and_then(non_blank);
        if note.is_some_and(|s| char_len(s) > NOTE_MAX) {
            errors.push(too_long(Field::Note, "The note"));
        }
        if let Some(email) = self.email.as_deref().and_then(non_blank) {
            if char_len(email) > EMAIL_MAX {
                errors.push(too_long(Field::Email, "The email address"));
            } else if !looks_like_email(email) {
                errors.push(err(
                    Field::Email,
                    "This does not look like an email address.",
                ));
            }
        }
        errors
    }

    /// The request as it is stored: trimmed, blanks as `None`.
    pub fn cleaned(&self) -> SubmissionRequest {
        let tidy = |v: &Option<String>| v.as_deref().and_then(non_blank).map(str::to_owned);
        SubmissionRequest {
            url: self.url.trim().to_owned(),
            outlet_name: tidy(&self.outlet_name),
            note: tidy(&self.note),
            email: tidy(&self.email),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_named_as_the_contract_names_them() {
        let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["url", "outlet_name", "note", "email"]);
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("website"), None);
        assert_eq!(Field::from_name(HONEYPOT), None);
        assert_eq!(Field::OutletName.max_len(), OUTLET_MAX);
    }

    fn req(url: &str) -> SubmissionRequest {
        SubmissionRequest {
            url: url.into(),
            ..Default::default()
        }
    }

    fn fields(r: &SubmissionRequest) -> Vec<String> {
        r.validate().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_plain_valid_request() {
        assert!(req("https://www.example-news.org/2025/09/04/x")
            .validate()
            .is_empty());
    }

    #[test]
    fn each_field_is_checked() {
        assert_eq!(fields(&req("")), ["url"]);
        assert_eq!(fields(&req("javascript:alert(1)")), ["url"]);
        assert_eq!(
            fields(&req(&format!("https://a.com/{}", "x".repeat(URL_MAX)))),
            ["url"]
        );
        let mut r = req("https://a.com/");
        r.outlet_name = Some("n".repeat(OUTLET_MAX + 1));
        r.note = Some("é".repeat(NOTE_MAX + 1));
        r.email = Some("not-an-email".into());
        assert_eq!(fields(&r), ["outlet_name", "note", "email"]);
        r.note = Some("é".repeat(NOTE_MAX));
        r.outlet_name = Some("n".repeat(OUTLET_MAX));
        r.email = Some("reader@example.org".into());
        assert!(r.validate().is_empty());
    }

    #[test]
    fn addresses_that_are_no_article_are_refused_with_their_reason() {
        let own = OwnSite::new(["https://eventdesk.example"]);
        for (url, words) in [
            ("http://localhost/x", "localhost"),
            ("https://example", "no domain ending"),
            ("http://192.168.1.1/admin", "private network"),
            ("https://eventdesk.example/events/x", "Eventdesk itself"),
        ] {
            let errors = req(url).validate_for(&own);
            assert_eq!(errors.len(), 1, "{url}");
            assert_eq!(errors[0].field, "url");
            assert!(
                errors[0].message.contains(words),
                "{url}: {}",
                errors[0].message
            );
        }
        // Without the site's origin, its pages are not known as its own.
        assert!(req("https://eventdesk.example/events/x")
            .validate()
            .is_empty());
    }

    #[test]
    fn email_shapes() {
        for ok in ["a@b.co", "first.last+tag@sub.example.org"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "a@b",
            "@b.com",
            "a b@c.com",
            "a@@b.com",
            "a@b..com",
            "a@.com",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn unknown_statuses_stay_readable() {
        assert_eq!(SubmissionStatus::from("on_hold").label(), "On hold");
    }

    #[test]
    fn cleaned_drops_blanks() {
        let r = SubmissionRequest {
            url: " https://a.com/x ".into(),
            outlet_name: Some("  ".into()),
            note: Some(" seen ".into()),
            email: None,
        };
        let c = r.cleaned();
        assert_eq!(c.url, "https://a.com/x");
        assert_eq!(c.outlet_name, None);
        assert_eq!(c.note.as_deref(), Some("seen"));
    }
}
