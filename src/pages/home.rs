//! `/`: the feed of events (its own issue fills it).

use leptos::prelude::*;

use crate::document::{page_title, set_title_and_description};

#[component]
pub fn HomePage() -> impl IntoView {
    set_title_and_description(
        &page_title("Latest events"),
        "News events and how well independent sources corroborate them.",
    );
    view! {
        <div class="page">
            <h1>"Latest events"</h1>
            <p class="lede">"News events, and how well independent sources corroborate them."</p>
        </div>
    }
}
