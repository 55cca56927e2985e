//! The files crawlers and browsers ask for, as they fetch them: `robots.txt`
//! naming the sitemap, `sitemap.xml` listing every page the reference API's
//! events make (read as XML), and `favicon.ico`.

mod support;

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::html::png_size;
use support::stub::{self, Reply, Stub};
use support::{Site, Web, PARIS};

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One `<url>` of a sitemap.
#[derive(Debug)]
struct Url {
    loc: String,
    lastmod: Option<String>,
}

/// The sitemap's `<url>`s, read with an XML parser (which fails on anything
/// that is not well-formed XML).
fn parse_sitemap(xml: &str) -> Vec<Url> {
    let doc = roxmltree::Document::parse(xml).expect("the sitemap is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP_NS));
    let child = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.is_element() && c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(str::to_owned)
    };
    root.children()
        .filter(|n| n.is_element())
        .map(|n| {
            assert_eq!(n.tag_name().name(), "url");
            assert_eq!(n.tag_name().namespace(), Some(SITEMAP_NS));
            Url {
                loc: child(n, "loc").expect("every url has a loc"),
                lastmod: child(n, "lastmod"),
            }
        })
        .collect()
}

/// A W3C Datetime as the sitemap writes it: a day, or an instant in UTC.
fn is_w3c_datetime(text: &str) -> bool {
    let b = text.as_bytes();
    let day = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    day && (b.len() == 10 || (b.len() == 20 && b[10] == b'T' && b[19] == b'Z'))
}

/// Every event the API lists, paged through its cursor.
async fn api_events(site: &Site) -> Vec<Value> {
    let mut events = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/events?limit=100&cursor={}", urlencode(c)),
            None => "/events?limit=100".to_owned(),
        };
        let page = site.api.get_json(&path).await;
        events.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return events,
        }
    }
}

fn urlencode(text: &str) -> String {
    eventdesk_model::url::encode_component(text)
}

async fn sitemap_of(web: &Web) -> Vec<Url> {
    let answer = web.get("/sitemap.xml").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert_eq!(
        answer.header("content-type"),
        Some("application/xml; charset=utf-8")
    );
    assert!(answer
        .header("cache-control")
        .is_some_and(|c| c.starts_with("public, max-age=")));
    parse_sitemap(&answer.text())
}

#[tokio::test]
async fn the_sitemap_lists_every_event_its_entities_the_feed_and_the_methodology() {
    let site = Site::start().await;
    let urls = sitemap_of(&site.web).await;
    let origin = &site.web.base;
    let locs: Vec<&str> = urls.iter().map(|u| u.loc.as_str()).collect();
    let unique: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(unique.len(), locs.len(), "no page is listed twice");
    let listed_under = |folder: &str| -> BTreeSet<String> {
        let prefix = format!("{origin}/{folder}/");
        locs.iter()
            .filter(|l| l.starts_with(&prefix))
            .map(|l| l.to_string())
            .collect()
    };

    // Every event the API lists, and nothing else under /events/.
    let events = api_events(&site).await;
    assert!(events.len() >= 50, "the sample has its events");
    let expected: BTreeSet<String> = events
        .iter()
        .map(|e| format!("{origin}/events/{}", e["id"].as_str().unwrap()))
        .collect();
    assert_eq!(listed_under("events"), expected);

    // Every entity those events name (from their details).
    let mut entities = BTreeSet::new();
    for event in &events {
        let id = event["id"].as_str().unwrap();
        let detail = site.api.get_json(&format!("/events/{id}")).await;
        for entity in detail["entities"].as_array().unwrap() {
            entities.insert(format!(
                "{origin}/entities/{}",
                entity["id"].as_str().unwrap()
            ));
        }
    }
    assert!(!entities.is_empty());
    assert_eq!(listed_under("entities"), entities);

    // The feed and the methodology.
    assert!(unique.contains(format!("{origin}/").as_str()));
    assert!(unique.contains(format!("{origin}/methodology").as_str()));
    assert_eq!(urls.len(), 2 + expected.len() + entities.len());

    // Each event's lastmod is when it was updated (else the day it happened).
    for url in &urls {
        if let Some(lastmod) = &url.lastmod {
            assert!(is_w3c_datetime(lastmod), "{lastmod}");
        }
    }
    let lastmod_of = |loc: &str| {
        urls.iter()
            .find(|u| u.loc == loc)
            .and_then(|u| u.lastmod.clone())
            .unwrap_or_else(|| panic!("{loc} has a lastmod"))
    };
    let paris = site.api.get_json(&format!("/events/{PARIS}")).await;
    let updated = paris["updated_at"].as_str().expect("the seed is dated");
    let paris_lastmod = lastmod_of(&format!("{origin}/events/{PARIS}"));
    assert_eq!(
        paris_lastmod[..19],
        updated[..19],
        "{paris_lastmod} for {updated}"
    );
    // An entity's is its newest event's: never older than any of its events'.
    let macron = paris["entities"][0]["id"].as_str().unwrap();
    assert!(lastmod_of(&format!("{origin}/entities/{macron}")) >= paris_lastmod);
    // The feed's is the newest event's.
    let newest = urls.iter().filter_map(|u| u.lastmod.clone()).max().unwrap();
    assert_eq!(lastmod_of(&format!("{origin}/")), newest);
}

