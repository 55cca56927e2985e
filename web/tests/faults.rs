//! A failing upstream never breaks a page: slow, down, 5xx, not JSON, not
//! the contract's JSON, too large or cut short, each page still answers 200
//! with the app and a generic head within about a second, the share card is
//! the site's, and the API passed through says what went wrong. Then what
//! the upstream's cache does for readers: one call for a burst of readers,
//! none within `max-age`, a revalidation by `ETag`, an old answer standing in
//! for a failed one.
//!
//! Each test runs its own app server in front of its own stub upstream.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use eventdesk_web::share::meta::{METHODOLOGY_DESCRIPTION, SITE_DESCRIPTION};
use reqwest::StatusCode;
use serde_json::json;
use support::html::{parse_head, png_size, preload_block};
use support::stub::{dead_base, event, RawStub, Reply, Stub};
use support::{Answer, Web, WebSetup, APP_MARK, EVENT_APP_MARK};

/// The event page's id, the card's and the API call's: each its own, so
/// no read waits on another's call.
const PAGE_ID: &str = "fault-page";
const CARD_ID: &str = "fault-card";
const API_ID: &str = "fault-api";
const ENTITY_ID: &str = "fault-entity";
/// The slow stub's delay.
const SLOW: Duration = Duration::from_secs(5);
/// The proxy's timeout here (10 s in production).
const PROXY_TIMEOUT: Duration = Duration::from_secs(1);
/// A page waits 900 ms for its data; this leaves room for a busy machine.
const PAGE_MAX: Duration = Duration::from_secs(2);
/// A card waits 3 s for its event.
const CARD_MAX: Duration = Duration::from_millis(3500);

/// What the passed-through API call must answer.
enum Proxied {
    /// The app server's own problem with this status.
    Problem(u16),
    /// The upstream's answer as it was sent.
    Unchanged(Reply),
}

/// An app server in front of `upstream`, its proxy's timeout shortened and
/// the site card drawn once (so no timing below counts its first drawing).
async fn web_in_front_of(upstream: &str) -> Web {
    let (mut setup, dir) = WebSetup::fresh(upstream);
    setup.api_timeout_ms = PROXY_TIMEOUT.as_millis() as u64;
    support::write_dist(&setup.dist);
    let web = Web::start_with(setup, Some(dir)).await;
    let site = web.get("/share/site.png").await;
    assert_eq!(site.status, StatusCode::OK);
    web
}

/// The app page at `path` with no data of its own: 200 HTML with the build,
/// a generic head titled `title` (canonical = the page, the site card), no
/// first paint or data block, a script policy, in time.
async fn assert_app_without_data(web: &Web, path: &str, title: &str, build: &str) -> Answer {
    let a = web.get(path).await;
    let what = format!("{path} ({:?})", web.setup.upstream);
    eprintln!("{what}: {} in {:?}", a.status, a.elapsed);
    assert_eq!(a.status, StatusCode::OK, "{what}");
    assert!(a.elapsed < PAGE_MAX, "{what} took {:?}", a.elapsed);
    assert!(
        a.header("content-type")
            .unwrap_or("")
            .starts_with("text/html"),
        "{what}"
    );
    let csp = a.header("content-security-policy").unwrap_or("");
    assert!(
        csp.contains("script-src") && csp.contains("frame-ancestors 'none'"),
        "{what}: {csp}"
    );
    assert_eq!(a.header("cache-control"), Some("no-cache"), "{what}");
    let html = a.text();
    assert!(html.contains(build), "{what}: the app's build\n{html}");
    assert!(!html.contains("eventdesk-preload"), "{what}: no data block");
    assert!(!html.contains("data-first-paint"), "{what}: no first paint");
    let head = parse_head(&html);
    assert_eq!(head.title, vec![title.to_owned()], "{what}");
    let canonical = web.url(path.split('?').next().unwrap());
    assert_eq!(head.canonical, vec![canonical.clone()], "{what}");
    assert_eq!(head.one("og:url"), canonical, "{what}");
    assert!(
        head.one("og:image")
            .starts_with(&web.url("/share/site.png")),
        "{what}: {}",
        head.one("og:image")
    );
    assert_eq!(head.one("og:image"), head.one("twitter:image"), "{what}");
    assert!(
        !head.meta.contains_key("robots"),
        "{what}: a page the upstream could not give is not unindexed"
    );
    a
}

