//! The event's category: emoji and label, "🤝 Diplomatic".

use eventdesk_model::Category;
use leptos::prelude::*;

#[component]
pub fn CategoryBadge(category: Category) -> impl IntoView {
    view! {
        <p class="event-category">
            <span class="badge badge--category">
                <span class="badge__icon" aria-hidden="true">{category.icon().to_owned()}</span>
                " "
                {category.display_label()}
            </span>
        </p>
    }
}
