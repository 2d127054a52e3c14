//! The app served under a base path (`--base-path /studio/goals`) beside the API, which stays
//! at `/api/v1`.

mod common;

use common::{TestServer, expect_error};
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use tempfile::TempDir;

const INDEX: &str = concat!(
    r#"<!doctype html><html><head><base href="/">"#,
    r#"<meta name="goals-api-base" content="/api/v1"></head><body></body></html>"#
);

/// The index as the server must serve it under `/studio/goals`.
const INDEX_UNDER_THE_BASE: &str = concat!(
    r#"<!doctype html><html><head><base href="/studio/goals/">"#,
    r#"<meta name="goals-api-base" content="/api/v1"></head><body></body></html>"#
);

async fn app_under(base_path: &str) -> (TestServer, TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    std::fs::write(dist.path().join("app-1234.js"), "start();").unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/logo.svg"), "<svg/>").unwrap();
    let static_dir = dist.path().to_path_buf();
    let base_path = base_path.parse().unwrap();
    let server = TestServer::start_configured(move |config| {
        config.static_dir = Some(static_dir);
        config.base_path = base_path;
    })
    .await;
    (server, dist)
}

/// A client that shows redirects instead of following them.
fn without_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn get_text(server: &TestServer, path: &str) -> (StatusCode, String) {
    let response = server.client.get(server.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn assets_are_served_under_the_base_path() {
    let (server, _dist) = app_under("/studio/goals").await;

    assert_eq!(
        get_text(&server, "/studio/goals/app-1234.js").await,
        (StatusCode::OK, "start();".into())
    );
    assert_eq!(
        get_text(&server, "/studio/goals/assets/logo.svg").await,
        (StatusCode::OK, "<svg/>".into())
    );
}

#[tokio::test]
async fn deep_links_under_the_base_path_load_the_app_with_its_base_href() {
    let (server, _dist) = app_under("/studio/goals").await;

    for path in [
        "/studio/goals/",
        "/studio/goals/index.html",
        "/studio/goals/goals",
        "/studio/goals/goals/new",
        "/studio/goals/goals/0190a1b2/edit",
        "/studio/goals/assets/",
        "/studio/goals/missing.js",
    ] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "text/html; charset=utf-8",
            "{path}"
        );
        assert_eq!(
            response.text().await.unwrap(),
            INDEX_UNDER_THE_BASE,
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_base_path_without_its_slash_redirects_to_it() {
    let (server, _dist) = app_under("/studio/goals").await;

    let response = without_redirects()
        .get(server.url("/studio/goals"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(response.headers()[LOCATION], "/studio/goals/");
}

#[tokio::test]
async fn paths_outside_the_base_path_are_not_found() {
    let (server, _dist) = app_under("/studio/goals").await;

    for path in [
        "/",
        "/index.html",
        "/app-1234.js",
        "/goals/new",
        "/studio",
        "/studio/goalsx",
    ] {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
    }
}

#[tokio::test]
async fn the_api_stays_at_its_own_path() {
    let (server, _dist) = app_under("/studio/goals").await;

    let health = server
        .client
        .get(server.url("/api/v1/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);

    let under_the_base = server
        .client
        .get(server.url("/studio/goals/api/v1/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        under_the_base.text().await.unwrap(),
        INDEX_UNDER_THE_BASE,
        "the app's own routes, not the API"
    );
}

#[tokio::test]
async fn at_the_root_the_base_href_is_the_root() {
    let (server, _dist) = app_under("").await;

    assert_eq!(
        get_text(&server, "/goals/new").await,
        (StatusCode::OK, INDEX.into())
    );
    assert_eq!(
        get_text(&server, "/app-1234.js").await,
        (StatusCode::OK, "start();".into())
    );
}

#[test]
fn a_malformed_base_path_stops_the_server_at_start_up() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_goals-server"))
        .args(["--base-path", "studio/goals", "--listen", "127.0.0.1:0"])
        .args(["--database", "sqlite::memory:"])
        .env_remove("GOALS_BASE_PATH")
        .output()
        .unwrap();

    assert!(!output.status.success(), "the server started");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("must start with '/'"), "{said}");
}