/// Every page, the card and the API, against an upstream that fails.
async fn a_failing_upstream_never_breaks_a_page(upstream: &str, proxied: Proxied) -> Web {
    let web = web_in_front_of(upstream).await;
    let event = assert_app_without_data(
        &web,
        &format!("/events/{PAGE_ID}"),
        "Eventdesk",
        EVENT_APP_MARK,
    )
    .await;
    let head = parse_head(&event.text());
    assert_eq!(head.one("description"), SITE_DESCRIPTION);
    assert_app_without_data(&web, "/", "Latest events · Eventdesk", APP_MARK).await;
    assert_app_without_data(
        &web,
        "/?category=legal",
        "Latest events · Eventdesk",
        APP_MARK,
    )
    .await;
    let methodology = assert_app_without_data(
        &web,
        "/methodology",
        "How we assess confidence · Eventdesk",
        APP_MARK,
    )
    .await;
    assert_eq!(
        parse_head(&methodology.text()).one("description"),
        METHODOLOGY_DESCRIPTION
    );
    assert_app_without_data(
        &web,
        &format!("/entities/{ENTITY_ID}"),
        "Eventdesk",
        APP_MARK,
    )
    .await;

    // The share card: the site's stands in, briefly cached and without a
    // validator, so the event's own replaces it once the upstream answers.
    let card = web.get(&format!("/share/events/{CARD_ID}.png")).await;
    assert_eq!(card.status, StatusCode::OK);
    assert!(card.elapsed < CARD_MAX, "the card took {:?}", card.elapsed);
    assert_eq!(card.header("content-type"), Some("image/png"));
    assert_eq!(card.header("cache-control"), Some("public, max-age=60"));
    assert_eq!(card.header("etag"), None);
    assert_eq!(png_size(&card.body), (1200, 630));
    assert_eq!(
        card.body,
        web.get("/share/site.png").await.body,
        "the site card"
    );

    // The API, passed through.
    let path = format!("/api/v1/events/{API_ID}");
    match proxied {
        Proxied::Problem(status) => {
            let a = web.get(&path).await;
            a.problem(status);
            assert_eq!(a.header("cache-control"), Some("no-store"));
            assert!(a.elapsed < PAGE_MAX, "the API took {:?}", a.elapsed);
        }
        Proxied::Unchanged(reply) => {
            let a = web.get_unchecked(&path).await;
            assert_eq!(a.status.as_u16(), reply.status, "{}", a.text());
            let content_type = reply
                .headers
                .iter()
                .find(|(k, _)| k == "content-type")
                .map(|(_, v)| v.as_str());
            assert_eq!(a.header("content-type"), content_type);
            assert_eq!(a.body, reply.body, "the body as the upstream sent it");
            // Whatever it is, it is data, never a document of this origin.
            assert!(a
                .header("content-security-policy")
                .unwrap()
                .starts_with("default-src 'none'"));
            assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
        }
    }
    web
}

/// A stub that answers `reply` to everything.
async fn stub_answering(reply: Reply) -> Stub {
    Stub::start(move |_| reply.clone()).await
}

async fn failing_with(reply: Reply, proxied: Proxied) -> (Stub, Web) {
    let stub = stub_answering(reply).await;
    let web = a_failing_upstream_never_breaks_a_page(&stub.base, proxied).await;
    (stub, web)
}

#[tokio::test]
async fn a_slow_upstream_costs_a_page_its_budget_and_no_more() {
    let started = Instant::now();
    let stub = Stub::start(|seen| Reply::json(200, &event(seen.id())).after(SLOW)).await;
    let web = a_failing_upstream_never_breaks_a_page(&stub.base, Proxied::Problem(504)).await;
    // The call a page gave up on went on, and filled the cache for the next
    // reader, who gets the event at once, with no second call.
    let path = format!("/events/{PAGE_ID}");
    let call_ends = started + SLOW + Duration::from_millis(500);
    tokio::time::sleep_until(call_ends.into()).await;
    let page = web.get(&path).await;
    assert!(page.elapsed < PAGE_MAX);
    let (api, _, json) = preload_block(&page.text()).expect("the event, from the cache");
    assert_eq!(api, path);
    assert_eq!(json["id"], PAGE_ID);
    assert_eq!(stub.calls(&path), 1);
}

