//! `POST /events/{id}/submissions` and `GET /submissions/{id}`: every answer the
//! contract lists, the honeypot, the rate limit, durability and concurrency.

mod support;

use std::collections::HashSet;

use eventdesk_model::SubmissionRequest;
use reqwest::Method;
use serde_json::{json, Value};
use support::{fixtures, Setup, TestServer, PARIS};

fn submissions_path(event: &str) -> String {
    format!("/api/v1/events/{event}/submissions")
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_accepted_submission_has_a_receipt_to_look_up() {
    let server = TestServer::start().await;
    let url = "https://www.example-news.org/2025/09/04/paris-summit-security-guarantees";
    let a = server
        .submit(PARIS, &json!({"url": url, "outlet_name": "Example News", "note": " Troop pledges ", "email": "reader@example.org"}))
        .await;
    assert_eq!(a.status, 202, "{}", a.text());
    let receipt = a.json();
    let id = receipt["id"].as_str().unwrap();
    assert!(
        id.starts_with("sub_")
            && id.len() > 10
            && id[4..].chars().all(|c| c.is_ascii_alphanumeric()),
        "{id}"
    );
    assert_eq!(receipt["event_id"], PARIS);
    assert_eq!(receipt["status"], "pending");
    assert_eq!(receipt["url"], url);
    let received =
        chrono::DateTime::parse_from_rfc3339(receipt["received_at"].as_str().unwrap()).unwrap();
    assert!((chrono::Utc::now() - received.to_utc()).num_seconds().abs() < 60);
    assert_eq!(
        a.header("location"),
        Some(format!("/api/v1/submissions/{id}").as_str())
    );

    let again = server.get_json(&format!("/api/v1/submissions/{id}")).await;
    assert_eq!(again, receipt);
    server
        .get("/api/v1/submissions/sub_0000000000000000")
        .await
        .problem(404);
}

#[tokio::test]
async fn unknown_or_withdrawn_events_refuse_submissions() {
    let server = TestServer::start().await;
    let body = json!({"url": "https://a.example/x"});
    server.submit("no-such-event", &body).await.problem(404);
    server.submit("not%20an%20id", &body).await.problem(404);
    let withdrawn = fixtures::events()
        .into_iter()
        .find(|e| e.withdrawn.is_some())
        .expect("a withdrawn fixture");
    server.submit(withdrawn.id(), &body).await.problem(410);
}

#[tokio::test]
async fn wrong_media_type_is_415_and_oversize_is_413() {
    let server = TestServer::start().await;
    let path = submissions_path(PARIS);
    let body = json!({"url": "https://a.example/x"})
        .to_string()
        .into_bytes();
    for ct in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/jsonx"),
    ] {
        let headers: Vec<(&str, &str)> = ct.map(|c| ("content-type", c)).into_iter().collect();
        server
            .request(Method::POST, &path, &headers, Some(body.clone()))
            .await
            .problem(415);
    }
    let ok = server
        .request(
            Method::POST,
            &path,
            &[("content-type", "Application/JSON; charset=utf-8")],
            Some(body),
        )
        .await;
    assert_eq!(ok.status, 202, "a charset parameter is fine: {}", ok.text());

    let big = json!({"url": "https://a.example/big", "note": "x".repeat(17 * 1024)})
        .to_string()
        .into_bytes();
    server
        .request(
            Method::POST,
            &path,
            &[("content-type", "application/json")],
            Some(big),
        )
        .await
        .problem(413);
    // Just under the limit is read (and then refused for the note's length, not its size).
    let near = json!({"url": "https://a.example/near", "note": "x".repeat(16 * 1024 - 100)});
    let p = server.submit(PARIS, &near).await.problem(422);
    assert_eq!(fields(&p), ["note"]);
}

