//! One field of the form: a visible label, a hint, the control, the live
//! character count near the limit, and its error. The hint, count and error
//! describe the control (`aria-describedby`); an error sets `aria-invalid`
//! and is announced when it appears.

use eventdesk_model::article_url::url_hint;
use eventdesk_model::submission::Field;
use eventdesk_page_logic::form::{chars_left, error_for};
use leptos::either::Either;
use leptos::prelude::*;

use super::focus::control_id;
use super::state::FormState;

/// What kind of control a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    /// `<input type=…>` with an `autocomplete` hint.
    Input {
        kind: &'static str,
        autocomplete: &'static str,
    },
    /// A `<textarea>` for longer text.
    Text,
}

/// How a field is shown.
struct Look {
    label: &'static str,
    hint: String,
    control: Control,
    required: bool,
}

/// Each field's label, hint and control: one place, and every field has them.
fn look(field: Field) -> Look {
    match field {
        Field::Url => Look {
            label: "Article URL",
            // The same words as the address's errors: the model's.
            hint: url_hint(),
            control: Control::Input {
                kind: "url",
                autocomplete: "url",
            },
            required: true,
        },
        Field::OutletName => Look {
            label: "Outlet name",
            hint: "The newspaper, site or agency that published it.".into(),
            control: Control::Input {
                kind: "text",
                autocomplete: "off",
            },
            required: false,
        },
        Field::Note => Look {
            label: "What it reports",
            hint: "For the editor: what the article says about this event.".into(),
            control: Control::Text,
            required: false,
        },
        Field::Email => Look {
            label: "Your email",
            hint: "Only to tell you the outcome. It is never shown or shared, nor kept on this device."
                .into(),
            control: Control::Input {
                kind: "email",
                autocomplete: "email",
            },
            required: false,
        },
    }
}

#[component]
pub fn FormField(
    /// The form the field belongs to: its values and errors.
    form: FormState,
    field: Field,
    /// Extra content under the control (a notice, a suggestion), described by `extra_id`.
    #[prop(optional)]
    extra: Option<ViewFn>,
    /// The id of that extra content, when it should describe the control.
    #[prop(optional)]
    extra_id: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let Look {
        label,
        hint,
        control,
        required,
    } = look(field);
    let id = control_id(field);
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let error_id = format!("{id}-error");

    let value = Memo::new(move |_| form.values.with(|v| v.get(field).to_owned()));
    let error = Memo::new(move |_| form.errors.with(|e| error_for(e, field).map(str::to_owned)));
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
    let set = move |ev: leptos::ev::Event| form.set(field, event_target_value(&ev));

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
