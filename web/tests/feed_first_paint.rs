//! The feed's first paint (issue 15, item 3): the page for `/` carries the
//! first page of cards as the app draws them, for the filters in its
//! address, read from the upstream's `/events` with the same query; with an
//! upstream that fails or dawdles there is none (see `faults.rs`).
//!
//! Sorted by update (issue 16), the page for `/?sort=updated` paints the
//! cards the app will draw, in the same order (the matching events, most
//! recently updated first), and the cards are marked when updated after the
//! day their event occurred.

mod support;

use eventdesk_model::{EventPage, EventSummary};
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

/// The API's events, most recently updated first, then newest first:
/// written here from the contract's fields, not with the app's sorter.
fn by_update(mut events: Vec<EventSummary>) -> Vec<String> {
    events.sort_by_key(|e| {
        std::cmp::Reverse((
            e.updated_at.as_ref().and_then(|t| t.parse()),
            e.occurred_on.clone(),
        ))
    });
    events.iter().map(EventSummary::path).collect()
}

#[tokio::test]
async fn sorted_by_update_the_first_paint_is_the_apps_order() {
    let server = Site::start().await;
    for (address, query) in [
        ("/?sort=updated", "/events?limit=100"),
        (
            "/?category=diplomatic&sort=updated",
            "/events?category=diplomatic&limit=100",
        ),
    ] {
        let html = server.get(address).await.text();
        let page: EventPage = serde_json::from_value(server.api.get_json(query).await).unwrap();
        assert!(page.next_cursor.is_none(), "the sample fits one read");
        let mut expected = by_update(page.items.clone());
        expected.truncate(20);
        assert_eq!(card_links(&html), expected, "{address}");
        // Not in the API's order (by date) for the whole feed.
        if address == "/?sort=updated" {
            let dated: Vec<String> = page.items.iter().take(20).map(EventSummary::path).collect();
            assert_ne!(card_links(&html), dated);
        }
        // Everything was sorted: no bound to speak of.
        assert!(!html.contains("Sorted among"));
        // The data embedded is the read the app makes first.
        assert!(html.contains(&format!("data-api=\"{}\"", query.replace('&', "&amp;"))));
    }
}

#[tokio::test]
async fn cards_say_when_they_were_updated() {
    let server = Site::start().await;
    let html = server.get("/?sort=updated").await.text();
    // The seed event, updated long after 4 September 2025, comes first.
    let first = html.find("class=\"event-card__link\"").unwrap();
    let seed = html
        .find("/events/paris-coalition-security-guarantees-2025-09-04")
        .unwrap();
    assert!(seed > first && seed - first < 40);
    assert!(html.contains(concat!(
        "<span class=\"event-card__mark event-card__mark--updated\">",
        "<span class=\"event-card__mark-word\">Updated</span> <time datetime=\"2026-05-30\""
    )));
    // Same-day records are not marked.
    let dated = server.get("/").await.text();
    let nepal = dated
        .split("<li class=\"event-list__item\">")
        .find(|card| card.contains("nepal-social-media-ban-protests"))
        .unwrap();
    assert!(!nepal.contains("event-card__mark"));
}
