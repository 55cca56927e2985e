//! The app's page carries its first data: `/events/{id}` that event's JSON,
//! `/` (with or without filters) the feed's first page, exactly as the API
//! answers them, in a data block the page cannot be broken by.

mod support;

use serde_json::Value;
use support::{write_dist, Setup, TestServer, PARIS};

async fn with_dist() -> TestServer {
    let (setup, dir) = Setup::fresh();
    write_dist(&setup.dist);
    TestServer::start_with(setup, Some(dir)).await
}

/// The block's `data-api`, `data-page` and decoded JSON, if the page has one.
fn block(html: &str) -> Option<(String, String, Value)> {
    let start = html.find(r#"<script type="application/json" id="eventdesk-preload""#)?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</script>")?;
    let tag = &html[start..open_end];
    let attr = |name: &str| {
        let from = tag.find(&format!("{name}=\""))? + name.len() + 2;
        let raw = &tag[from..from + tag[from..].find('"')?];
        Some(
            raw.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        )
    };
    let json = serde_json::from_str(&html[open_end..close]).ok()?;
    Some((attr("data-api")?, attr("data-page")?, json))
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
}

#[tokio::test]
async fn pages_without_data_or_with_an_error_carry_none() {
    let server = with_dist().await;
    for path in [
        "/methodology",
        "/entities/emmanuel-macron",
        "/events/no-such-event",
    ] {
        let page = server.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(!page.text().contains("eventdesk-preload"), "{path}");
    }
}