#[tokio::test]
async fn an_upstream_that_refuses_connections() {
    let base = dead_base().await;
    a_failing_upstream_never_breaks_a_page(&base, Proxied::Problem(502)).await;
}

#[tokio::test]
async fn upstream_5xx_problems_are_passed_through_and_pages_still_answer() {
    for status in [500, 502, 503] {
        let reply = Reply::problem(status, "Upstream trouble", "The database is away.")
            .header("retry-after", "5");
        let (stub, web) = failing_with(reply.clone(), Proxied::Unchanged(reply)).await;
        // A 5xx is never kept: the next reader's page asks again.
        let path = format!("/events/{PAGE_ID}");
        assert_eq!(stub.calls(&path), 1);
        assert_app_without_data(&web, &path, "Eventdesk", EVENT_APP_MARK).await;
        assert_eq!(stub.calls(&path), 2);
    }
}

#[tokio::test]
async fn an_upstream_answering_html_or_text() {
    let html = Reply::raw(
        502,
        "text/html",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
    );
    // A server error that is not a problem document becomes the app server's own 502 problem.
    failing_with(html, Proxied::Problem(502)).await;
    let text = Reply::raw(200, "text/plain", "all good");
    failing_with(text.clone(), Proxied::Unchanged(text)).await;
}

#[tokio::test]
async fn an_upstream_answering_json_that_is_not_the_contracts() {
    let truncated = Reply::raw(200, "application/json", r#"{"id":"#);
    failing_with(truncated.clone(), Proxied::Unchanged(truncated)).await;
    let not_utf8 = Reply::raw(200, "application/json", b"{\"id\": \"\xff\xfe\"}".to_vec());
    failing_with(not_utf8.clone(), Proxied::Unchanged(not_utf8)).await;
    let stub = Stub::start(|seen| wrong_typed(&seen.path)).await;
    let expected = wrong_typed(&format!("/events/{API_ID}"));
    a_failing_upstream_never_breaks_a_page(&stub.base, Proxied::Unchanged(expected)).await;
}

/// JSON of the wrong types for each document (the model takes any field as
/// missing, so an empty object would do as a feed or a methodology).
fn wrong_typed(path: &str) -> Reply {
    let body = if path.starts_with("/events?") {
        json!({ "items": 5, "total": "many" })
    } else if path.starts_with("/methodology") {
        json!({ "levels": "all of them", "summary": 5 })
    } else {
        json!({ "id": 5 })
    };
    Reply::json(200, &body)
}

#[tokio::test]
async fn an_upstream_answering_more_than_4_mib() {
    let mut body = b"{\"pad\":\"".to_vec();
    body.resize(4 * 1024 * 1024 + 16, b'x');
    body.extend_from_slice(b"\"}");
    failing_with(
        Reply::raw(200, "application/json", body),
        Proxied::Problem(502),
    )
    .await;
    // The same, streamed with no Content-Length: counted as it comes.
    let raw = RawStub::start(RawStub::chunked_json(5 * 1024 * 1024)).await;
    a_failing_upstream_never_breaks_a_page(&raw.base, Proxied::Problem(502)).await;
    assert!(raw.calls() >= 3);
}

#[tokio::test]
async fn an_upstream_whose_answer_is_cut_short() {
    let raw = RawStub::start(RawStub::cut_short()).await;
    a_failing_upstream_never_breaks_a_page(&raw.base, Proxied::Problem(502)).await;
    assert!(raw.calls() >= 3);
}

#[tokio::test]
async fn missing_and_withdrawn_events_say_so_and_are_not_indexed() {
    let stub = Stub::start(|seen| match seen.path.as_str() {
        "/events/withdrawn" => Reply::problem(
            410,
            "Gone",
            "Merged into the Paris coalition meeting of 4 September.",
        ),
        _ => Reply::problem(404, "Not Found", "There is no such event."),
    })
    .await;
    let web = web_in_front_of(&stub.base).await;

    let missing = web.get("/events/missing").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.text().contains(EVENT_APP_MARK));
    assert!(!missing.text().contains("eventdesk-preload"));
    let head = parse_head(&missing.text());
    assert_eq!(
        head.title,
        vec!["No event at this link · Eventdesk".to_owned()]
    );
    assert_eq!(head.one("robots"), "noindex");
    assert_eq!(head.canonical, vec![web.url("/events/missing")]);

    let gone = web.get("/events/withdrawn").await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert!(!gone.text().contains("eventdesk-preload"));
    let head = parse_head(&gone.text());
    assert_eq!(
        head.title,
        vec!["This event was withdrawn · Eventdesk".to_owned()]
    );
    assert_eq!(head.one("robots"), "noindex");
    assert!(
        head.one("description")
            .contains("Merged into the Paris coalition meeting of 4 September."),
        "{}",
        head.one("description")
    );

    let entity = web.get("/entities/nobody").await;
    assert_eq!(entity.status, StatusCode::NOT_FOUND);
    let head = parse_head(&entity.text());
    assert_eq!(
        head.title,
        vec!["No entity at this link · Eventdesk".to_owned()]
    );
    assert_eq!(head.one("robots"), "noindex");

    // Their cards say so too, and the API passes the problems on as they are.
    assert_eq!(
        web.get("/share/events/missing.png").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        web.get("/share/events/withdrawn.png").await.status,
        StatusCode::GONE
    );
    // A 404 or 410 is kept a while: each page and its card cost one call
    // between them.
    assert_eq!(stub.calls("/events/missing"), 1);
    assert_eq!(stub.calls("/events/withdrawn"), 1);
    let p = web.get("/api/v1/events/withdrawn").await.problem(410);
    assert_eq!(
        p["detail"],
        "Merged into the Paris coalition meeting of 4 September."
    );
    web.get("/api/v1/events/missing").await.problem(404);
}

