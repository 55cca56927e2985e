//! The form's draft in `localStorage`, one per event, so nothing typed is
//! lost to a reload or a crashed tab: without the email, and for a week
//! (the rules are `eventdesk_page_logic::form::draft`'s). Storage may be
//! missing or refused (private modes, full quota): then the form simply
//! works without it.

use eventdesk_page_logic::form::{
    draft_from_json, draft_key, draft_to_json, is_draft_key, FormValues,
};
use web_sys::Storage;

use crate::components::time::now_utc;

/// The page's `localStorage`; reading it throws when storage is blocked.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The event's saved draft, when there is one still worth restoring; an
/// old or unreadable one is removed. Every other event's draft past its
/// week goes too, so none stays on the device for good.
pub fn load(event_id: &str) -> Option<FormValues> {
    let storage = storage()?;
    let now = now_utc()?;
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| is_draft_key(k))
        .collect();
    for key in keys {
        let raw = storage.get_item(&key).ok().flatten();
        if raw.and_then(|raw| draft_from_json(&raw, now)).is_none() {
            let _ = storage.remove_item(&key);
        }
    }
    storage
        .get_item(&draft_key(event_id))
        .ok()
        .flatten()
        .and_then(|raw| draft_from_json(&raw, now))
}

/// Saves what is typed (the email left out); a form with nothing worth
/// keeping leaves no draft behind.
pub fn save(event_id: &str, values: &FormValues) {
    match now_utc().and_then(|now| draft_to_json(values, now)) {
        Some(json) => {
            if let Some(storage) = storage() {
                let _ = storage.set_item(&draft_key(event_id), &json);
            }
        }
        None => clear(event_id),
    }
}

/// Forgets the draft (after the backend has the submission).
pub fn clear(event_id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&draft_key(event_id));
    }
}
