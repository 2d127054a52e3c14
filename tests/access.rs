//! The API token prompt in headless Chromium: a 401 asks for the token, the token entered is
//! kept in `sessionStorage` and sent with the retried request, and a 403 says what the token
//! may not do.

#![cfg(target_arch = "wasm32")]

mod browser;

use browser::dashboard_page::DashboardPage;
use browser::{fake_api, mount, sent_requests, wait_until};
use goals_studio::access::{TOKEN_KEY, TokenGate};
use goals_studio::dashboard::Dashboard;
use leptos::prelude::*;
use leptos_router::components::Router;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

fn error(code: &str, message: &str) -> Value {
    json!({ "error": { "code": code, "message": message } })
}

fn no_goals() -> Value {
    json!({ "goals": [], "nextCursor": null })
}

/// The dashboard behind the token prompt, as the app mounts its screens, with no token kept
/// from an earlier test unless `token` is given.
fn open_dashboard(token: Option<&str>) -> DashboardPage {
    let storage = session_storage();
    match token {
        Some(token) => storage.set_item(TOKEN_KEY, token).unwrap(),
        None => storage.remove_item(TOKEN_KEY).unwrap(),
    }
    let root = mount(|| {
        view! {
            <Router>
                <TokenGate>
                    <Dashboard/>
                </TokenGate>
            </Router>
        }
    });
    DashboardPage { root }
}

#[wasm_bindgen_test]
async fn a_401_asks_for_the_api_token() {
    fake_api(&[(401, error("unauthorized", "The API needs a token"))]);

    let dashboard = open_dashboard(None);
    wait_until("the token prompt", || dashboard.has_button("Use token")).await;

    assert!(dashboard.text().contains("The Goals API needs a token"));
    let input = dashboard
        .root
        .query_selector(".token-panel label input")
        .unwrap()
        .expect("an input labelled API token");
    assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
}

#[wasm_bindgen_test]
async fn the_token_entered_is_kept_for_the_tab_and_sent_with_the_retried_request() {
    fake_api(&[
        (401, error("unauthorized", "The API needs a token")),
        (200, no_goals()),
    ]);
    let dashboard = open_dashboard(None);
    wait_until("the token prompt", || dashboard.has_button("Use token")).await;

    dashboard.type_into("API token", "s3cret-token");
    dashboard.click("Use token");
    wait_until("the dashboard", || {
        dashboard.has_button("Create your first goal")
    })
    .await;

    assert_eq!(
        session_storage().get_item(TOKEN_KEY).unwrap().as_deref(),
        Some("s3cret-token")
    );
    let sent = sent_requests();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[0].authorization, None);
    assert_eq!(
        sent[1].authorization.as_deref(),
        Some("Bearer s3cret-token")
    );
    assert!(!dashboard.has_button("Use token"), "the prompt is gone");
}

#[wasm_bindgen_test]
async fn a_refused_token_is_dropped_and_asked_for_again() {
    fake_api(&[(
        401,
        error("unauthorized", "The token is not one this server accepts"),
    )]);

    let dashboard = open_dashboard(Some("stale-token"));
    wait_until("the token prompt", || dashboard.has_button("Use token")).await;

    assert!(dashboard.text().contains("That token was not accepted"));
    assert_eq!(session_storage().get_item(TOKEN_KEY).unwrap(), None);
    assert_eq!(
        sent_requests()[0].authorization.as_deref(),
        Some("Bearer stale-token")
    );
}

#[wasm_bindgen_test]
async fn a_403_says_what_the_token_may_not_do() {
    let message = "This token may not read goals, reports, customers or exports";
    fake_api(&[(403, error("forbidden", message))]);

    let dashboard = open_dashboard(Some("runtime-token"));
    wait_until("the error banner", || dashboard.text().contains(message)).await;

    assert!(
        !dashboard.has_button("Use token"),
        "a 403 is not a missing token"
    );
}
