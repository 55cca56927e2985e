//! `POST /events/{id}/submissions` refuses addresses that cannot be another
//! outlet's article with 422 and an error on `url` that says why (issue 15,
//! item 10): this device, private and link-local networks, IP literals in
//! every spelling, single-label and local-only names, and Eventdesk's own
//! pages, known from `--site-origin`, the `Host` asked and, behind a trusted
//! proxy, `X-Forwarded-Host`. Nothing refused is stored.

mod support;

use eventdesk_model::article_url::{OwnSite, UrlRefusal};
use reqwest::Method;
use serde_json::{json, Value};
use support::{Setup, TestServer, PARIS};

const SITE: &str = "https://eventdesk.example";

fn url_error(problem: &Value) -> String {
    let errors = problem["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{problem}");
    assert_eq!(errors[0]["field"], "url", "{problem}");
    errors[0]["message"].as_str().expect("message").to_owned()
}

async fn server_for(site_origin: &[&str], trust_proxy: bool) -> TestServer {
    let (mut setup, dir) = Setup::fresh();
    setup.site_origin = site_origin.iter().map(|s| s.to_string()).collect();
    setup.trust_proxy = trust_proxy;
    TestServer::start_with(setup, Some(dir)).await
}

#[tokio::test]
async fn each_kind_of_address_that_is_no_article_is_422_on_url_with_its_reason() {
    let server = server_for(&[SITE], false).await;
    let own = OwnSite::new([SITE]);
    let cases = [
        ("http://localhost/x", UrlRefusal::ThisDevice),
        ("http://app.localhost:3000/", UrlRefusal::ThisDevice),
        // (127.0.0.1 is the host the test asks on: its own site.)
        ("http://127.0.0.2/", UrlRefusal::ThisDevice),
        ("http://2130706433/", UrlRefusal::ThisDevice),
        ("http://0x7f.0.0.1/", UrlRefusal::ThisDevice),
        ("http://0177.0.0.1/", UrlRefusal::ThisDevice),
        ("http://[::1]/", UrlRefusal::ThisDevice),
        ("http://[::ffff:127.0.0.1]/", UrlRefusal::ThisDevice),
        ("http://0.0.0.0:8080/", UrlRefusal::ThisDevice),
        ("http://192.168.1.1/admin", UrlRefusal::PrivateNetwork),
        ("http://10.0.0.1/", UrlRefusal::PrivateNetwork),
        ("http://[fd00::1]/", UrlRefusal::PrivateNetwork),
        (
            "http://169.254.169.254/latest/meta-data/",
            UrlRefusal::LinkLocal,
        ),
        ("http://[fe80::1]/", UrlRefusal::LinkLocal),
        ("http://224.0.0.1/", UrlRefusal::ReservedAddress),
        ("http://93.184.215.14/news", UrlRefusal::IpAddress),
        ("http://[2606:4700::1111]/", UrlRefusal::IpAddress),
        ("https://example", UrlRefusal::SingleLabel),
        (
            "http://printer.local/",
            UrlRefusal::LocalName { ending: "local" },
        ),
        (
            "http://wiki.corp.internal/",
            UrlRefusal::LocalName { ending: "internal" },
        ),
        ("https://reader:secret@reuters.com/x", UrlRefusal::UserInfo),
        ("http://ｌｏｃａｌｈｏｓｔ/", UrlRefusal::LookAlike),
        (
            "https://eventdesk.example/events/paris-coalition-security-guarantees-2025-09-04",
            UrlRefusal::OwnSite,
        ),
        ("https://www.eventdesk.example/", UrlRefusal::OwnSite),
    ];
    for (url, why) in cases {
        let answer = server.submit(PARIS, &json!({ "url": url })).await;
        let problem = answer.problem(422);
        assert_eq!(url_error(&problem), why.message(), "{url}");
        // The app's check says the same, word for word.
        assert_eq!(
            eventdesk_model::SubmissionRequest {
                url: url.into(),
                ..Default::default()
            }
            .validate_for(&own)[0]
                .message,
            why.message(),
            "{url}"
        );
    }
    // Refused ones were not stored: the same article from a public outlet is new.
    let ok = server
        .submit(
            PARIS,
            &json!({ "url": "https://www.example-news.org/2025/09/04/paris" }),
        )
        .await;
    assert_eq!(ok.status, 202, "{}", ok.text());
}

#[tokio::test]
async fn the_hint_and_the_error_of_a_bad_address_share_their_words() {
    let server = TestServer::start().await;
    let problem = server
        .submit(PARIS, &json!({ "url": "reuters.com/world" }))
        .await
        .problem(422);
    let message = url_error(&problem);
    assert_eq!(message, UrlRefusal::NotWebAddress.message());
    assert!(message.contains(eventdesk_model::article_url::URL_START));
    assert!(
        eventdesk_model::article_url::url_hint().contains(eventdesk_model::article_url::URL_START)
    );
}

#[tokio::test]
async fn without_a_site_origin_the_host_asked_is_the_site() {
    let server = server_for(&[], false).await;
    // Eventdesk's domain is unknown: its pages pass as any outlet's would.
    let ok = server
        .submit(PARIS, &json!({ "url": format!("{SITE}/events/x") }))
        .await;
    assert_eq!(ok.status, 202, "{}", ok.text());
    // The host the API is asked on is known.
    let body = json!({ "url": "https://api.eventdesk.example/events/x" })
        .to_string()
        .into_bytes();
    let path = format!("/api/v1/events/{PARIS}/submissions");
    let headers = [
        ("content-type", "application/json"),
        ("host", "api.eventdesk.example"),
    ];
    let answer = server
        .request(Method::POST, &path, &headers, Some(body.clone()))
        .await;
    assert_eq!(
        url_error(&answer.problem(422)),
        UrlRefusal::OwnSite.message()
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_readers_host_is_the_site() {
    let path = format!("/api/v1/events/{PARIS}/submissions");
    let body = json!({ "url": "https://news.eventdesk.example/events/x" })
        .to_string()
        .into_bytes();
    let headers = [
        ("content-type", "application/json"),
        ("x-forwarded-host", "news.eventdesk.example"),
    ];
    let trusting = server_for(&[], true).await;
    let answer = trusting
        .request(Method::POST, &path, &headers, Some(body.clone()))
        .await;
    assert_eq!(
        url_error(&answer.problem(422)),
        UrlRefusal::OwnSite.message()
    );
    // Not trusted: anyone could send the header, so it says nothing.
    let plain = server_for(&[], false).await;
    let answer = plain
        .request(Method::POST, &path, &headers, Some(body))
        .await;
    assert_eq!(answer.status, 202, "{}", answer.text());
}
