//! The draft kept in the browser while typing: its key and its stored text.
//! The app's `localStorage` calls are in `src/components/submit_form/draft.rs`.

use serde::{Deserialize, Serialize};

use eventdesk_model::submission::Field;

use super::values::FormValues;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
