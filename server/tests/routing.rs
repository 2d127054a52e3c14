//! Health, and the API's answers for paths and methods it does not have.

mod common;

use common::{TestServer, expect_error};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn health_answers_ok() {
    let server = TestServer::start().await;

    let response = server
        .client
        .get(server.api("/health"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({ "status": "ok" })
    );
}

#[tokio::test]
async fn unknown_api_paths_answer_a_json_404() {
    let server = TestServer::start().await;

    for path in [
        "/api/v1/nope",
        "/api/v2/goals",
        "/api",
        "/api/v1/goals/some-id/nope",
    ] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
    }
}

#[tokio::test]
async fn a_wrong_method_on_an_api_path_answers_a_json_405() {
    let server = TestServer::start().await;

    let patch = server
        .client
        .patch(server.api("/goals"))
        .send()
        .await
        .unwrap();
    let post = server
        .client
        .post(server.api("/goals/some-id"))
        .send()
        .await
        .unwrap();
    let delete = server
        .client
        .delete(server.api("/health"))
        .send()
        .await
        .unwrap();

    for response in [patch, post, delete] {
        expect_error(
            response,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        )
        .await;
    }
}

#[tokio::test]
async fn without_a_static_dir_other_paths_answer_a_json_404() {
    let server = TestServer::start().await;

    let response = server
        .client
        .get(server.url("/goals/new"))
        .send()
        .await
        .unwrap();

    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_path_that_is_not_text_is_a_json_bad_request() {
    let server = TestServer::start().await;

    let response = server
        .client
        .get(server.api("/goals/%FF%FE"))
        .send()
        .await
        .unwrap();

    expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
}
