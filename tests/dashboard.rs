//! The Goals dashboard in headless Chromium, fed by a stand-in API behind `fetch`.

#![cfg(target_arch = "wasm32")]

mod browser;

use browser::dashboard_page::DashboardPage;
use browser::{fake_api, mount, requests, wait_until};
use goals_studio::dashboard::Dashboard;
use leptos::prelude::*;
use leptos_router::components::Router;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn summary(id: &str, name: &str, tags: &[&str], milestones: u32, trackers: u32) -> Value {
    json!({
        "id": id, "name": name, "description": format!("What {name} is for"),
        "tags": tags, "milestoneCount": milestones, "trackerCount": trackers, "version": 1,
        "createdAt": "2026-01-01T10:00:00Z", "updatedAt": "2026-01-02T10:00:00Z"
    })
}

fn page(goals: Vec<Value>, next_cursor: Option<&str>) -> Value {
    json!({ "goals": goals, "nextCursor": next_cursor })
}

fn open_dashboard() -> DashboardPage {
    let root = mount(|| view! { <Router><Dashboard/></Router> });
    DashboardPage { root }
}

#[wasm_bindgen_test]
async fn first_time_users_see_the_empty_state() {
    fake_api(&[(200, page(vec![], None))]);

    let dashboard = open_dashboard();
    wait_until("the empty state", || {
        dashboard.has_button("Create your first goal")
    })
    .await;

    assert!(
        dashboard
            .text()
            .contains("A goal is a sequence of milestones")
    );
    assert!(dashboard.goal_names().is_empty());
    assert!(
        !dashboard.has_button("Create goal"),
        "the empty state has its own button"
    );
}

#[wasm_bindgen_test]
async fn returning_users_see_a_row_per_goal_with_its_actions() {
    fake_api(&[(
        200,
        page(
            vec![
                summary("g1", "Lead captured", &["sales", "web"], 3, 7),
                summary("g2", "Demo booked", &[], 1, 1),
            ],
            None,
        ),
    )]);

    let dashboard = open_dashboard();
    wait_until("the rows", || dashboard.goal_names().len() == 2).await;

    assert_eq!(dashboard.goal_names(), ["Lead captured", "Demo booked"]);
    let row = dashboard.row_text("Lead captured").unwrap();
    assert!(row.contains("What Lead captured is for"), "{row}");
    assert!(row.contains("sales") && row.contains("web"), "{row}");
    assert!(row.contains('3') && row.contains('7'), "{row}");
    assert!(row.contains("ago"), "last updated is relative: {row}");
    for name in [
        "Edit goal Lead captured",
        "Analytics for Lead captured",
        "Delete goal Demo booked",
    ] {
        assert!(dashboard.has_button(name), "missing {name}");
    }
    assert!(dashboard.has_button("Create goal"));
    assert!(!dashboard.has_button("Create your first goal"));
}

