//! The built app as `eventdesk-web` serves it in front of the reference
//! API: files as they are, `index.html` for deep links (`event.html` for an
//! event's), cache headers, precompressed and on-the-fly compression, and a
//! plain page when there is no build.
//!
//! (Moved from the server's `static_app.rs`, which ran the old all-in-one
//! server. What no longer applies is gone: CORS on the API is the reference
//! API's own, tested in `server/`; the app server keeps the app same-origin.)

mod support;

use reqwest::Method;
use support::{fixtures_dir, Site, PARIS};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The fixtures, and the app as built without its event page (`index.html`
/// answers every address).
async fn with_dist() -> Site {
    Site::start_with(fixtures_dir(), |setup| {
        std::fs::remove_file(setup.dist.join("event.html")).unwrap();
    })
    .await
}

#[tokio::test]
async fn deep_links_get_the_app_page_uncached() {
    let server = with_dist().await;
    for path in [
        "/",
        &format!("/events/{PARIS}"),
        "/entities/emmanuel-macron",
        "/methodology",
    ] {
        expect_app_page(&server, path, "Eventdesk test app").await;
    }
    // Pages that are not there are the app's too, with their status
    // (web/tests/statuses.rs has each).
    for path in [
        "/index.html",
        "/submissions/sub_123",
        "/no/such/page",
        "/events/a?utm_source=x",
    ] {
        expect_app_page_with(&server, path, "Eventdesk test app", 404).await;
    }
}

/// The app's page at `path`, from the build whose body says `build`: HTML,
/// revalidated, with its policy.
async fn expect_app_page(server: &Site, path: &str, build: &str) {
    expect_app_page_with(server, path, build, 200).await
}

/// As [`expect_app_page`], answered with `status`.
async fn expect_app_page_with(server: &Site, path: &str, build: &str, status: u16) {
    let a = server.get(path).await;
    assert_eq!(a.status, status, "{path}");
    assert!(a.text().contains(build), "{path}: {build}");
    assert!(
        a.header("content-type").unwrap().starts_with("text/html"),
        "{path}"
    );
    assert_eq!(a.header("cache-control"), Some("no-cache"), "{path}");
    assert!(a.header("content-security-policy").is_some(), "{path}");
}

#[tokio::test]
async fn files_are_served_as_they_are_and_hashed_ones_cached_for_good() {
    let server = with_dist().await;
    let js = server.get("/eventdesk-0123456789abcdef.js").await;
    assert_eq!(js.status, 200);
    assert_eq!(js.text(), "export default function init() {}\n".repeat(50));
    assert_eq!(js.header("cache-control"), Some(IMMUTABLE));
    assert!(js.header("content-type").unwrap().contains("javascript"));

    let css = server.get("/style-fedcba9876543210.css").await;
    assert_eq!(css.header("cache-control"), Some(IMMUTABLE));
    assert!(css.header("content-type").unwrap().starts_with("text/css"));

    // (`/favicon.ico` is drawn by the server: see site_files.rs.)
    let icon = server.get("/favicon.svg").await;
    assert_eq!(icon.status, 200);
    assert_eq!(
        icon.header("cache-control"),
        Some("no-cache"),
        "unhashed files are revalidated"
    );

    // A missing asset is a 404, not the app page (a stale hash must fail plainly).
    let missing = server.get("/eventdesk-ffffffffffffffff_bg.wasm").await;
    assert_eq!(missing.status, 404);
    assert_ne!(missing.header("cache-control"), Some(IMMUTABLE));
}

#[tokio::test]
async fn precompressed_siblings_and_on_the_fly_compression() {
    let server = with_dist().await;
    let wasm = "/eventdesk-0123456789abcdef_bg.wasm";
    let br = server
        .request(Method::GET, wasm, &[("accept-encoding", "br")], None)
        .await;
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(
        br.body, b"brotli bytes of the wasm",
        "the .br file as it is"
    );
    assert_eq!(br.header("content-type"), Some("application/wasm"));
    assert_eq!(br.header("cache-control"), Some(IMMUTABLE));

    let plain = server.get(wasm).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.body, b"\0asm wasm bytes");

    let css = server
        .request(
            Method::GET,
            "/style-fedcba9876543210.css",
            &[("accept-encoding", "gzip")],
            None,
        )
        .await;
    assert_eq!(
        css.header("content-encoding"),
        Some("gzip"),
        "compressed on the fly"
    );
    assert!(css.body.len() < 200 * 19, "smaller than the file");

    let api = server
        .request(
            Method::GET,
            "/api/v1/events?limit=100",
            &[("accept-encoding", "br")],
            None,
        )
        .await;
    assert_eq!(
        api.header("content-encoding"),
        Some("br"),
        "API answers are compressed too"
    );
}

