//! What the reader typed, exactly as typed, and the request it becomes.

use serde::{Deserialize, Serialize};

use eventdesk_model::article_url::{outlet_name_for, OwnSite};
use eventdesk_model::submission::Field;
use eventdesk_model::text::non_blank;
use eventdesk_model::{FieldError, SubmissionRequest};

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

    /// The same checks as the server's, in the form's order, for a form on
    /// the site `own` (whose own pages are no outlet's article).
    pub fn validate(&self, own: &OwnSite) -> Vec<FieldError> {
        self.to_request().validate_for(own)
    }

    /// The outlet name to offer when the reader has not typed one: never
    /// from an address that cannot be an article.
    pub fn outlet_suggestion(&self, own: &OwnSite) -> Option<String> {
        if non_blank(&self.outlet_name).is_some() {
            return None;
        }
        outlet_name_for(&self.url, own)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let own = OwnSite::new(["https://eventdesk.example"]);
        assert!(v.validate(&own).is_empty());
        assert_eq!(v.outlet_suggestion(&own).as_deref(), Some("reuters.com"));
        let named = FormValues {
            outlet_name: "Reuters".into(),
            ..v
        };
        assert_eq!(named.outlet_suggestion(&own), None);
        assert_eq!(FormValues::default().outlet_suggestion(&own), None);
    }

    #[test]
    fn refused_addresses_get_their_reason_and_no_suggestion() {
        let own = OwnSite::new(["http://127.0.0.1:18480"]);
        for (url, words) in [
            ("http://localhost/x", "localhost"),
            ("https://example", "no domain ending"),
            ("http://192.168.1.1/admin", "private network"),
            ("http://127.0.0.1:18480/events/paris", "Eventdesk itself"),
            ("http://[::ffff:7f00:1]/", "localhost"),
        ] {
            let v = FormValues {
                url: url.into(),
                ..Default::default()
            };
            let errors = v.validate(&own);
            assert_eq!(errors.len(), 1, "{url}");
            assert!(
                errors[0].message.contains(words),
                "{url}: {}",
                errors[0].message
            );
            assert_eq!(v.outlet_suggestion(&own), None, "{url}");
        }
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
    fn blank_is_whitespace_only() {
        assert!(FormValues::default().is_blank());
        let spaces = FormValues {
            note: " \n\t".into(),
            ..Default::default()
        };
        assert!(spaces.is_blank());
        let typed = FormValues {
            email: " a ".into(),
            ..Default::default()
        };
        assert!(!typed.is_blank());
    }
}
