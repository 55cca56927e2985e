//! The rules a source submission must meet: one set, used by the form before
//! sending and by the reference backend on receipt.

use crate::types::{FieldError, SubmissionRequest};
use crate::url::parse_http;

pub const URL_MAX: usize = 2048;
pub const OUTLET_MAX: usize = 200;
pub const NOTE_MAX: usize = 2000;
pub const EMAIL_MAX: usize = 254;
/// Larger request bodies are refused with 413.
pub const BODY_MAX_BYTES: usize = 16 * 1024;

/// The form's fields, in the order the form shows them.
pub const FIELDS: [&str; 4] = ["url", "outlet_name", "note", "email"];

pub fn max_len(field: &str) -> Option<usize> {
    match field {
        "url" => Some(URL_MAX),
        "outlet_name" => Some(OUTLET_MAX),
        "note" => Some(NOTE_MAX),
        "email" => Some(EMAIL_MAX),
        _ => None,
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

fn err(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.into(),
    }
}

fn too_long(field: &str, what: &str, max: usize) -> FieldError {
    err(field, format!("{what} can be at most {max} characters."))
}

fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl SubmissionRequest {
    /// Every field error, in the form's order; empty when the request is valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let url = self.url.trim();
        if url.is_empty() {
            errors.push(err("url", "Enter the address of the article."));
        } else if char_len(url) > URL_MAX {
            errors.push(too_long("url", "The address", URL_MAX));
        } else if parse_http(url).is_none() {
            errors.push(err(
                "url",
                "Enter the full address of the article, starting with http:// or https://.",
            ));
        }
        if present(&self.outlet_name).is_some_and(|s| char_len(s) > OUTLET_MAX) {
            errors.push(too_long("outlet_name", "The outlet name", OUTLET_MAX));
        }
        if present(&self.note).is_some_and(|s| char_len(s) > NOTE_MAX) {
            errors.push(too_long("note", "The note", NOTE_MAX));
        }
        if let Some(email) = present(&self.email) {
            if char_len(email) > EMAIL_MAX {
                errors.push(too_long("email", "The email address", EMAIL_MAX));
            } else if !looks_like_email(email) {
                errors.push(err("email", "This does not look like an email address."));
            }
        }
        errors
    }

    /// The request as it is stored: trimmed, blanks as `None`.
    pub fn cleaned(&self) -> SubmissionRequest {
        let tidy = |v: &Option<String>| present(v).map(str::to_owned);
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