#[wasm_bindgen_test]
async fn markup_in_goal_names_is_shown_as_text() {
    let name = "<img src=x onerror=alert(1)>";
    fake_api(&[(200, page(vec![summary("g1", name, &["<b>"], 1, 1)], None))]);

    let dashboard = open_dashboard();
    wait_until("the row", || dashboard.goal_names().len() == 1).await;

    assert_eq!(dashboard.goal_names(), [name]);
    assert!(dashboard.root.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_api_error_offers_retry_which_loads_the_goals() {
    let unavailable = json!({ "error": { "code": "internal", "message": "Database is down" } });
    fake_api(&[
        (503, unavailable),
        (
            200,
            page(vec![summary("g1", "Lead captured", &[], 1, 1)], None),
        ),
    ]);

    let dashboard = open_dashboard();
    wait_until("the error", || dashboard.has_button("Retry")).await;
    assert!(
        dashboard.text().contains("Database is down"),
        "{}",
        dashboard.text()
    );

    dashboard.click("Retry");
    wait_until("the goals after retry", || {
        dashboard.goal_names().len() == 1
    })
    .await;
    assert!(!dashboard.has_button("Retry"));
}

#[wasm_bindgen_test]
async fn search_and_tag_filter_are_sent_to_the_api() {
    fake_api(&[(
        200,
        page(vec![summary("g1", "Lead captured", &["sales"], 1, 1)], None),
    )]);
    let dashboard = open_dashboard();
    wait_until("the row", || dashboard.goal_names().len() == 1).await;

    dashboard.type_into("Search goals", "lead");
    dashboard.type_into("Filter by tag", "sales");
    wait_until("the filtered request", || {
        requests()
            .iter()
            .any(|r| r.contains("q=lead") && r.contains("tag=sales"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn pages_follow_the_cursor_and_come_back() {
    fake_api(&[
        (
            200,
            page(
                vec![summary("g1", "First page goal", &[], 1, 1)],
                Some("CURSOR-2"),
            ),
        ),
        (
            200,
            page(vec![summary("g2", "Second page goal", &[], 1, 1)], None),
        ),
        (
            200,
            page(
                vec![summary("g1", "First page goal", &[], 1, 1)],
                Some("CURSOR-2"),
            ),
        ),
    ]);
    let dashboard = open_dashboard();
    wait_until("page one", || dashboard.goal_names() == ["First page goal"]).await;
    assert!(dashboard.is_disabled("Previous page"));

    dashboard.click("Next page");
    wait_until("page two", || {
        dashboard.goal_names() == ["Second page goal"]
    })
    .await;
    assert!(requests().last().unwrap().contains("cursor=CURSOR-2"));
    assert!(dashboard.is_disabled("Next page"));

    dashboard.click("Previous page");
    wait_until("page one again", || {
        dashboard.goal_names() == ["First page goal"]
    })
    .await;
    assert!(!requests().last().unwrap().contains("cursor="));
}

#[wasm_bindgen_test]
async fn deleting_a_goal_needs_its_name_typed_and_removes_the_row() {
    let listed = page(vec![summary("g1", "Lead captured", &[], 1, 1)], None);
    fake_api(&[(200, listed), (204, Value::Null), (200, page(vec![], None))]);
    let dashboard = open_dashboard();
    wait_until("the row", || dashboard.goal_names().len() == 1).await;

    dashboard.click("Delete goal Lead captured");
    assert!(dashboard.delete_dialog_open());
    assert!(dashboard.text().contains("all of its recorded data"));
    assert!(dashboard.is_disabled("Delete"));
    dashboard.type_into("Type", "Lead");
    leptos::task::tick().await;
    assert!(
        dashboard.is_disabled("Delete"),
        "a partial name does not confirm"
    );
    dashboard.type_into("Type", "Lead captured");
    leptos::task::tick().await;
    assert!(!dashboard.is_disabled("Delete"));

    dashboard.click("Delete");
    wait_until("the row to go", || dashboard.goal_names().is_empty()).await;
    assert!(!dashboard.delete_dialog_open());
    assert!(
        requests()
            .iter()
            .any(|r| r.starts_with("DELETE ") && r.ends_with("/api/v1/goals/g1"))
    );
}

#[wasm_bindgen_test]
async fn cancelling_the_delete_popup_sends_nothing() {
    fake_api(&[(
        200,
        page(vec![summary("g1", "Lead captured", &[], 1, 1)], None),
    )]);
    let dashboard = open_dashboard();
    wait_until("the row", || dashboard.goal_names().len() == 1).await;

    dashboard.click("Delete goal Lead captured");
    dashboard.type_into("Type", "Lead captured");
    dashboard.click("Cancel");
    leptos::task::tick().await;

    assert!(!dashboard.delete_dialog_open());
    assert_eq!(dashboard.goal_names(), ["Lead captured"]);
    assert!(!requests().iter().any(|r| r.starts_with("DELETE ")));
}
