//! Durability: kill -9 the backend in the middle of a stream of submissions,
//! start it again on the same database, and find every submission that got a
//! 202 there. A receipt is only sent after its row is committed.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PARIS: &str = "paris-coalition-security-guarantees-2025-09-04";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start(db: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_eventdesk-server"))
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .arg("--db")
        .arg(db)
        .args(["--dist", "/nonexistent-dist"])
        .env("EVENTDESK_SUBMIT_LIMIT", "1000000/1m")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts")
}

async fn wait_up(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(r) = client.get(format!("{base}/api/v1/categories")).send().await {
            if r.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up at {base}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_accepted_submission_survives_kill_9() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("crash.sqlite3");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");

    let mut server = start(&db, port);
    wait_up(&client, &base).await;

    // Eight writers submit distinct URLs as fast as they can.
    let accepted = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..8 {
        let (client, base, accepted, stop) =
            (client.clone(), base.clone(), accepted.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let body = serde_json::json!({ "url": format!("https://crash.example/{w}/{n}") });
                let sent = client
                    .post(format!("{base}/api/v1/events/{PARIS}/submissions"))
                    .json(&body)
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().as_u16() == 202 => {
                        if let Ok(v) = r.json::<serde_json::Value>().await {
                            if let Some(id) = v["id"].as_str() {
                                accepted.lock().expect("lock").push(id.to_owned());
                            }
                        }
                    }
                    Ok(_) => {}
                    // Refused or cut off by the kill: its fate is unknown to the reader too.
                    Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
                }
            }
        }));
    }

    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().expect("kill -9"); // SIGKILL on Unix: no shutdown hook runs.
    server.wait().expect("reaped");
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for w in writers {
        w.await.expect("writer");
    }

    let ids = accepted.lock().expect("lock").clone();
    assert!(
        ids.len() > 20,
        "too few submissions before the kill to prove anything: {}",
        ids.len()
    );

    let mut server = start(&db, port);
    wait_up(&client, &base).await;
    let mut missing = Vec::new();
    for id in &ids {
        let r = client
            .get(format!("{base}/api/v1/submissions/{id}"))
            .send()
            .await
            .expect("GET receipt");
        if r.status().as_u16() != 200 {
            missing.push(id.clone());
        }
    }
    server.kill().ok();
    server.wait().ok();
    assert!(
        missing.is_empty(),
        "{} of {} accepted submissions lost: {missing:?}",
        missing.len(),
        ids.len()
    );
    eprintln!(
        "kill -9: {} accepted submissions, all present after restart",
        ids.len()
    );
}
