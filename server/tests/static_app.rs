//! The built app is served beside the API, and the app's own routes load it.

mod common;

use common::{TestServer, expect_error};
use reqwest::StatusCode;

const INDEX: &str = "<!doctype html><title>Goals Studio</title>";

async fn server_with_app() -> (TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    std::fs::write(dist.path().join("app.css"), "body { margin: 0 }").unwrap();
    (TestServer::start_with_static_dir(dist.path()).await, dist)
}

async fn get_text(server: &TestServer, path: &str) -> (StatusCode, String) {
    let response = server.client.get(server.url(path)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn files_of_the_static_dir_are_served() {
    let (server, _dist) = server_with_app().await;

    assert_eq!(
        get_text(&server, "/app.css").await,
        (StatusCode::OK, "body { margin: 0 }".into())
    );
    assert_eq!(get_text(&server, "/").await, (StatusCode::OK, INDEX.into()));
}

#[tokio::test]
async fn deep_links_load_the_app() {
    let (server, _dist) = server_with_app().await;

    for path in [
        "/goals/new",
        "/goals/0190a1b2/edit",
        "/goals/0190a1b2",
        "/goals",
    ] {
        assert_eq!(
            get_text(&server, path).await,
            (StatusCode::OK, INDEX.into()),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_api_keeps_its_json_answers_beside_the_app() {
    let (server, _dist) = server_with_app().await;

    let unknown = server.client.get(server.api("/nope")).send().await.unwrap();
    expect_error(unknown, StatusCode::NOT_FOUND, "not_found").await;

    let health = server
        .client
        .get(server.api("/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
}
