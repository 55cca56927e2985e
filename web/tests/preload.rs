//! The app's page carries its first data: `/events/{id}` that event's JSON,
//! `/` (with or without filters) the feed's first page, exactly as the API
//! answers them (read by `eventdesk-web` from the reference API over HTTP),
//! in a data block the page cannot be broken by.

mod support;

use support::html::preload_block as block;
use support::{fixtures_dir, Site, PARIS};

async fn with_dist() -> Site {
    Site::start().await
}

#[tokio::test]
async fn the_event_page_carries_the_event() {
    let server = with_dist().await;
    let page = server.get(&format!("/events/{PARIS}")).await.text();
    let (api, at, json) = block(&page).expect("a preload block");
    assert_eq!(api, format!("/events/{PARIS}"));
    assert_eq!(at, format!("/events/{PARIS}"));
    assert_eq!(
        json,
        server.get_json(&format!("/api/v1/events/{PARIS}")).await
    );
    assert_eq!(
        json,
        server.api.get_json(&format!("/events/{PARIS}")).await,
        "as the upstream answers it"
    );
    assert!(page.contains("data-first-paint"), "with its first paint");
    assert!(
        page.find("eventdesk-preload").unwrap()
            < page.to_ascii_lowercase().rfind("</body").unwrap()
    );
}

#[tokio::test]
async fn the_feed_carries_its_first_page_for_its_filters() {
    let server = with_dist().await;
    let (api, at, json) = block(&server.get("/").await.text()).expect("a preload block");
    assert_eq!((api.as_str(), at.as_str()), ("/events?limit=20", "/"));
    assert_eq!(json, server.get_json("/api/v1/events?limit=20").await);
    assert_eq!(json, server.api.get_json("/events?limit=20").await);

    let (api, at, json) = block(
        &server
            .get("/?category=diplomatic&utm_source=x")
            .await
            .text(),
    )
    .expect("a block");
    assert_eq!(api, "/events?category=diplomatic&limit=20");
    assert_eq!(at, "/?category=diplomatic&utm_source=x");
    assert_eq!(
        json,
        server
            .get_json("/api/v1/events?category=diplomatic&limit=20")
            .await
    );
    assert_eq!(
        json,
        server
            .api
            .get_json("/events?category=diplomatic&limit=20")
            .await
    );
}

#[tokio::test]
async fn pages_without_data_or_with_an_error_carry_none() {
    let server = with_dist().await;
    for (path, status) in [
        ("/methodology", 200),
        ("/entities/emmanuel-macron", 200),
        ("/events/no-such-event", 404),
    ] {
        let page = server.get(path).await;
        assert_eq!(page.status, status, "{path}");
        assert!(!page.text().contains("eventdesk-preload"), "{path}");
        assert!(!page.text().contains("data-first-paint"), "{path}");
    }
}

#[tokio::test]
async fn with_no_preload_pages_carry_their_head_but_no_data() {
    let server = Site::start_with(fixtures_dir(), |setup| setup.no_preload = true).await;
    for path in ["/", &format!("/events/{PARIS}"), "/?category=diplomatic"] {
        let page = server.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let html = page.text();
        assert!(!html.contains("eventdesk-preload"), "{path}");
        assert!(!html.contains("data-first-paint"), "{path}");
        assert!(
            html.contains("property=\"og:title\""),
            "{path}: the head still goes in"
        );
    }
    let event = server.get(&format!("/events/{PARIS}")).await.text();
    assert!(
        event.contains("Coalition of the Willing meets Zelensky in Paris"),
        "the event's own head"
    );
}
