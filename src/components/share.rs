//! "Share this event": the event's link and a copy button. The result is
//! announced in a live region, and the places to share it to.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::share_links::ShareLinks;

/// The link to this page without query or fragment.
fn page_link() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default()
}

/// Copies with the Clipboard API; false when it is missing or refused.
pub(crate) async fn clipboard_copy(text: &str) -> bool {
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
pub(crate) fn select_and_copy(input: &web_sys::HtmlInputElement) -> bool {
    input.select();
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

#[component]
pub fn ShareSection(
    /// The event's headline, for the share links.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let link = page_link();
    let input = NodeRef::<Input>::new();
    let status = RwSignal::new(String::new());
    let copy = {
        let link = link.clone();
        move |_| {
            let link = link.clone();
            status.set(String::new());
            spawn_local(async move {
                let copied = clipboard_copy(&link).await
                    || input.get_untracked().is_some_and(|i| select_and_copy(&i));
                let message = if copied {
                    "Link copied."
                } else {
                    "The link is selected: copy it with your keyboard or menu."
                };
                status.set(message.to_owned());
            });
        }
    };
    view! {
        <section class="section share" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share this event"</h2>
            <div class="share__row">
                <label class="visually-hidden" for="share-link">"Link to this event"</label>
                <input
                    id="share-link"
                    class="share__link"
                    type="url"
                    readonly
                    prop:value=link.clone()
                    node_ref=input
                    on:focus=move |_| {
                        if let Some(i) = input.get_untracked() {
                            i.select();
                        }
                    }
                />
                <button type="button" class="button" on:click=copy>"Copy link"</button>
            </div>
            <p class="share__status" role="status" aria-live="polite">{move || status.get()}</p>
            <ShareLinks url=link title/>
        </section>
    }
}
