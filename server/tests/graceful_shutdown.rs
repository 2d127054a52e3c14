//! Stopping the server with SIGTERM in the middle of many writes loses nothing it confirmed
//! and leaves nothing half-written: each write either got its 2xx and is there after a
//! restart, or failed on the connection; and the process exits with status 0.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::draft;
use common::process::{ServerProcess, command, free_address};
use reqwest::StatusCode;
use serde_json::Value;

const WRITES: usize = 150;

/// How one write ended, as its client saw it.
enum Outcome {
    /// Confirmed: the goal as the server answered it.
    Created(Value),
    /// The connection failed or was closed before an answer.
    NoAnswer,
}

async fn start(database_dir: &std::path::Path) -> ServerProcess {
    let address = free_address();
    let listen = address.to_string();
    ServerProcess::start(command(database_dir, &["--listen", &listen], &[]), address).await
}

#[tokio::test]
async fn sigterm_during_writes_keeps_every_confirmed_write_whole() {
    let database_dir = tempfile::tempdir().unwrap();
    let mut server = start(database_dir.path()).await;
    let client = reqwest::Client::new();
    let answered = Arc::new(AtomicUsize::new(0));

    let writes: Vec<_> = (0..WRITES)
        .map(|number| {
            let (client, url, answered) = (client.clone(), server.api("/goals"), answered.clone());
            tokio::spawn(async move {
                let sent = client
                    .post(url)
                    .json(&draft(&format!("Goal {number}")))
                    .send()
                    .await;
                answered.fetch_add(1, Ordering::SeqCst);
                match sent {
                    Ok(response) => {
                        let status = response.status();
                        assert_eq!(status, StatusCode::CREATED, "a write was refused");
                        match response.json::<Value>().await {
                            Ok(goal) => Outcome::Created(goal),
                            Err(_) => Outcome::NoAnswer,
                        }
                    }
                    Err(_) => Outcome::NoAnswer,
                }
            })
        })
        .collect();
    while answered.load(Ordering::SeqCst) < 10 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    server.terminate();
    let mut outcomes = Vec::new();
    for write in writes {
        outcomes.push(write.await.unwrap());
    }
    let status = server.exit_status(Duration::from_secs(30)).await;

    assert!(status.success(), "exited with {status}:\n{}", server.log());
    assert!(
        server.log().contains("goals-server stopped"),
        "{}",
        server.log()
    );
    let restarted = start(database_dir.path()).await;
    let listed: Value = reqwest::get(restarted.api("/goals?limit=200"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let listed = listed["goals"].as_array().unwrap();
    for summary in listed {
        assert_eq!(
            (&summary["milestoneCount"], &summary["trackerCount"]),
            (&Value::from(2), &Value::from(3)),
            "a goal was stored in part: {summary}"
        );
    }
    let mut confirmed = 0;
    for outcome in outcomes {
        if let Outcome::Created(goal) = outcome {
            confirmed += 1;
            let id = goal["id"].as_str().unwrap();
            let stored: Value = reqwest::get(restarted.api(&format!("/goals/{id}")))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(stored, goal, "a confirmed write is not as confirmed");
        }
    }
    assert!(confirmed >= 10, "only {confirmed} writes were confirmed");
    assert!(listed.len() >= confirmed, "a confirmed write is missing");
}
