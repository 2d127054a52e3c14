//! The JSON of DESIGN §4: camelCase field names, RFC 3339 UTC times, and drafts that carry
//! nothing but what a bot builder may send.

mod common;

use chrono::DateTime;
use common::{created_at, lead_captured, stored};
use goals_core::{FieldError, FieldErrorCode, Goal, GoalDraft, GoalPage};
use serde_json::{Value, json};

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn parse_draft(body: Value) -> Result<GoalDraft, serde_json::Error> {
    serde_json::from_value(body)
}

fn minimal_body() -> Value {
    json!({
        "name": "Lead captured",
        "milestones": [{ "name": "Email given", "trackers": [
            { "name": "Email Address", "defaultValue": "NOT_PROVIDED" }
        ] }]
    })
}

#[test]
fn a_goal_is_written_with_camel_case_field_names() {
    let goal = stored(&lead_captured());

    let json = serde_json::to_value(&goal).expect("a goal serializes");

    let goal_keys = [
        "createdAt",
        "description",
        "id",
        "milestones",
        "name",
        "tags",
        "updatedAt",
        "version",
    ];
    assert_eq!(keys(&json), goal_keys);
    assert_eq!(
        keys(&json["milestones"][0]),
        ["description", "id", "name", "trackers"]
    );
    assert_eq!(
        keys(&json["milestones"][0]["trackers"][0]),
        ["defaultValue", "description", "id", "name"]
    );
}

#[test]
fn times_are_written_in_rfc_3339_utc() {
    let goal = stored(&lead_captured());

    let json = serde_json::to_value(&goal).expect("a goal serializes");

    let written = json["createdAt"].as_str().expect("a string");
    assert_eq!(written, "2025-03-01T09:30:00Z");
    assert_eq!(
        DateTime::parse_from_rfc3339(written).map(|t| t.to_utc()),
        Ok(created_at())
    );
}

#[test]
fn a_goal_is_read_from_the_json_of_the_design() {
    let body = json!({
        "id": "g1", "name": "Lead captured", "description": "", "tags": ["sales"],
        "milestones": [
            { "id": "m1", "name": "Email given", "description": "",
              "trackers": [ { "id": "t1", "name": "Email Address", "description": "",
                              "defaultValue": "NOT_PROVIDED" } ] }
        ],
        "version": 3, "createdAt": "2025-03-01T09:30:00Z", "updatedAt": "2025-03-02T10:00:00.5+01:00"
    });

    let goal: Goal = serde_json::from_value(body).expect("the design's goal reads");

    assert_eq!(goal.version, 3);
    assert_eq!(goal.created_at, created_at());
    assert_eq!(
        goal.updated_at.to_rfc3339(),
        "2025-03-02T09:00:00.500+00:00"
    );
    assert_eq!(goal.milestones[0].trackers[0].default_value, "NOT_PROVIDED");
}

#[test]
fn a_summary_counts_milestones_and_trackers_in_camel_case() {
    let goal = stored(&lead_captured());

    let json = serde_json::to_value(goal.summary()).expect("a summary serializes");

    assert_eq!(json["milestoneCount"], 3);
    assert_eq!(json["trackerCount"], 4);
    assert_eq!(json["createdAt"], "2025-03-01T09:30:00Z");
    assert_eq!(json["updatedAt"], "2025-03-01T09:30:00Z");
    assert_eq!(json["version"], 1);
}

#[test]
fn a_page_names_its_next_cursor_in_camel_case() {
    let goal = stored(&lead_captured());
    let page = GoalPage {
        goals: vec![goal.summary()],
        next_cursor: Some("c2".to_string()),
    };

    let json = serde_json::to_value(&page).expect("a page serializes");

    assert_eq!(keys(&json), ["goals", "nextCursor"]);
    assert_eq!(json["nextCursor"], "c2");
}

#[test]
fn the_last_page_has_a_null_next_cursor() {
    let page = GoalPage {
        goals: Vec::new(),
        next_cursor: None,
    };

    let json = serde_json::to_value(&page).expect("a page serializes");

    assert_eq!(json, json!({ "goals": [], "nextCursor": null }));
    assert_eq!(
        serde_json::from_value::<GoalPage>(json).expect("a page reads"),
        page
    );
}

