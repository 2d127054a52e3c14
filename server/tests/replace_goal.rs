//! `PUT /goals/{id}`: replacing a goal under `If-Match` and the editing rules.

mod common;

use common::{TestServer, draft, draft_of, expect_edit_refused, expect_error, invalid_fields};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn server_with_goal() -> (TestServer, Value) {
    let server = TestServer::start().await;
    let goal = server.create_goal(&draft("Lead captured")).await;
    (server, goal)
}

fn id_of(goal: &Value) -> &str {
    goal["id"].as_str().unwrap()
}

fn time_of(field: &Value) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(field.as_str().unwrap()).unwrap()
}

/// Asserts that a refused replacement left the goal exactly as it was.
async fn assert_unchanged(server: &TestServer, goal: &Value) {
    assert_eq!(&server.stored_goal(id_of(goal)).await, goal);
}

#[tokio::test]
async fn an_edit_bumps_the_version_keeps_ids_adds_new_ones_and_drops_a_deleted_tracker() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["name"] = json!("Lead qualified");
    edit["tags"] = json!(["sales", "q3"]);
    edit["milestones"][0]["trackers"][0]["defaultValue"] = json!("NO_EMAIL");
    let consent = edit["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    edit["milestones"][1]["trackers"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "name": "Time zone", "defaultValue": "UTC" }));
    edit["milestones"].as_array_mut().unwrap().push(
        json!({ "name": "Deal won", "trackers": [{ "name": "Amount", "defaultValue": "0" }] }),
    );

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["etag"], "\"2\"");
    let edited: Value = response.json().await.unwrap();
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["id"], goal["id"]);
    assert_eq!(edited["name"], "Lead qualified");
    assert_eq!(edited["tags"], json!(["sales", "q3"]));
    assert_eq!(edited["createdAt"], goal["createdAt"]);
    assert!(time_of(&edited["updatedAt"]) > time_of(&goal["updatedAt"]));

    let milestones = edited["milestones"].as_array().unwrap();
    assert_eq!(milestones.len(), 3);
    assert_eq!(milestones[0]["id"], goal["milestones"][0]["id"]);
    assert_eq!(milestones[1]["id"], goal["milestones"][1]["id"]);
    assert!(
        milestones[2]["id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );

    let email = &milestones[0]["trackers"];
    assert_eq!(email.as_array().unwrap().len(), 1);
    assert_eq!(email[0]["id"], goal["milestones"][0]["trackers"][0]["id"]);
    assert_eq!(email[0]["defaultValue"], "NO_EMAIL");
    assert_ne!(email[0]["id"], consent["id"]);
    let call = &milestones[1]["trackers"];
    assert_eq!(call[0]["id"], goal["milestones"][1]["trackers"][0]["id"]);
    assert!(call[1]["id"].as_str().is_some_and(|id| !id.is_empty()));

    assert_eq!(server.stored_goal(id_of(&goal)).await, edited);
}

#[tokio::test]
async fn trackers_can_be_reordered_within_their_milestone() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .reverse();

    let edited: Value = server
        .put_goal(id_of(&goal), "\"1\"", &edit)
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(edited["milestones"][0]["trackers"][0]["name"], "Consent");
    assert_eq!(
        edited["milestones"][0]["trackers"][1]["name"],
        "Email Address"
    );
    assert_eq!(server.stored_goal(id_of(&goal)).await, edited);
}

#[tokio::test]
async fn a_deleted_tracker_cannot_be_brought_back_by_its_id() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    let edited: Value = server
        .put_goal(id_of(&goal), "\"1\"", &edit)
        .await
        .json()
        .await
        .unwrap();

    let revived = draft_of(&goal);
    let response = server.put_goal(id_of(&goal), "\"2\"", &revived).await;

    expect_edit_refused(response, "unknown_id").await;
    assert_unchanged(&server, &edited).await;
}

