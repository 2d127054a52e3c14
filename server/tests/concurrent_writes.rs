//! Saves that race each other: the database decides, and exactly one wins.

mod common;

use common::{TestServer, draft, draft_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

const RACERS: usize = 8;

async fn statuses(responses: Vec<tokio::task::JoinHandle<StatusCode>>) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for response in responses {
        statuses.push(response.await.unwrap());
    }
    statuses
}

fn count(statuses: &[StatusCode], status: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_concurrent_saves_from_the_same_version_exactly_one_wins() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&draft("Lead captured")).await;
    let url = server.api(&format!("/goals/{}", goal["id"].as_str().unwrap()));

    let responses = (0..RACERS)
        .map(|racer| {
            let mut edit = draft_of(&goal);
            edit["description"] = json!(format!("Saved by racer {racer}"));
            let request = server
                .client
                .put(&url)
                .header("If-Match", "\"1\"")
                .json(&edit);
            tokio::spawn(async move { request.send().await.unwrap().status() })
        })
        .collect();
    let statuses = statuses(responses).await;

    assert_eq!(count(&statuses, StatusCode::OK), 1, "{statuses:?}");
    assert_eq!(
        count(&statuses, StatusCode::PRECONDITION_FAILED),
        RACERS - 1,
        "{statuses:?}"
    );
    assert_eq!(
        server.stored_goal(goal["id"].as_str().unwrap()).await["version"],
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_concurrent_creates_with_one_name_exactly_one_wins() {
    let server = TestServer::start().await;

    let responses = (0..RACERS)
        .map(|racer| {
            let name = if racer % 2 == 0 {
                "Lead captured"
            } else {
                "LEAD CAPTURED"
            };
            let request = server.client.post(server.api("/goals")).json(&draft(name));
            tokio::spawn(async move { request.send().await.unwrap().status() })
        })
        .collect();
    let statuses = statuses(responses).await;

    assert_eq!(count(&statuses, StatusCode::CREATED), 1, "{statuses:?}");
    assert_eq!(
        count(&statuses, StatusCode::CONFLICT),
        RACERS - 1,
        "{statuses:?}"
    );
    let listing: Value = server.list(&[]).await.json().await.unwrap();
    assert_eq!(listing["goals"].as_array().unwrap().len(), 1);
}
