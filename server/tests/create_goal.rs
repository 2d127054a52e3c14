//! `POST /goals`: a new goal, or the reason it was refused.

mod common;

use common::{TestServer, draft, expect_error, invalid_fields};
use goals_core::limits::BODY_MAX_BYTES;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn a_valid_draft_is_created_with_location_etag_and_server_ids() {
    let server = TestServer::start().await;

    let response = server.post_goal(&draft("Lead captured")).await;

    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(response.headers()["etag"], "\"1\"");
    let goal: Value = response.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/goals/{}", goal["id"].as_str().unwrap())
    );
    assert_eq!(goal["version"], 1);
    assert_eq!(goal["createdAt"], goal["updatedAt"]);
    assert_eq!(goal["name"], "Lead captured");
    assert_eq!(
        goal["milestones"][0]["trackers"][1]["description"],
        "Marketing opt-in"
    );
    let ids = [
        &goal["id"],
        &goal["milestones"][0]["id"],
        &goal["milestones"][0]["trackers"][0]["id"],
        &goal["milestones"][0]["trackers"][1]["id"],
        &goal["milestones"][1]["id"],
        &goal["milestones"][1]["trackers"][0]["id"],
    ];
    assert!(
        ids.iter()
            .all(|id| id.as_str().is_some_and(|id| !id.is_empty()))
    );
}

#[tokio::test]
async fn the_created_goal_reads_back_equal() {
    let server = TestServer::start().await;
    let created = server.create_goal(&draft("Lead captured")).await;

    let response = server.get_goal(created["id"].as_str().unwrap()).await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"1\"");
    assert_eq!(response.json::<Value>().await.unwrap(), created);
}

#[tokio::test]
async fn names_and_tags_are_stored_trimmed_without_repeated_tags() {
    let server = TestServer::start().await;
    let mut sent = draft("  Lead captured ");
    sent["tags"] = json!([" sales ", "Sales", "q3"]);

    let goal = server.create_goal(&sent).await;

    assert_eq!(goal["name"], "Lead captured");
    assert_eq!(goal["tags"], json!(["sales", "q3"]));
}

#[tokio::test]
async fn a_missing_default_value_is_refused_at_its_path() {
    let server = TestServer::start().await;
    let mut sent = draft("Lead captured");
    sent["milestones"][0]["trackers"][1]["defaultValue"] = json!("   ");

    let response = server.post_goal(&sent).await;

    let error = expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let expected = json!([{
        "path": "milestones[0].trackers[1].defaultValue",
        "code": "required",
        "message": "Default Value is required"
    }]);
    assert_eq!(error["fields"], expected);
}

#[tokio::test]
async fn a_default_value_left_out_is_refused_at_its_path() {
    let server = TestServer::start().await;
    let mut sent = draft("Lead captured");
    sent["milestones"][0]["trackers"][1]
        .as_object_mut()
        .unwrap()
        .remove("defaultValue");

    let response = server.post_goal(&sent).await;

    let fields = invalid_fields(response).await;
    assert_eq!(fields, ["milestones[0].trackers[1].defaultValue required"]);
}

#[tokio::test]
async fn every_invalid_field_is_reported_at_once() {
    let server = TestServer::start().await;
    let mut sent = draft("");
    sent["milestones"][1]["name"] = json!("email GIVEN");
    sent["milestones"][1]["trackers"] = json!([]);

    let response = server.post_goal(&sent).await;

    let fields = invalid_fields(response).await;
    assert_eq!(
        fields,
        [
            "name required",
            "milestones[1].name duplicate",
            "milestones[1].trackers too_few"
        ]
    );
}

