//! The list of a chosen dot's events, under the map.

use std::sync::Arc;

use eventdesk_model::EventSummary;
use eventdesk_page_logic::map::feed_dots::Group;
use leptos::prelude::*;

/// The list's box, which the dots control (`aria-controls`).
pub const PANEL_ID: &str = "feed-map-list";

#[component]
pub fn FeedMapPanel(
    group: Group,
    events: Signal<Vec<Arc<EventSummary>>>,
    /// Closes the list and returns to its dot.
    on_close: Callback<()>,
) -> impl IntoView {
    let items = events.with(|all| {
        group
            .events
            .iter()
            .filter_map(|&i| all.get(i))
            .map(|e| {
                let headline = e.headline().to_owned();
                let href = e.path();
                let level = e.confidence.level.clone();
                view! {
                    <li>
                        <a href=href>{headline}</a>
                        " "
                        <span class=format!("feed-map__level feed-map__level--{}", level.css_token())>
                            {level.icon()} " " {level.label()}
                        </span>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <div class="feed-map__list">
            <h2 class="feed-map__heading">{group.name}</h2>
            <ul>{items}</ul>
            <button
                type="button"
                class="button button--secondary feed-map__close"
                on:click=move |_| on_close.run(())
            >
                "Close"
            </button>
        </div>
    }
}
