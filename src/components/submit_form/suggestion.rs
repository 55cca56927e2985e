//! The outlet name read from the address, offered under the outlet field
//! while none is typed: one click fills it in.

use eventdesk_model::submission::Field;
use leptos::prelude::*;

use super::focus::{control_id, focus_later};
use super::state::FormState;

/// The suggestion's id, which describes the outlet field while it shows.
const ID: &str = "submit-outlet_name-suggestion";

/// The suggestion, while there is one (read it in a reactive closure).
pub fn outlet_suggestion(form: FormState) -> Option<impl IntoView> {
    form.suggestion.get().map(|name| {
        let label = format!("Use «{name}»");
        view! {
            <p class="field__suggestion" id=ID>
                "Suggestion from the address: "
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        form.set(Field::OutletName, name.clone());
                        focus_later(control_id(Field::OutletName));
                    }
                >
                    {label}
                </button>
            </p>
        }
    })
}

/// The suggestion's id while it shows.
pub fn suggestion_id(form: FormState) -> Signal<Option<String>> {
    Signal::derive(move || form.suggestion.with(Option::is_some).then(|| ID.to_owned()))
}
