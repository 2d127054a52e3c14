//! `GET /goals/{id}/customers/{customerId}`: one customer's runs of a goal, newest first.

mod common;

use common::runs::{achievement, funnel_draft, ids_of, statuses};
use common::{TestServer, expect_error};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn a_customer_never_seen_has_no_runs() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);

    let runs = server.customer_runs(&ids.goal, "nobody").await;

    assert_eq!(runs, json!({ "customerId": "nobody", "runs": [] }));
}

#[tokio::test]
async fn an_unknown_goal_is_not_found() {
    let server = TestServer::start().await;

    let response = server.get_customer_runs("no-such-goal", "ada").await;

    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn runs_are_listed_newest_first_with_their_progress() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let email = &ids.trackers[0][0];
    server
        .achieve(
            &ids.goal,
            &achievement("ada", Some("first"), &ids.milestones[0], &[(email, "a@x")]),
        )
        .await;
    server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[2], &[]),
        )
        .await;
    server
        .achieve(
            &ids.goal,
            &achievement("ada", Some("third"), &ids.milestones[1], &[]),
        )
        .await;
    server
        .achieve(
            &ids.goal,
            &achievement("ada", Some("first"), &ids.milestones[1], &[]),
        )
        .await;

    let runs = server.customer_runs(&ids.goal, "ada").await;

    assert_eq!(runs["customerId"], "ada");
    let runs = runs["runs"].as_array().unwrap();
    let conversations: Vec<&Value> = runs.iter().map(|run| &run["conversationId"]).collect();
    assert_eq!(
        conversations,
        [&json!("third"), &Value::Null, &json!("first")]
    );
    assert_eq!(statuses(&runs[0]), ["skipped", "achieved", "pending"]);
    assert_eq!(runs[1]["completed"], true);
    assert_eq!(statuses(&runs[2]), ["achieved", "achieved", "pending"]);
    assert_eq!(runs[2]["milestones"][0]["trackerValues"][email], "a@x");
    assert!(runs.iter().all(|run| run["goalId"] == ids.goal.as_str()));
}

#[tokio::test]
async fn only_that_customers_runs_of_that_goal_are_listed() {
    let server = TestServer::start().await;
    let lead = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let other = ids_of(&server.create_goal(&funnel_draft("Demo booked")).await);
    server
        .achieve(
            &lead.goal,
            &achievement("ada", None, &lead.milestones[0], &[]),
        )
        .await;
    server
        .achieve(
            &lead.goal,
            &achievement("bob", None, &lead.milestones[0], &[]),
        )
        .await;
    server
        .achieve(
            &other.goal,
            &achievement("ada", None, &other.milestones[0], &[]),
        )
        .await;

    let runs = server.customer_runs(&lead.goal, "ada").await;

    let runs = runs["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["goalId"], lead.goal.as_str());
    assert_eq!(runs[0]["customerId"], "ada");
}

#[tokio::test]
async fn a_customer_id_with_reserved_characters_is_looked_up_as_sent() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let customer = "ada lovelace/42?x=1#é";
    server
        .achieve(
            &ids.goal,
            &achievement(customer, None, &ids.milestones[0], &[]),
        )
        .await;

    let runs = server.customer_runs(&ids.goal, customer).await;

    assert_eq!(runs["customerId"], customer);
    assert_eq!(runs["runs"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn deleting_the_goal_deletes_its_runs() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[2], &[]),
        )
        .await;

    let deleted = server
        .client
        .delete(server.api(&format!("/goals/{}", ids.goal)))
        .send()
        .await
        .unwrap();

    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let recreated = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let runs = server.customer_runs(&recreated.goal, "ada").await;
    assert_eq!(runs["runs"], json!([]));
    let response = server.get_customer_runs(&ids.goal, "ada").await;
    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}
