//! `GET /events`, `GET /events/{id}`, the reference paths and the API's 404/405,
//! against the real server with the real fixtures.

mod support;

use std::collections::BTreeSet;

use reqwest::Method;
use support::fixtures::{self, FixtureEvent};
use support::{TestServer, PARIS};

fn ids<'a>(events: impl IntoIterator<Item = &'a FixtureEvent>) -> BTreeSet<String> {
    events.into_iter().map(|e| e.id().to_owned()).collect()
}

fn set(v: &[String]) -> BTreeSet<String> {
    let s: BTreeSet<String> = v.iter().cloned().collect();
    assert_eq!(s.len(), v.len(), "an event was listed twice: {v:?}");
    s
}

#[test]
fn the_schema_checker_checks() {
    support::schema::self_check();
}

#[tokio::test]
async fn paging_by_three_lists_every_event_once_newest_first() {
    let server = TestServer::start().await;
    let (walked, total) = server.walk("", 3).await;
    let expected = ids(&fixtures::listed());
    assert_eq!(set(&walked), expected);
    assert_eq!(total as usize, expected.len());
    assert!(expected.len() >= 3, "enough fixtures to page");

    // Newest first: occurred_on never increases; unknown dates come last.
    let by_id: std::collections::HashMap<String, FixtureEvent> = fixtures::listed()
        .into_iter()
        .map(|e| (e.id().to_owned(), e))
        .collect();
    let dates: Vec<String> = walked
        .iter()
        .map(|id| by_id[id].occurred_on().unwrap_or("").to_owned())
        .collect();
    for pair in dates.windows(2) {
        assert!(
            pair[0] >= pair[1] || pair[1].is_empty() && pair[0].is_empty(),
            "order: {dates:?}"
        );
    }

    // The same walk at other page sizes agrees.
    for limit in [1, 7, 100] {
        let (again, _) = server.walk("", limit).await;
        assert_eq!(again, walked, "limit {limit}");
    }
    let first = server.get_json("/api/v1/events").await;
    assert_eq!(
        first["items"].as_array().unwrap().len(),
        expected.len().min(20),
        "default limit 20"
    );
}

#[tokio::test]
async fn list_items_are_summaries_and_events_are_as_written() {
    let server = TestServer::start().await;
    let page = server.get_json("/api/v1/events?limit=100").await;
    for item in page["items"].as_array().unwrap() {
        for field in eventdesk_model::examples::DETAIL_ONLY_FIELDS {
            assert!(item.get(field).is_none(), "a list item carries {field}");
        }
    }
    for event in fixtures::listed() {
        let got = server
            .get_json(&format!("/api/v1/events/{}", event.id()))
            .await;
        assert_eq!(got, event.doc, "{} round-trips", event.id());
    }
    let paris = server.get_json(&format!("/api/v1/events/{PARIS}")).await;
    let example = eventdesk_model::examples::paris_event_value();
    assert_eq!(paris, example, "the Paris event is the contract's example");
}

#[tokio::test]
async fn a_withdrawn_event_is_gone_with_its_reason_and_never_listed() {
    let server = TestServer::start().await;
    let withdrawn: Vec<FixtureEvent> = fixtures::events()
        .into_iter()
        .filter(|e| e.withdrawn.is_some())
        .collect();
    assert!(!withdrawn.is_empty(), "the fixtures have a withdrawn event");
    let (listed, _) = server.walk("", 100).await;
    for event in &withdrawn {
        let a = server.get(&format!("/api/v1/events/{}", event.id())).await;
        let p = a.problem(410);
        assert_eq!(p["detail"], event.withdrawn.as_ref().unwrap()["reason"]);
        assert!(!listed.contains(&event.id().to_owned()));
        assert!(
            !a.text().contains("\"summary\""),
            "nothing of the event is sent"
        );
    }
}

async fn walk_set(server: &TestServer, query: &str) -> BTreeSet<String> {
    let (walked, total) = server.walk(query, 5).await;
    assert_eq!(
        walked.len() as u64,
        total,
        "{query}: total agrees with the pages"
    );
    set(&walked)
}