#[tokio::test]
async fn without_a_build_the_api_works_and_pages_say_so() {
    let server = Site::start_with(fixtures_dir(), |setup| {
        std::fs::remove_dir_all(&setup.dist).unwrap();
    })
    .await; // its dist folder does not exist
    for path in ["/", &format!("/events/{PARIS}")] {
        let a = server.get(path).await;
        assert_eq!(a.status, 200);
        assert!(a.text().contains("isn't built"), "{}", a.text());
    }
    assert_eq!(
        server.get_json(&format!("/api/v1/events/{PARIS}")).await["id"],
        PARIS
    );
}

#[tokio::test]
async fn every_answer_has_the_safe_default_headers_and_submissions_pass_through() {
    let server = with_dist().await;
    for path in [
        "/",
        "/eventdesk-0123456789abcdef.js",
        "/api/v1/events",
        "/api/v1/nothing",
        &format!("/events/{PARIS}"),
    ] {
        let a = server.get(path).await;
        assert_eq!(
            a.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert!(a.header("referrer-policy").is_some(), "{path}");
        assert!(
            a.header("content-security-policy")
                .unwrap()
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(a.header("permissions-policy").is_some(), "{path}");
    }
    // API answers are data: never rendered or framed as a document.
    for path in ["/api/v1/events", "/api/v1/nothing"] {
        let a = server.get(path).await;
        assert!(
            a.header("content-security-policy")
                .unwrap()
                .contains("default-src 'none'"),
            "{path}"
        );
    }
    let submitted = server
        .post_json(
            &format!("/api/v1/events/{PARIS}/submissions"),
            &serde_json::json!({"url": "https://x.example/through-the-proxy"}),
        )
        .await;
    assert_eq!(submitted.status, 202, "{}", submitted.text());
}

#[tokio::test]
async fn the_page_allows_its_own_inline_loader_and_no_other_inline_script() {
    let loader =
        "import init, * as bindings from '/eventdesk-0123456789abcdef.js';\nawait init();\n";
    let server = Site::start_with(fixtures_dir(), |setup| {
        std::fs::remove_file(setup.dist.join("event.html")).unwrap();
        std::fs::write(
            setup.dist.join("index.html"),
            format!("<!doctype html><html><head><title>Eventdesk test app</title></head><body><script type=\"module\">{loader}</script></body></html>"),
        )
        .unwrap();
    })
    .await;
    for path in ["/", &format!("/events/{PARIS}")] {
        let a = server.get(path).await;
        let csp = a.header("content-security-policy").unwrap().to_owned();
        let scripts = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(
            !scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'"),
            "{csp}"
        );
        assert!(scripts.contains("'wasm-unsafe-eval'"), "{csp}");
        // The browser allows the loader when the hash of its exact text is listed.
        let start =
            a.text().find("<script type=\"module\">").unwrap() + "<script type=\"module\">".len();
        let end = a.text()[start..].find("</script>").unwrap() + start;
        let served = &a.text()[start..end];
        assert_eq!(served, loader);
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(served.as_bytes()));
        assert!(scripts.contains(&format!("'sha256-{hash}'")), "{csp}");
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"),
            "{csp}"
        );
    }
}

#[tokio::test]
async fn an_event_address_gets_the_event_page_build_with_its_head_tags_and_policy() {
    // write_dist's build has both pages.
    let server = Site::start().await;

    expect_app_page(
        &server,
        &format!("/events/{PARIS}"),
        "Eventdesk event page build",
    )
    .await;
    expect_app_page_with(
        &server,
        "/events/a?utm_source=x",
        "Eventdesk event page build",
        404,
    )
    .await;
    let paris = server.get(&format!("/events/{PARIS}")).await.text();
    assert!(
        paris.contains("property=\"og:title\""),
        "the share tags go in too"
    );
    assert!(
        paris.contains("id=\"eventdesk-preload\""),
        "and the event's data"
    );

    for path in ["/", "/entities/emmanuel-macron"] {
        expect_app_page(&server, path, "Eventdesk test app").await;
    }
    for path in ["/events/", "/events/a/b", "/event.html"] {
        expect_app_page_with(&server, path, "Eventdesk test app", 404).await;
    }
}
