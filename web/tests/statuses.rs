//! The status of each page the app's server sends: 200 for a page that is
//! there, 404 for one that is not (an address that is none of the app's
//! pages, an id the contract does not allow, a thing the upstream does not
//! have), 410 for a withdrawn one; each with the app's page, a `noindex`
//! head and a title that says what is missing, as the app's view of it does.
//! An upstream that fails or dawdles is not the page's fault: 200 with the
//! app, which shows the error with a retry, never a 5xx.

mod support;

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;
use support::html::{parse_head, Head};
use support::stub::{Reply, Stub};
use support::{Answer, Site, Web, APP_MARK, EVENT_APP_MARK, PARIS};

/// A withdrawn event of the reference backend's sample data.
const WITHDRAWN: &str = "dali-ship-strikes-baltimore-bridge-2024-03-26";

/// The app's page at `path` with `status`: HTML of the build marked `build`,
/// revalidated, with its script policy; its head.
async fn page_with_status(
    web: &Web,
    path: &str,
    status: StatusCode,
    build: &str,
) -> (Answer, Head) {
    let a = web.get(path).await;
    assert_eq!(a.status, status, "{path}");
    let html = a.text();
    assert!(html.contains(build), "{path}: the app's build\n{html}");
    assert!(
        a.header("content-type")
            .unwrap_or("")
            .starts_with("text/html"),
        "{path}"
    );
    assert_eq!(a.header("cache-control"), Some("no-cache"), "{path}");
    assert!(a.header("content-security-policy").is_some(), "{path}");
    assert!(!html.contains("eventdesk-preload"), "{path}: no first data");
    let head = parse_head(&html);
    (a, head)
}

/// A page that is not there: `noindex`, titled `title`.
fn says_not_there(head: &Head, path: &str, title: &str) {
    assert_eq!(head.title, vec![title.to_owned()], "{path}");
    assert_eq!(head.one("robots"), "noindex", "{path}");
    assert_eq!(
        head.one("og:title"),
        title.trim_end_matches(" · Eventdesk"),
        "{path}"
    );
}

#[tokio::test]
async fn pages_that_are_there_answer_200_and_are_indexed() {
    let site = Site::start().await;
    let receipt = site
        .post_json(
            &format!("/api/v1/events/{PARIS}/submissions"),
            &json!({ "url": "https://www.example-news.org/2025/09/04/statuses-receipt" }),
        )
        .await;
    assert_eq!(receipt.status, 202, "{}", receipt.text());
    let receipt = format!("/submissions/{}", receipt.json()["id"].as_str().unwrap());
    for (path, build) in [
        ("/", APP_MARK),
        ("/?category=diplomatic", APP_MARK),
        ("/methodology", APP_MARK),
        ("/methodology/", APP_MARK),
        (&format!("/events/{PARIS}") as &str, EVENT_APP_MARK),
        ("/entities/emmanuel-macron", APP_MARK),
        (&receipt, APP_MARK),
    ] {
        let a = site.get(path).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert!(a.text().contains(build), "{path}");
        let head = parse_head(&a.text());
        assert!(!head.meta.contains_key("robots"), "{path}: {head:#?}");
    }
}

