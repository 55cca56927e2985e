//! A card's small locator map: the shared world image with a dot where the
//! event happened. Decorative (the card names the place in words), so it is
//! hidden from assistive technology, takes no focus and lets clicks through
//! to the card's link. One image for every card, loaded lazily; each card
//! adds only a few positioned spans.

use eventdesk_model::EventSummary;
use eventdesk_page_logic::map::locator::{card_dots, dot_style, FILE_NAME};
use leptos::prelude::*;

/// The locator, or nothing when no place has drawable coordinates.
pub fn locator_view(event: &EventSummary) -> Option<impl IntoView> {
    let dots = card_dots(event);
    if dots.is_empty() {
        return None;
    }
    let dots = dots
        .into_iter()
        .map(|at| view! { <span class="locator__dot" style=dot_style(at)></span> })
        .collect_view();
    Some(view! {
        <span class="locator" aria-hidden="true">
            <img
                class="locator__map"
                src=format!("/maps/{FILE_NAME}")
                alt=""
                width="72"
                height="42"
                loading="lazy"
                decoding="async"
            />
            {dots}
        </span>
    })
}
