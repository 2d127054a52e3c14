//! A server started with an editor token: the app asks for the token, and once it is entered
//! the dashboard loads and a goal can be created. The page runs under the server's
//! Content-Security-Policy throughout, and breaks none of it.

mod common;

use common::dashboard_page::DashboardPage;
use common::goal_form_page::{GoalFormPage, Scope};
use common::{Browser, PATIENCE, Studio};
use fantoccini::Locator;
use serde_json::Value;

const TOKEN: &str = "e2e-editor-token";

/// Every CSP violation the page has reported so far, as `directive blocked-url`.
async fn csp_violations(browser: &Browser) -> Vec<String> {
    let script = r#"
        const done = arguments[arguments.length - 1];
        const seen = [];
        const observer = new ReportingObserver((reports) => seen.push(...reports),
            { types: ["csp-violation"], buffered: true });
        observer.observe();
        setTimeout(() => {
            seen.push(...observer.takeRecords());
            done(seen.map((report) =>
                report.body.effectiveDirective + " " + report.body.blockedURL));
        }, 300);
    "#;
    let reports = browser
        .client
        .execute_async(script, vec![])
        .await
        .expect("the page runs the script");
    serde_json::from_value(reports).expect("a list of violations")
}

#[tokio::test]
async fn the_app_asks_for_the_token_and_then_works_with_it() {
    let studio = Studio::start_with(|config| {
        config.tokens = vec![format!("editor={TOKEN}").parse().expect("a token")];
    })
    .await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;

    browser.wait_for_named("Use token").await;
    browser
        .client
        .find(Locator::Css(".token-panel input[type=password]"))
        .await
        .expect("the API token input")
        .send_keys(TOKEN)
        .await
        .expect("typing");
    browser
        .wait_for_named("Use token")
        .await
        .click()
        .await
        .expect("click");
    let dashboard = DashboardPage { browser: &browser };
    dashboard.wait_for_empty_state().await;
    browser
        .wait_for_named("Create your first goal")
        .await
        .click()
        .await
        .expect("click");
    let form = GoalFormPage { browser: &browser };
    form.wait_until_loaded().await;
    form.fill(Scope::Goal, "Goal Name", "Lead captured").await;
    form.fill(Scope::Tracker(1, 1), "Default Value", "NOT_PROVIDED")
        .await;
    form.click(Scope::Goal, "Create").await;
    dashboard.wait_for_goal_row("Lead captured").await;

    let listing: Value = reqwest::Client::new()
        .get(studio.url("/api/v1/goals"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("API answers")
        .json()
        .await
        .expect("page JSON");
    assert_eq!(listing["goals"][0]["name"], "Lead captured");
    assert_eq!(csp_violations(&browser).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn the_app_renders_under_its_csp_and_an_injected_script_is_blocked() {
    let studio = Studio::start().await;
    let browser = Browser::open().await;
    browser.goto(&studio.url("/goals")).await;
    DashboardPage { browser: &browser }
        .wait_for_empty_state()
        .await;

    let clean = csp_violations(&browser).await;
    browser
        .client
        .execute(
            "const s = document.createElement('script'); s.textContent = 'window.injected = 1';\
             document.head.appendChild(s);",
            vec![],
        )
        .await
        .expect("the page runs the script");
    let injected = tokio::time::timeout(PATIENCE, async {
        loop {
            let violations = csp_violations(&browser).await;
            if !violations.is_empty() {
                return violations;
            }
        }
    })
    .await
    .expect("the injected script is reported");

    assert_eq!(clean, Vec::<String>::new(), "the app itself breaks its CSP");
    assert!(
        injected
            .iter()
            .any(|violation| violation.starts_with("script-src")),
        "{injected:?}"
    );
    browser.close().await;
}
