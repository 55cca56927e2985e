//! Installing the app and reading offline, as a browser fetches it: the
//! manifest and its icons, the service worker (a new version with every
//! build of the app) and the offline page.

mod support;

use reqwest::StatusCode;
use support::html::png_size;
use support::{stub, Web};

fn version_of(script: &str) -> String {
    let start = script.find("const VERSION = \"").expect("a version") + 17;
    script[start..start + 16].to_owned()
}

#[tokio::test]
async fn the_manifest_has_what_browsers_need_to_install() {
    let web = Web::start(&stub::dead_base().await).await;
    let answer = web.get("/manifest.webmanifest").await;
    assert_eq!(
        answer.header("content-type"),
        Some("application/manifest+json")
    );
    let manifest = answer.json();
    for field in [
        "name",
        "short_name",
        "description",
        "theme_color",
        "background_color",
    ] {
        assert!(
            manifest[field].as_str().is_some_and(|v| !v.is_empty()),
            "{field}"
        );
    }
    assert_eq!(manifest["short_name"], "Eventdesk");
    assert_eq!(manifest["start_url"], "/");
    assert_eq!(manifest["scope"], "/");
    assert_eq!(manifest["display"], "standalone");
    let icons = manifest["icons"].as_array().expect("icons");
    let mut seen = Vec::new();
    for icon in icons {
        let src = icon["src"].as_str().expect("src");
        let png = web.get(src).await;
        assert_eq!(png.header("content-type"), Some("image/png"), "{src}");
        let (w, h) = png_size(&png.body);
        assert_eq!(icon["sizes"], format!("{w}x{h}"), "{src}");
        seen.push((w, icon["purpose"].as_str().unwrap_or("any").to_owned()));
    }
    for wanted in [(192, "any"), (512, "any"), (512, "maskable")] {
        assert!(
            seen.iter().any(|(w, p)| *w == wanted.0 && p == wanted.1),
            "{wanted:?} in {seen:?}"
        );
    }
    assert_eq!(
        web.get_unchecked("/icons/icon-1.png").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_worker_is_revalidated_at_the_root_and_changes_with_the_build() {
    let web = Web::start(&stub::dead_base().await).await;
    let first = web.get("/sw.js").await;
    assert_eq!(
        first.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(first.header("cache-control"), Some("no-cache"));
    // At the root, its scope is the whole site without this header.
    assert_eq!(first.header("service-worker-allowed"), None);
    let script = first.text();
    assert!(!script.contains("__VERSION__") && !script.contains("__SHELL__"));
    let version = version_of(&script);
    assert!(version.bytes().all(|b| b.is_ascii_hexdigit()), "{version}");
    // The shell: the event page's build by its hashed names, the offline page.
    assert!(script.contains("\"/offline.html\""));
    assert!(script.contains("\"/manifest.webmanifest\""));

    assert_eq!(
        version_of(&web.get("/sw.js").await.text()),
        version,
        "same build, same worker"
    );

    // A new release: the event page names new files.
    let dist = &web.setup.dist;
    std::fs::write(dist.join("eventdesk-event-89abcdef01234567.js"), "new").unwrap();
    std::fs::write(
        dist.join("event.html"),
        "<!doctype html><html><head><link rel=\"modulepreload\" href=\"/eventdesk-event-89abcdef01234567.js\"></head><body></body></html>",
    )
    .unwrap();
    let next = web.get("/sw.js").await.text();
    assert_ne!(version_of(&next), version, "a new build is a new worker");
    assert!(
        next.contains("\"/eventdesk-event-89abcdef01234567.js\""),
        "{next}"
    );
}

#[tokio::test]
async fn the_offline_page_has_its_list_and_a_policy_for_its_script() {
    let web = Web::start(&stub::dead_base().await).await;
    let page = web.get("/offline.html").await;
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = page.text();
    assert!(html.contains("<h1>You are offline</h1>"));
    assert_eq!(html.matches("<!--saved-events-->").count(), 1);
    let csp = page.header("content-security-policy").expect("a policy");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
}
