//! The event page's shape while it loads, so that nothing jumps when the
//! content arrives.

use leptos::prelude::*;

#[component]
pub fn EventSkeleton() -> impl IntoView {
    view! {
        <div class="event skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading the event…"</p>
            <div class="event-header" aria-hidden="true">
                <span class="skeleton__block skeleton__badge"></span>
                <span class="skeleton__block skeleton__title"></span>
                <span class="skeleton__block skeleton__line"></span>
                <span class="skeleton__block skeleton__line"></span>
                <span class="skeleton__block skeleton__line skeleton__line--short"></span>
            </div>
            {["location", "confidence", "reports"].map(|part| view! {
                <div class=format!("section skeleton__section skeleton__section--{part}") aria-hidden="true">
                    <span class="skeleton__block skeleton__heading"></span>
                    <span class="skeleton__block skeleton__line"></span>
                    <span class="skeleton__block skeleton__line skeleton__line--short"></span>
                </div>
            }).into_iter().collect_view()}
        </div>
    }
}
