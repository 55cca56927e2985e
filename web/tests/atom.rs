//! The Atom feeds against the reference API: each event's feed from its
//! history, the feed's feed with the feed page's filters, well-formed XML
//! (read with roxmltree) with hostile text kept as text, ETags, and the
//! answers for an event that is missing, withdrawn or unreadable; and the
//! `<link rel="alternate">` tags of the pages.

mod support;

use reqwest::{Method, StatusCode};
use serde_json::json;
use support::stub::{event, Reply, Stub};
use support::{Answer, Site, Web, PARIS};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const KOREA: &str = "south-korea-martial-law-declared-2024-12-03";
const WITHDRAWN: &str = "dali-ship-strikes-baltimore-bridge-2024-03-26";

/// A feed answer: Atom, revalidated, with an ETag; its entries as
/// `(id, title, updated, summary)`, read by an XML parser.
fn entries(a: &Answer) -> (String, Vec<[String; 4]>) {
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(
        a.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    assert_eq!(a.header("cache-control"), Some("no-cache"));
    assert!(a.header("etag").is_some_and(|t| t.starts_with('"')));
    let text = a.text();
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    let child = |n: roxmltree::Node, name: &str| {
        n.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_owned()
    };
    for required in ["id", "title", "updated"] {
        assert!(!child(feed, required).is_empty(), "feed {required}");
    }
    let title = child(feed, "title");
    let list = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .map(|e| {
            [
                child(e, "id"),
                child(e, "title"),
                child(e, "updated"),
                child(e, "summary"),
            ]
        })
        .collect();
    (title, list)
}

#[tokio::test]
async fn an_event_feed_has_an_entry_for_each_change_and_its_creation() {
    let site = Site::start().await;
    let a = site.get(&format!("/events/{KOREA}/feed.atom")).await;
    let (title, list) = entries(&a);
    assert!(title.starts_with("Updates: "), "{title}");
    let history = site.api.get_json(&format!("/events/{KOREA}")).await["history"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(list.len(), history, "one entry a change, creation included");
    assert!(
        list.iter().any(|e| e[1].starts_with("Corrected: ")),
        "{list:?}"
    );
    assert!(list.last().unwrap()[1].starts_with("Reported: "));
    let page = format!("http://{}/events/{KOREA}", &site.base["http://".len()..]);
    assert!(
        list.iter().all(|e| e[0].starts_with(&format!("{page}#"))),
        "{list:?}"
    );
    // The same feed again is the same feed: a 304 for its ETag.
    let again = site.get(&format!("/events/{KOREA}/feed.atom")).await;
    assert_eq!(again.body, a.body);
    let etag = a.header("etag").unwrap();
    let cached = site
        .request(
            Method::GET,
            &format!("/events/{KOREA}/feed.atom"),
            &[("if-none-match", etag)],
            None,
        )
        .await;
    assert_eq!(cached.status, StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn the_feeds_feed_honours_the_pages_filters() {
    let site = Site::start().await;
    let (title, all) = entries(&site.get("/feed.atom").await);
    assert_eq!(title, "Eventdesk: latest events");
    assert!(!all.is_empty());
    let (title, legal) = entries(&site.get("/feed.atom?category=legal").await);
    assert!(title.starts_with("Eventdesk: Events: "), "{title}");
    let api = site.api.get_json("/events?category=legal&limit=30").await;
    let ids: Vec<String> = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(legal.len(), ids.len());
    for (entry, id) in legal.iter().zip(&ids) {
        assert!(entry[0].ends_with(&format!("/events/{id}")), "{entry:?}");
        assert!(entry[3].contains("Confidence: "), "{entry:?}");
    }
    // Nothing matches: still a feed, with no entries.
    let (_, none) = entries(&site.get("/feed.atom?q=zzzzqqqq-no-such-thing").await);
    assert!(none.is_empty());
    // Bad dates are not applied, as on the page.
    let (_, reversed) = entries(&site.get("/feed.atom?from=2025-12-01&to=2025-01-01").await);
    assert_eq!(reversed.len(), all.len());
}

#[tokio::test]
async fn hostile_text_stays_text() {
    let mut hostile = event("hostile-1");
    hostile["title"] = json!("<script>alert(1)</script>\u{0}\u{1b}]]></title> &amp; \u{202E}RTL");
    hostile["summary"] = json!(format!("{}<img src=x onerror=alert(2)>", "W".repeat(5000)));
    hostile["history"] = json!([
        {"at": "2025-09-04T10:00:00Z", "kind": "</entry><entry>", "summary": "\u{7}<b>bold</b>"},
        {"at": "not a time", "kind": "corrected", "summary": "\u{FFFE}fixed"}
    ]);
    let body = hostile.clone();
    let stub = Stub::start(move |seen| {
        if seen.path.starts_with("/events/hostile-1") {
            Reply::json(200, &body)
        } else if seen.path.starts_with("/events") {
            Reply::json(200, &json!({"items": [body.clone()], "next_cursor": null}))
        } else {
            Reply::json(200, &json!([]))
        }
    })
    .await;
    let web = Web::start(&stub.base).await;
    for path in ["/events/hostile-1/feed.atom", "/feed.atom"] {
        let a = web.get(path).await;
        let (title, list) = entries(&a);
        let text = a.text();
        assert!(!text.contains("<script"), "{path}");
        assert!(!text.contains("<img"), "{path}");
        assert!(!text.contains('\u{0}') && !text.contains('\u{1b}') && !text.contains('\u{FFFE}'));
        // The parser reads the headline back as the text it was, minus
        // what XML cannot hold.
        let joined = format!(
            "{title} {}",
            list.iter()
                .map(|e| e[1].clone())
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(
            joined.contains("<script>alert(1)</script>]]></title> &amp; \u{202E}RTL"),
            "{path}: {joined}"
        );
    }
}

#[tokio::test]
async fn a_feed_answers_like_its_page_when_there_is_nothing() {
    let site = Site::start().await;
    let a = site.get("/events/no-such-event/feed.atom").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = site.get(&format!("/events/{WITHDRAWN}/feed.atom")).await;
    assert_eq!(a.status, StatusCode::GONE);
    assert!(!a.text().contains("<feed"));
    let a = site.get("/events/a%20b/feed.atom").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);

    let stub = Stub::start(|_| Reply::problem(500, "Down", "The database is away.")).await;
    let web = Web::start(&stub.base).await;
    web.get(&format!("/events/{PARIS}/feed.atom"))
        .await
        .problem(503);
    web.get("/feed.atom").await.problem(503);
}

#[tokio::test]
async fn every_page_names_its_feeds() {
    let site = Site::start().await;
    let alternates = |html: &str| -> Vec<String> {
        html.split("<link rel=\"alternate\" type=\"application/atom+xml\"")
            .skip(1)
            .map(|rest| {
                let href = rest.split("href=\"").nth(1).unwrap_or("");
                href.split('"').next().unwrap_or("").replace("&amp;", "&")
            })
            .collect()
    };
    let origin = &site.base;
    let event = site.get(&format!("/events/{PARIS}")).await.text();
    assert_eq!(
        alternates(&event),
        [
            format!("{origin}/events/{PARIS}/feed.atom"),
            format!("{origin}/feed.atom")
        ]
    );
    let home = site
        .get("/?category=legal&confidence=likely&utm=x")
        .await
        .text();
    assert_eq!(
        alternates(&home),
        [
            format!("{origin}/feed.atom?category=legal&confidence=likely"),
            format!("{origin}/feed.atom")
        ]
    );
    let methodology = site.get("/methodology").await.text();
    assert_eq!(alternates(&methodology), [format!("{origin}/feed.atom")]);
}
