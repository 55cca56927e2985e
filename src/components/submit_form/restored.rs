//! The restored-draft notice: said when the form opens with a draft kept
//! on this device, how long it is kept and that the email is not, with the
//! way to clear it.

use eventdesk_page_logic::form::DRAFT_KEEP_DAYS;
use leptos::prelude::*;

use super::state::FormState;

#[component]
pub fn RestoredNotice(form: FormState) -> impl IntoView {
    let kept = format!(
        "We kept what you typed here earlier, on this device, for up to {DRAFT_KEEP_DAYS} days (never your email). "
    );
    move || {
        let kept = kept.clone();
        form.restored.get().then(|| {
            view! {
                <p class="submit-form__restored" role="status">
                    {kept}
                    <button type="button" class="link-button" on:click=move |_| form.start_over()>
                        "Clear the form"
                    </button>
                </p>
            }
        })
    }
}
