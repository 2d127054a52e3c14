//! The same build deployed as a host studio would: mounted under `/studio/goals` in embedded
//! mode by one server, and talking to the Goals API of another server on another origin, set up
//! by editing the `<meta>` tags of a copy of `dist/` only.

mod common;

use std::path::Path;

use common::dashboard_page::DashboardPage;
use common::goal_form_page::{GoalFormPage, Scope};
use common::{Browser, Studio, dist_dir};
use fantoccini::Locator;
use serde_json::Value;
use tempfile::TempDir;

const BASE_PATH: &str = "/studio/goals";

/// A copy of the built app, as a deployer keeps one per place it is served from.
fn copy_of_the_build() -> TempDir {
    let copy = tempfile::tempdir().expect("temporary directory");
    for entry in std::fs::read_dir(dist_dir()).expect("dist/ is readable") {
        let entry = entry.expect("dist/ entry");
        if entry.file_type().expect("file type").is_file() {
            std::fs::copy(entry.path(), copy.path().join(entry.file_name())).expect("copy");
        }
    }
    copy
}

/// Sets the `content` of the page's `<meta name="{name}">`, as a deployer edits index.html.
fn set_meta(app_dir: &Path, name: &str, content: &str) {
    let index = app_dir.join("index.html");
    let html = std::fs::read_to_string(&index).expect("index.html");
    let tag_start = html
        .find(&format!("<meta name=\"{name}\""))
        .unwrap_or_else(|| panic!("index.html has no meta {name}"));
    let tag_end = tag_start + html[tag_start..].find('>').expect("end of the meta tag") + 1;
    let edited = format!(
        "{}<meta name=\"{name}\" content=\"{content}\">{}",
        &html[..tag_start],
        &html[tag_end..]
    );
    std::fs::write(&index, edited).expect("write index.html");
}

async fn goal_names_on(server: &Studio) -> Vec<String> {
    let page: Value = reqwest::get(server.url("/api/v1/goals"))
        .await
        .expect("API answers")
        .json()
        .await
        .expect("page JSON");
    page["goals"]
        .as_array()
        .expect("goals")
        .iter()
        .map(|summary| summary["name"].as_str().expect("name").to_string())
        .collect()
}

async fn current_path(browser: &Browser) -> String {
    let url = browser.client.current_url().await.expect("current URL");
    url.path().to_string()
}

#[tokio::test]
async fn goals_are_created_and_edited_from_a_host_against_another_api() {
    let app_dir = copy_of_the_build();
    let served_app = app_dir.path().to_path_buf();
    let host = Studio::start_with(|config| {
        config.static_dir = Some(served_app);
        config.base_path = BASE_PATH.parse().expect("base path");
        // The page's CSP must let it call the API's origin, whose port is not known yet.
        config.connect_src = vec!["http://127.0.0.1:*".parse().expect("a CSP source")];
    })
    .await;
    let host_origin: goals_server::CorsOrigin = host.origin().parse().expect("origin");
    let api = Studio::start_with(|config| {
        config.static_dir = None;
        config.cors_origins = vec![host_origin];
    })
    .await;
    set_meta(app_dir.path(), "goals-api-base", &api.url("/api/v1"));
    set_meta(app_dir.path(), "goals-embedded", "true");
    let browser = Browser::open().await;

    browser.goto(&host.url(&format!("{BASE_PATH}/"))).await;
    let dashboard = DashboardPage { browser: &browser };
    dashboard.wait_for_empty_state().await;
    assert_eq!(current_path(&browser).await, "/studio/goals/goals");
    let sidebars = browser
        .client
        .find_all(Locator::Css("nav.sidebar"))
        .await
        .expect("query the page");
    assert!(sidebars.is_empty(), "embedded, the host's sidebar is used");

    browser
        .wait_for_named("Create your first goal")
        .await
        .click()
        .await
        .expect("click");
    let form = GoalFormPage { browser: &browser };
    form.wait_until_loaded().await;
    assert_eq!(current_path(&browser).await, "/studio/goals/goals/new");
    form.fill(Scope::Goal, "Goal Name", "Lead captured").await;
    form.fill(Scope::Tracker(1, 1), "Default Value", "NOT_PROVIDED")
        .await;
    form.click(Scope::Goal, "Create").await;
    dashboard.wait_for_goal_row("Lead captured").await;
    assert_eq!(current_path(&browser).await, "/studio/goals/goals");

    browser
        .wait_for_named("Edit goal Lead captured")
        .await
        .click()
        .await
        .expect("click");
    form.wait_until_loaded().await;
    assert!(current_path(&browser).await.ends_with("/edit"));
    form.fill(Scope::Goal, "Goal Description", "Edited from the host")
        .await;
    form.fill(Scope::Goal, "Goal Name", "Lead qualified").await;
    form.click(Scope::Goal, "Save").await;
    dashboard.wait_for_goal_row("Lead qualified").await;

    let stored = api
        .goal_named("Lead qualified")
        .await
        .expect("the goal is stored by the API server");
    assert_eq!(stored["description"], "Edited from the host");
    assert_eq!(stored["version"], 2);
    assert!(
        goal_names_on(&host).await.is_empty(),
        "the host's own API was not used"
    );

    let id = stored["id"].as_str().expect("id");
    browser
        .goto(&host.url(&format!("{BASE_PATH}/goals/{id}/edit")))
        .await;
    form.wait_until_loaded().await;
    assert_eq!(form.value(Scope::Goal, "Goal Name").await, "Lead qualified");
    browser.close().await;
}
