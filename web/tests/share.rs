//! Link previews, as a crawler sees them: a plain GET of the page (no
//! JavaScript) carries the event's title, description, canonical link, Open
//! Graph, Twitter and JSON-LD tags, escaped; the share card is a 1200×630 PNG.
//! `eventdesk-web` makes both from the reference API's answers.

mod support;

use std::time::Instant;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::html::{parse_head, png_size as decode_png, Head};
use support::{Site, PARIS};

const HOSTILE: &str = "hostile-text-kyiv-2025-01-02";
const HOSTILE_TITLE: &str = r#"“Peace” talks "resume" <b>in</b> Київ & Αθήνα: 'breakthrough'?"#;
const HOSTILE_SUMMARY: &str = r#"Officials said "</script><script>alert(1)</script>" & <img src=x onerror=alert(1)> nothing more. Переговоры продолжаются — 交渉は続く; Ελλάδα."#;

/// An event whose text holds quotes, `<`, `&` and non-Latin script.
fn hostile_event() -> Value {
    json!({
        "id": HOSTILE,
        "category": { "id": "diplomatic", "label": "Diplomatic", "emoji": "🤝" },
        "title": HOSTILE_TITLE,
        "summary": HOSTILE_SUMMARY,
        "occurred_on": "2025-01-02",
        "location": {
            "label": "Київ",
            "places": [{ "name": "Київ", "country_code": "UA", "role": "occurred_in", "precision": "city",
                         "point": { "lat": 50.45, "lon": 30.52 } }]
        },
        "confidence": { "level": "unconfirmed", "independent_sources": 1,
                        "assessed_at": "2026-05-31T10:00:00Z" },
        "source_names": ["Укрінформ"],
        "entity_count": 0,
        "updated_at": "2026-05-31T10:00:00Z",
        "sources": [{ "id": "ukrinform", "name": "Укрінформ", "homepage": "https://www.ukrinform.ua/",
                      "country_code": "UA", "kind": "news_outlet", "trusted": false, "independent": true }],
        "reports": [{ "id": "r1", "source_id": "ukrinform", "tone": "possible", "claim": "Talks <may> resume & \"soon\"." }],
        "entities": [],
        "history": [{ "at": "2026-05-31T10:00:00Z", "kind": "created", "summary": "Added for the share tests." }],
        "related_ids": []
    })
}

/// The real fixtures plus the hostile event, and a Trunk-like index.html
/// with its own title and description that the server must replace.
async fn server() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = dir.path().join("fixtures");
    support::copy_dir(&support::fixtures_dir(), &fixtures);
    std::fs::write(
        fixtures.join("events").join(format!("{HOSTILE}.json")),
        serde_json::to_string_pretty(&hostile_event()).unwrap(),
    )
    .unwrap();
    Site::start_with(fixtures, |setup| write_index(&setup.dist))
        .await
        .keeping(dir)
}

/// A Trunk-like index.html with its own title and description, in place of
/// write_dist's pages (event.html too, so every page is this one).
fn write_index(dist: &std::path::Path) {
    std::fs::remove_file(dist.join("event.html")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    \
         <title>Eventdesk</title>\n    <meta name=\"description\" content=\"The app's default.\">\n    \
         <link rel=\"stylesheet\" href=\"/style-fedcba9876543210.css\">\n  </head>\n  \
         <body><noscript>Eventdesk needs JavaScript.</noscript></body>\n</html>\n",
    )
    .unwrap();
}

async fn crawl(server: &Site, path: &str, agent: &str) -> (String, Head) {
    crawl_expecting(server, path, agent, StatusCode::OK).await
}

