//! API tokens: with any configured, each API call needs a token whose role allows it, refusals
//! are the API's JSON errors, the public paths stay public, and secrets never reach the log.

mod common;

use clap::Parser;
use common::process::{ServerProcess, command, free_address, run_to_exit};
use common::{TestServer, draft, expect_error};
use goals_server::{Config, Role};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{Value, json};

const EDITOR: &str = "editor-secret-1f2e";
const VIEWER: &str = "viewer-secret-9a8b";
const RUNTIME: &str = "runtime-secret-7c6d";

async fn server_with_tokens() -> TestServer {
    TestServer::start_configured(|config| {
        config.tokens = [
            format!("editor={EDITOR}"),
            format!("viewer={VIEWER}"),
            format!("runtime={RUNTIME}"),
        ]
        .iter()
        .map(|token| token.parse().unwrap())
        .collect();
        config.cors_origins = vec!["http://studio.example.com".parse().unwrap()];
    })
    .await
}

/// A request to the API with `token` as its bearer token.
fn request(server: &TestServer, method: Method, path: &str, token: &str) -> RequestBuilder {
    server
        .client
        .request(method, server.api(path))
        .bearer_auth(token)
}

/// A goal made with the editor's token, and the id of its first milestone.
async fn goal_of_the_editor(server: &TestServer) -> (String, String) {
    let goal: Value = request(server, Method::POST, "/goals", EDITOR)
        .json(&draft("Lead captured"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = goal["id"].as_str().unwrap().to_string();
    let milestone = goal["milestones"][0]["id"].as_str().unwrap().to_string();
    (id, milestone)
}

fn achievement(milestone_id: &str) -> Value {
    json!({ "customerId": "customer-1", "milestoneId": milestone_id, "trackerValues": {} })
}

/// Every kind of call, as (what, method, path, body); `{id}` is the goal, `{m}` its milestone.
fn calls(goal_id: &str, milestone_id: &str) -> Vec<(&'static str, Method, String, Option<Value>)> {
    let goal = format!("/goals/{goal_id}");
    vec![
        ("list", Method::GET, "/goals".into(), None),
        ("read", Method::GET, goal.clone(), None),
        ("report", Method::GET, format!("{goal}/report"), None),
        (
            "customer",
            Method::GET,
            format!("{goal}/customers/c-1"),
            None,
        ),
        ("csv", Method::GET, format!("{goal}/export.csv"), None),
        ("xlsx", Method::GET, format!("{goal}/export.xlsx"), None),
        (
            "achievement",
            Method::POST,
            format!("{goal}/achievements"),
            Some(achievement(milestone_id)),
        ),
        (
            "create",
            Method::POST,
            "/goals".into(),
            Some(draft("Another goal")),
        ),
        ("delete", Method::DELETE, goal, None),
    ]
}

/// What each call answered with `token`: the call's name and its status.
async fn statuses_with(server: &TestServer, token: &str) -> Vec<(&'static str, u16)> {
    let (goal_id, milestone_id) = goal_of_the_editor(server).await;
    let mut statuses = Vec::new();
    for (what, method, path, body) in calls(&goal_id, &milestone_id) {
        let mut call = request(server, method, &path, token);
        if let Some(body) = body {
            call = call.json(&body);
        }
        let response = call.send().await.unwrap();
        let status = response.status();
        if status == StatusCode::FORBIDDEN {
            let error = expect_error(response, status, "forbidden").await;
            let message = error["message"].as_str().unwrap();
            assert!(message.starts_with("This token may not "), "{message}");
        }
        statuses.push((what, status.as_u16()));
    }
    statuses
}

#[tokio::test]
async fn without_a_token_the_api_answers_401_with_a_bearer_challenge() {
    let server = server_with_tokens().await;

    let response = server
        .client
        .get(server.api("/goals"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    let error = expect_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("Authorization: Bearer")
    );
}

#[tokio::test]
async fn a_wrong_token_is_401_too() {
    let server = server_with_tokens().await;

    for authorization in [
        "Bearer not-a-token".to_string(),
        format!("Bearer {EDITOR}x"),
        format!("Basic {EDITOR}"),
    ] {
        let response = server
            .client
            .post(server.api("/goals"))
            .header("Authorization", &authorization)
            .json(&draft("Lead captured"))
            .send()
            .await
            .unwrap();

        let challenge = response.headers()["www-authenticate"].to_str().unwrap();
        assert!(challenge.starts_with("Bearer"), "{challenge}");
        expect_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
}

#[tokio::test]
async fn health_and_the_openapi_document_stay_public() {
    let server = server_with_tokens().await;

    for path in ["/health", "/openapi.json"] {
        let response = server.client.get(server.api(path)).send().await.unwrap();

        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn the_editor_may_make_every_call() {
    let server = server_with_tokens().await;

    let statuses = statuses_with(&server, EDITOR).await;

    assert_eq!(
        statuses,
        [
            ("list", 200),
            ("read", 200),
            ("report", 200),
            ("customer", 200),
            ("csv", 200),
            ("xlsx", 200),
            ("achievement", 200),
            ("create", 201),
            ("delete", 204),
        ]
    );
}

#[tokio::test]
async fn the_viewer_may_read_but_change_nothing() {
    let server = server_with_tokens().await;

    let statuses = statuses_with(&server, VIEWER).await;

    assert_eq!(
        statuses,
        [
            ("list", 200),
            ("read", 200),
            ("report", 200),
            ("customer", 200),
            ("csv", 200),
            ("xlsx", 200),
            ("achievement", 403),
            ("create", 403),
            ("delete", 403),
        ]
    );
}

#[tokio::test]
async fn the_runtime_may_only_record_achievements() {
    let server = server_with_tokens().await;

    let statuses = statuses_with(&server, RUNTIME).await;

    assert_eq!(
        statuses,
        [
            ("list", 403),
            ("read", 403),
            ("report", 403),
            ("customer", 403),
            ("csv", 403),
            ("xlsx", 403),
            ("achievement", 200),
            ("create", 403),
            ("delete", 403),
        ]
    );
}

#[tokio::test]
async fn a_forbidden_edit_names_what_the_token_may_not_do() {
    let server = server_with_tokens().await;
    let (goal_id, _) = goal_of_the_editor(&server).await;

    let response = request(&server, Method::PUT, &format!("/goals/{goal_id}"), VIEWER)
        .header("If-Match", "\"1\"")
        .json(&draft("Renamed"))
        .send()
        .await
        .unwrap();

    let error = expect_error(response, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(
        error["message"],
        "This token may not create, change or delete goals"
    );
}

#[tokio::test]
async fn cors_preflights_pass_without_a_token_and_refusals_carry_cors_headers() {
    let server = server_with_tokens().await;
    let studio = "http://studio.example.com";

    let preflight = server
        .client
        .request(Method::OPTIONS, server.api("/goals"))
        .header("Origin", studio)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    let refusal = server
        .client
        .get(server.api("/goals"))
        .header("Origin", studio)
        .send()
        .await
        .unwrap();

    assert!(preflight.status().is_success(), "{}", preflight.status());
    assert_eq!(preflight.headers()["access-control-allow-origin"], studio);
    assert_eq!(refusal.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refusal.headers()["access-control-allow-origin"], studio);
}

#[tokio::test]
async fn without_tokens_the_api_stays_open() {
    let server = TestServer::start().await;

    let created = server.post_goal(&draft("Lead captured")).await;

    assert_eq!(created.status(), StatusCode::CREATED);
}

#[test]
fn a_list_of_tokens_is_read_comma_separated_as_in_goals_api_tokens() {
    let config = Config::try_parse_from([
        "goals-server",
        "--token",
        "editor=one, viewer=two,runtime=three",
        "--token",
        "viewer=four",
    ])
    .unwrap();

    let roles: Vec<Role> = config.tokens.iter().map(|token| token.role()).collect();
    assert_eq!(
        roles,
        [Role::Editor, Role::Viewer, Role::Runtime, Role::Viewer]
    );
}

#[tokio::test]
async fn the_binary_reads_its_tokens_from_goals_api_tokens() {
    let database_dir = tempfile::tempdir().unwrap();
    let address = free_address();
    let listen = address.to_string();
    let tokens = format!("editor={EDITOR},viewer={VIEWER}");
    let server = ServerProcess::start(
        command(
            database_dir.path(),
            &["--listen", &listen],
            &[("GOALS_API_TOKENS", &tokens)],
        ),
        address,
    )
    .await;
    let client = reqwest::Client::new();

    let as_viewer = client
        .get(server.api("/goals"))
        .bearer_auth(VIEWER)
        .send()
        .await
        .unwrap();
    let viewer_creates = client
        .post(server.api("/goals"))
        .bearer_auth(VIEWER)
        .json(&draft("Lead captured"))
        .send()
        .await
        .unwrap();
    let anonymous = client.get(server.api("/goals")).send().await.unwrap();

    assert_eq!(as_viewer.status(), StatusCode::OK);
    assert_eq!(viewer_creates.status(), StatusCode::FORBIDDEN);
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn a_malformed_token_stops_the_start_without_showing_its_secret() {
    let database_dir = tempfile::tempdir().unwrap();

    for (args, env) in [
        (vec!["--token", "admin=hunter2-secret"], vec![]),
        (vec!["--token", "hunter2-secret"], vec![]),
        (
            vec![],
            vec![("GOALS_API_TOKENS", "editor=ok,owner=hunter2-secret")],
        ),
    ] {
        let (status, log) = run_to_exit(command(database_dir.path(), &args, &env));

        assert!(!status.success(), "{args:?} {env:?} started");
        assert!(log.contains("--token"), "the refusal names the flag: {log}");
        assert!(!log.contains("hunter2"), "the secret was shown: {log}");
    }
}

#[test]
fn an_open_server_on_a_network_address_refuses_to_start() {
    let database_dir = tempfile::tempdir().unwrap();
    let port = free_address().port().to_string();
    let listen = format!("0.0.0.0:{port}");

    let (status, log) = run_to_exit(command(database_dir.path(), &["--listen", &listen], &[]));

    assert!(!status.success());
    assert!(log.contains("without an API token"), "{log}");
    assert!(log.contains("--insecure"), "{log}");
}

#[tokio::test]
async fn with_insecure_an_open_server_starts_on_a_network_address() {
    let database_dir = tempfile::tempdir().unwrap();
    let address = free_address();
    let listen = format!("0.0.0.0:{}", address.port());

    let server = ServerProcess::start(
        command(
            database_dir.path(),
            &["--listen", &listen, "--insecure"],
            &[],
        ),
        address,
    )
    .await;

    let goals = reqwest::get(server.api("/goals")).await.unwrap();
    assert_eq!(goals.status(), StatusCode::OK);
}

#[tokio::test]
async fn secrets_never_reach_the_log() {
    let database_dir = tempfile::tempdir().unwrap();
    let address = free_address();
    let listen = address.to_string();
    let token = format!("editor={EDITOR}");
    let mut server = ServerProcess::start(
        command(
            database_dir.path(),
            &["--listen", &listen, "--token", &token],
            &[],
        ),
        address,
    )
    .await;
    let client = reqwest::Client::new();
    let wrong = "wrong-secret-5e4f";

    for (secret, name) in [(wrong, "Refused goal"), (EDITOR, "Accepted goal")] {
        client
            .post(server.api("/goals"))
            .bearer_auth(secret)
            .json(&draft(name))
            .send()
            .await
            .unwrap();
    }
    server.terminate();
    server.exit_status(std::time::Duration::from_secs(10)).await;

    let log = server.log();
    assert!(log.contains("status=401"), "the refusal is logged: {log}");
    assert!(log.contains("role=editor"), "the role is logged: {log}");
    assert!(!log.contains(wrong), "a wrong token was logged: {log}");
    assert!(
        !log.contains(EDITOR),
        "the editor's secret was logged: {log}"
    );
}
