//! What the feed map's shapes mean, and how to use its dots.

use eventdesk_model::ConfidenceLevel;
use leptos::prelude::*;

use super::dot::{level_token, DotShape};

#[component]
pub fn FeedLegend() -> impl IntoView {
    let keys = [
        Some(ConfidenceLevel::Verified),
        Some(ConfidenceLevel::Likely),
        Some(ConfidenceLevel::Unconfirmed),
        Some(ConfidenceLevel::Disputed),
        None,
    ]
    .into_iter()
    .map(|level| {
        let class = format!("feed-map__swatch feed-dot--{}", level_token(level.as_ref()));
        let text = level
            .as_ref()
            .map_or("Several levels".to_owned(), |l| l.label());
        view! {
            <li class="feed-map__key"><span class=class><DotShape level/></span>{text}</li>
        }
    })
    .collect_view();
    view! {
        <div class="feed-map__legend">
            <ul class="feed-map__keys" aria-label="Confidence on the map">{keys}</ul>
            <p class="feed-map__hint">
                "A number counts the events in a group. Choose a dot to list its events; "
                "with a keyboard, arrow keys move between dots."
            </p>
        </div>
    }
}
