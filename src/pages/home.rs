//! `/`: the feed. Filters live in the URL query (see `FeedFilterForm`), the
//! cards load by cursor page (see `EventList`).

use eventdesk_page_logic::feed::FeedFilters;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::event_list::{EventFeed, EventList, ListRequest};
use crate::components::feed_filter_vocabulary::FilterLists;
use crate::components::feed_filters::FeedFilterForm;
use crate::components::skip_link::SkipLink;
use crate::document::{page_title, set_title_and_description};

/// The id of the events' part of the page, the skip link's target.
const EVENTS_ID: &str = "events";

#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| FeedFilters::from_pairs(query.get()));
    let request = Memo::new(move |_| ListRequest {
        filters: filters.get(),
        entity: None,
    });
    let feed = EventFeed::new(request);
    // One reading of the API's lists, for the form and the title.
    let lists = FilterLists::new(filters);
    // What narrows the feed, as the form counts it, not what the address
    // says: a reversed date range or an unlisted category narrows nothing.
    let filtered = Signal::derive(move || {
        lists
            .vocabulary
            .with(|v| filters.with(|f| !f.in_effect(v).is_empty()))
    });

    // The server's first paint of this page (its heading and first cards)
    // goes as this one is drawn, in the same task.
    Effect::new(move |_| feed.replace_first_paint());
    Effect::new(move |_| {
        let heading = lists
            .vocabulary
            .with(|v| filters.with(|f| f.describe_with(v)));
        set_title_and_description(
            &page_title(&heading),
            "News events and how well independent sources corroborate them.",
        );
    });

    view! {
        <div class="page feed">
            // Past the filters and the map, for keyboards: the first stop in the page.
            <SkipLink target=EVENTS_ID first=".event-card__link">"Skip to events"</SkipLink>
            <header class="feed__header">
                <h1>"Latest events"</h1>
                <p class="lede">
                    "News events, newest first, and how well independent sources corroborate them."
                </p>
            </header>
            <FeedFilterForm filters lists/>
            // The overview map, above the list, shows the events loaded so far.
            <div class="feed__map-slot">
                <crate::components::feed_map::FeedMap events=feed.items total=feed.total/>
            </div>
            <div id=EVENTS_ID class="feed__events" tabindex="-1">
                // The count above says "No event matches these filters" (and
                // is what a screen reader hears): the box only says what to do.
                <EventList
                    feed
                    label="Events"
                    filtered
                    empty=move || {
                        if filtered.get() {
                            view! {
                                <p>"Try fewer filters, another search, or a wider date range."</p>
                                <p><a class="button button--secondary" href="/">"Clear filters"</a></p>
                            }.into_any()
                        } else {
                            view! {
                                <p>"Events appear here as soon as the first sources report them."</p>
                            }.into_any()
                        }
                    }
                />
            </div>
            <crate::components::follow::FollowFeed path=Signal::derive(move || eventdesk_page_logic::follow::feed_path(&filters.get())) what="new events matching these filters"/>
        </div>
    }
}
