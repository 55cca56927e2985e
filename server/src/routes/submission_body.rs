//! Reads the body of `POST /events/{id}/submissions` into a valid request, or
//! into one field error per problem: malformed JSON, wrong types, unknown
//! fields (the contract has `additionalProperties: false`) and the model's
//! rules, the address's among them: never a page of Eventdesk's own site.
//!
//! One field is allowed beyond the contract: `website`, a honeypot that people
//! never see. A submission that fills it is dropped quietly.

use eventdesk_model::article_url::OwnSite;
use eventdesk_model::submission::{Field, HONEYPOT};
use eventdesk_model::text::non_blank;
use eventdesk_model::{FieldError, SubmissionRequest};
use serde_json::{Map, Value};

#[derive(Debug, PartialEq)]
pub enum SubmissionBody {
    /// A valid request, cleaned (trimmed, blanks as `None`).
    Request(SubmissionRequest),
    /// A bot filled the honeypot: answer as if accepted, store nothing.
    Honeypot { url: Option<String> },
}

fn error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.into(),
    }
}

fn filled(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => non_blank(s).is_some(),
        _ => true,
    }
}

fn text(map: &Map<String, Value>, field: Field, errors: &mut Vec<FieldError>) -> Option<String> {
    match map.get(field.name()) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            errors.push(error(field.name(), "This must be text."));
            None
        }
    }
}

/// Reads a submission sent to the site `own`.
pub fn read(bytes: &[u8], own: &OwnSite) -> Result<SubmissionBody, Vec<FieldError>> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        vec![error(
            "body",
            format!("The request body is not valid JSON ({e})."),
        )]
    })?;
    let Value::Object(map) = value else {
        return Err(vec![error(
            "body",
            "The request body must be a JSON object.",
        )]);
    };
    if map.get(HONEYPOT).is_some_and(filled) {
        let url = map
            .get(Field::Url.name())
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned());
        return Ok(SubmissionBody::Honeypot { url });
    }
    let mut errors = Vec::new();
    let request = SubmissionRequest {
        url: text(&map, Field::Url, &mut errors).unwrap_or_default(),
        outlet_name: text(&map, Field::OutletName, &mut errors),
        note: text(&map, Field::Note, &mut errors),
        email: text(&map, Field::Email, &mut errors),
    };
    for e in request.validate_for(own) {
        if !errors.iter().any(|known| known.field == e.field) {
            errors.push(e);
        }
    }
    for key in map
        .keys()
        .filter(|k| Field::from_name(k).is_none() && k.as_str() != HONEYPOT)
    {
        errors.push(error(
            key,
            format!("`{key}` is not a field of a submission."),
        ));
    }
    let order = |f: &FieldError| {
        Field::ALL
            .iter()
            .position(|x| x.name() == f.field)
            .unwrap_or(Field::ALL.len())
    };
    errors.sort_by_key(order);
    if errors.is_empty() {
        Ok(SubmissionBody::Request(request.cleaned()))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<SubmissionBody, Vec<FieldError>> {
        super::read(bytes, &OwnSite::new(["https://eventdesk.example"]))
    }

    fn fields(body: &str) -> Vec<String> {
        read(body.as_bytes())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_valid_body_is_cleaned() {
        let SubmissionBody::Request(r) =
            read(br#"{"url":" https://a.com/x ","outlet_name":"","note":null,"website":""}"#)
                .unwrap()
        else {
            panic!("not a request")
        };
        assert_eq!(r.url, "https://a.com/x");
        assert_eq!(r.outlet_name, None);
    }

    #[test]
    fn each_problem_names_its_field() {
        assert_eq!(fields("{not json"), ["body"]);
        assert_eq!(fields("[1,2]"), ["body"]);
        assert_eq!(fields("{}"), ["url"]);
        assert_eq!(fields(r#"{"url": 5, "note": true}"#), ["url", "note"]);
        assert_eq!(
            fields(r#"{"url":"https://a.com/","colour":"red"}"#),
            ["colour"]
        );
        assert_eq!(
            fields(r#"{"url":"ftp://a.com/","email":"x"}"#),
            ["url", "email"]
        );
    }

    #[test]
    fn addresses_that_are_no_article_are_refused_on_the_url() {
        for url in [
            "http://localhost/x",
            "https://example",
            "http://192.168.1.1/admin",
            "http://[::ffff:127.0.0.1]/",
            "http://2130706433/",
            "https://www.eventdesk.example/events/paris",
        ] {
            let body = serde_json::json!({ "url": url }).to_string();
            let errors = read(body.as_bytes()).unwrap_err();
            assert_eq!(errors.len(), 1, "{url}");
            assert_eq!(errors[0].field, "url", "{url}");
        }
    }

    #[test]
    fn a_filled_honeypot_is_recognised() {
        assert_eq!(
            read(br#"{"url":"https://spam.example/","website":"http://spam"}"#).unwrap(),
            SubmissionBody::Honeypot {
                url: Some("https://spam.example/".into())
            }
        );
        assert!(matches!(
            read(br#"{"url":"bad","website":1}"#).unwrap(),
            SubmissionBody::Honeypot { .. }
        ));
    }
}
