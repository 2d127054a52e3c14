//! The release build of the app, served by the real server, in headless Chromium.

mod common;

use common::dashboard_page::DashboardPage;
use common::{Browser, Studio};

#[tokio::test]
async fn first_visit_shows_create_your_first_goal() {
    let studio = Studio::start().await;
    let browser = Browser::open().await;

    browser.goto(&studio.url("/goals")).await;
    DashboardPage { browser: &browser }
        .wait_for_empty_state()
        .await;

    browser.close().await;
}

#[tokio::test]
async fn a_goal_created_through_the_api_appears_after_reload() {
    let studio = Studio::start().await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    let dashboard = DashboardPage { browser: &browser };
    dashboard.wait_for_empty_state().await;

    studio.create_goal("Lead captured").await;
    browser.client.refresh().await.expect("reload");

    dashboard.wait_for_goal_row("Lead captured").await;
    browser.close().await;
}

#[tokio::test]
async fn deep_links_load_the_app() {
    let studio = Studio::start().await;
    let browser = Browser::open().await;

    browser.goto(&studio.url("/goals/new")).await;
    browser.wait_for_named("Bot Studio").await;
    browser.goto(&studio.url("/")).await;
    DashboardPage { browser: &browser }
        .wait_for_empty_state()
        .await;

    browser.close().await;
}
