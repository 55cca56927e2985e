//! The send button: busy while sending, a countdown while the backend asks
//! to wait. It stays focusable throughout (`aria-disabled`, not `disabled`).

use eventdesk_page_logic::form::countdown;
use leptos::prelude::*;

use super::state::FormState;

#[component]
pub fn SendButton(form: FormState) -> impl IntoView {
    let label = move || {
        if form.sending.get() {
            "Sending…".to_owned()
        } else if let Some(left) = form.wait.left() {
            format!("Try again in {}", countdown(left))
        } else {
            "Send for review".to_owned()
        }
    };
    view! {
        <button
            type="submit"
            class="button button--primary submit-form__send"
            aria-busy=move || form.sending.get().then_some("true")
            aria-disabled=move || form.blocked().then_some("true")
        >
            {move || form.sending.get().then(|| view! {
                <span class="spinner" aria-hidden="true"></span>
            })}
            {label}
        </button>
    }
}