#[tokio::test]
async fn once_the_upstream_is_back_the_next_page_shows_the_event() {
    let stub = stub_answering(Reply::problem(503, "Service Unavailable", "Back soon.")).await;
    let web = web_in_front_of(&stub.base).await;
    let path = "/events/back-soon";
    assert_app_without_data(&web, path, "Eventdesk", EVENT_APP_MARK).await;
    let card = web.get("/share/events/back-soon.png").await;
    assert_eq!(card.header("cache-control"), Some("public, max-age=60"));

    stub.set(|seen| Reply::json(200, &event(seen.id())));
    // The failure was not kept: the same page, at once, has the event.
    let page = web.get(path).await;
    let html = page.text();
    let (api, at, json) = preload_block(&html).expect("the event's data");
    assert_eq!((api.as_str(), at.as_str()), (path, path));
    assert_eq!(json, event("back-soon"));
    assert!(html.contains("data-first-paint"));
    let head = parse_head(&html);
    assert_eq!(head.one("og:type"), "article");
    assert!(head
        .one("og:image")
        .starts_with(&web.url("/share/events/back-soon.png?v=")));
    let card = web.get("/share/events/back-soon.png").await;
    assert_eq!(card.status, StatusCode::OK);
    assert_eq!(card.header("cache-control"), Some("public, max-age=3600"));
    assert!(card.header("etag").is_some(), "the event's own card");
    assert_eq!(stub.calls(path), 3);
}

#[tokio::test]
async fn a_kept_answer_stands_in_while_the_upstream_fails_or_dawdles() {
    // Kept, but stale at once: every read asks the upstream again.
    let stub = Stub::start(|seen| {
        Reply::json(200, &event(seen.id())).header("cache-control", "max-age=0")
    })
    .await;
    let web = web_in_front_of(&stub.base).await;
    let path = "/events/kept";
    let shows_the_event = |page: &Answer| {
        let (_, _, json) = preload_block(&page.text()).expect("the kept event");
        assert_eq!(json, event("kept"));
        assert!(page.elapsed < PAGE_MAX, "{:?}", page.elapsed);
    };
    shows_the_event(&web.get(path).await);

    stub.set(|_| Reply::problem(503, "Service Unavailable", "Back soon."));
    shows_the_event(&web.get(path).await);

    stub.set(|seen| Reply::json(200, &event(seen.id())).after(SLOW));
    shows_the_event(&web.get(path).await);
    assert_eq!(stub.calls(path), 3);
}