#[tokio::test]
async fn a_replace_without_if_match_is_refused() {
    let (server, goal) = server_with_goal().await;

    let response = server
        .client
        .put(server.api(&format!("/goals/{}", id_of(&goal))))
        .json(&draft_of(&goal))
        .send()
        .await
        .unwrap();

    expect_error(
        response,
        StatusCode::PRECONDITION_REQUIRED,
        "precondition_required",
    )
    .await;
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn a_stale_if_match_is_refused_with_the_current_goal() {
    let (server, goal) = server_with_goal().await;
    let mut first = draft_of(&goal);
    first["description"] = json!("Saved first");
    let current: Value = server
        .put_goal(id_of(&goal), "\"1\"", &first)
        .await
        .json()
        .await
        .unwrap();

    let mut second = draft_of(&goal);
    second["description"] = json!("Saved second, from version 1");
    let response = server.put_goal(id_of(&goal), "\"1\"", &second).await;

    assert_eq!(response.headers()["etag"], "\"2\"");
    let error = expect_error(
        response,
        StatusCode::PRECONDITION_FAILED,
        "version_conflict",
    )
    .await;
    assert_eq!(error["current"], current);
    assert_unchanged(&server, &current).await;
}

#[tokio::test]
async fn a_malformed_if_match_is_a_bad_request() {
    let (server, goal) = server_with_goal().await;

    for if_match in ["1", "\"one\"", "\"1", "", "*, \"1\""] {
        let response = server
            .put_goal(id_of(&goal), if_match, &draft_of(&goal))
            .await;
        expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn a_star_a_weak_tag_or_a_list_naming_the_version_are_accepted() {
    let (server, goal) = server_with_goal().await;

    for (if_match, version) in [("*", 2), ("W/\"2\"", 3), ("\"1\", \"3\"", 4)] {
        let response = server
            .put_goal(id_of(&goal), if_match, &draft_of(&goal))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "If-Match: {if_match}");
        assert_eq!(response.json::<Value>().await.unwrap()["version"], version);
    }
}

#[tokio::test]
async fn replacing_an_unknown_goal_is_not_found() {
    let (server, goal) = server_with_goal().await;

    let response = server.put_goal("nothing-here", "*", &draft_of(&goal)).await;

    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn an_invalid_replacement_is_refused_with_field_paths() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["milestones"][1]["trackers"][0]["name"] = json!("");

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    let fields = invalid_fields(response).await;
    assert_eq!(fields, ["milestones[1].trackers[0].name required"]);
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn the_goals_own_id_version_and_times_are_read_only_in_a_replacement() {
    let (server, goal) = server_with_goal().await;

    let response = server.put_goal(id_of(&goal), "\"1\"", &goal).await;

    let fields = invalid_fields(response).await;
    let read_only = [
        "id read_only",
        "version read_only",
        "createdAt read_only",
        "updatedAt read_only",
    ];
    assert_eq!(fields, read_only);
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn removing_a_milestone_is_refused() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["milestones"].as_array_mut().unwrap().remove(0);

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    let error = expect_edit_refused(response, "milestone_removed").await;
    assert!(error["message"].as_str().unwrap().contains("Email given"));
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn reordering_milestones_is_refused() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["milestones"].as_array_mut().unwrap().reverse();

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    expect_edit_refused(response, "milestone_reordered").await;
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn a_new_milestone_before_existing_ones_is_refused() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["milestones"].as_array_mut().unwrap().insert(
        0,
        json!({ "name": "Landed", "trackers": [{ "name": "Page", "defaultValue": "-" }] }),
    );

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    expect_edit_refused(response, "milestone_reordered").await;
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn unknown_milestone_and_tracker_ids_are_refused() {
    let (server, goal) = server_with_goal().await;
    let mut unknown_milestone = draft_of(&goal);
    unknown_milestone["milestones"][1]["id"] = json!("not-a-milestone-of-this-goal");
    let mut unknown_tracker = draft_of(&goal);
    unknown_tracker["milestones"][0]["trackers"][0]["id"] = json!("not-a-tracker");

    for edit in [unknown_milestone, unknown_tracker] {
        let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;
        expect_edit_refused(response, "unknown_id").await;
    }
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn ids_of_another_goal_are_unknown_here() {
    let (server, goal) = server_with_goal().await;
    let other = server.create_goal(&draft("Other goal")).await;
    let mut edit = draft_of(&goal);
    edit["milestones"][0]["trackers"][0]["id"] =
        other["milestones"][0]["trackers"][0]["id"].clone();

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    expect_edit_refused(response, "unknown_id").await;
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn moving_a_tracker_to_another_milestone_is_refused() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    let moved = edit["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    edit["milestones"][1]["trackers"]
        .as_array_mut()
        .unwrap()
        .push(moved);

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    let error = expect_edit_refused(response, "unknown_id").await;
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("milestones[1].trackers[1].id")
    );
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn renaming_to_a_name_taken_ignoring_case_is_refused() {
    let (server, goal) = server_with_goal().await;
    server.create_goal(&draft("Demo booked")).await;
    let mut edit = draft_of(&goal);
    edit["name"] = json!("demo BOOKED");

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    expect_error(response, StatusCode::CONFLICT, "name_taken").await;
    assert_unchanged(&server, &goal).await;
}

#[tokio::test]
async fn a_goal_may_change_the_case_of_its_own_name() {
    let (server, goal) = server_with_goal().await;
    let mut edit = draft_of(&goal);
    edit["name"] = json!("LEAD CAPTURED");

    let response = server.put_goal(id_of(&goal), "\"1\"", &edit).await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap()["name"],
        "LEAD CAPTURED"
    );
}

#[tokio::test]
async fn a_replacement_with_a_wrong_content_type_is_refused() {
    let (server, goal) = server_with_goal().await;

    let response = server
        .client
        .put(server.api(&format!("/goals/{}", id_of(&goal))))
        .header("If-Match", "\"1\"")
        .header("content-type", "text/plain")
        .body(draft_of(&goal).to_string())
        .send()
        .await
        .unwrap();

    expect_error(
        response,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    assert_unchanged(&server, &goal).await;
}
