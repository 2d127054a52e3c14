//! Servers for the suite to check, started in-process on a loopback port over a temporary
//! SQLite file: the reference server as it ships, and the reference router with a layer that
//! breaks one rule of the contract on purpose.

#![allow(dead_code)]

use std::future::Future;

use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::{Router, middleware};
use goals_server::{AppState, Config};
use tempfile::TempDir;
use tokio::net::TcpListener;

/// A running server; it stops when the test's runtime does.
pub struct TestServer {
    /// The API's base URL, as the suite takes it.
    pub base_url: String,
    _database_dir: TempDir,
}

async fn bind() -> (TcpListener, TempDir, String) {
    let database_dir = tempfile::tempdir().expect("a temporary folder");
    let database_url = format!(
        "sqlite://{}",
        database_dir.path().join("goals.db").display()
    );
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    (listener, database_dir, database_url)
}

fn base_url(listener: &TcpListener) -> String {
    let address = listener.local_addr().expect("a bound address");
    format!("http://{address}/api/v1")
}

/// The API alone (no static app), on `listener`, over `database_url`.
fn server_config(listener: &TcpListener, database_url: String) -> Config {
    Config {
        listen: listener.local_addr().expect("a bound address"),
        database_url,
        static_dir: None,
        ..Config::default()
    }
}

/// The reference server, started the way its binary starts it.
pub async fn reference_server() -> TestServer {
    reference_server_with(|_| {}).await
}

/// The reference server with `configure` changing its configuration, such as its tokens.
pub async fn reference_server_with(configure: impl FnOnce(&mut Config)) -> TestServer {
    let (listener, database_dir, database_url) = bind().await;
    let base_url = base_url(&listener);
    let mut config = server_config(&listener, database_url);
    configure(&mut config);
    tokio::spawn(async move {
        goals_server::serve(listener, &config, std::future::pending())
            .await
            .expect("the reference server runs");
    });
    TestServer {
        base_url,
        _database_dir: database_dir,
    }
}

/// The reference router with `wrap` around it, such as a layer that breaks one rule.
pub async fn wrapped_server(wrap: impl FnOnce(Router) -> Router) -> TestServer {
    let (listener, database_dir, database_url) = bind().await;
    let base_url = base_url(&listener);
    let pool = goals_server::open_database(&database_url)
        .await
        .expect("the database opens");
    let config = server_config(&listener, database_url);
    let app = wrap(goals_server::router(AppState::new(pool), &config));
    tokio::spawn(async move {
        axum::serve(listener, app)
            .await
            .expect("the wrapped server runs");
    });
    TestServer {
        base_url,
        _database_dir: database_dir,
    }
}

/// The reference router with every answer passed through `break_answer`.
pub async fn broken_server<F, Fut>(break_answer: F) -> TestServer
where
    F: Fn(Response) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Response> + Send + 'static,
{
    wrapped_server(|router| router.layer(middleware::map_response(break_answer))).await
}

/// Answers a refused edit that removed a milestone with 200, as a server that forgot the
/// editing rule would (the goal itself stays as it was).
pub async fn accept_removed_milestones(response: Response) -> Response {
    if response.status() != StatusCode::UNPROCESSABLE_ENTITY {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .expect("the error body is read");
    let removed = String::from_utf8_lossy(&bytes).contains("\"milestone_removed\"");
    if removed {
        parts.status = StatusCode::OK;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Leaves out the `ETag` header of every answer.
pub async fn drop_etags(mut response: Response) -> Response {
    response.headers_mut().remove(header::ETAG);
    response
}

/// The names of the goals left on the server that the suite would have created.
pub async fn conformance_goals_left(base_url: &str) -> Vec<String> {
    let listing: serde_json::Value = reqwest::Client::new()
        .get(format!("{base_url}/goals"))
        .query(&[("q", "conformance"), ("limit", "200")])
        .send()
        .await
        .expect("the listing answers")
        .json()
        .await
        .expect("the listing is JSON");
    listing["goals"]
        .as_array()
        .expect("a list of goals")
        .iter()
        .map(|goal| goal["name"].as_str().unwrap_or_default().to_string())
        .collect()
}