#[tokio::test]
async fn ids_version_and_times_in_a_new_goal_are_read_only() {
    let server = TestServer::start().await;
    let mut sent = draft("Lead captured");
    sent["id"] = json!("mine");
    sent["version"] = json!(7);
    sent["createdAt"] = json!("2024-01-01T00:00:00Z");
    sent["updatedAt"] = json!("2024-01-01T00:00:00Z");
    sent["milestones"][0]["id"] = json!("m1");
    sent["milestones"][1]["trackers"][0]["id"] = json!("t1");

    let response = server.post_goal(&sent).await;

    let fields = invalid_fields(response).await;
    let read_only = [
        "id read_only",
        "version read_only",
        "createdAt read_only",
        "updatedAt read_only",
        "milestones[0].id read_only",
        "milestones[1].trackers[0].id read_only",
    ];
    assert_eq!(fields, read_only);
    let listing: Value = server.list(&[]).await.json().await.unwrap();
    assert_eq!(listing["goals"], json!([]));
}

#[tokio::test]
async fn a_name_already_taken_ignoring_case_is_refused() {
    let server = TestServer::start().await;
    server.create_goal(&draft("Lead captured")).await;

    let response = server.post_goal(&draft(" LEAD Captured")).await;

    let error = expect_error(response, StatusCode::CONFLICT, "name_taken").await;
    assert!(error["message"].as_str().unwrap().contains("LEAD Captured"));
}

#[tokio::test]
async fn names_differing_only_in_non_ascii_case_are_the_same_name() {
    let server = TestServer::start().await;
    server.create_goal(&draft("Été réussi")).await;

    let response = server.post_goal(&draft("ÉTÉ RÉUSSI")).await;

    expect_error(response, StatusCode::CONFLICT, "name_taken").await;
}

#[tokio::test]
async fn malformed_json_is_a_bad_request() {
    let server = TestServer::start().await;

    for body in ["{\"name\": ", "", "not json", "{\"name\": \"x\"} trailing"] {
        let response = server
            .client
            .post(server.api("/goals"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
}

#[tokio::test]
async fn wrong_types_nulls_and_unknown_fields_are_bad_requests_naming_the_field() {
    let server = TestServer::start().await;
    let mut wrong_type = draft("Lead captured");
    wrong_type["tags"] = json!("sales");
    let mut null = draft("Lead captured");
    null["milestones"][0]["trackers"][1]["defaultValue"] = Value::Null;
    let mut unknown = draft("Lead captured");
    unknown["milestones"][1]["colour"] = json!("red");

    let cases = [
        (wrong_type, "tags"),
        (null, "milestones[0].trackers[1].defaultValue"),
        (unknown, "colour"),
        (json!(["not", "a", "goal"]), "sequence"),
    ];
    for (sent, mentioned) in cases {
        let response = server.post_goal(&sent).await;
        let error = expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
        let message = error["message"].as_str().unwrap();
        assert!(
            message.contains(mentioned),
            "{message:?} should mention {mentioned}"
        );
    }
}

#[tokio::test]
async fn a_body_not_declared_as_json_is_an_unsupported_media_type() {
    let server = TestServer::start().await;
    let body = draft("Lead captured").to_string();

    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut request = server.client.post(server.api("/goals")).body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.send().await.unwrap();
        expect_error(
            response,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        )
        .await;
    }
}

#[tokio::test]
async fn json_with_a_charset_parameter_is_accepted() {
    let server = TestServer::start().await;

    let response = server
        .client
        .post(server.api("/goals"))
        .header("content-type", "Application/JSON; charset=utf-8")
        .body(draft("Lead captured").to_string())
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_refused_as_json() {
    let server = TestServer::start().await;
    let mut sent = draft("Lead captured");
    sent["description"] = json!("x".repeat(BODY_MAX_BYTES));

    let response = server.post_goal(&sent).await;

    expect_error(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}

#[tokio::test]
async fn a_body_just_under_the_limit_is_read() {
    let server = TestServer::start().await;
    let mut sent = draft("Lead captured");
    sent["description"] = json!("x".repeat(BODY_MAX_BYTES - 1_000));

    let response = server.post_goal(&sent).await;

    assert_eq!(invalid_fields(response).await, ["description too_long"]);
}
