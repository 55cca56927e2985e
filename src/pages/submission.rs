//! `/submissions/:id`: where a reader's submitted source stands (its own issue fills it).

use leptos::prelude::*;

use crate::document::{page_title, set_title_and_description};

#[component]
pub fn SubmissionPage() -> impl IntoView {
    set_title_and_description(
        &page_title("Your submission"),
        "Where your suggested source stands in editorial review.",
    );
    view! {
        <div class="page">
            <h1>"Your submission"</h1>
            <p class="lede">"Where your suggested source stands in editorial review."</p>
        </div>
    }
}
