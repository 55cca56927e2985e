//! The list of a chosen dot's events, under the map: each with where it
//! is and its level.

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
            .zip(&group.places)
            .filter_map(|(&i, place)| Some((all.get(i)?, place.clone())))
            .map(|(e, place)| {
                let headline = e.headline().to_owned();
                let href = e.path();
                let level = e.confidence.level.clone();
                let place = (!place.is_empty()).then(|| view! {
                    " " <span class="feed-map__place">{place}</span>
                });
                view! {
                    <li>
                        <a href=href>{headline}</a>
                        {place}
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
