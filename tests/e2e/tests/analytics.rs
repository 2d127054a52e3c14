//! The Goal analytics page against achievements recorded through the API, as a journey's Goal
//! node would record them.

mod common;

use common::analytics_page::AnalyticsPage;
use common::{Browser, Studio};
use serde_json::{Value, json};

async fn post(studio: &Studio, path: &str, body: &Value) -> Value {
    let response = studio.post(path, body).await;
    assert!(
        response.status().is_success(),
        "POST {path}: {}",
        response.status()
    );
    response.json().await.expect("JSON")
}

/// A three-milestone goal; one customer jumps to the end (skipping two), another stops at the
/// first milestone.
async fn goal_with_two_runs(studio: &Studio) -> Value {
    let goal = post(
        studio,
        "/api/v1/goals",
        &json!({
            "name": "Lead captured",
            "milestones": [
                { "name": "Name given", "trackers": [{ "name": "Full Name", "defaultValue": "NO_NAME" }] },
                { "name": "Email given", "trackers": [{ "name": "Email Address", "defaultValue": "NOT_PROVIDED" }] },
                { "name": "Demo booked", "trackers": [{ "name": "Slot", "defaultValue": "NOT_BOOKED" }] }
            ]
        }),
    )
    .await;
    let id = goal["id"].as_str().unwrap();
    let milestone = |m: usize| goal["milestones"][m]["id"].as_str().unwrap().to_string();
    let tracker = |m: usize| {
        goal["milestones"][m]["trackers"][0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let achievements = format!("/api/v1/goals/{id}/achievements");

    post(
        studio,
        &achievements,
        &json!({
            "customerId": "jumper", "conversationId": "conv-1", "milestoneId": milestone(2),
            "trackerValues": { tracker(2): "Tuesday 10:00" }
        }),
    )
    .await;
    post(
        studio,
        &achievements,
        &json!({
            "customerId": "quitter", "conversationId": "conv-2", "milestoneId": milestone(0),
            "trackerValues": { tracker(0): "Ada Lovelace" }
        }),
    )
    .await;
    goal
}

#[tokio::test]
async fn the_analytics_page_shows_the_recorded_runs() {
    let studio = Studio::start().await;
    let goal = goal_with_two_runs(&studio).await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    browser
        .wait_for_named("Analytics for Lead captured")
        .await
        .click()
        .await
        .unwrap();
    let page = AnalyticsPage { browser: &browser };

    assert_eq!(page.figure("Goal Achieved").await, "1");
    assert_eq!(page.figure("Unique Users").await, "2");
    // Achieved, Skipped, Unique Users, Drop-off
    assert_eq!(page.milestone_row("Name given").await, ["1", "1", "1", "1"]);
    assert_eq!(
        page.milestone_row("Email given").await,
        ["0", "1", "0", "0"]
    );
    assert_eq!(
        page.milestone_row("Demo booked").await,
        ["1", "0", "1", "0"]
    );

    page.fill("Customer look-up", "Customer ID", "jumper").await;
    page.press("Customer look-up", "Look up").await;
    let run = page
        .panel_text_containing("Customer look-up", "Tuesday 10:00")
        .await;
    assert!(run.contains("conv-1"), "{run}");
    assert!(
        run.contains("NO_NAME") && run.contains("NOT_PROVIDED"),
        "skips show defaults: {run}"
    );
    let shown = run.to_lowercase();
    assert!(
        shown.contains("skipped") && shown.contains("achieved"),
        "{run}"
    );
    assert!(goal["id"].is_string());
    browser.close().await;
}

#[tokio::test]
async fn the_test_goal_panel_records_an_achievement_and_shows_the_run() {
    let studio = Studio::start().await;
    let goal = goal_with_two_runs(&studio).await;
    let browser = Browser::open().await;
    browser
        .goto(&studio.url(&format!("/goals/{}", goal["id"].as_str().unwrap())))
        .await;
    let page = AnalyticsPage { browser: &browser };
    assert_eq!(page.figure("Unique Users").await, "2");

    page.choose("Test goal", "Milestone", "Email given").await;
    page.fill("Test goal", "Customer ID", "tester").await;
    page.fill("Test goal", "Email Address", "tester@example.com")
        .await;
    page.press("Test goal", "Record achievement").await;

    let run = page
        .panel_text_containing("Test goal", "tester@example.com")
        .await;
    assert!(
        run.contains("NO_NAME"),
        "the skipped first milestone took its default: {run}"
    );
    let stored: Value = reqwest::get(studio.url(&format!(
        "/api/v1/goals/{}/customers/tester",
        goal["id"].as_str().unwrap()
    )))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(stored["runs"].as_array().unwrap().len(), 1);
    assert_eq!(stored["runs"][0]["milestones"][1]["status"], "achieved");
    browser.close().await;
}