#[test]
fn a_draft_without_description_or_tags_has_them_empty() {
    let body = minimal_body();

    let draft = parse_draft(body).expect("a minimal draft reads");

    assert_eq!(draft.description, "");
    assert_eq!(draft.tags, Vec::<String>::new());
    assert_eq!(draft.milestones[0].description, "");
    assert_eq!(draft.milestones[0].id, None);
    assert_eq!(draft.milestones[0].trackers[0].description, "");
    assert_eq!(
        draft.milestones[0].trackers[0].default_value,
        "NOT_PROVIDED"
    );
    assert_eq!(draft.validate(), Ok(()));
}

#[test]
fn a_draft_refuses_unknown_fields() {
    let mut body = minimal_body();
    body["colour"] = json!("red");

    let error = parse_draft(body).expect_err("an unknown field is refused");

    assert!(
        error.to_string().contains("unknown field `colour`"),
        "{error}"
    );
}

#[test]
fn a_draft_refuses_the_fields_of_the_server() {
    for (field, value) in [
        ("id", json!("g1")),
        ("version", json!(3)),
        ("createdAt", json!("2025-03-01T09:30:00Z")),
        ("updatedAt", json!("2025-03-01T09:30:00Z")),
    ] {
        let mut body = minimal_body();
        body[field] = value;

        let outcome = parse_draft(body);

        assert!(outcome.is_err(), "a draft carrying {field} is refused");
    }
}

#[test]
fn a_tracker_draft_refuses_a_snake_case_default_value() {
    let mut body = minimal_body();
    body["milestones"][0]["trackers"][0] =
        json!({ "name": "Email Address", "default_value": "NOT_PROVIDED" });

    let error = parse_draft(body).expect_err("default_value is not a field of the API");

    assert!(error.to_string().contains("default_value"), "{error}");
}

#[test]
fn new_milestones_and_trackers_are_written_without_ids() {
    let draft = lead_captured();

    let json = serde_json::to_value(&draft).expect("a draft serializes");

    assert_eq!(keys(&json), ["description", "milestones", "name", "tags"]);
    assert_eq!(
        keys(&json["milestones"][0]),
        ["description", "name", "trackers"]
    );
    assert_eq!(
        keys(&json["milestones"][0]["trackers"][0]),
        ["defaultValue", "description", "name"]
    );
}

#[test]
fn a_field_error_is_written_as_the_api_answers_it() {
    let error = FieldError::new(
        "milestones[0].trackers[1].defaultValue",
        FieldErrorCode::Required,
        "Default Value is required",
    );

    let json = serde_json::to_value(&error).expect("a field error serializes");

    assert_eq!(
        json,
        json!({
            "path": "milestones[0].trackers[1].defaultValue",
            "code": "required",
            "message": "Default Value is required"
        })
    );
}

#[test]
fn field_error_codes_are_written_in_snake_case() {
    let codes = [
        FieldErrorCode::Required,
        FieldErrorCode::TooLong,
        FieldErrorCode::TooMany,
        FieldErrorCode::TooFew,
        FieldErrorCode::Duplicate,
        FieldErrorCode::ReadOnly,
    ];

    let written = serde_json::to_value(codes).expect("codes serialize");

    assert_eq!(
        written,
        json!([
            "required",
            "too_long",
            "too_many",
            "too_few",
            "duplicate",
            "read_only"
        ])
    );
}

#[test]
fn a_missing_default_value_is_reported_at_its_field() {
    let body = json!({ "name": "Lead", "milestones": [{ "name": "Email", "trackers": [{ "name": "Email" }] }] });

    let draft: GoalDraft =
        serde_json::from_value(body).expect("a draft with a missing field reads");
    let errors = draft.validate().expect_err("the Default Value is required");

    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "milestones[0].trackers[0].defaultValue");
    assert_eq!(errors[0].message, "Default Value is required");
}
