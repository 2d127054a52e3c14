//! `POST /goals/{id}/achievements`: what an achievement does to its run, and every reason it
//! can be refused.

mod common;

use common::runs::{achievement, funnel_draft, ids_of, statuses};
use common::{TestServer, draft_of, expect_error, invalid_fields};
use goals_core::limits::{BODY_MAX_BYTES, ID_MAX, TRACKER_VALUE_MAX};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn reaching_a_milestone_answers_the_progress_of_the_run() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let email = &ids.trackers[0][0];
    let consent = &ids.trackers[0][1];

    let run = server
        .achieve(
            &ids.goal,
            &achievement(
                "ada",
                Some("conv-1"),
                &ids.milestones[0],
                &[(email, "ada@example.com"), (consent, "YES")],
            ),
        )
        .await;

    assert_eq!(run["goalId"], ids.goal.as_str());
    assert_eq!(run["customerId"], "ada");
    assert_eq!(run["conversationId"], "conv-1");
    assert_eq!(run["completed"], false);
    assert_eq!(statuses(&run), ["achieved", "pending", "pending"]);
    let first = &run["milestones"][0];
    assert_eq!(first["milestoneId"], ids.milestones[0].as_str());
    assert_eq!(first["name"], "Email given");
    assert_eq!(first["trackerValues"][email], "ada@example.com");
    assert_eq!(first["trackerValues"][consent], "YES");
    assert!(first["recordedAt"].as_str().unwrap().ends_with('Z'));
    let pending = &run["milestones"][1];
    assert_eq!(pending["name"], "Phone given");
    assert_eq!(pending["trackerValues"], json!({}));
    assert_eq!(pending["recordedAt"], Value::Null);
}

#[tokio::test]
async fn a_tracker_without_a_value_takes_its_default() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let email = &ids.trackers[0][0];

    let run = server
        .achieve(
            &ids.goal,
            &achievement(
                "ada",
                None,
                &ids.milestones[0],
                &[(email, "ada@example.com")],
            ),
        )
        .await;

    assert_eq!(
        run["milestones"][0]["trackerValues"][email],
        "ada@example.com"
    );
    assert_eq!(
        run["milestones"][0]["trackerValues"][&ids.trackers[0][1]],
        "NO"
    );
}

#[tokio::test]
async fn skipped_milestones_take_the_default_values_in_force_at_that_moment() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&funnel_draft("Lead captured")).await;
    let ids = ids_of(&goal);
    let phone = &ids.trackers[1][0];
    let call = &ids.milestones[2];

    let before_edit = server
        .achieve(&ids.goal, &achievement("ada", Some("c1"), call, &[]))
        .await;
    let mut edited = draft_of(&goal);
    edited["milestones"][1]["trackers"][0]["defaultValue"] = json!("PHONE_NOT_GIVEN");
    let response = server.put_goal(&ids.goal, "\"1\"", &edited).await;
    assert_eq!(response.status(), StatusCode::OK);
    let after_edit = server
        .achieve(&ids.goal, &achievement("ada", Some("c2"), call, &[]))
        .await;

    assert_eq!(statuses(&before_edit), ["skipped", "skipped", "achieved"]);
    assert_eq!(
        before_edit["milestones"][1]["trackerValues"][phone],
        "NO_PHONE"
    );
    assert_eq!(
        before_edit["milestones"][0]["trackerValues"],
        json!({ &ids.trackers[0][0]: "NOT_PROVIDED", &ids.trackers[0][1]: "NO" })
    );
    assert_eq!(
        after_edit["milestones"][1]["trackerValues"][phone],
        "PHONE_NOT_GIVEN"
    );
    let runs = server.customer_runs(&ids.goal, "ada").await;
    let old_run = &runs["runs"][1];
    assert_eq!(old_run["conversationId"], "c1");
    assert_eq!(old_run["milestones"][1]["trackerValues"][phone], "NO_PHONE");
}

