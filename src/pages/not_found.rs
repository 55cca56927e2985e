//! Any path the app does not know.

use leptos::prelude::*;

use crate::document::{page_title, set_title_and_description};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_title_and_description(
        &page_title("Page not found"),
        "There is no page at this link.",
    );
    view! {
        <div class="page notice-page">
            <h1>"Page not found"</h1>
            <p class="lede">"There is no page at this link. It may have been mistyped or moved."</p>
            <p class="notice-page__actions">
                <a class="button" href="/">"See the latest events"</a>
                <a href="/methodology">"How we assess confidence"</a>
            </p>
        </div>
    }
}
