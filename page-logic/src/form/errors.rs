//! The field errors of one attempt, read in the form's order.

use eventdesk_model::submission::Field;
use eventdesk_model::FieldError;

/// The first field, in the form's order, that has an error.
pub fn first_invalid(errors: &[FieldError]) -> Option<Field> {
    Field::ALL
        .into_iter()
        .find(|f| errors.iter().any(|e| e.field == f.name()))
}

/// The message of a field's error, if it has one.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<&str> {
    errors
        .iter()
        .find(|e| e.field == field.name())
        .map(|e| e.message.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormValues;

    #[test]
    fn errors_follow_the_forms_order() {
        let v = FormValues {
            url: "reuters.com/x".into(),
            email: "nope".into(),
            ..Default::default()
        };
        let errors = v.validate(&eventdesk_model::article_url::OwnSite::unknown());
        assert_eq!(first_invalid(&errors), Some(Field::Url));
        assert!(error_for(&errors, Field::Email).is_some());
        assert_eq!(error_for(&errors, Field::Note), None);
        assert_eq!(first_invalid(&[]), None);
    }
}