#[tokio::test]
async fn each_filter_selects_what_it_says() {
    let server = TestServer::start().await;
    let listed = fixtures::listed();
    let by = |pred: &dyn Fn(&FixtureEvent) -> bool| ids(listed.iter().filter(|e| pred(e)));

    let categories: BTreeSet<String> = listed
        .iter()
        .map(|e| e.doc["category"]["id"].as_str().unwrap().to_owned())
        .collect();
    for c in &categories {
        let want = by(&|e| e.doc["category"]["id"] == *c.as_str());
        assert_eq!(
            walk_set(&server, &format!("category={c}")).await,
            want,
            "category {c}"
        );
    }
    let mut two = categories.iter().take(2);
    let (a, b) = (two.next().unwrap(), two.next().unwrap());
    let want =
        by(&|e| e.doc["category"]["id"] == *a.as_str() || e.doc["category"]["id"] == *b.as_str());
    assert_eq!(
        walk_set(&server, &format!("category={a}&category={b}")).await,
        want,
        "categories OR"
    );

    for level in ["unconfirmed", "likely", "verified", "disputed"] {
        let want = by(&|e| e.doc["confidence"]["level"] == level);
        assert!(!want.is_empty(), "fixtures have a {level} event");
        assert_eq!(
            walk_set(&server, &format!("confidence={level}")).await,
            want,
            "{level}"
        );
    }
    let want = by(&|e| {
        matches!(
            e.doc["confidence"]["level"].as_str(),
            Some("disputed" | "unconfirmed")
        )
    });
    assert_eq!(
        walk_set(&server, "confidence=disputed&confidence=unconfirmed").await,
        want
    );
    assert!(
        walk_set(&server, "confidence=no-such-level")
            .await
            .is_empty(),
        "an unknown level matches nothing"
    );

    let want = by(&|e| e.countries().contains("FR"));
    assert!(want.contains(PARIS));
    assert_eq!(walk_set(&server, "country=FR").await, want, "country");
    assert_eq!(
        walk_set(&server, "country=UA").await,
        by(&|e| e.countries().contains("UA"))
    );

    let want = by(&|e| e.entity_ids().contains("emmanuel-macron"));
    assert!(want.len() >= 2, "an entity shared by several events");
    assert_eq!(
        walk_set(&server, "entity=emmanuel-macron").await,
        want,
        "entity"
    );

    let want = by(&|e| {
        e.occurred_on()
            .is_some_and(|d| ("2024-06-01".."2025-01-01").contains(&d))
    });
    assert_eq!(
        walk_set(&server, "from=2024-06-01&to=2024-12-31").await,
        want,
        "dates"
    );
    assert_eq!(
        walk_set(&server, "from=2025-09-04&to=2025-09-04").await,
        by(&|e| e.occurred_on() == Some("2025-09-04"))
    );

    let want = by(&|e| e.countries().contains("UA") && e.doc["category"]["id"] == "diplomatic");
    assert_eq!(
        walk_set(&server, "country=UA&category=diplomatic").await,
        want,
        "filters combine with AND"
    );
    assert!(walk_set(
        &server,
        "category=diplomatic&confidence=likely&entity=nobody"
    )
    .await
    .is_empty());
}

