//! Creating, editing and deleting goals through the app, checked against what the API stored.

mod common;

use common::dashboard_page::DashboardPage;
use common::goal_form_page::{GoalFormPage, Scope};
use common::{Browser, Studio};
use fantoccini::Locator;
use serde_json::{Value, json};

fn names(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect()
}

async fn goal_with_two_milestones(studio: &Studio, name: &str) -> Value {
    let draft = json!({
        "name": name,
        "tags": ["sales"],
        "milestones": [
            { "name": "Email given", "trackers": [
                { "name": "Email Address", "defaultValue": "NOT_PROVIDED" },
                { "name": "Consent", "defaultValue": "NO_CONSENT" } ] },
            { "name": "Demo booked", "trackers": [
                { "name": "Slot", "defaultValue": "NOT_BOOKED" } ] }
        ]
    });
    let response = studio.post("/api/v1/goals", &draft).await;
    assert_eq!(response.status(), 201);
    response.json().await.expect("goal JSON")
}

#[tokio::test]
async fn a_goal_with_two_milestones_is_created_through_the_form() {
    let studio = Studio::start().await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    let dashboard = DashboardPage { browser: &browser };
    dashboard.wait_for_empty_state().await;
    browser
        .wait_for_named("Create your first goal")
        .await
        .click()
        .await
        .unwrap();
    let form = GoalFormPage { browser: &browser };
    form.wait_until_loaded().await;

    assert_eq!(
        form.value(Scope::Milestone(1), "Milestone Name").await,
        "Milestone 1"
    );
    assert_eq!(
        form.value(Scope::Tracker(1, 1), "Tracker Name").await,
        "Tracker 1"
    );
    form.fill(Scope::Goal, "Goal Name", "Lead captured").await;
    form.fill(Scope::Goal, "Goal Description", "A visitor becomes a lead")
        .await;
    form.add_tag("sales").await;
    form.fill(Scope::Milestone(1), "Milestone Name", "Email given")
        .await;
    form.fill(Scope::Tracker(1, 1), "Tracker Name", "Email Address")
        .await;
    form.fill(Scope::Tracker(1, 1), "Default Value", "NOT_PROVIDED")
        .await;
    form.click(Scope::Milestone(1), "+ Add Tracker").await;
    form.fill(Scope::Tracker(1, 2), "Tracker Name", "Consent")
        .await;
    form.fill(Scope::Tracker(1, 2), "Default Value", "NO_CONSENT")
        .await;
    form.click(Scope::Goal, "+ Add Milestone").await;
    form.fill(Scope::Milestone(2), "Milestone Name", "Demo booked")
        .await;
    form.fill(Scope::Tracker(2, 1), "Tracker Name", "Slot")
        .await;
    form.fill(Scope::Tracker(2, 1), "Default Value", "NOT_BOOKED")
        .await;
    form.click(Scope::Milestone(2), "+ Add Tracker").await;
    form.fill(Scope::Tracker(2, 2), "Default Value", "UNKNOWN")
        .await;

    form.click(Scope::Goal, "+ Add Milestone").await;
    form.click(Scope::Milestone(3), "Delete Milestone").await;
    form.confirm_dialog("Cancel").await;
    assert!(
        form.legends().await.contains(&"Milestone 3".to_string()),
        "Cancel keeps it"
    );
    form.click(Scope::Milestone(3), "Delete Milestone").await;
    form.confirm_dialog("Delete").await;
    assert!(
        !form.legends().await.contains(&"Milestone 3".to_string()),
        "Delete removes it"
    );

    form.click(Scope::Goal, "Create").await;
    dashboard.wait_for_goal_row("Lead captured").await;

    let stored = studio
        .goal_named("Lead captured")
        .await
        .expect("the goal is stored");
    assert_eq!(stored["description"], "A visitor becomes a lead");
    assert_eq!(stored["tags"], json!(["sales"]));
    assert_eq!(names(&stored["milestones"]), ["Email given", "Demo booked"]);
    assert_eq!(
        names(&stored["milestones"][0]["trackers"]),
        ["Email Address", "Consent"]
    );
    assert_eq!(
        names(&stored["milestones"][1]["trackers"]),
        ["Slot", "Tracker 1"],
        "the added tracker takes the smallest free name, whatever its position"
    );
    assert_eq!(
        stored["milestones"][0]["trackers"][1]["defaultValue"],
        "NO_CONSENT"
    );
    assert_eq!(
        stored["milestones"][1]["trackers"][1]["defaultValue"],
        "UNKNOWN"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_goal_is_edited_through_the_pencil_icon() {
    let studio = Studio::start().await;
    let original = goal_with_two_milestones(&studio, "Lead captured").await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    browser
        .wait_for_named("Edit goal Lead captured")
        .await
        .click()
        .await
        .unwrap();
    let form = GoalFormPage { browser: &browser };
    form.wait_until_loaded().await;

    assert!(form.button(Scope::Goal, "Save").await.is_some());
    for milestone in [1, 2] {
        let delete = form
            .button(Scope::Milestone(milestone), "Delete Milestone")
            .await;
        assert!(
            delete.is_none(),
            "existing milestone {milestone} cannot be deleted"
        );
    }
    form.fill(Scope::Goal, "Goal Name", "Lead qualified").await;
    form.fill(Scope::Tracker(1, 1), "Default Value", "NO_EMAIL")
        .await;
    form.click(Scope::Milestone(1), "Delete tracker Consent")
        .await;
    form.click(Scope::Goal, "+ Add Milestone").await;
    assert!(
        form.button(Scope::Milestone(3), "Delete Milestone")
            .await
            .is_some()
    );
    form.fill(Scope::Milestone(3), "Milestone Name", "Contract signed")
        .await;
    form.fill(Scope::Tracker(3, 1), "Default Value", "NONE")
        .await;
    form.click(Scope::Goal, "Save").await;
    DashboardPage { browser: &browser }
        .wait_for_goal_row("Lead qualified")
        .await;

    let stored = studio.goal(original["id"].as_str().unwrap()).await;
    assert_eq!(stored["version"], 2);
    assert_eq!(
        names(&stored["milestones"]),
        ["Email given", "Demo booked", "Contract signed"]
    );
    assert_eq!(
        stored["milestones"][0]["id"],
        original["milestones"][0]["id"]
    );
    assert_eq!(
        stored["milestones"][1]["id"],
        original["milestones"][1]["id"]
    );
    assert_eq!(
        names(&stored["milestones"][0]["trackers"]),
        ["Email Address"]
    );
    assert_eq!(
        stored["milestones"][0]["trackers"][0]["defaultValue"],
        "NO_EMAIL"
    );
    assert_eq!(
        stored["milestones"][2]["trackers"][0]["defaultValue"],
        "NONE"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_stale_edit_gets_the_conflict_message_without_losing_the_typing() {
    let studio = Studio::start().await;
    let original = goal_with_two_milestones(&studio, "Lead captured").await;
    let browser = Browser::open().await;
    browser
        .goto(&studio.url(&format!("/goals/{}/edit", original["id"].as_str().unwrap())))
        .await;
    let form = GoalFormPage { browser: &browser };
    form.wait_until_loaded().await;

    form.fill(Scope::Goal, "Goal Name", "My name for it").await;
    let mut theirs = original.clone();
    theirs["name"] = json!("Their name for it");
    for key in ["id", "version", "createdAt", "updatedAt"] {
        theirs.as_object_mut().unwrap().remove(key);
    }
    studio.replace_goal(&original, &theirs).await;
    form.click(Scope::Goal, "Save").await;

    browser.wait_for_named("Load the newer version").await;
    assert_eq!(form.value(Scope::Goal, "Goal Name").await, "My name for it");
    browser
        .wait_for_named("Load the newer version")
        .await
        .click()
        .await
        .unwrap();
    assert_eq!(
        form.value(Scope::Goal, "Goal Name").await,
        "Their name for it"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_goal_is_deleted_once_its_name_is_typed() {
    let studio = Studio::start().await;
    goal_with_two_milestones(&studio, "Lead captured").await;
    goal_with_two_milestones(&studio, "Demo booked").await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    DashboardPage { browser: &browser }
        .wait_for_goal_row("Lead captured")
        .await;

    browser
        .wait_for_named("Delete goal Lead captured")
        .await
        .click()
        .await
        .unwrap();
    let input = browser
        .client
        .find(Locator::XPath("//dialog[@open]//input"))
        .await
        .expect("the popup asks for the name");
    input.send_keys("Lead captured").await.unwrap();
    GoalFormPage { browser: &browser }
        .confirm_dialog("Delete")
        .await;

    let gone = "//*[@aria-label='Edit goal Lead captured']";
    for _ in 0..100 {
        if browser
            .client
            .find_all(Locator::XPath(gone))
            .await
            .unwrap()
            .is_empty()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        browser
            .client
            .find_all(Locator::XPath(gone))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(studio.goal_named("Lead captured").await.is_none());
    assert!(
        studio.goal_named("Demo booked").await.is_some(),
        "only that goal goes"
    );
    browser.close().await;
}

#[tokio::test]
async fn leaving_a_form_with_changes_asks_first() {
    let studio = Studio::start().await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    browser
        .wait_for_named("Create your first goal")
        .await
        .click()
        .await
        .unwrap();
    let form = GoalFormPage { browser: &browser };
    form.wait_until_loaded().await;
    form.fill(Scope::Goal, "Goal Name", "Half typed").await;

    browser.client.back().await.unwrap();
    let question = browser
        .client
        .get_alert_text()
        .await
        .expect("back asks first");
    assert!(question.contains("unsaved changes"), "{question}");
    browser.client.dismiss_alert().await.unwrap();
    assert!(
        browser
            .client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/goals/new")
    );
    assert_eq!(form.value(Scope::Goal, "Goal Name").await, "Half typed");

    let sidebar_link = "//nav//a[normalize-space(.)='Goals']";
    browser
        .client
        .find(Locator::XPath(sidebar_link))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .client
        .dismiss_alert()
        .await
        .expect("the sidebar link asks first");
    assert_eq!(form.value(Scope::Goal, "Goal Name").await, "Half typed");
    browser
        .client
        .find(Locator::XPath(sidebar_link))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.client.accept_alert().await.unwrap();
    DashboardPage { browser: &browser }
        .wait_for_empty_state()
        .await;
    browser.close().await;
}
