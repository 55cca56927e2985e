//! "Already covered", under the address as soon as it is one of the event's
//! sources: that source, named and linked, and nothing to send.

use leptos::prelude::*;

use super::source_name::source_name;
use super::state::FormState;

/// The notice's id, which describes the address while it shows.
const ID: &str = "submit-url-covered";

/// The notice, while the address is covered (read it in a reactive closure).
pub fn covered_notice(form: FormState) -> Option<impl IntoView> {
    form.covered.get().map(|(name, href)| {
        view! {
            <p class="submit-form__covered" id=ID>
                <span class="submit-form__covered-icon" aria-hidden="true">"✓ "</span>
                "Already covered: this is "
                {source_name(name, href)}
                ", one of this event's sources. Nothing to send: thank you all the same."
            </p>
        }
    })
}

/// The notice's id while it shows.
pub fn covered_id(form: FormState) -> Signal<Option<String>> {
    Signal::derive(move || form.covered.with(Option::is_some).then(|| ID.to_owned()))
}
