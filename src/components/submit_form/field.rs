//! One field of the form: a visible label, a hint, the control, the live
//! character count near the limit, and its error. The hint, count and error
//! describe the control (`aria-describedby`); an error sets `aria-invalid`
//! and is announced when it appears.

use eventdesk_model::submission::Field as Name;
use eventdesk_model::FieldError;
use eventdesk_page_logic::form::{chars_left, error_for, FormValues};
use leptos::either::Either;
use leptos::prelude::*;

/// The id of a field's control, which labels, links and focus use.
pub fn control_id(field: Name) -> String {
    format!("submit-{}", field.name())
}

/// What kind of control a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// `<input type=…>` with an `autocomplete` and an `inputmode` hint.
    Input {
        kind: &'static str,
        autocomplete: &'static str,
    },
    /// A `<textarea>` for longer text.
    Text,
}

#[component]
pub fn Field(
    field: Name,
    label: &'static str,
    hint: &'static str,
    control: Control,
    #[prop(optional)] required: bool,
    values: RwSignal<FormValues>,
    errors: RwSignal<Vec<FieldError>>,
    /// Runs after every change, with the field.
    on_change: Callback<Name>,
    /// Extra content under the control (a notice, a suggestion), described by `extra_id`.
    #[prop(optional)]
    extra: Option<ViewFn>,
    /// The id of that extra content, when it should describe the control.
    #[prop(optional)]
    extra_id: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let id = control_id(field);
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let error_id = format!("{id}-error");

    let value = Memo::new(move |_| values.with(|v| v.get(field).to_owned()));
    let error = Memo::new(move |_| errors.with(|e| error_for(e, field).map(str::to_owned)));
    let count = Memo::new(move |_| value.with(|v| chars_left(field, v)));
    let over = Memo::new(move |_| count.get().is_some_and(|c| c.ends_with("too many")));

    let described_by = {
        let (hint_id, count_id, error_id) = (hint_id.clone(), count_id.clone(), error_id.clone());
        move || {
            let mut ids = vec![hint_id.clone()];
            if let Some(extra) = extra_id.and_then(|s| s.get()) {
                ids.push(extra);
            }
            if count.with(Option::is_some) {
                ids.push(count_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let set = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        values.update(|v| v.set(field, text));
        on_change.run(field);
    };

    let control_view = match control {
        Control::Input { kind, autocomplete } => Either::Left(view! {
            <input
                id=id.clone()
                name=field.name()
                class="field__control"
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                autocapitalize="off"
                required=required
                aria-describedby=described_by.clone()
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=set
            />
        }),
        Control::Text => Either::Right(view! {
            <textarea
                id=id.clone()
                name=field.name()
                class="field__control field__control--text"
                rows="4"
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=set
            ></textarea>
        }),
    };

    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>
                {label}
                {if required {
                    Either::Left(view! { " " <span class="field__required">"(required)"</span> })
                } else {
                    Either::Right(view! { " " <span class="field__optional">"(optional)"</span> })
                }}
            </label>
            <p class="field__hint" id=hint_id>{hint}</p>
            {control_view}
            <p class="field__count" class:field__count--over=over id=count_id aria-live="polite">
                {move || count.get()}
            </p>
            {move || error.get().map(|message| view! {
                <p class="field__error" id=error_id.clone() role="alert">
                    <span class="field__error-icon" aria-hidden="true">"⚠ "</span>
                    {message}
                </p>
            })}
            {extra.map(|extra| move || extra.run())}
        </div>
    }
}