#[tokio::test]
async fn invalid_bodies_are_422_with_each_field_named() {
    let server = TestServer::start().await;
    let path = submissions_path(PARIS);
    for raw in [
        "{\"url\": ",
        "",
        "not json",
        "[]",
        "\"https://a.example/\"",
        "null",
    ] {
        let a = server
            .request(
                Method::POST,
                &path,
                &[("content-type", "application/json")],
                Some(raw.as_bytes().to_vec()),
            )
            .await;
        assert_eq!(fields(&a.problem(422)), ["body"], "{raw:?}");
    }
    let p = server
        .submit(PARIS, &json!({"url": 42, "note": ["a"]}))
        .await
        .problem(422);
    assert_eq!(fields(&p), ["url", "note"]);
    let p = server
        .submit(
            PARIS,
            &json!({"url": "https://a.example/x", "publisher": "me"}),
        )
        .await
        .problem(422);
    assert_eq!(fields(&p), ["publisher"]);
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("publisher"));

    // The model's rules and wording, field by field.
    let request = SubmissionRequest {
        url: "javascript:alert(1)".into(),
        outlet_name: Some("n".repeat(201)),
        note: Some("é".repeat(2001)),
        email: Some("not-an-email".into()),
    };
    let p = server
        .submit(PARIS, &serde_json::to_value(&request).unwrap())
        .await
        .problem(422);
    assert_eq!(p, {
        let mut want = serde_json::to_value(eventdesk_model::Problem {
            errors: request.validate(),
            ..eventdesk_model::Problem::new(422, "")
        })
        .unwrap();
        want["type"] = p["type"].clone();
        want["title"] = p["title"].clone();
        want["detail"] = p["detail"].clone();
        want
    });
    assert_eq!(fields(&p), ["url", "outlet_name", "note", "email"]);
    let example: Value =
        serde_json::from_str(include_str!("../../api/examples/problem-422.json")).unwrap();
    assert_eq!(
        (&p["type"], &p["title"]),
        (&example["type"], &example["title"])
    );
    let p = server
        .submit(PARIS, &json!({"outlet_name": "x"}))
        .await
        .problem(422);
    assert_eq!(fields(&p), ["url"]);
}

#[tokio::test]
async fn duplicates_of_sources_and_earlier_submissions_are_409() {
    let server = TestServer::start().await;
    // The Paris event lists Kyiv Independent with homepage https://kyivindependent.com/.
    let p = server
        .submit(PARIS, &json!({"url": "http://WWW.KyivIndependent.com#top"}))
        .await
        .problem(409);
    assert_eq!(p["duplicate_of"], "kyiv-independent");

    let first = server
        .submit(PARIS, &json!({"url": "https://news.example/story?id=7"}))
        .await;
    assert_eq!(first.status, 202);
    let first_id = first.json()["id"].clone();
    let p = server
        .submit(
            PARIS,
            &json!({"url": "https://www.news.example/story/?utm_source=x&id=7#comments"}),
        )
        .await
        .problem(409);
    assert_eq!(p["duplicate_of"], first_id);
    // A different article, or the same one for another event, is not a duplicate.
    assert_eq!(
        server
            .submit(PARIS, &json!({"url": "https://news.example/story?id=8"}))
            .await
            .status,
        202
    );
    let other = fixtures::listed()
        .into_iter()
        .find(|e| e.id() != PARIS)
        .unwrap();
    assert_eq!(
        server
            .submit(
                other.id(),
                &json!({"url": "https://news.example/story?id=7"})
            )
            .await
            .status,
        202
    );
}

#[tokio::test]
async fn a_filled_honeypot_is_dropped_quietly() {
    let server = TestServer::start().await;
    let url = "https://spam.example/buy-now";
    let a = server
        .submit(
            PARIS,
            &json!({"url": url, "website": "https://spam.example"}),
        )
        .await;
    assert_eq!(a.status, 202, "looks accepted: {}", a.text());
    let receipt = a.json();
    assert_eq!(receipt["status"], "pending");
    let id = receipt["id"].as_str().unwrap();
    assert!(id.starts_with("sub_"));
    server
        .get(&format!("/api/v1/submissions/{id}"))
        .await
        .problem(404);
    // Even a bot's body without a URL gets a receipt in the contract's shape.
    let a = server
        .submit(PARIS, &json!({"website": "x", "colour": 5}))
        .await;
    assert_eq!(a.status, 202, "{}", a.text());
    // Nothing was stored: a person can still send the same URL, with an empty honeypot.
    let real = server
        .submit(PARIS, &json!({"url": url, "website": ""}))
        .await;
    assert_eq!(real.status, 202, "{}", real.text());
}

