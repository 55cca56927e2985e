//! The form's draft in `localStorage`, one per event, so nothing typed is
//! lost to a reload or a crashed tab. Storage may be missing or refused
//! (private modes, full quota): then the form simply works without it.

use eventdesk_page_logic::form::{draft_from_json, draft_key, draft_to_json, FormValues};
use web_sys::Storage;

/// The page's `localStorage`; reading it throws when storage is blocked.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The event's saved draft, when there is a readable one.
pub fn load(event_id: &str) -> Option<FormValues> {
    storage()?
        .get_item(&draft_key(event_id))
        .ok()
        .flatten()
        .and_then(|raw| draft_from_json(&raw))
}

/// Saves what is typed; a blank form leaves no draft behind.
pub fn save(event_id: &str, values: &FormValues) {
    match draft_to_json(values) {
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