#[tokio::test]
async fn search_finds_words_anywhere_and_never_fails() {
    let server = TestServer::start().await;
    let found = |q: &'static str| {
        let server = &server;
        async move { walk_set(server, &format!("q={q}")).await }
    };
    assert!(found("Paris").await.contains(PARIS), "a place name");
    assert!(
        found("paris%20coalition").await.contains(PARIS),
        "every word must match"
    );
    assert!(found("Zelensky").await.contains(PARIS), "an entity name");
    assert!(
        found("summit%2010%3A30").await.contains(PARIS),
        "words of a claim"
    );
    assert!(found("guarant").await.contains(PARIS), "a prefix of a word");
    assert!(
        found("PARÍS").await.contains(PARIS),
        "case and accents do not matter"
    );
    assert!(found("xylophonequasar").await.is_empty());
    assert!(found("paris%20xylophonequasar").await.is_empty());
    let combined = walk_set(&server, "q=paris&category=military").await;
    assert!(!combined.contains(PARIS));

    for hostile in [
        "\"",
        "\"\"\"",
        "*",
        "paris*",
        "AND",
        "OR OR",
        "NOT paris",
        "(paris",
        "NEAR(a b)",
        "title:paris",
        "'; DROP TABLE events; --",
        "%00",
        "%F0%9F%A4%9D",
        "\\",
        "^paris",
        "-paris",
        "+",
        "{a}",
        "[1]",
        "a%26b%3Dc",
        "%E2%80%AE%D8%A7%D9%84%D8%B9%D8%B1%D8%A8%D9%8A%D8%A9",
    ] {
        let a = server.get(&format!("/api/v1/events?q={hostile}")).await;
        assert_eq!(a.status, 200, "q={hostile}: {}", a.text());
    }
    let long = "a".repeat(200);
    assert_eq!(
        server.get(&format!("/api/v1/events?q={long}")).await.status,
        200
    );
    server
        .get(&format!("/api/v1/events?q={long}a"))
        .await
        .problem(400);
}

#[tokio::test]
async fn bad_list_parameters_are_400() {
    let server = TestServer::start().await;
    for query in [
        "country=fr",
        "country=FRA",
        "country=F1",
        "limit=0",
        "limit=101",
        "limit=abc",
        "limit=2.5",
        "from=2025-02-30",
        "from=04/09/2025",
        "to=tomorrow",
        "from=2025-03-01&to=2025-02-01",
        "cursor=garbage",
        "cursor=YzEKMjAyNQ",
        "limit=-1",
    ] {
        server
            .get(&format!("/api/v1/events?{query}"))
            .await
            .problem(400);
    }
    // A real cursor, altered by one character, is refused rather than misread.
    let page = server.get_json("/api/v1/events?limit=2").await;
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    let mut tampered: Vec<char> = cursor.chars().collect();
    let i = tampered.len() / 2;
    tampered[i] = if tampered[i] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    server
        .get(&format!("/api/v1/events?limit=2&cursor={tampered}"))
        .await
        .problem(400);
    // Unknown parameters are ignored.
    assert_eq!(server.get("/api/v1/events?colour=blue").await.status, 200);
}

/// Found by the contract fuzz (scripts/fuzz-api.sh): an empty `to=` was read
/// as no filter, though its schema (a date) rules it out. An empty value is a
/// 400 for every parameter whose schema has no empty value, and absent for
/// the free-text ones, as the contract's 400 for GET /events says.
#[tokio::test]
async fn empty_dates_countries_and_limits_are_400_and_empty_text_is_absent() {
    let server = TestServer::start().await;
    for query in [
        "to=",
        "from=",
        "to=%20",
        "from=2025-01-01&to=",
        "country=",
        "limit=",
        "limit=%20",
    ] {
        let p = server
            .get(&format!("/api/v1/events?{query}"))
            .await
            .problem(400);
        let name = query.rsplit('&').next().unwrap().split('=').next().unwrap();
        assert!(
            p["detail"].as_str().unwrap().contains(&format!("`{name}`")),
            "{query}: the detail names the parameter: {p}"
        );
    }
    let all = server.get_json("/api/v1/events").await;
    for query in [
        "q=",
        "entity=",
        "category=",
        "confidence=",
        "cursor=",
        "q=%20",
    ] {
        let page = server.get_json(&format!("/api/v1/events?{query}")).await;
        assert_eq!(page, all, "{query} counts as absent");
    }
}

