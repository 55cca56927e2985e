//! The submit-a-source form in "Know another source?": a reader suggests
//! another outlet's coverage for editorial review.
//!
//! The rules are the model's (`submission`) and the page logic's (`form`),
//! shared with the backend. Nothing typed is lost: the draft is kept in the
//! browser while typing (never the email, and for a week at most) and
//! cleared once the backend has the submission (202), and every refusal or
//! failure leaves the values in place.
//!
//! [`FormState`](state::FormState) holds the form's signals and what the
//! reader's actions do; this file lays the form out from its parts: the
//! fields ([`field`]), the notices beside them ([`covered`], [`suggestion`],
//! [`restored`]), the message of an attempt ([`message`]), the send button
//! ([`send_button`]) and the receipt that replaces the form ([`receipt`]).

mod covered;
mod draft;
mod field;
mod focus;
mod message;
mod receipt;
mod restored;
mod send_button;
mod source_name;
mod state;
mod suggestion;
mod wait;

use eventdesk_model::submission::{Field, HONEYPOT};
use eventdesk_model::Source;
use leptos::either::EitherOf3;
use leptos::prelude::*;

use covered::{covered_id, covered_notice};
use field::FormField;
use message::AttemptMessage;
use receipt::{QuietThanks, SentReceipt};
use restored::RestoredNotice;
use send_button::SendButton;
use state::{FormState, Shown};
use suggestion::{outlet_suggestion, suggestion_id};

#[component]
pub fn SubmitForm(
    /// The event the source is suggested for.
    event_id: String,
    /// The event's sources, for the "already covered" check and 409 links.
    sources: Vec<Source>,
) -> impl IntoView {
    let form = FormState::new(event_id, sources);
    view! {
        <div class="submit-form-area" id="submit-form">
            {move || match form.shown.get() {
                Shown::Sent(receipt) => EitherOf3::A(view! {
                    <SentReceipt receipt on_another=Callback::new(move |_| form.start_over())/>
                }),
                Shown::Quiet => EitherOf3::B(view! { <QuietThanks/> }),
                Shown::Form => EitherOf3::C(form_view(form)),
            }}
        </div>
    }
}

/// The form itself, which stays in place through refusals and failures.
fn form_view(form: FormState) -> impl IntoView {
    view! {
        <form
            class="submit-form"
            novalidate
            aria-labelledby="submit-heading"
            aria-describedby="submit-form-intro"
            on:submit=move |ev| {
                ev.prevent_default();
                form.attempt();
            }
        >
            <p class="submit-form__intro" id="submit-form-intro">
                "Only the article's address is needed. Fields marked (optional) can stay empty."
            </p>
            <RestoredNotice form/>
            <FormField
                form
                field=Field::Url
                extra=ViewFn::from(move || covered_notice(form))
                extra_id=covered_id(form)
            />
            <FormField
                form
                field=Field::OutletName
                extra=ViewFn::from(move || outlet_suggestion(form))
                extra_id=suggestion_id(form)
            />
            <FormField form field=Field::Note/>
            <FormField form field=Field::Email/>
            // A trap for bots: people never see or reach it.
            <div class="submit-form__trap" aria-hidden="true">
                <label for="submit-website">"Website (leave empty)"</label>
                <input
                    id="submit-website"
                    name=HONEYPOT
                    type="text"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || form.honeypot.get()
                    on:input=move |ev| form.honeypot.set(event_target_value(&ev))
                />
            </div>
            <div class="submit-form__live" role="alert"><AttemptMessage form/></div>
            <p class="submit-form__actions">
                <SendButton form/>
            </p>
        </form>
    }
}