async fn crawl_expecting(
    server: &Site,
    path: &str,
    agent: &str,
    status: StatusCode,
) -> (String, Head) {
    let a = server
        .request(reqwest::Method::GET, path, &[("user-agent", agent)], None)
        .await;
    assert_eq!(a.status, status, "GET {path}");
    assert!(a
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/html"));
    let html = a.text();
    let head = parse_head(&html);
    (html, head)
}

fn event(server: &Site, id: &str) -> eventdesk_model::Event {
    let file = server
        .api
        .fixtures
        .join("events")
        .join(format!("{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

/// Checks every preview tag of an event page against the event itself.
fn assert_event_head(server: &Site, head: &Head, e: &eventdesk_model::Event) {
    let canonical = format!("{}/events/{}", server.base, e.id);
    let headline = e.title.as_deref().unwrap_or(&e.summary.summary);
    assert_eq!(
        head.title,
        vec![eventdesk_page_logic::document::event_title(e)],
        "exactly one title, the event's"
    );
    assert!(head.title[0].starts_with(&eventdesk_page_logic::text::clip(headline, 90)[..20]));
    assert_eq!(
        head.one("description"),
        eventdesk_page_logic::document::event_description(e)
    );
    assert_eq!(head.canonical, vec![canonical.clone()]);
    assert_eq!(head.one("og:url"), canonical);
    assert_eq!(head.one("og:type"), "article");
    assert_eq!(head.one("og:site_name"), "Eventdesk");
    assert_eq!(head.one("og:title"), headline);
    let rating = format!(
        "{} · {}",
        e.confidence.level.label(),
        eventdesk_model::confidence::sources_phrase(e.confidence.independent_sources)
    );
    // The day it happened first (issue 15, item 13), then the rating.
    let dateline = e
        .occurred_on
        .as_ref()
        .filter(|d| d.parse().is_some())
        .map(|d| format!("{} · ", d.long()))
        .unwrap_or_default();
    let og_description = head.one("og:description");
    assert!(
        og_description.starts_with(&format!("{dateline}{rating}. ")),
        "{og_description}"
    );
    let summary_start: String = e.summary.summary.chars().take(40).collect();
    assert!(og_description.contains(&summary_start), "{og_description}");
    let image = head.one("og:image");
    assert!(
        image.starts_with(&format!("{}/share/events/{}.png?v=", server.base, e.id)),
        "{image}"
    );
    assert_eq!(head.one("og:image:width"), "1200");
    assert_eq!(head.one("og:image:height"), "630");
    let alt = head.one("og:image:alt");
    assert!(
        alt.contains(&e.category.label) && alt.contains(&rating),
        "{alt}"
    );
    assert_eq!(head.one("twitter:card"), "summary_large_image");
    assert_eq!(head.one("twitter:title"), headline);
    assert_eq!(head.one("twitter:description"), og_description);
    assert_eq!(head.one("twitter:image"), image);
    assert_eq!(head.one("twitter:image:alt"), alt);
    if let Some(updated) = &e.updated_at {
        assert_eq!(head.one("article:modified_time"), updated.as_str());
    }

    assert_eq!(head.json_ld.len(), 1, "one JSON-LD block");
    let ld = &head.json_ld[0];
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["url"], canonical.as_str());
    assert_eq!(ld["name"], headline);
    assert_eq!(ld["description"], e.summary.summary.trim());
    assert_eq!(ld["about"]["@type"], "Event");
    assert_eq!(ld["about"]["name"], headline);
    if let Some(day) = &e.occurred_on {
        assert_eq!(ld["about"]["startDate"], day.as_str());
    }
    assert_eq!(
        ld["about"]["location"][0]["name"],
        e.location.places[0].name.as_str()
    );
    assert_eq!(ld["image"][0], image);
    assert_eq!(ld["publisher"]["name"], "Eventdesk");
}

#[tokio::test]
async fn the_paris_event_unfurls_with_its_rating() {
    let server = server().await;
    let e = event(&server, PARIS);
    let (html, head) = crawl(
        &server,
        &format!("/events/{PARIS}"),
        "facebookexternalhit/1.1",
    )
    .await;
    assert_event_head(&server, &head, &e);
    assert_eq!(
        head.one("og:title"),
        "Coalition of the Willing meets Zelensky in Paris on security guarantees"
    );
    assert!(head
        .one("og:description")
        .starts_with("4 September 2025 · Likely · Reported by 3 independent sources. The British"));
    assert_eq!(
        head.title[0],
        "Coalition of the Willing meets Zelensky in Paris on security guarantees · Eventdesk"
    );
    let ld = &head.json_ld[0];
    assert_eq!(ld["mentions"][0]["name"], "Volodymyr Zelensky");
    assert_eq!(
        ld["mentions"][0]["sameAs"],
        "https://www.wikidata.org/wiki/Q3874799"
    );
    // The app's own title and description are gone; the rest of the page stays.
    assert!(!html.contains("The app's default."));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/style-fedcba9876543210.css\">"));
    assert!(html.contains("<noscript>Eventdesk needs JavaScript.</noscript>"));

    // A query (tracking or not) never reaches the canonical link.
    let (_, tracked) = crawl(
        &server,
        &format!("/events/{PARIS}?utm_source=x&fbclid=y"),
        "Twitterbot/1.0",
    )
    .await;
    assert_eq!(tracked.canonical, head.canonical);
    assert_eq!(tracked.one("og:url"), head.one("og:url"));
}

#[tokio::test]
async fn hostile_text_stays_inside_its_tags() {
    let server = server().await;
    let e = event(&server, HOSTILE);
    let (html, head) = crawl(
        &server,
        &format!("/events/{HOSTILE}"),
        "Slackbot-LinkExpanding 1.0",
    )
    .await;
    assert_event_head(&server, &head, &e);
    assert_eq!(head.one("og:title"), HOSTILE_TITLE);
    assert_eq!(head.json_ld[0]["description"], HOSTILE_SUMMARY);
    assert!(head
        .one("og:description")
        .starts_with(
            "2 January 2025 · Unconfirmed · Reported by 1 independent source. Officials said \"</script>"
        ));
    // Nothing of the event became markup: the head holds only the tags we wrote.
    let head_html = &html[html.find("<head>").unwrap()..html.find("</head>").unwrap()];
    assert!(
        !head_html.contains("<b>")
            && !head_html.contains("<img")
            && !head_html.contains("<script>alert")
    );
    assert_eq!(head_html.matches("<script").count(), 1);
    let allowed = ["meta", "title", "link", "script"];
    for tag in &head.tags {
        assert!(
            allowed.contains(&tag.as_str()),
            "unexpected <{tag}> in the head"
        );
    }
    assert!(
        head_html.contains("Київ")
            && head_html.contains("交渉は続く")
            && head_html.contains("Αθήνα")
    );
    assert!(head_html.contains("&lt;b&gt;in&lt;/b&gt; Київ &amp; Αθήνα: &#39;breakthrough&#39;?"));
    assert!(!head_html.contains("</script><script>"));
}

#[tokio::test]
async fn every_page_has_its_own_head() {
    let server = server().await;
    let (_, home) = crawl(&server, "/", "Twitterbot/1.0").await;
    assert_eq!(home.canonical, vec![format!("{}/", server.base)]);
    assert_eq!(home.one("og:type"), "website");
    assert_eq!(home.json_ld[0]["@type"], "WebSite");
    assert_eq!(home.title.len(), 1);

    let (_, methodology) = crawl(&server, "/methodology", "Twitterbot/1.0").await;
    let summary = support::read_fixture("methodology.json")["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        methodology.title,
        vec!["How we assess confidence · Eventdesk".to_owned()]
    );
    assert_eq!(
        methodology.canonical,
        vec![format!("{}/methodology", server.base)]
    );
    assert_eq!(methodology.json_ld[0]["description"], summary.as_str());
    assert_eq!(methodology.one("og:image:width"), "1200");

    let (_, entity) = crawl(&server, "/entities/emmanuel-macron", "Twitterbot/1.0").await;
    assert_eq!(entity.title, vec!["Emmanuel Macron · Eventdesk".to_owned()]);
    assert_eq!(
        entity.canonical,
        vec![format!("{}/entities/emmanuel-macron", server.base)]
    );
    assert_eq!(entity.one("og:title"), "Emmanuel Macron");
    assert!(entity.one("description").starts_with("President of France"));
    assert_eq!(entity.json_ld[0]["mainEntity"]["@type"], "Person");

    // An unknown event still gets the app, but says so (404) and is not indexed.
    let (_, missing) = crawl_expecting(
        &server,
        "/events/no-such-event",
        "Twitterbot/1.0",
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(
        missing.title,
        vec!["No event at this link · Eventdesk".to_owned()]
    );
    assert_eq!(missing.one("robots"), "noindex");

    // The site card every non-event page points at is a real image.
    let site = server.get("/share/site.png").await;
    assert_eq!(site.status, StatusCode::OK);
    assert_eq!(decode_png(&site.body), (1200, 630));
}

#[tokio::test]
async fn share_cards_are_1200_by_630_pngs_cached_by_etag() {
    let server = server().await;
    for id in [PARIS, HOSTILE] {
        let (_, head) = crawl(&server, &format!("/events/{id}"), "facebookexternalhit/1.1").await;
        let image = head
            .one("og:image")
            .strip_prefix(&server.base)
            .unwrap()
            .to_owned();
        let started = Instant::now();
        let card = server.get(&image).await;
        let first = started.elapsed();
        assert_eq!(card.status, StatusCode::OK, "{image}");
        assert_eq!(card.header("content-type"), Some("image/png"));
        assert_eq!(decode_png(&card.body), (1200, 630));
        let etag = card.header("etag").expect("an ETag").to_owned();
        assert!(card
            .header("cache-control")
            .unwrap_or("")
            .contains("max-age"));

        let started = Instant::now();
        let again = server.get(&image).await;
        let cached = started.elapsed();
        assert_eq!(again.body, card.body, "the same card");
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        eprintln!(
            "card {id}: {} bytes, first {:.1} ms, cached {:.1} ms",
            card.body.len(),
            first.as_secs_f64() * 1e3,
            cached.as_secs_f64() * 1e3
        );

        let revalidated = server
            .request(
                reqwest::Method::GET,
                &image,
                &[("if-none-match", etag.as_str())],
                None,
            )
            .await;
        assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
        assert!(revalidated.body.is_empty());
    }
    assert_eq!(
        server.get("/share/events/no-such-event.png").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        server.get("/share/events/bad%20id.png").await.status,
        StatusCode::NOT_FOUND
    );
}

/// The hostile fixtures (scripts, markup and 10,000-character words in every
/// field): each event page's head still holds only our tags, once each, and
/// its card still draws.
#[tokio::test]
async fn hostile_fixtures_never_break_the_head() {
    let server = Site::start_with(
        support::fixtures_dir().with_file_name("fixtures-hostile"),
        |_| {},
    )
    .await;
    let mut files: Vec<_> = std::fs::read_dir(server.api.fixtures.join("events"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the hostile fixtures are there");
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        if doc.get("withdrawn").is_some() {
            continue;
        }
        let e: eventdesk_model::Event = serde_json::from_value(doc).unwrap();
        let (html, head) = crawl(&server, &format!("/events/{}", e.id), "Twitterbot/1.0").await;
        let head_html = &html[html.find("<head>").unwrap()..html.find("</head>").unwrap()];
        assert_eq!(
            head.title,
            vec![eventdesk_page_logic::document::event_title(&e)],
            "{}",
            e.id
        );
        assert_eq!(head.one("og:title"), e.headline(), "{}", e.id);
        assert_eq!(head.json_ld.len(), 1, "{}", e.id);
        assert_eq!(
            head.json_ld[0]["description"],
            e.summary.summary.trim(),
            "{}",
            e.id
        );
        assert_eq!(head_html.matches("<script").count(), 1, "{}", e.id);
        for tag in &head.tags {
            assert!(
                ["meta", "title", "link", "script"].contains(&tag.as_str()),
                "<{tag}> in {}",
                e.id
            );
        }
        let image = head
            .one("og:image")
            .strip_prefix(&server.base)
            .unwrap()
            .to_owned();
        let card = server.get(&image).await;
        assert_eq!(card.status, StatusCode::OK, "{image}");
        assert_eq!(decode_png(&card.body), (1200, 630), "{}", e.id);
    }
}

/// Links in the head name the site as readers reach it: `--public-origin`
/// whatever the request says; else, with `--trust-proxy`, the proxy's
/// `X-Forwarded-Proto` and `-Host`; else the request's own `Host`.
#[tokio::test]
async fn links_follow_the_public_origin_or_a_trusted_proxy() {
    let path = format!("/events/{PARIS}");
    let forwarded = [
        ("x-forwarded-proto", "https"),
        ("x-forwarded-host", "news.example"),
        ("user-agent", "Twitterbot/1.0"),
    ];
    let head_of = |html: String| parse_head(&html);

    let configured = Site::start_with(support::fixtures_dir(), |setup| {
        setup.public_origin = Some("https://eventdesk.example".into());
        setup.trust_proxy = true;
    })
    .await;
    let page = configured
        .request(reqwest::Method::GET, &path, &forwarded, None)
        .await;
    let head = head_of(page.text());
    assert_eq!(
        head.canonical,
        vec![format!("https://eventdesk.example{path}")]
    );
    assert!(head.one("og:image").starts_with(&format!(
        "https://eventdesk.example/share/events/{PARIS}.png?v="
    )));

    let proxied = Site::start_with(support::fixtures_dir(), |setup| setup.trust_proxy = true).await;
    let page = proxied
        .request(reqwest::Method::GET, &path, &forwarded, None)
        .await;
    let head = head_of(page.text());
    assert_eq!(head.canonical, vec![format!("https://news.example{path}")]);
    assert_eq!(head.one("og:url"), format!("https://news.example{path}"));

    let direct = Site::start().await;
    let page = direct
        .request(reqwest::Method::GET, &path, &forwarded, None)
        .await;
    let head = head_of(page.text());
    assert_eq!(
        head.canonical,
        vec![format!("{}{path}", direct.base)],
        "an untrusted X-Forwarded-Host is not believed"
    );
}
