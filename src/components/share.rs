//! "Share this event": the event's link to copy (`CopyField`, the result
//! announced in a live region), and the places to share it to.

use leptos::prelude::*;

use super::copy_field::CopyField;
use super::share_links::ShareLinks;

/// The link to this page without query or fragment.
fn page_link() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default()
}

#[component]
pub fn ShareSection(
    /// The event's headline, for the share links.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let link = page_link();
    view! {
        <section class="section share" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share this event"</h2>
            <CopyField
                block="share"
                id="share-link"
                label="Link to this event"
                label_class="visually-hidden"
                input_class="share__link"
                value=link.clone()
                button="Copy link"
                copied="Link copied."
                refused="The link is selected: copy it with your keyboard or menu."
            />
            <ShareLinks url=link title/>
        </section>
    }
}
