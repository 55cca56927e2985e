//! "Follow": the address of a page's Atom feed (shown, selectable), a copy
//! button, and a link that opens the feed in the reader's feed reader. The
//! addresses are page-logic's (`follow`), the same the server's
//! `<link rel="alternate">` tags give.

use eventdesk_model::paths::ID_PARAM;
use eventdesk_page_logic::follow::{event_feed_path, ATOM_TYPE};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::copy_field::CopyField;

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
    view! {
        <section class="section follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading">"Follow"</h2>
            <p class="follow__lede">
                {format!("Get {what} in a feed reader, with no account: add this address to it.")}
            </p>
            <CopyField
                block="follow"
                id="follow-address"
                label="Feed address (Atom)"
                label_class="follow__label"
                input_class="follow__address"
                value=url
                button="Copy address"
                copied="Feed address copied. Paste it into your feed reader."
                refused="Copying was not allowed here. The address is selected: copy it with your keyboard (Ctrl+C, or ⌘C) or your browser's menu."
            >
                <a class="button button--secondary follow__open" href=move || url.get() type=ATOM_TYPE>
                    "Open in a feed reader"
                </a>
            </CopyField>
        </section>
    }
}
