//! An address to copy: a read-only field that selects itself on focus (a
//! text area, so that a long address wraps and reads whole at 320 px, where
//! a one-line field showed some thirty characters of it), a
//! Copy button, and a status line that says whether it was copied. Copying
//! tries the Clipboard API, then the old `execCommand('copy')`; when both
//! are refused, the field is focused and selected so the reader can copy
//! it by hand, and the status says so. "Share this event" (`share.rs`) and
//! "Follow" (`follow.rs`) both use it, each with its own words.

use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Copies with the Clipboard API; false when it is missing or refused.
async fn clipboard_copy(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// The old way: select the text and ask the document to copy it.
fn select_and_copy(field: &web_sys::HtmlTextAreaElement) -> bool {
    field.select();
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// The field's row and its status line. The row's, the status's and the
/// actions' classes are `{block}__row`, `{block}__status` and
/// `{block}__actions`.
#[component]
pub fn CopyField(
    /// The class block: "share", "follow".
    block: &'static str,
    /// The field's element id.
    id: &'static str,
    label: &'static str,
    /// The label's class ("visually-hidden" to hide it).
    label_class: &'static str,
    input_class: &'static str,
    /// The address; a new one clears an old "copied".
    #[prop(into)]
    value: Signal<String>,
    /// The button's words.
    button: &'static str,
    /// The status once copied.
    copied: &'static str,
    /// The status when copying was refused and the field is selected instead.
    refused: &'static str,
    /// More actions beside the button: then both go in `{block}__actions`.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let field = NodeRef::<Textarea>::new();
    let status = RwSignal::new("");
    // A new address (the feed's filters changed) makes an old "copied" untrue.
    Effect::new(move |_| {
        value.track();
        status.set("");
    });
    let select = move || {
        if let Some(i) = field.get_untracked() {
            i.select();
        }
    };
    let copy = move |_| {
        let text = value.get_untracked();
        status.set("");
        spawn_local(async move {
            let done = clipboard_copy(&text).await
                || field.get_untracked().is_some_and(|i| select_and_copy(&i));
            if !done {
                if let Some(i) = field.get_untracked() {
                    let _ = i.focus();
                }
                select();
            }
            status.set(if done { copied } else { refused });
        });
    };
    let button = view! { <button type="button" class="button" on:click=copy>{button}</button> };
    let actions = match children {
        Some(more) => view! {
            <div class=format!("{block}__actions")>{button}{more()}</div>
        }
        .into_any(),
        None => button.into_any(),
    };
    view! {
        <div class=format!("{block}__row")>
            <label class=label_class for=id>{label}</label>
            <textarea
                id=id
                class=input_class
                rows="2"
                readonly
                spellcheck="false"
                prop:value=move || value.get()
                node_ref=field
                on:focus=move |_| select()
            ></textarea>
            {actions}
        </div>
        <p class=format!("{block}__status") role="status" aria-live="polite">{move || status.get()}</p>
    }
}
