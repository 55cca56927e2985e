//! Durability under a real crash: kill -9 the backend in the middle of a
//! stream of submissions, start it again on the same database, and find every
//! submission that got a 202 there. A receipt is only sent once its row is
//! committed, so none may be lost.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use support::{TestServer, PARIS};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_accepted_submission_survives_kill_9_mid_stream() {
    let server = TestServer::start().await;
    let setup = server.setup.clone();
    let base = server.base.clone();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client");

    // Eight writers submit distinct URLs as fast as they can.
    let accepted = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (client, base) = (client.clone(), base.clone());
            let (accepted, stop) = (accepted.clone(), stop.clone());
            tokio::spawn(async move {
                let mut n = 0u32;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let sent = client
                        .post(format!("{base}/api/v1/events/{PARIS}/submissions"))
                        .json(&json!({ "url": format!("https://crash.example/{w}/{n}") }))
                        .send()
                        .await;
                    match sent {
                        Ok(r) if r.status().as_u16() == 202 => {
                            let body: serde_json::Value = r.json().await.unwrap_or_default();
                            if let Some(id) = body["id"].as_str() {
                                accepted.lock().expect("lock").push(id.to_owned());
                            }
                        }
                        Ok(_) => {}
                        // Cut off by the kill: the reader got no receipt either.
                        Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
                    }
                }
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_millis(1500)).await;
    let dir = server.kill().await; // SIGKILL: no shutdown code runs.
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.expect("writer");
    }
    let ids = accepted.lock().expect("lock").clone();
    assert!(
        ids.len() > 20,
        "too few submissions before the kill to prove anything: {}",
        ids.len()
    );

    let server = TestServer::start_with(setup, dir).await;
    let mut missing = Vec::new();
    for id in &ids {
        let r = client
            .get(server.url(&format!("/api/v1/submissions/{id}")))
            .send()
            .await
            .expect("GET receipt");
        if r.status().as_u16() != 200 {
            missing.push(id.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {} accepted submissions lost: {missing:?}",
        missing.len(),
        ids.len()
    );
    eprintln!(
        "kill -9 mid-stream: {} accepted submissions, all present after restart",
        ids.len()
    );
}
