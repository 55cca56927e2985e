//! The form's state in a `Copy` store: what the reader typed, its errors,
//! what became of the last attempt, a send under way or a wait; and what
//! the reader's actions do to it: typing, sending, starting over.

use eventdesk_model::article_url::OwnSite;
use eventdesk_model::submission::Field;
use eventdesk_model::text::non_blank;
use eventdesk_model::{FieldError, Source, SubmissionReceipt};
use eventdesk_page_logic::form::{
    covering_source, first_invalid, refusal, source_href, FormValues, Refusal,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::draft;
use super::focus::{control_id, focus_later};
use super::receipt;
use super::wait::RetryWait;
use crate::api::submissions::{submit_source, SubmitError};
use crate::api::ApiError;
use crate::components::time::now_utc;

/// What became of the last attempt to send.
#[derive(Clone, PartialEq)]
pub enum Outcome {
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
pub enum Shown {
    Form,
    Sent(SubmissionReceipt),
    Quiet,
}

/// The submit form of one event.
#[derive(Clone, Copy)]
pub struct FormState {
    /// What is typed; kept as the event's draft on every change.
    pub values: RwSignal<FormValues>,
    /// The hidden field only bots fill in.
    pub honeypot: RwSignal<String>,
    /// The field errors of the last attempt, dropped one by one as they are fixed.
    pub errors: RwSignal<Vec<FieldError>>,
    /// What became of the last attempt, until the next one.
    pub outcome: RwSignal<Option<Outcome>>,
    /// A request is on its way.
    pub sending: RwSignal<bool>,
    /// The values are a draft kept from an earlier visit.
    pub restored: RwSignal<bool>,
    /// After a 429: how long sending must wait.
    pub wait: RetryWait,
    /// The event's source the address already is: its name and link.
    pub covered: Memo<Option<(String, Option<String>)>>,
    /// An outlet name read from the address, while none is typed (and the
    /// address is not already covered: then there is nothing to send).
    pub suggestion: Memo<Option<String>>,
    /// What the form's place shows: the form stays through refusals and
    /// failures (focus and all); only a receipt replaces it.
    pub shown: Memo<Shown>,
    event_id: StoredValue<String>,
    sources: StoredValue<Vec<Source>>,
    /// Eventdesk's own site (this page's origin), whose pages are no article.
    site: StoredValue<OwnSite>,
}

/// This page's site: its origin, as the address bar has it.
fn own_site() -> OwnSite {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    OwnSite::new(origin.as_deref())
}

impl FormState {
    /// The form for `event_id`, with its saved draft if there is one; the
    /// draft then follows every keystroke.
    pub fn new(event_id: String, sources: Vec<Source>) -> Self {
        let draft = draft::load(&event_id);
        let restored = RwSignal::new(draft.is_some());
        let values = RwSignal::new(draft.unwrap_or_default());
        let outcome = RwSignal::new(None::<Outcome>);
        let sources = StoredValue::new(sources);
        let site = StoredValue::new(own_site());
        let covered = Memo::new(move |_| {
            values.with(|v| {
                sources.with_value(|s| {
                    covering_source(&v.url, s).map(|s| (s.name.clone(), source_href(s)))
                })
            })
        });
        let form = FormState {
            values,
            honeypot: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            outcome,
            sending: RwSignal::new(false),
            restored,
            wait: RetryWait::new(),
            covered,
            suggestion: Memo::new(move |_| {
                if covered.with(Option::is_some) {
                    return None;
                }
                values.with(|v| site.with_value(|own| v.outlet_suggestion(own)))
            }),
            shown: Memo::new(move |_| match outcome.get() {
                Some(Outcome::Sent(receipt)) => Shown::Sent(receipt),
                Some(Outcome::Quiet) => Shown::Quiet,
                _ => Shown::Form,
            }),
            event_id: StoredValue::new(event_id),
            sources,
            site,
        };
        Effect::new(move |_| {
            let v = values.get();
            form.event_id.with_value(|id| draft::save(id, &v));
        });
        form
    }

    /// Sending is not possible now: a request is on its way, or a wait (tracked).
    pub fn blocked(self) -> bool {
        self.sending.get() || self.wait.left().is_some()
    }

    /// The reader changed a field.
    pub fn set(self, field: Field, text: String) {
        self.values.update(|v| v.set(field, text));
        self.recheck(field);
    }

    /// After a failed attempt, errors follow the fixes: a corrected field
    /// loses its error at once (new errors wait for the next attempt).
    fn recheck(self, field: Field) {
        if self.errors.with_untracked(Vec::is_empty) {
            return;
        }
        let fresh = self.validate();
        self.errors.update(|errs| {
            if let Some(i) = errs.iter().position(|e| e.field == field.name()) {
                match fresh.iter().find(|e| e.field == field.name()) {
                    Some(now) => errs[i] = now.clone(),
                    None => {
                        errs.remove(i);
                    }
                }
            }
        });
    }

    /// What is typed, checked as the server checks it, in the form's order.
    fn validate(self) -> Vec<FieldError> {
        self.values
            .with_untracked(|v| self.site.with_value(|own| v.validate(own)))
    }

    /// Sends what is typed, once it passes the server's checks.
    pub fn attempt(self) {
        // One request at a time: a double click sends once.
        if self.sending.get_untracked() || self.wait.is_waiting() {
            return;
        }
        if self.honeypot.with_untracked(|h| non_blank(h).is_some()) {
            self.outcome.set(Some(Outcome::Quiet));
            focus_later(receipt::HEADING_ID.to_owned());
            return;
        }
        let typed = self.values.get_untracked();
        let problems = self.validate();
        if let Some(field) = first_invalid(&problems) {
            self.errors.set(problems);
            self.outcome.set(None);
            focus_later(control_id(field));
            return;
        }
        self.errors.set(Vec::new());
        if self.covered.with_untracked(Option::is_some) {
            // Said beside the address already; take the reader there.
            self.outcome.set(None);
            focus_later(control_id(Field::Url));
            return;
        }
        self.outcome.set(None);
        self.sending.set(true);
        let (event_id, request) = (self.event_id.get_value(), typed.to_request());
        spawn_local(async move { self.finish(submit_source(&event_id, &request).await) });
    }

    /// What the backend's answer does to the form.
    fn finish(self, result: Result<SubmissionReceipt, SubmitError>) {
        self.sending.set(false);
        match result {
            Ok(receipt) => {
                self.event_id.with_value(|id| draft::clear(id));
                self.values.set(FormValues::default());
                self.restored.set(false);
                self.outcome.set(Some(Outcome::Sent(receipt)));
                focus_later(receipt::HEADING_ID.to_owned());
            }
            Err(SubmitError { error, retry_after }) => {
                let ApiError::Status { status, problem } = &error else {
                    self.outcome.set(Some(Outcome::Failed(error)));
                    return;
                };
                let Some(now) = now_utc() else {
                    self.outcome.set(Some(Outcome::Failed(error)));
                    return;
                };
                let why = self.sources.with_value(|s| {
                    refusal(*status, problem.as_deref(), retry_after.as_deref(), now, s)
                });
                match &why {
                    Refusal::Invalid { fields, .. } => {
                        self.errors.set(fields.clone());
                        if let Some(field) = first_invalid(fields) {
                            focus_later(control_id(field));
                        }
                    }
                    Refusal::RateLimited { seconds } => self.wait.start(*seconds),
                    Refusal::Failed => {
                        self.outcome.set(Some(Outcome::Failed(error)));
                        return;
                    }
                    _ => {}
                }
                self.outcome.set(Some(Outcome::Refused(why)));
            }
        }
    }

    /// An empty form again, focus on the address.
    pub fn start_over(self) {
        self.values.set(FormValues::default());
        self.errors.set(Vec::new());
        self.outcome.set(None);
        self.restored.set(false);
        focus_later(control_id(Field::Url));
    }
}
