//! The database across starts: fixtures that changed are reloaded with the
//! readers' submissions kept, and fixtures that break the contract stop the
//! server with a message naming the file.

mod support;

use serde_json::json;
use support::{copy_dir, fixtures_dir, Setup, TestServer, PARIS};

#[tokio::test]
async fn changed_fixtures_are_reloaded_and_submissions_kept() {
    let (mut setup, dir) = Setup::fresh();
    setup.fixtures = dir.path().join("fixtures");
    copy_dir(&fixtures_dir(), &setup.fixtures);
    let server = TestServer::start_with(setup.clone(), Some(dir)).await;
    let before = server.get_json("/api/v1/events?limit=1").await["total"]
        .as_u64()
        .unwrap();
    let receipt = server
        .submit(PARIS, &json!({"url": "https://kept.example/a"}))
        .await
        .json();
    let dir = server.kill().await;

    let mut extra: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(setup.fixtures.join("events").join(format!("{PARIS}.json")))
            .unwrap(),
    )
    .unwrap();
    extra["id"] = json!("added-later-2025-09-05");
    extra["occurred_on"] = json!("2099-01-01");
    std::fs::write(
        setup.fixtures.join("events").join("added-later.json"),
        extra.to_string(),
    )
    .unwrap();

    let server = TestServer::start_with(setup, dir).await;
    let page = server.get_json("/api/v1/events?limit=1").await;
    assert_eq!(page["total"].as_u64().unwrap(), before + 1);
    assert_eq!(
        page["items"][0]["id"], "added-later-2025-09-05",
        "newest first"
    );
    let id = receipt["id"].as_str().unwrap();
    assert_eq!(
        server.get_json(&format!("/api/v1/submissions/{id}")).await,
        receipt
    );
}

#[test]
fn a_broken_fixture_stops_the_server_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = dir.path().join("fixtures");
    copy_dir(&fixtures_dir(), &fixtures);
    std::fs::write(
        fixtures.join("events").join("broken.json"),
        r#"{"id": "broken", "summary": 5}"#,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eventdesk-server"))
        .args(["--addr", "127.0.0.1:0"])
        .arg("--db")
        .arg(dir.path().join("db.sqlite3"))
        .arg("--fixtures")
        .arg(&fixtures)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.json"), "{stderr}");
}

#[test]
fn flags_have_environment_variables_and_a_bad_limit_is_refused() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eventdesk-server"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for var in [
        "EVENTDESK_ADDR",
        "EVENTDESK_DB",
        "EVENTDESK_FIXTURES",
        "EVENTDESK_SUBMIT_LIMIT",
        "EVENTDESK_TRUST_PROXY",
    ] {
        assert!(help.contains(var), "{var} in --help:\n{help}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eventdesk-server"))
        .env("EVENTDESK_SUBMIT_LIMIT", "lots")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("COUNT/WINDOW"));
}