/// The page at `path` carries `id`'s event.
fn assert_shows(page: &Answer, id: &str) {
    assert_eq!(page.status, StatusCode::OK);
    let (_, _, json) = preload_block(&page.text()).expect("the event's data");
    assert_eq!(json["id"], id);
}

#[tokio::test]
async fn a_burst_of_readers_costs_the_upstream_one_call() {
    let stub = Stub::start(|seen| {
        Reply::json(200, &event(seen.id()))
            .header("cache-control", "public, max-age=60")
            .after(Duration::from_millis(300))
    })
    .await;
    let web = Arc::new(web_in_front_of(&stub.base).await);
    let path = "/events/burst";
    let card = "/share/events/burst.png";

    let mut readers = tokio::task::JoinSet::new();
    for i in 0..200 {
        let reader = web.clone();
        readers.spawn(async move {
            let page = reader.get(path).await;
            assert_shows(&page, "burst");
            i
        });
        if i % 50 == 0 {
            let web = web.clone();
            readers.spawn(async move {
                let a = web.get(card).await;
                assert_eq!(a.status, StatusCode::OK);
                assert_eq!(a.header("cache-control"), Some("public, max-age=3600"));
                assert!(a.header("etag").is_some(), "the event's own card");
                i
            });
        }
    }
    let mut answered = 0;
    while let Some(done) = readers.join_next().await {
        done.expect("a reader");
        answered += 1;
    }
    assert_eq!(answered, 204);
    let calls = stub.calls(path);
    eprintln!("{answered} readers, {calls} upstream calls");
    assert!(
        (1..=2).contains(&calls),
        "{calls} upstream calls for 204 readers"
    );
    assert_eq!(stub.seen().len(), calls, "nothing else was asked");
    assert_eq!(web.state.upstream.calls(), calls as u64);

    // Within max-age, neither a page nor a card asks again.
    assert_shows(&web.get(path).await, "burst");
    assert_eq!(web.get(card).await.status, StatusCode::OK);
    assert_eq!(stub.calls(path), calls);
}

#[tokio::test]
async fn an_etag_revalidates_and_a_304_keeps_the_page() {
    let stub = Stub::start(|seen| {
        if seen.header("if-none-match") == Some("\"v1\"") {
            Reply {
                status: 304,
                headers: vec![("etag".into(), "\"v1\"".into())],
                body: Vec::new(),
                delay: Duration::ZERO,
            }
        } else {
            Reply::json(200, &event(seen.id()))
                .header("etag", "\"v1\"")
                .header("cache-control", "no-cache")
        }
    })
    .await;
    let web = web_in_front_of(&stub.base).await;
    let path = "/events/tagged";
    let first = web.get(path).await;
    assert_shows(&first, "tagged");
    let second = web.get(path).await;
    assert_shows(&second, "tagged");
    assert_eq!(
        preload_block(&first.text()).unwrap().2,
        preload_block(&second.text()).unwrap().2
    );
    let seen = stub.seen_at(path);
    assert_eq!(seen.len(), 2, "no-cache: asked again, every time");
    assert_eq!(seen[0].header("if-none-match"), None);
    assert_eq!(seen[1].header("if-none-match"), Some("\"v1\""));
}

#[tokio::test]
async fn a_burst_against_a_slow_upstream_waits_one_budget_on_one_call() {
    let stub = Stub::start(|seen| Reply::json(200, &event(seen.id())).after(SLOW)).await;
    let web = Arc::new(web_in_front_of(&stub.base).await);
    let path = "/events/slow-burst";
    let mut readers = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let reader = web.clone();
        readers.spawn(async move {
            let page = reader.get(path).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.elapsed < PAGE_MAX, "{:?}", page.elapsed);
            assert!(!page.text().contains("eventdesk-preload"));
            assert!(page.text().contains(EVENT_APP_MARK));
        });
    }
    while let Some(done) = readers.join_next().await {
        done.expect("a reader");
    }
    assert_eq!(stub.calls(path), 1, "one call, shared by every reader");
}
