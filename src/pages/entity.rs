//! `/entities/:id`: a person, organisation or place and its events (its own issue fills it).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::document::{page_title, set_title_and_description};

#[component]
pub fn EntityPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    Effect::new(move |_| {
        set_title_and_description(&page_title(&id()), "The events that name this entity.");
    });
    view! {
        <div class="page">
            <h1>{id}</h1>
            <p class="lede">"The events that name this entity."</p>
        </div>
    }
}
