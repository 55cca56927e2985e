//! Link previews, as a crawler sees them: a plain GET of the page (no
//! JavaScript) carries the event's title, description, canonical link, Open
//! Graph, Twitter and JSON-LD tags, escaped; the share card is a 1200×630 PNG.

mod support;

use std::collections::HashMap;
use std::time::Instant;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{Setup, TestServer, PARIS};

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
async fn server() -> TestServer {
    let (mut setup, dir): (Setup, _) = Setup::fresh();
    let fixtures = dir.path().join("fixtures");
    support::copy_dir(&support::fixtures_dir(), &fixtures);
    std::fs::write(
        fixtures.join("events").join(format!("{HOSTILE}.json")),
        serde_json::to_string_pretty(&hostile_event()).unwrap(),
    )
    .unwrap();
    setup.fixtures = fixtures;
    support::write_dist(&setup.dist);
    std::fs::write(
        setup.dist.join("index.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    \
         <title>Eventdesk</title>\n    <meta name=\"description\" content=\"The app's default.\">\n    \
         <link rel=\"stylesheet\" href=\"/style-fedcba9876543210.css\">\n  </head>\n  \
         <body><noscript>Eventdesk needs JavaScript.</noscript></body>\n</html>\n",
    )
    .unwrap();
    TestServer::start_with(setup, Some(dir)).await
}

/// The inverse of the server's escaping.
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What a crawler reads from a page's head.
#[derive(Debug, Default)]
struct Head {
    title: Vec<String>,
    /// `name` or `property` → every `content` given for it, unescaped.
    meta: HashMap<String, Vec<String>>,
    canonical: Vec<String>,
    json_ld: Vec<Value>,
    /// Every tag in the head, by name.
    tags: Vec<String>,
}

impl Head {
    fn one(&self, key: &str) -> &str {
        let values = self
            .meta
            .get(key)
            .unwrap_or_else(|| panic!("no {key} in {self:#?}"));
        assert_eq!(values.len(), 1, "{key} given {} times", values.len());
        &values[0]
    }
}

/// Reads attributes the way an HTML tokenizer would: `name="value"` pairs,
/// values running to the next double quote.
fn attributes(tag: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit([' ', '<'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let value_start = eq + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.insert(name, unescape(&rest[value_start..value_start + len]));
        rest = &rest[value_start + len + 1..];
    }
    out
}

/// Tokenizes the head as a browser would: tags are `<…>`, except that the
/// text of `<title>` and `<script>` runs to their closing tag.
fn parse_head(html: &str) -> Head {
    let start = html.find("<head>").expect("a head") + "<head>".len();
    let end = html.find("</head>").expect("the head closes");
    let head = &html[start..end];
    let mut out = Head::default();
    let mut at = 0;
    while let Some(open) = head[at..].find('<') {
        let open = at + open;
        let close = open + head[open..].find('>').expect("tag closes") + 1;
        let tag = &head[open..close];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.tags.push(name.clone());
        at = close;
        match name.as_str() {
            "title" => {
                let text_end = at + head[at..].find("</title>").expect("title closes");
                out.title.push(unescape(&head[at..text_end]));
                at = text_end + "</title>".len();
            }
            "script" => {
                let text_end = at + head[at..].find("</script>").expect("script closes");
                if tag.contains("application/ld+json") {
                    out.json_ld
                        .push(serde_json::from_str(&head[at..text_end]).expect("JSON-LD parses"));
                }
                at = text_end + "</script>".len();
            }
            "meta" => {
                let a = attributes(tag);
                if let Some(key) = a.get("name").or(a.get("property")) {
                    out.meta
                        .entry(key.clone())
                        .or_default()
                        .push(a.get("content").cloned().unwrap_or_default());
                }
            }
            "link" => {
                let a = attributes(tag);
                if a.get("rel").map(String::as_str) == Some("canonical") {
                    out.canonical.push(a["href"].clone());
                }
            }
            _ => {}
        }
    }
    out
}

async fn crawl(server: &TestServer, path: &str, agent: &str) -> (String, Head) {
    let a = server
        .request(reqwest::Method::GET, path, &[("user-agent", agent)], None)
        .await;
    assert_eq!(a.status, StatusCode::OK, "GET {path}");
    assert!(a
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/html"));
    let html = a.text();
    let head = parse_head(&html);
    (html, head)
}

fn event(server: &TestServer, id: &str) -> eventdesk_model::Event {
    let file = server
        .setup
        .fixtures
        .join("events")
        .join(format!("{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

/// Checks every preview tag of an event page against the event itself.
fn assert_event_head(server: &TestServer, head: &Head, e: &eventdesk_model::Event) {
    let canonical = format!("{}/events/{}", server.base, e.id);
    let headline = e.title.as_deref().unwrap_or(&e.summary.summary);
    assert_eq!(
        head.title,
        vec![e.document_title()],
        "exactly one title, the event's"
    );
    assert!(head.title[0].starts_with(&eventdesk_model::page::clip(headline, 90)[..20]));
    assert_eq!(head.one("description"), e.description());
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
    let og_description = head.one("og:description");
    assert!(
        og_description.starts_with(&format!("{rating}. ")),
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
        .starts_with("Likely · Reported by 3 independent sources. The British"));
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
        .starts_with("Unconfirmed · Reported by 1 independent source. Officials said \"</script>"));
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
    let summary = support::fixtures::read("methodology.json")["summary"]
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

    // An unknown event still gets the app, but says so and is not indexed.
    let (_, missing) = crawl(&server, "/events/no-such-event", "Twitterbot/1.0").await;
    assert_eq!(
        missing.title,
        vec!["Event not found · Eventdesk".to_owned()]
    );
    assert_eq!(missing.one("robots"), "noindex");

    // The site card every non-event page points at is a real image.
    let site = server.get("/share/site.png").await;
    assert_eq!(site.status, StatusCode::OK);
    assert_eq!(decode_png(&site.body), (1200, 630));
}

fn decode_png(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("the PNG decodes");
    (info.width, info.height)
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
    let (mut setup, dir) = Setup::fresh();
    setup.fixtures = support::fixtures_dir().with_file_name("fixtures-hostile");
    support::write_dist(&setup.dist);
    let server = TestServer::start_with(setup, Some(dir)).await;
    let mut files: Vec<_> = std::fs::read_dir(server.setup.fixtures.join("events"))
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
        assert_eq!(head.title, vec![e.document_title()], "{}", e.id);
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
