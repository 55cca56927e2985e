//! The restored-draft notice: said when the form opens with a draft kept
//! on this device, with the way to clear it.

use leptos::prelude::*;

use super::state::FormState;

#[component]
pub fn RestoredNotice(form: FormState) -> impl IntoView {
    move || {
        form.restored.get().then(|| {
            view! {
                <p class="submit-form__restored" role="status">
                    "We kept what you typed here earlier, on this device. "
                    <button type="button" class="link-button" on:click=move |_| form.start_over()>
                        "Clear the form"
                    </button>
                </p>
            }
        })
    }
}
