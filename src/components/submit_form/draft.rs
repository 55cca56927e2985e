//! The form's draft in `localStorage`, one per event, so nothing typed is
//! lost to a reload or a crashed tab. Storage may be missing or refused
//! (private modes, full quota): then the form simply works without it.
//!
//! Reached through `js_sys::Reflect` so the app needs no extra `web-sys` feature.

use eventdesk_page_logic::form::{draft_from_json, draft_key, draft_to_json, FormValues};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn storage() -> Option<JsValue> {
    let window = web_sys::window()?;
    // Reading `localStorage` itself throws when storage is blocked.
    let storage = Reflect::get(&window, &JsValue::from_str("localStorage")).ok()?;
    (!storage.is_null() && !storage.is_undefined()).then_some(storage)
}

fn call(method: &str, args: &[&str]) -> Option<JsValue> {
    let storage = storage()?;
    let function: Function = Reflect::get(&storage, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    let args: Vec<JsValue> = args.iter().map(|a| JsValue::from_str(a)).collect();
    match args.as_slice() {
        [a] => function.call1(&storage, a).ok(),
        [a, b] => function.call2(&storage, a, b).ok(),
        _ => None,
    }
}

/// The event's saved draft, when there is a readable one.
pub fn load(event_id: &str) -> Option<FormValues> {
    call("getItem", &[&draft_key(event_id)])?
        .as_string()
        .and_then(|raw| draft_from_json(&raw))
}

/// Saves what is typed; a blank form leaves no draft behind.
pub fn save(event_id: &str, values: &FormValues) {
    match draft_to_json(values) {
        Some(json) => {
            call("setItem", &[&draft_key(event_id), &json]);
        }
        None => clear(event_id),
    }
}

/// Forgets the draft (after the backend has the submission).
pub fn clear(event_id: &str) {
    call("removeItem", &[&draft_key(event_id)]);
}