#[tokio::test]
async fn a_milestone_already_reached_does_not_change() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let phone = &ids.trackers[1][0];
    let first = server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[1], &[(phone, "0123")]),
        )
        .await;

    let again = server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[1], &[(phone, "9999")]),
        )
        .await;
    let skipped_one = server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[0], &[]),
        )
        .await;

    assert_eq!(statuses(&first), ["skipped", "achieved", "pending"]);
    assert_eq!(again, first);
    assert_eq!(skipped_one, first);
}

#[tokio::test]
async fn the_run_completes_when_no_milestone_is_pending() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);

    let halfway = server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[1], &[]),
        )
        .await;
    let done = server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[2], &[]),
        )
        .await;

    assert_eq!(halfway["completed"], false);
    assert_eq!(done["completed"], true);
    assert_eq!(statuses(&done), ["skipped", "achieved", "achieved"]);
}

#[tokio::test]
async fn each_conversation_is_a_run_of_its_own() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);

    server
        .achieve(
            &ids.goal,
            &achievement("ada", Some("c1"), &ids.milestones[2], &[]),
        )
        .await;
    let second = server
        .achieve(
            &ids.goal,
            &achievement("ada", Some("c2"), &ids.milestones[0], &[]),
        )
        .await;

    assert_eq!(statuses(&second), ["achieved", "pending", "pending"]);
    let runs = server.customer_runs(&ids.goal, "ada").await;
    assert_eq!(runs["runs"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn achievements_without_a_conversation_share_one_run() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);

    server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[0], &[]),
        )
        .await;
    let mut explicit_null = achievement("ada", None, &ids.milestones[1], &[]);
    explicit_null["conversationId"] = Value::Null;
    let run = server.achieve(&ids.goal, &explicit_null).await;

    assert_eq!(run["conversationId"], Value::Null);
    assert_eq!(statuses(&run), ["achieved", "achieved", "pending"]);
    let runs = server.customer_runs(&ids.goal, "ada").await;
    assert_eq!(runs["runs"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_source_is_accepted_with_the_achievement() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let mut body = achievement("ada", None, &ids.milestones[0], &[]);
    body["source"] = json!({ "type": "Marketing", "value": "Spring campaign" });

    let run = server.achieve(&ids.goal, &body).await;

    assert_eq!(statuses(&run), ["achieved", "pending", "pending"]);
}

#[tokio::test]
async fn recorded_values_of_a_deleted_tracker_are_kept() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&funnel_draft("Lead captured")).await;
    let ids = ids_of(&goal);
    let consent = &ids.trackers[0][1];
    server
        .achieve(
            &ids.goal,
            &achievement("ada", None, &ids.milestones[0], &[(consent, "YES")]),
        )
        .await;

    let mut edited = draft_of(&goal);
    edited["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    let response = server.put_goal(&ids.goal, "\"1\"", &edited).await;
    assert_eq!(response.status(), StatusCode::OK);

    let runs = server.customer_runs(&ids.goal, "ada").await;
    assert_eq!(
        runs["runs"][0]["milestones"][0]["trackerValues"][consent],
        "YES"
    );
    let refused = server
        .post_achievement(
            &ids.goal,
            &achievement("bob", None, &ids.milestones[0], &[(consent, "YES")]),
        )
        .await;
    assert_eq!(
        invalid_fields(refused).await,
        [format!("trackerValues.{consent} unknown")]
    );
}

#[tokio::test]
async fn an_unknown_goal_is_not_found() {
    let server = TestServer::start().await;

    let response = server
        .post_achievement("no-such-goal", &achievement("ada", None, "m1", &[]))
        .await;

    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn unknown_milestones_and_trackers_are_refused_at_their_paths() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let phone = &ids.trackers[1][0];

    let unknown_milestone = server
        .post_achievement(
            &ids.goal,
            &achievement("ada", None, "no-such-milestone", &[]),
        )
        .await;
    let other_milestones_tracker = server
        .post_achievement(
            &ids.goal,
            &achievement(
                "ada",
                None,
                &ids.milestones[0],
                &[(phone, "0123"), ("t?", "x")],
            ),
        )
        .await;

    assert_eq!(
        invalid_fields(unknown_milestone).await,
        ["milestoneId unknown"]
    );
    assert_eq!(
        invalid_fields(other_milestones_tracker).await,
        [
            format!("trackerValues.{phone} unknown"),
            "trackerValues.t? unknown".to_string()
        ]
    );
    let runs = server.customer_runs(&ids.goal, "ada").await;
    assert_eq!(
        runs["runs"],
        json!([]),
        "a refused achievement records nothing"
    );
}

