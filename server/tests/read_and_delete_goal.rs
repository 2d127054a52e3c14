//! `GET /goals/{id}` and `DELETE /goals/{id}`.

mod common;

use common::{TestServer, draft, expect_error};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn an_unknown_goal_is_not_found() {
    let server = TestServer::start().await;

    let response = server
        .get_goal("0190a1b2-0000-7000-8000-000000000000")
        .await;

    let error = expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("0190a1b2-0000-7000-8000-000000000000")
    );
}

#[tokio::test]
async fn a_deleted_goal_is_gone() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&draft("Lead captured")).await;
    let url = server.api(&format!("/goals/{}", goal["id"].as_str().unwrap()));

    let deleted = server.client.delete(&url).send().await.unwrap();
    let deleted_again = server.client.delete(&url).send().await.unwrap();

    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_eq!(deleted.text().await.unwrap(), "");
    expect_error(deleted_again, StatusCode::NOT_FOUND, "not_found").await;
    let read = server.get_goal(goal["id"].as_str().unwrap()).await;
    expect_error(read, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn deleting_an_unknown_goal_is_not_found() {
    let server = TestServer::start().await;

    let response = server
        .client
        .delete(server.api("/goals/nothing-here"))
        .send()
        .await
        .unwrap();

    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_deleted_goal_frees_its_name_and_leaves_the_listing() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&draft("Lead captured")).await;
    let kept = server.create_goal(&draft("Kept")).await;

    let url = server.api(&format!("/goals/{}", goal["id"].as_str().unwrap()));
    server.client.delete(&url).send().await.unwrap();

    let listing: Value = server.list(&[]).await.json().await.unwrap();
    assert_eq!(listing["goals"].as_array().unwrap().len(), 1);
    assert_eq!(listing["goals"][0]["id"], kept["id"]);
    server.create_goal(&draft("Lead captured")).await;
}
