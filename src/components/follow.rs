//! "Follow": the address of a page's Atom feed (shown, selectable), a copy
//! button, and a link that opens the feed in the reader's feed reader. The
//! addresses are page-logic's (`follow`), the same the server's
//! `<link rel="alternate">` tags give.

use eventdesk_model::paths::ID_PARAM;
use eventdesk_page_logic::follow::{event_feed_path, ATOM_TYPE};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use super::share::{clipboard_copy, select_and_copy};

/// `path` under this page's origin.
fn absolute(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// The Follow control of the event page whose route it is in.
#[component]
pub fn FollowEvent() -> impl IntoView {
    let params = use_params_map();
    let path =
        Signal::derive(move || event_feed_path(&params.read().get(ID_PARAM).unwrap_or_default()));
    view! { <FollowFeed path what="every update to this event"/> }
}

#[component]
pub fn FollowFeed(
    /// The feed's path, e.g. `/events/{id}/feed.atom`; follows the filters on the feed.
    #[prop(into)]
    path: Signal<String>,
    /// What the feed brings: "every update to this event".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let url = Memo::new(move |_| absolute(&path.get()));
    let input = NodeRef::<Input>::new();
    let status = RwSignal::new(String::new());
    // A new address (the filters changed) makes an old "copied" untrue.
    Effect::new(move |_| {
        url.track();
        status.set(String::new());
    });
    let copy = move |_| {
        let text = url.get_untracked();
        status.set(String::new());
        spawn_local(async move {
            let copied = clipboard_copy(&text).await
                || input.get_untracked().is_some_and(|i| select_and_copy(&i));
            let message = if copied {
                "Feed address copied. Paste it into your feed reader."
            } else {
                if let Some(i) = input.get_untracked() {
                    let _ = i.focus();
                    i.select();
                }
                "Copying was not allowed here. The address is selected: copy it with your keyboard (Ctrl+C, or ⌘C) or your browser's menu."
            };
            status.set(message.to_owned());
        });
    };
    view! {
        <section class="section follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading">"Follow"</h2>
            <p class="follow__lede">
                {format!("Get {what} in a feed reader, with no account: add this address to it.")}
            </p>
            <div class="follow__row">
                <label class="follow__label" for="follow-address">"Feed address (Atom)"</label>
                <input
                    id="follow-address"
                    class="follow__address"
                    type="url"
                    readonly
                    spellcheck="false"
                    prop:value=move || url.get()
                    node_ref=input
                    on:focus=move |_| {
                        if let Some(i) = input.get_untracked() {
                            i.select();
                        }
                    }
                />
                <div class="follow__actions">
                    <button type="button" class="button" on:click=copy>"Copy address"</button>
                    <a class="button button--secondary follow__open" href=move || url.get() type=ATOM_TYPE>
                        "Open in a feed reader"
                    </a>
                </div>
            </div>
            <p class="follow__status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
}