#[tokio::test]
async fn empty_and_over_long_ids_and_values_are_refused() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let email = &ids.trackers[0][0];
    let long_id = "x".repeat(ID_MAX + 1);
    let long_value = "v".repeat(TRACKER_VALUE_MAX + 1);

    let empty = server
        .post_achievement(&ids.goal, &achievement("", Some(""), "", &[]))
        .await;
    let missing = server.post_achievement(&ids.goal, &json!({})).await;
    let too_long = server
        .post_achievement(
            &ids.goal,
            &achievement(
                &long_id,
                Some(&long_id),
                &ids.milestones[0],
                &[(email, &long_value)],
            ),
        )
        .await;
    let mut bad_source = achievement("ada", None, &ids.milestones[0], &[]);
    bad_source["source"] = json!({ "type": "", "value": "v".repeat(501) });
    let bad_source = server.post_achievement(&ids.goal, &bad_source).await;

    assert_eq!(
        invalid_fields(empty).await,
        [
            "customerId required",
            "conversationId required",
            "milestoneId required"
        ]
    );
    assert_eq!(
        invalid_fields(missing).await,
        ["customerId required", "milestoneId required"]
    );
    assert_eq!(
        invalid_fields(too_long).await,
        [
            "customerId too_long".to_string(),
            "conversationId too_long".to_string(),
            format!("trackerValues.{email} too_long"),
        ]
    );
    assert_eq!(
        invalid_fields(bad_source).await,
        ["source.type required", "source.value too_long"]
    );
}

#[tokio::test]
async fn malformed_json_and_wrong_types_are_bad_requests() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let url = server.api(&format!("/goals/{}/achievements", ids.goal));

    let malformed = server
        .client
        .post(&url)
        .header("content-type", "application/json")
        .body("{\"customerId\": ")
        .send()
        .await
        .unwrap();
    let wrong_type = server
        .post_achievement(
            &ids.goal,
            &json!({ "customerId": 42, "milestoneId": ids.milestones[0] }),
        )
        .await;
    let wrong_value_type = server
        .post_achievement(
            &ids.goal,
            &json!({ "customerId": "ada", "milestoneId": ids.milestones[0],
                     "trackerValues": { &ids.trackers[0][0]: 7 } }),
        )
        .await;
    let unknown_field = server
        .post_achievement(
            &ids.goal,
            &json!({ "customerId": "ada", "milestoneId": ids.milestones[0], "extra": 1 }),
        )
        .await;

    expect_error(malformed, StatusCode::BAD_REQUEST, "bad_request").await;
    let error = expect_error(wrong_type, StatusCode::BAD_REQUEST, "bad_request").await;
    assert!(
        error["message"].as_str().unwrap().contains("customerId"),
        "{error}"
    );
    expect_error(wrong_value_type, StatusCode::BAD_REQUEST, "bad_request").await;
    expect_error(unknown_field, StatusCode::BAD_REQUEST, "bad_request").await;
}

#[tokio::test]
async fn a_body_not_declared_as_json_is_unsupported() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let body = achievement("ada", None, &ids.milestones[0], &[]);

    let response = server
        .client
        .post(server.api(&format!("/goals/{}/achievements", ids.goal)))
        .header("content-type", "text/plain")
        .body(body.to_string())
        .send()
        .await
        .unwrap();

    expect_error(
        response,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_too_large() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let mut body = achievement("ada", None, &ids.milestones[0], &[]);
    body["padding"] = json!("x".repeat(BODY_MAX_BYTES));

    let response = server.post_achievement(&ids.goal, &body).await;

    expect_error(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}
