//! Where keyboard focus goes: the ids of the form's controls, which labels,
//! links and focus use, and moving focus once the page has drawn its target.

use std::time::Duration;

use eventdesk_model::submission::Field;
use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;

/// The id of a field's control.
pub fn control_id(field: Field) -> String {
    format!("submit-{}", field.name())
}

/// Moves keyboard focus to an element, once the page has drawn it.
pub fn focus_later(id: String) {
    set_timeout(
        move || {
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        },
        Duration::ZERO,
    );
}
