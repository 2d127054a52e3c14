//! Browsers on the origins named with `--cors-origin` may call the API; no other origin is
//! allowed, and without the flag the API sends no CORS headers at all.

mod common;

use common::TestServer;
use reqwest::header::HeaderMap;
use reqwest::{Method, Response, StatusCode};
use serde_json::json;

const STUDIO: &str = "http://studio.example.com:8081";

async fn api_allowing(origins: &[&str]) -> TestServer {
    let origins = origins
        .iter()
        .map(|origin| origin.parse().unwrap())
        .collect();
    TestServer::start_configured(|config| config.cors_origins = origins).await
}

/// The preflight a browser sends before saving an edit from `origin`.
async fn preflight_of_a_save(server: &TestServer, origin: &str) -> Response {
    server
        .client
        .request(Method::OPTIONS, server.api("/goals/some-id"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "content-type,if-match")
        .send()
        .await
        .unwrap()
}

/// The header's comma-separated values, lower-cased.
fn listed(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .iter()
        .flat_map(|value| value.to_str().unwrap().split(','))
        .map(|item| item.trim().to_ascii_lowercase())
        .collect()
}

fn has_cors_headers(headers: &HeaderMap) -> bool {
    headers
        .keys()
        .any(|name| name.as_str().starts_with("access-control-"))
}

#[tokio::test]
async fn a_preflight_from_an_allowed_origin_is_answered() {
    let server = api_allowing(&["http://other.example.com", STUDIO]).await;

    let response = preflight_of_a_save(&server, STUDIO).await;

    assert!(response.status().is_success(), "{}", response.status());
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], STUDIO);
    let methods = listed(headers, "access-control-allow-methods");
    for method in ["get", "post", "put", "delete", "options"] {
        assert!(methods.contains(&method.to_string()), "{methods:?}");
    }
    let allowed = listed(headers, "access-control-allow-headers");
    for header in ["content-type", "if-match", "authorization"] {
        assert!(allowed.contains(&header.to_string()), "{allowed:?}");
    }
}

#[tokio::test]
async fn answers_to_an_allowed_origin_expose_what_the_app_reads() {
    let server = api_allowing(&[STUDIO]).await;
    let draft = json!({
        "name": "Lead captured",
        "milestones": [{ "name": "Email given",
            "trackers": [{ "name": "Email Address", "defaultValue": "NOT_PROVIDED" }] }]
    });

    let response = server
        .client
        .post(server.api("/goals"))
        .header("Origin", STUDIO)
        .json(&draft)
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::CREATED);
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], STUDIO);
    let exposed = listed(headers, "access-control-expose-headers");
    for header in ["etag", "location", "content-disposition"] {
        assert!(exposed.contains(&header.to_string()), "{exposed:?}");
    }
}

#[tokio::test]
async fn another_origin_is_not_allowed() {
    let server = api_allowing(&[STUDIO]).await;

    let preflight = preflight_of_a_save(&server, "http://evil.example.com").await;
    assert!(
        preflight
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    let read = server
        .client
        .get(server.api("/goals"))
        .header("Origin", "http://studio.example.com:9999")
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK, "the server still answers");
    assert!(read.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn without_the_flag_there_are_no_cors_headers() {
    let server = TestServer::start().await;

    let preflight = preflight_of_a_save(&server, STUDIO).await;
    assert!(!has_cors_headers(preflight.headers()));

    let read = server
        .client
        .get(server.api("/goals"))
        .header("Origin", STUDIO)
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    assert!(!has_cors_headers(read.headers()));
}

/// Runs the server binary with `args` and `GOALS_CORS_ORIGINS`, expecting it to refuse them
/// before it opens a database or a port; returns what it said.
fn refused_at_start_up(args: &[&str], origins_variable: Option<&str>) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_goals-server"));
    command
        .args(args)
        .args(["--listen", "127.0.0.1:0", "--database", "sqlite::memory:"]);
    match origins_variable {
        Some(origins) => command.env("GOALS_CORS_ORIGINS", origins),
        None => command.env_remove("GOALS_CORS_ORIGINS"),
    };
    let output = command.output().unwrap();
    assert!(!output.status.success(), "the server started");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_malformed_origin_stops_the_server_at_start_up() {
    let said = refused_at_start_up(&["--cors-origin", "studio.example.com"], None);
    assert!(
        said.contains("\"studio.example.com\" is not an origin"),
        "{said}"
    );

    let said = refused_at_start_up(&[], Some("http://studio.example.com,http://host/app"));
    assert!(
        said.contains("\"http://host/app\" is not an origin"),
        "{said}"
    );
}
