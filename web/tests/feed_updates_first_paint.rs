//! The feed sorted by update (issue 16): the page for `/?sort=updated`
//! paints the cards the app will draw, in the same order (the matching
//! events, most recently updated first), and marks the cards updated after
//! the day their event occurred.

mod support;

use eventdesk_model::{EventPage, EventSummary};
use support::Site;

/// The cards' links in the first paint, in order.
fn card_links(html: &str) -> Vec<String> {
    html.split("<a class=\"event-card__link\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
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
