//! The submit-a-source form in "Know another source?": a reader suggests
//! another outlet's coverage for editorial review.
//!
//! The rules are the model's (`submission`, `submit_form`), shared with the
//! backend. Nothing typed is lost: the draft is kept in the browser while
//! typing and cleared only once the backend has the submission (202), and
//! every refusal or failure leaves the values in place.

mod draft;
mod field;
mod receipt;

use std::time::Duration;

use eventdesk_model::{FieldError, Source, SubmissionReceipt, SubmissionRequest};
use eventdesk_page_logic::form::{
    countdown, covering_source, first_invalid, refusal, retry_sentence, source_href, Duplicate,
    FormValues, Refusal,
};
use js_sys::Date;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::submissions::{submit_source, SubmitError};
use crate::api::ApiError;
use crate::components::time::now_utc;
use eventdesk_model::submission::{Field as Name, HONEYPOT};
use field::{control_id, Control, Field};
use receipt::{QuietThanks, SentReceipt};

/// The name of the hidden field only bots fill in.

/// What became of the last attempt to send.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// 202: the receipt replaces the form.
    Sent(SubmissionReceipt),
    /// The honeypot was filled: nothing was sent, thanks all the same.
    Quiet,
    /// The backend refused it for a reason the reader can act on.
    Refused(Refusal),
    /// Network, timeout, 5xx, an unreadable answer: trying again may work.
    Failed(ApiError),
}

/// What the form's place shows.
#[derive(Clone, PartialEq)]
enum Shown {
    Form,
    Sent(SubmissionReceipt),
    Quiet,
}