#[tokio::test]
async fn too_many_submissions_from_one_client_are_429_with_retry_after() {
    let (mut setup, dir) = Setup::fresh();
    setup.submit_limit = "2/60s".into();
    let server = TestServer::start_with(setup, Some(dir)).await;
    // Refused submissions do not use up the allowance.
    server
        .submit(PARIS, &json!({"url": "nope"}))
        .await
        .problem(422);
    for n in 0..2 {
        let a = server
            .submit(PARIS, &json!({"url": format!("https://a.example/{n}")}))
            .await;
        assert_eq!(a.status, 202, "{}", a.text());
    }
    let a = server
        .submit(PARIS, &json!({"url": "https://a.example/third"}))
        .await;
    a.problem(429);
    let retry: u64 = a
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("whole seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    // Without --trust-proxy, X-Forwarded-For cannot dodge the limit.
    let dodge = server
        .request(
            Method::POST,
            &submissions_path(PARIS),
            &[
                ("content-type", "application/json"),
                ("x-forwarded-for", "203.0.113.77"),
            ],
            Some(
                json!({"url": "https://a.example/dodge"})
                    .to_string()
                    .into_bytes(),
            ),
        )
        .await;
    dodge.problem(429);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit() {
    let (mut setup, dir) = Setup::fresh();
    setup.submit_limit = "1/60s".into();
    setup.trust_proxy = true;
    let server = TestServer::start_with(setup, Some(dir)).await;
    let send = |client: &'static str, n: u32| {
        let server = &server;
        async move {
            server
                .request(
                    Method::POST,
                    &submissions_path(PARIS),
                    &[
                        ("content-type", "application/json"),
                        ("x-forwarded-for", client),
                    ],
                    Some(
                        json!({"url": format!("https://a.example/{client}/{n}")})
                            .to_string()
                            .into_bytes(),
                    ),
                )
                .await
        }
    };
    assert_eq!(send("203.0.113.1", 1).await.status, 202);
    send("203.0.113.1", 2).await.problem(429);
    assert_eq!(send("203.0.113.2", 1).await.status, 202);
}

#[tokio::test]
async fn an_accepted_submission_survives_a_crash_and_restart() {
    let server = TestServer::start().await;
    let setup = server.setup.clone();
    let a = server
        .submit(
            PARIS,
            &json!({"url": "https://durable.example/story", "note": "kept"}),
        )
        .await;
    assert_eq!(a.status, 202);
    let receipt = a.json();
    let dir = server.kill().await;

    let server = TestServer::start_with(setup, dir).await;
    let id = receipt["id"].as_str().unwrap();
    assert_eq!(
        server.get_json(&format!("/api/v1/submissions/{id}")).await,
        receipt
    );
    let p = server
        .submit(PARIS, &json!({"url": "https://durable.example/story"}))
        .await
        .problem(409);
    assert_eq!(p["duplicate_of"], id);
    let (walked, total) = server.walk("", 100).await;
    assert_eq!(
        walked.len() as u64,
        total,
        "the fixtures were not loaded twice"
    );
    assert_eq!(total as usize, fixtures::listed().len());
}

#[tokio::test]
async fn five_hundred_concurrent_submissions_are_each_stored_once() {
    let server = std::sync::Arc::new(TestServer::start().await);
    let tasks: Vec<_> = (0..500)
        .map(|n| {
            let server = std::sync::Arc::clone(&server);
            tokio::spawn(async move {
                let a = server
                    .submit(
                        PARIS,
                        &json!({"url": format!("https://load.example/story/{n}")}),
                    )
                    .await;
                assert_eq!(a.status, 202, "{}", a.text());
                a.json()["id"].as_str().unwrap().to_owned()
            })
        })
        .collect();
    let mut ids = HashSet::new();
    for t in tasks {
        assert!(ids.insert(t.await.unwrap()), "two submissions got one id");
    }
    assert_eq!(ids.len(), 500);

    // The same article sent 40 times at once lands once; the others point at it.
    let same: Vec<_> = (0..40)
        .map(|_| {
            let server = std::sync::Arc::clone(&server);
            tokio::spawn(async move {
                server
                    .submit(PARIS, &json!({"url": "https://load.example/same"}))
                    .await
            })
        })
        .collect();
    let mut accepted = Vec::new();
    let mut duplicates = Vec::new();
    for t in same {
        let a = t.await.unwrap();
        match a.status.as_u16() {
            202 => accepted.push(a.json()["id"].as_str().unwrap().to_owned()),
            409 => duplicates.push(a.json()["duplicate_of"].as_str().unwrap().to_owned()),
            s => panic!("unexpected {s}: {}", a.text()),
        }
    }
    assert_eq!(accepted.len(), 1);
    assert!(duplicates.iter().all(|d| *d == accepted[0]));

    // What the database holds: every one, none twice.
    let conn = rusqlite::Connection::open(&server.setup.db).unwrap();
    let (rows, distinct): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT url) FROM submissions WHERE url LIKE 'https://load.example/%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((rows, distinct), (501, 501));
    for id in ids.iter().take(50) {
        assert_eq!(
            server
                .get(&format!("/api/v1/submissions/{id}"))
                .await
                .status,
            200
        );
    }
}