#[tokio::test]
async fn what_the_backend_does_not_have_is_404_and_a_withdrawn_event_410() {
    let site = Site::start().await;
    let (_, head) = page_with_status(
        &site,
        "/events/no-such-event-2099",
        StatusCode::NOT_FOUND,
        EVENT_APP_MARK,
    )
    .await;
    says_not_there(&head, "event", "No event at this link · Eventdesk");
    assert_eq!(head.canonical, vec![site.url("/events/no-such-event-2099")]);

    let (_, head) = page_with_status(
        &site,
        &format!("/events/{WITHDRAWN}"),
        StatusCode::GONE,
        EVENT_APP_MARK,
    )
    .await;
    says_not_there(&head, "withdrawn", "This event was withdrawn · Eventdesk");
    let reason = site
        .get(&format!("/api/v1/events/{WITHDRAWN}"))
        .await
        .problem(410)["detail"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(head.one("description").contains(&reason), "{head:#?}");

    let (_, head) = page_with_status(
        &site,
        "/entities/nobody-here",
        StatusCode::NOT_FOUND,
        APP_MARK,
    )
    .await;
    says_not_there(&head, "entity", "No entity at this link · Eventdesk");

    let (_, head) = page_with_status(
        &site,
        "/submissions/sub_nope",
        StatusCode::NOT_FOUND,
        APP_MARK,
    )
    .await;
    says_not_there(&head, "receipt", "No submission at this link · Eventdesk");
}

#[tokio::test]
async fn an_address_that_is_none_of_the_apps_pages_is_404() {
    let site = Site::start().await;
    for path in [
        "/no/such/page",
        "/nowhere",
        "/events",
        "/events/",
        "/events/a/b",
        "/entities",
        "/submissions",
        "/methodology/extra",
        "/index.html",
        "/event.html",
        "/Events/paris",
        "/no-such-page?q=x",
    ] {
        let (_, head) = page_with_status(&site, path, StatusCode::NOT_FOUND, APP_MARK).await;
        says_not_there(&head, path, "Page not found · Eventdesk");
        assert!(
            head.one("description")
                .starts_with("There is no page at this link."),
            "{path}"
        );
    }
    // A missing file is still a plain 404, not the app.
    let asset = site.get("/eventdesk-ffffffffffffffff.js").await;
    assert_eq!(asset.status, StatusCode::NOT_FOUND);
    assert!(!asset.text().contains(APP_MARK));
}

#[tokio::test]
async fn an_id_the_contract_does_not_allow_is_404_without_asking_the_upstream() {
    let stub = Stub::start(|_| Reply::json(200, &json!({}))).await;
    let web = Web::start(&stub.base).await;
    for (path, build, title) in [
        (
            "/events/a%20b",
            EVENT_APP_MARK,
            "No event at this link · Eventdesk",
        ),
        (
            "/events/%ff",
            EVENT_APP_MARK,
            "No event at this link · Eventdesk",
        ),
        (
            "/events/a.b",
            EVENT_APP_MARK,
            "No event at this link · Eventdesk",
        ),
        (
            "/entities/a%2Fb",
            APP_MARK,
            "No entity at this link · Eventdesk",
        ),
        (
            "/submissions/sub.nope",
            APP_MARK,
            "No submission at this link · Eventdesk",
        ),
        (
            &format!("/events/{}", "a".repeat(129)) as &str,
            EVENT_APP_MARK,
            "No event at this link · Eventdesk",
        ),
    ] {
        let (_, head) = page_with_status(&web, path, StatusCode::NOT_FOUND, build).await;
        says_not_there(&head, path, title);
    }
    assert_eq!(stub.seen().len(), 0, "{:?}", stub.seen());
}

#[tokio::test]
async fn any_upstream_says_404_or_410_and_the_page_follows() {
    let stub = Stub::start(|seen| match seen.path.as_str() {
        "/submissions/sub_gone" | "/entities/gone" => {
            Reply::problem(410, "Gone", "Removed at the reader's request.")
        }
        _ => Reply::problem(404, "Not Found", "Nothing here."),
    })
    .await;
    let web = Web::start(&stub.base).await;
    for (path, status, build, title) in [
        (
            "/submissions/sub_x",
            StatusCode::NOT_FOUND,
            APP_MARK,
            "No submission at this link · Eventdesk",
        ),
        (
            "/submissions/sub_gone",
            StatusCode::GONE,
            APP_MARK,
            "This submission was withdrawn · Eventdesk",
        ),
        (
            "/entities/gone",
            StatusCode::GONE,
            APP_MARK,
            "This entity was withdrawn · Eventdesk",
        ),
        (
            "/events/x",
            StatusCode::NOT_FOUND,
            EVENT_APP_MARK,
            "No event at this link · Eventdesk",
        ),
    ] {
        let (_, head) = page_with_status(&web, path, status, build).await;
        says_not_there(&head, path, title);
    }
    // The methodology and the feed have no "not there": their page is the app's.
    assert_eq!(web.get("/methodology").await.status, StatusCode::OK);
    assert_eq!(web.get("/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_upstream_that_fails_or_dawdles_gives_200_with_the_app() {
    let stub = Stub::start(|_| Reply::problem(503, "Service Unavailable", "Back soon.")).await;
    let web = Web::start(&stub.base).await;
    let pages = [
        ("/events/down", EVENT_APP_MARK),
        ("/entities/down", APP_MARK),
        ("/submissions/sub_down", APP_MARK),
    ];
    for (path, build) in pages {
        let (_, head) = page_with_status(&web, path, StatusCode::OK, build).await;
        assert!(!head.meta.contains_key("robots"), "{path}: {head:#?}");
    }
    stub.set(|_| Reply::json(200, &json!({ "id": 5 })));
    for (path, build) in pages {
        page_with_status(&web, &format!("{path}-wrong"), StatusCode::OK, build).await;
    }
    stub.set(|_| Reply::problem(404, "Not Found", "Nothing here.").after(Duration::from_secs(5)));
    for (path, build) in pages {
        let (a, _) = page_with_status(&web, &format!("{path}-slow"), StatusCode::OK, build).await;
        assert!(
            a.elapsed < Duration::from_secs(2),
            "{path}: {:?}",
            a.elapsed
        );
    }
}