/// Moves keyboard focus to an element, once the page has drawn it.
pub(crate) fn focus_later(id: String) {
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

#[component]
pub fn SubmitForm(
    /// The event the source is suggested for.
    event_id: String,
    /// The event's sources, for the "already covered" check and 409 links.
    sources: Vec<Source>,
) -> impl IntoView {
    let restored = draft::load(&event_id);
    let was_restored = RwSignal::new(restored.is_some());
    let values = RwSignal::new(restored.unwrap_or_default());
    let honeypot = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let sending = RwSignal::new(false);
    // While rate-limited: when sending is allowed again (ms since the epoch), and a clock.
    let retry_at = RwSignal::new(None::<f64>);
    let clock = RwSignal::new(Date::now());
    let ticker = StoredValue::new_local(None::<IntervalHandle>);
    let event_id = StoredValue::new(event_id);
    let sources = StoredValue::new(sources);

    // The draft follows every keystroke.
    Effect::new(move |_| {
        let v = values.get();
        event_id.with_value(|id| draft::save(id, &v));
    });
    on_cleanup(move || {
        if let Some(handle) = ticker.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });

    let covered = Memo::new(move |_| {
        values.with(|v| {
            sources.with_value(|s| {
                covering_source(&v.url, s).map(|s| (s.name.clone(), source_href(s)))
            })
        })
    });
    // Nothing to suggest for a source the event already has.
    let suggestion = Memo::new(move |_| {
        if covered.with(Option::is_some) {
            return None;
        }
        values.with(FormValues::outlet_suggestion)
    });
    let wait_left = Memo::new(move |_| {
        retry_at
            .get()
            .map(|at| ((at - clock.get()) / 1000.0).ceil().max(0.0) as u64)
    });
    let blocked = move || sending.get() || wait_left.get().is_some();

    // After a failed attempt, errors follow the fixes: a corrected field loses
    // its error at once (new errors wait for the next attempt).
    let on_change = Callback::new(move |field: Name| {
        if errors.with_untracked(Vec::is_empty) {
            return;
        }
        let fresh = values.with_untracked(FormValues::validate);
        errors.update(|errs| {
            if let Some(i) = errs.iter().position(|e| e.field == field.name()) {
                match fresh.iter().find(|e| e.field == field.name()) {
                    Some(now) => errs[i] = now.clone(),
                    None => {
                        errs.remove(i);
                    }
                }
            }
        });
    });

    let start_wait = move |seconds: u64| {
        let now = Date::now();
        clock.set(now);
        retry_at.set(Some(now + seconds as f64 * 1000.0));
        let handle = set_interval_with_handle(
            move || {
                let now = Date::now();
                clock.set(now);
                if retry_at.get_untracked().is_none_or(|at| now >= at) {
                    retry_at.set(None);
                    if let Some(h) = ticker.try_update_value(Option::take).flatten() {
                        h.clear();
                    }
                }
            },
            Duration::from_millis(250),
        )
        .ok();
        if let Some(old) = ticker
            .try_update_value(|t| std::mem::replace(t, handle))
            .flatten()
        {
            old.clear();
        }
    };

    let finish = move |result: Result<SubmissionReceipt, SubmitError>| {
        sending.set(false);
        match result {
            Ok(receipt) => {
                event_id.with_value(|id| draft::clear(id));
                values.set(FormValues::default());
                was_restored.set(false);
                outcome.set(Some(Outcome::Sent(receipt)));
                focus_later(receipt::HEADING_ID.to_owned());
            }
            Err(SubmitError { error, retry_after }) => {
                let ApiError::Status { status, problem } = &error else {
                    outcome.set(Some(Outcome::Failed(error)));
                    return;
                };
                let Some(now) = now_utc() else {
                    outcome.set(Some(Outcome::Failed(error)));
                    return;
                };
                let why = sources.with_value(|s| {
                    refusal(*status, problem.as_deref(), retry_after.as_deref(), now, s)
                });
                match &why {
                    Refusal::Invalid { fields, .. } => {
                        errors.set(fields.clone());
                        if let Some(field) = first_invalid(fields) {
                            focus_later(control_id(field));
                        }
                    }
                    Refusal::RateLimited { seconds } => start_wait(*seconds),
                    Refusal::Failed => {
                        outcome.set(Some(Outcome::Failed(error)));
                        return;
                    }
                    _ => {}
                }
                outcome.set(Some(Outcome::Refused(why)));
            }
        }
    };

    let action = Action::new_local(move |(id, request): &(String, SubmissionRequest)| {
        let (id, request) = (id.clone(), request.clone());
        async move { finish(submit_source(&id, &request).await) }
    });

    let attempt = move || {
        // One request at a time: a double click sends once.
        if sending.get_untracked() || wait_left.get_untracked().is_some() {
            return;
        }
        if !honeypot.get_untracked().trim().is_empty() {
            outcome.set(Some(Outcome::Quiet));
            focus_later(receipt::HEADING_ID.to_owned());
            return;
        }
        let typed = values.get_untracked();
        let problems = typed.validate();
        if let Some(field) = first_invalid(&problems) {
            errors.set(problems);
            outcome.set(None);
            focus_later(control_id(field));
            return;
        }
        errors.set(Vec::new());
        if covered.get_untracked().is_some() {
            // Said beside the address already; take the reader there.
            outcome.set(None);
            focus_later(control_id(Name::Url));
            return;
        }
        outcome.set(None);
        sending.set(true);
        action.dispatch_local((event_id.get_value(), typed.to_request()));
    };

    let start_over = move || {
        values.set(FormValues::default());
        errors.set(Vec::new());
        outcome.set(None);
        was_restored.set(false);
        focus_later(control_id(Name::Url));
    };

    let covered_view = ViewFn::from(move || {
        covered.get().map(|(name, href)| {
            view! {
                <p class="submit-form__covered" id="submit-url-covered">
                    <span class="submit-form__covered-icon" aria-hidden="true">"✓ "</span>
                    "Already covered: this is "
                    {source_name(name, href)}
                    ", one of this event's sources. Nothing to send: thank you all the same."
                </p>
            }
        })
    });
    let covered_id = Signal::derive(move || {
        covered
            .with(Option::is_some)
            .then(|| "submit-url-covered".to_owned())
    });

    let suggestion_view = ViewFn::from(move || {
        suggestion.get().map(|name| {
            let label = format!("Use «{name}»");
            view! {
                <p class="field__suggestion" id="submit-outlet_name-suggestion">
                    "Suggestion from the address: "
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| {
                            let name = name.clone();
                            values.update(|v| v.outlet_name = name);
                            on_change.run(Name::OutletName);
                            focus_later(control_id(Name::OutletName));
                        }
                    >
                        {label}
                    </button>
                </p>
            }
        })
    });
    let suggestion_id = Signal::derive(move || {
        suggestion
            .with(Option::is_some)
            .then(|| "submit-outlet_name-suggestion".to_owned())
    });

    let message = move || match outcome.get() {
        Some(Outcome::Refused(why)) => Some(Either::Left(refusal_view(why, wait_left))),
        Some(Outcome::Failed(error)) => Some(Either::Right(view! {
            <div class="submit-form__message submit-form__message--failed">
                <p>{failure_text(&error)}</p>
                <p>
                    <button type="button" class="button button--secondary" on:click=move |_| attempt()>
                        "Try again"
                    </button>
                </p>
            </div>
        })),
        _ => None,
    };

    let button_label = move || {
        if sending.get() {
            "Sending…".to_owned()
        } else if let Some(left) = wait_left.get() {
            format!("Try again in {}", countdown(left))
        } else {
            "Send for review".to_owned()
        }
    };

    let form = move || {
        view! {
            <form
                class="submit-form"
                novalidate
                aria-labelledby="submit-heading"
                aria-describedby="submit-form-intro"
                on:submit=move |ev| {
                    ev.prevent_default();
                    attempt();
                }
            >
                <p class="submit-form__intro" id="submit-form-intro">
                    "Only the article's address is needed. Fields marked (optional) can stay empty."
                </p>
                {move || was_restored.get().then(|| view! {
                    <p class="submit-form__restored" role="status">
                        "We kept what you typed here earlier, on this device. "
                        <button type="button" class="link-button" on:click=move |_| start_over()>
                            "Clear the form"
                        </button>
                    </p>
                })}
                <Field
                    field=Name::Url
                    label="Article URL"
                    hint="The full address of the other outlet's article, starting with https://"
                    control=Control::Input { kind: "url", autocomplete: "url" }
                    required=true
                    values
                    errors
                    on_change
                    extra=covered_view.clone()
                    extra_id=covered_id
                />
                <Field
                    field=Name::OutletName
                    label="Outlet name"
                    hint="The newspaper, site or agency that published it."
                    control=Control::Input { kind: "text", autocomplete: "off" }
                    values
                    errors
                    on_change
                    extra=suggestion_view.clone()
                    extra_id=suggestion_id
                />
                <Field
                    field=Name::Note
                    label="What it reports"
                    hint="For the editor: what the article says about this event."
                    control=Control::Text
                    values
                    errors
                    on_change
                />
                <Field
                    field=Name::Email
                    label="Your email"
                    hint="Only to tell you the outcome. It is never shown or shared."
                    control=Control::Input { kind: "email", autocomplete: "email" }
                    values
                    errors
                    on_change
                />
                // A trap for bots: people never see or reach it.
                <div class="submit-form__trap" aria-hidden="true">
                    <label for="submit-website">"Website (leave empty)"</label>
                    <input
                        id="submit-website"
                        name=HONEYPOT
                        type="text"
                        tabindex="-1"
                        autocomplete="off"
                        prop:value=move || honeypot.get()
                        on:input=move |ev| honeypot.set(event_target_value(&ev))
                    />
                </div>
                <div class="submit-form__live" role="alert">{message}</div>
                <p class="submit-form__actions">
                    <button
                        type="submit"
                        class="button button--primary submit-form__send"
                        aria-busy=move || sending.get().then_some("true")
                        aria-disabled=move || blocked().then_some("true")
                    >
                        {move || sending.get().then(|| view! {
                            <span class="spinner" aria-hidden="true"></span>
                        })}
                        {button_label}
                    </button>
                </p>
            </form>
        }
    };

    // The form stays in place through refusals and failures (focus and all);
    // only a receipt replaces it.
    let shown = Memo::new(move |_| match outcome.get() {
        Some(Outcome::Sent(receipt)) => Shown::Sent(receipt),
        Some(Outcome::Quiet) => Shown::Quiet,
        _ => Shown::Form,
    });

    view! {
        <div class="submit-form-area" id="submit-form">
            {move || match shown.get() {
                Shown::Sent(receipt) => EitherOf3::A(view! {
                    <SentReceipt receipt on_another=Callback::new(move |_| start_over())/>
                }),
                Shown::Quiet => EitherOf3::B(view! { <QuietThanks/> }),
                Shown::Form => EitherOf3::C(form()),
            }}
        </div>
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

/// A source's name, linked to its article or homepage when it has a safe one.
fn source_name(name: String, href: Option<String>) -> impl IntoView {
    match href {
        Some(href) => Either::Left(view! {
            <a href=href rel="external noopener noreferrer">{name}</a>
        }),
        None => Either::Right(view! { <strong>{name}</strong> }),
    }
}

/// What a refusal means for the reader, with a link where there is one.
fn refusal_view(why: Refusal, wait_left: Memo<Option<u64>>) -> impl IntoView {
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
                {move || wait_left.get().is_none().then(|| view! {
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