#[tokio::test]
async fn unknown_events_and_paths_are_404_and_wrong_methods_405() {
    let server = TestServer::start().await;
    for path in [
        "/api/v1/events/no-such-event",
        "/api/v1/events/bad%20id",
        "/api/v1/events/..%2F..%2Fetc%2Fpasswd",
        &format!("/api/v1/events/{}", "a".repeat(129)),
        "/api/v1/events/%FF",
        "/api/v1/entities/nobody-at-all",
        "/api/v1/submissions/sub_doesnotexist",
        // Every id in a path follows the contract's one id rule.
        "/api/v1/entities/a.b",
        "/api/v1/entities/%C3%A9",
        &format!("/api/v1/entities/{}", "e".repeat(129)),
        "/api/v1/submissions/sub%20x",
        "/api/v1/submissions/%FF",
        &format!("/api/v1/submissions/{}", "s".repeat(129)),
        "/api/v1/nothing",
        "/api/v2/events",
        "/api",
        "/api/",
        &format!("/api/v1/events/{PARIS}/extra"),
    ] {
        server.get(path).await.problem(404);
    }
    for (method, path) in [
        (Method::POST, "/api/v1/events".to_owned()),
        (Method::DELETE, format!("/api/v1/events/{PARIS}")),
        (Method::PUT, "/api/v1/categories".to_owned()),
        (Method::GET, format!("/api/v1/events/{PARIS}/submissions")),
        (Method::POST, "/api/v1/methodology".to_owned()),
        (Method::PATCH, "/api/v1/submissions/sub_x".to_owned()),
    ] {
        let a = server.request(method.clone(), &path, &[], None).await;
        a.problem(405);
        assert!(
            a.header("allow").is_some(),
            "{method} {path} says what is allowed"
        );
    }
}

/// One extractor reads every id in a path: an id against the contract's rule,
/// one that does not decode, and one that names nothing all answer the same
/// 404, worded for that resource.
#[tokio::test]
async fn a_bad_id_is_the_404_of_its_own_resource() {
    let server = TestServer::start().await;
    let event = "There is no event with this id.";
    let entity = "There is no entity with this id.";
    let submission = "There is no submission with this id.";
    for (path, detail) in [
        ("/api/v1/events/no-such-event", event),
        ("/api/v1/events/bad.id", event),
        ("/api/v1/events/%FF", event),
        ("/api/v1/entities/nobody-at-all", entity),
        ("/api/v1/entities/bad%20id", entity),
        ("/api/v1/submissions/sub_doesnotexist", submission),
        ("/api/v1/submissions/%C3%A9", submission),
    ] {
        let p = server.get(path).await.problem(404);
        assert_eq!(p["detail"], detail, "{path}");
    }
    let body = serde_json::json!({ "url": "https://example.com/a" });
    for id in ["bad.id", "%FF", "no-such-event"] {
        let p = server.submit(id, &body).await.problem(404);
        assert_eq!(p["detail"], event, "POST to {id}");
    }
}

#[tokio::test]
async fn categories_methodology_and_entities() {
    let server = TestServer::start().await;
    assert_eq!(
        server.get_json("/api/v1/categories").await,
        fixtures::read("categories.json")
    );
    assert_eq!(
        server.get_json("/api/v1/methodology").await,
        fixtures::read("methodology.json")
    );

    let listed = fixtures::listed();
    let entity_ids: BTreeSet<String> = listed.iter().flat_map(|e| e.entity_ids()).collect();
    for id in &entity_ids {
        let entity = server.get_json(&format!("/api/v1/entities/{id}")).await;
        assert_eq!(entity["id"], *id.as_str());
        let count = listed
            .iter()
            .filter(|e| e.entity_ids().contains(id))
            .count();
        assert_eq!(entity["event_count"], count, "{id}");
        let page = server
            .get_json(&format!("/api/v1/events?entity={id}&limit=1"))
            .await;
        assert_eq!(
            page["total"], count,
            "{id}: the entity's events are GET /events?entity="
        );
    }
    let macron = server.get_json("/api/v1/entities/emmanuel-macron").await;
    assert_eq!(macron["name"], "Emmanuel Macron");
    assert!(macron["event_count"].as_u64().unwrap() >= 2);
}
