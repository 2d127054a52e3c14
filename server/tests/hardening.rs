//! Security headers and time limits: the app's page carries a CSP that allows exactly its own
//! inline start-up script, every answer says `nosniff`, and an API request that is not
//! answered in time gets the documented 503 `timeout`.

mod common;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::TestServer;
use reqwest::StatusCode;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The start-up script as Trunk writes it into `index.html`.
const START_UP: &str = "\nimport init from './goals-studio.js';\nawait init();\n";

/// A built app whose page has Trunk's inline script, and a server for it configured by
/// `configure`.
async fn app_with(
    configure: impl FnOnce(&mut goals_server::Config),
) -> (TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    let page = format!(
        "<!doctype html><html><head><base href=\"/\"><script type=\"module\">{START_UP}</script>\
         <link rel=\"modulepreload\" href=\"./goals-studio.js\"></head><body></body></html>"
    );
    std::fs::write(dist.path().join("index.html"), page).unwrap();
    std::fs::write(dist.path().join("goals-studio.js"), "export default 1;").unwrap();
    let static_dir = dist.path().to_path_buf();
    let server = TestServer::start_configured(|config| {
        config.static_dir = Some(static_dir);
        configure(config);
    })
    .await;
    (server, dist)
}

async fn policy_of_page(server: &TestServer, path: &str) -> String {
    let response = server.client.get(server.url(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get("x-frame-options").is_none(),
        "frame-ancestors replaces X-Frame-Options"
    );
    response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string()
}

/// The policy's directives by name, each with its sources.
fn directives(policy: &str) -> Vec<(String, Vec<String>)> {
    policy
        .split(';')
        .map(|directive| {
            let mut words = directive.split_whitespace().map(str::to_string);
            (words.next().unwrap_or_default(), words.collect())
        })
        .collect()
}

fn sources_of(policy: &str, name: &str) -> Vec<String> {
    directives(policy)
        .into_iter()
        .find(|(directive, _)| directive == name)
        .unwrap_or_else(|| panic!("no {name} in {policy}"))
        .1
}

#[tokio::test]
async fn the_page_allows_its_inline_script_by_hash_and_nothing_else_inline() {
    let (server, _dist) = app_with(|_| {}).await;

    let policy = policy_of_page(&server, "/goals/new").await;

    let hash = format!("'sha256-{}'", BASE64.encode(Sha256::digest(START_UP)));
    assert_eq!(
        sources_of(&policy, "script-src"),
        ["'self'", "'wasm-unsafe-eval'", hash.as_str()]
    );
    assert_eq!(sources_of(&policy, "default-src"), ["'self'"]);
    assert_eq!(sources_of(&policy, "connect-src"), ["'self'"]);
    assert_eq!(
        sources_of(&policy, "style-src"),
        ["'self'", "'unsafe-inline'"]
    );
    assert_eq!(sources_of(&policy, "img-src"), ["'self'", "data:"]);
    assert_eq!(sources_of(&policy, "frame-ancestors"), ["'self'"]);
    assert_eq!(sources_of(&policy, "base-uri"), ["'self'"]);
    assert_eq!(sources_of(&policy, "object-src"), ["'none'"]);
}

#[tokio::test]
async fn embedding_origins_and_api_origins_come_from_the_flags() {
    let (server, _dist) = app_with(|config| {
        config.frame_ancestors = vec!["https://studio.example.com".parse().unwrap()];
        config.connect_src = vec!["https://api.example.com".parse().unwrap()];
    })
    .await;

    let policy = policy_of_page(&server, "/").await;

    assert_eq!(
        sources_of(&policy, "frame-ancestors"),
        ["https://studio.example.com"]
    );
    assert_eq!(
        sources_of(&policy, "connect-src"),
        ["'self'", "https://api.example.com"]
    );
}

#[test]
fn flag_values_that_would_break_the_policy_are_refused() {
    use clap::Parser;

    for (flag, value) in [
        ("--frame-ancestors", "https://a.example.com; script-src *"),
        ("--connect-src", "https://a.example.com script-src"),
    ] {
        let parsed = goals_server::Config::try_parse_from(["goals-server", flag, value]);

        assert!(parsed.is_err(), "{flag} {value} was accepted");
    }
}

#[tokio::test]
async fn every_answer_says_nosniff_and_sends_no_referrer() {
    let (server, _dist) = app_with(|_| {}).await;

    for url in [
        server.url("/"),
        server.url("/goals-studio.js"),
        server.api("/goals"),
        server.api("/goals/no-such-goal"),
        server.url("/api/elsewhere"),
    ] {
        let response = server.client.get(&url).send().await.unwrap();

        assert_eq!(
            response.headers()["x-content-type-options"],
            "nosniff",
            "{url}"
        );
        assert_eq!(
            response.headers()["referrer-policy"],
            "no-referrer",
            "{url}"
        );
    }
}

#[tokio::test]
async fn only_the_page_carries_the_policy() {
    let (server, _dist) = app_with(|_| {}).await;

    let script = server
        .client
        .get(server.url("/goals-studio.js"))
        .send()
        .await
        .unwrap();
    let api = server
        .client
        .get(server.api("/goals"))
        .send()
        .await
        .unwrap();

    assert!(script.headers().get("content-security-policy").is_none());
    assert!(api.headers().get("content-security-policy").is_none());
}

#[tokio::test]
async fn a_request_not_answered_in_time_gets_503_timeout() {
    let server = TestServer::start_configured(|config| {
        config.request_timeout = "200ms".parse().unwrap();
    })
    .await;
    let address = server.url("").trim_start_matches("http://").to_string();

    // A client that announces a body and stops sending it half-way: the server waits for the
    // rest until the limit.
    let mut stream = TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /api/v1/goals HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: 100\r\n\r\n{{\"name\":"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers within its limit")
        .unwrap();

    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap();
    let error: Value = serde_json::from_str(body).unwrap();
    assert_eq!(error["error"]["code"], "timeout");
    assert_eq!(
        error["error"]["message"],
        "The request took longer than 200 ms to answer; please try again"
    );
}

#[tokio::test]
async fn requests_within_the_limit_are_answered_as_usual() {
    let server = TestServer::start_configured(|config| {
        config.request_timeout = "5s".parse().unwrap();
    })
    .await;

    let goals = server.list(&[]).await;

    assert_eq!(goals.status(), StatusCode::OK);
}
