//! What the live region under the form says after an attempt: why the
//! backend refused it (with a link where there is one), or a failure that
//! trying again may fix, with the button to try again.

use eventdesk_page_logic::form::{retry_sentence, Duplicate, Refusal};
use leptos::either::Either;
use leptos::prelude::*;

use super::source_name::source_name;
use super::state::{FormState, Outcome};
use super::wait::RetryWait;
use crate::api::ApiError;

/// The message of the last attempt, if it has one.
#[component]
pub fn AttemptMessage(form: FormState) -> impl IntoView {
    move || match form.outcome.get() {
        Some(Outcome::Refused(why)) => Some(Either::Left(refusal_view(why, form.wait))),
        Some(Outcome::Failed(error)) => Some(Either::Right(view! {
            <div class="submit-form__message submit-form__message--failed">
                <p>{failure_text(&error)}</p>
                <p>
                    <button type="button" class="button button--secondary" on:click=move |_| form.attempt()>
                        "Try again"
                    </button>
                </p>
            </div>
        })),
        _ => None,
    }
}

/// The words of a failure that trying again may fix.
fn failure_text(error: &ApiError) -> String {
    let what = match error {
        ApiError::Network => "We could not reach Eventdesk, so your source was not sent.",
        ApiError::Timeout => "Eventdesk did not answer within 15 seconds, so your source was not sent.",
        ApiError::Decode(_) => "Eventdesk sent an answer we could not read, so we cannot tell whether your source arrived.",
        ApiError::Status { .. } => "Eventdesk had a problem on its side, so your source was not sent.",
    };
    format!("{what} Everything you typed is still here: try again in a moment.")
}

/// What a refusal means for the reader, with a link where there is one.
fn refusal_view(why: Refusal, wait: RetryWait) -> impl IntoView {
    let class = "submit-form__message submit-form__message--refused";
    match why {
        Refusal::Duplicate(Duplicate::Source { name, href }) => view! {
            <div class=class>
                <p>
                    "This article is already one of this event's sources: "
                    {source_name(name, href)}
                    "."
                </p>
            </div>
        }
        .into_any(),
        Refusal::Duplicate(Duplicate::Submission { path, .. }) => view! {
            <div class=class>
                <p>
                    "This article was already submitted for this event and is waiting for an editor. "
                    <a href=path>"See that submission"</a>
                </p>
            </div>
        }
        .into_any(),
        Refusal::Duplicate(Duplicate::Unknown) => view! {
            <div class=class>
                <p>"This article is already part of this event, or was already submitted for it."</p>
            </div>
        }
        .into_any(),
        // Each field error is on its field (and announced there); only errors
        // about no field of the form are said here.
        Refusal::Invalid { general, .. } => view! {
            <div class=class>
                {general.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        Refusal::TooLarge => view! {
            <div class=class>
                <p>"This submission is too large to send. Shorten the note, then send it again."</p>
            </div>
        }
        .into_any(),
        Refusal::Unsupported => view! {
            <div class=class>
                <p>"Eventdesk could not accept the submission in the form it was sent. Reload the page (what you typed is kept) and send it again."</p>
            </div>
        }
        .into_any(),
        Refusal::RateLimited { seconds } => view! {
            <div class=class>
                <p>
                    "Too many submissions from this connection in a short time. "
                    {retry_sentence(seconds)}
                    " Everything you typed is still here."
                </p>
                {move || wait.left().is_none().then(|| view! {
                    <p>"You can send it now."</p>
                })}
            </div>
        }
        .into_any(),
        Refusal::EventGone { withdrawn, detail } => view! {
            <div class=class>
                <p>
                    {if withdrawn {
                        "This event was withdrawn by the editors, so it no longer takes submissions."
                    } else {
                        "This event no longer exists, so it cannot take submissions."
                    }}
                </p>
                {detail.map(|d| view! { <p><strong>"Reason: "</strong>{d}</p> })}
                <p><a href="/">"See the latest events"</a></p>
            </div>
        }
        .into_any(),
        Refusal::Failed => ().into_any(),
    }
}
