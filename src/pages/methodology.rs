//! `/methodology`: how we assess confidence (its own issue fills it).

use leptos::prelude::*;

use crate::document::{page_title, set_title_and_description};

#[component]
pub fn MethodologyPage() -> impl IntoView {
    set_title_and_description(
        &page_title("How we assess confidence"),
        "How Eventdesk rates the corroboration of an event, and what source tone means.",
    );
    view! {
        <div class="page">
            <h1>"How we assess confidence"</h1>
            <p class="lede">
                "Each event is rated by how many independent sources agree on its core facts."
            </p>
        </div>
    }
}
