//! The feed's first paint (issue 15, item 3): the page for `/` carries the
//! first page of cards as the app draws them, for the filters in its
//! address, read from the upstream's `/events` with the same query; with an
//! upstream that fails or dawdles there is none (see `faults.rs`).

mod support;

use serde_json::Value;
use support::Site;

/// The cards' links in the first paint, in order.
fn card_links(html: &str) -> Vec<String> {
    html.split("<a class=\"event-card__link\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

fn api_links(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("/events/{}", e["id"].as_str().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_feed_paints_its_first_cards_for_its_filters() {
    let server = Site::start().await;
    for (address, query, count) in [
        ("/", "/events?limit=20", None),
        (
            "/?category=diplomatic&utm_source=x",
            "/events?category=diplomatic&limit=20",
            Some("match these filters"),
        ),
    ] {
        let html = server.get(address).await.text();
        let api = server.api.get_json(query).await;
        let links = card_links(&html);
        assert!(!links.is_empty(), "{address}");
        assert_eq!(
            links,
            api_links(&api),
            "{address}: the API's cards, in order"
        );
        assert_eq!(
            html.matches("<article class=\"event-card\">").count(),
            links.len()
        );
        let total = api["total"].as_u64().unwrap();
        let line = match count {
            None => format!("<p class=\"results-count\">{total} events</p>"),
            Some(words) => format!("<p class=\"results-count\">{total} events {words}</p>"),
        };
        assert!(html.contains(&line), "{address}: {line}");
        assert!(html.contains("Skip to events"));
        // Before the app's own markup (the build's body), marked for removal.
        let paint = html.find("data-first-paint").unwrap();
        assert!(paint < html.find("event-card").unwrap());
    }
}

#[tokio::test]
async fn a_view_with_no_event_paints_the_count_and_no_list() {
    let server = Site::start().await;
    let html = server.get("/?q=zzqxnothingmatches").await.text();
    assert!(html.contains("<p class=\"results-count\">No event matches these filters</p>"));
    assert!(!html.contains("event-card"));
}