#[tokio::test]
async fn with_a_public_origin_every_address_and_the_robots_sitemap_line_are_on_it() {
    let site = Site::start_with(support::fixtures_dir(), |setup| {
        setup.public_origin = Some("https://news.example".into());
    })
    .await;
    let urls = sitemap_of(&site.web).await;
    assert!(urls
        .iter()
        .all(|u| u.loc.starts_with("https://news.example/")));
    let robots = site.get("/robots.txt").await;
    assert!(robots
        .text()
        .lines()
        .any(|l| l == "Sitemap: https://news.example/sitemap.xml"));
}

#[tokio::test]
async fn robots_allows_the_pages_and_keeps_crawlers_off_the_api() {
    let site = Site::start().await;
    let robots = site.get("/robots.txt").await;
    assert_eq!(robots.status, StatusCode::OK);
    assert_eq!(
        robots.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    let text = robots.text();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"User-agent: *"));
    assert!(lines.contains(&"Allow: /"));
    assert!(lines.contains(&"Disallow: /api/"));
    let sitemap_line = format!("Sitemap: {}/sitemap.xml", site.web.base);
    assert!(lines.contains(&sitemap_line.as_str()), "{text}");
}

#[tokio::test]
async fn the_favicon_is_an_ico_of_the_mark_at_16_32_and_48_px_cached_long() {
    let site = Site::start().await;
    let answer = site.get("/favicon.ico").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), Some("image/x-icon"));
    let max_age: u64 = answer
        .header("cache-control")
        .and_then(|c| c.strip_prefix("public, max-age="))
        .and_then(|s| s.parse().ok())
        .expect("a max-age");
    assert!(max_age >= 7 * 24 * 3600, "{max_age}");

    let ico = &answer.body;
    let u16_at = |at: usize| u16::from_le_bytes([ico[at], ico[at + 1]]);
    let u32_at =
        |at: usize| u32::from_le_bytes([ico[at], ico[at + 1], ico[at + 2], ico[at + 3]]) as usize;
    assert_eq!(
        (u16_at(0), u16_at(2), u16_at(4)),
        (0, 1, 3),
        "an icon of 3 images"
    );
    let mut sizes = Vec::new();
    for i in 0..3 {
        let entry = 6 + 16 * i;
        let (len, at) = (u32_at(entry + 8), u32_at(entry + 12));
        let png = &ico[at..at + len];
        let (w, h) = png_size(png);
        assert_eq!((u32::from(ico[entry]), u32::from(ico[entry + 1])), (w, h));
        sizes.push(w);
    }
    assert_eq!(sizes, [16, 32, 48]);
}

#[tokio::test]
async fn an_unreachable_upstream_is_a_503_with_a_retry_hint() {
    let web = Web::start(&stub::dead_base().await).await;
    let answer = web.get("/sitemap.xml").await;
    answer.problem(503);
    assert_eq!(answer.header("retry-after"), Some("120"));
    assert_eq!(answer.header("cache-control"), Some("no-store"));
    // robots.txt and the favicon need no upstream.
    assert_eq!(web.get("/robots.txt").await.status, StatusCode::OK);
    assert_eq!(web.get("/favicon.ico").await.status, StatusCode::OK);
}

/// A listing of two pages (the cursor is untrusted text, sent back encoded),
/// and each event's details from the contract's example.
fn two_pages(seen: &stub::Seen, second_page: Option<Reply>) -> Reply {
    match seen.path.as_str() {
        "/events?limit=100" => Reply::json(
            200,
            &json!({ "items": [stub::summary("first")], "next_cursor": "a b/+&c" }),
        ),
        "/events?cursor=a%20b%2F%2B%26c&limit=100" => second_page.unwrap_or_else(|| {
            Reply::json(
                200,
                &json!({ "items": [stub::summary("second")], "next_cursor": null }),
            )
        }),
        path if path.starts_with("/events/") => Reply::json(200, &stub::event(seen.id())),
        _ => Reply::problem(404, "Not Found", "no such path"),
    }
}

#[tokio::test]
async fn every_page_of_the_listing_is_read_and_a_failing_page_is_a_503_not_a_partial_sitemap() {
    let upstream = Stub::start(|seen| two_pages(seen, None)).await;
    let web = Web::start(&upstream.base).await;
    let locs: Vec<String> = sitemap_of(&web).await.into_iter().map(|u| u.loc).collect();
    for id in ["first", "second"] {
        assert!(
            locs.contains(&format!("{}/events/{id}", web.base)),
            "{locs:?}"
        );
    }
    let example = stub::event("x");
    let entity = example["entities"][0]["id"].as_str().unwrap();
    assert!(locs.contains(&format!("{}/entities/{entity}", web.base)));

    let upstream = Stub::start(|seen| {
        two_pages(
            seen,
            Some(Reply::problem(500, "Internal Server Error", "down")),
        )
    })
    .await;
    let web = Web::start(&upstream.base).await;
    let answer = web.get("/sitemap.xml").await;
    answer.problem(503);
    assert_eq!(answer.header("retry-after"), Some("120"));
}
