//! Starts the real server in-process, on a loopback port and a temporary SQLite file, and
//! gives the tests a client and the few requests they all make.

#![allow(dead_code)]

pub mod clock;
pub mod hostile;
pub mod process;
pub mod runs;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clock::TestClock;
use goals_server::Config;
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::net::TcpListener;

/// A running server; it stops when the test's runtime does.
pub struct TestServer {
    pub client: Client,
    /// The server's clock: real time until a test moves it to another day.
    pub clock: Arc<TestClock>,
    origin: String,
    _database_dir: TempDir,
}

impl TestServer {
    /// A server of the API alone.
    pub async fn start() -> TestServer {
        TestServer::start_with(None).await
    }

    /// A server that also serves the built app from `static_dir`.
    pub async fn start_with_static_dir(static_dir: &Path) -> TestServer {
        TestServer::start_with(Some(static_dir.to_path_buf())).await
    }

    async fn start_with(static_dir: Option<PathBuf>) -> TestServer {
        TestServer::start_configured(|config| config.static_dir = static_dir).await
    }

    /// A server on its own port and database, with the rest of its configuration (static dir,
    /// base path, CORS origins) set by `configure`; the static dir is `None` unless set.
    pub async fn start_configured(configure: impl FnOnce(&mut Config)) -> TestServer {
        let database_dir = tempfile::tempdir().unwrap();
        let database = database_dir.path().join("goals.db");
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mut config = Config {
            listen: address,
            database_url: format!("sqlite://{}", database.display()),
            static_dir: None,
            ..Config::default()
        };
        configure(&mut config);
        let clock = Arc::new(TestClock::default());
        let server_clock = clock.clone();
        tokio::spawn(async move {
            goals_server::serve_with_clock(listener, &config, server_clock, std::future::pending())
                .await
                .unwrap();
        });

        let client = Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        TestServer {
            client,
            clock,
            origin: format!("http://{address}"),
            _database_dir: database_dir,
        }
    }

    /// The URL of `path` on the server, such as `/goals/new`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// The URL of `path` under the API's base, such as `/goals`.
    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.origin)
    }

    pub async fn post_goal(&self, draft: &Value) -> Response {
        self.client
            .post(self.api("/goals"))
            .json(draft)
            .send()
            .await
            .unwrap()
    }

    /// Creates a goal that must be accepted, and returns it.
    pub async fn create_goal(&self, draft: &Value) -> Value {
        let response = self.post_goal(draft).await;
        assert_eq!(response.status(), StatusCode::CREATED, "creating {draft}");
        response.json().await.unwrap()
    }

    pub async fn get_goal(&self, id: &str) -> Response {
        self.client
            .get(self.api(&format!("/goals/{id}")))
            .send()
            .await
            .unwrap()
    }

    /// The stored goal `id`, which must exist.
    pub async fn stored_goal(&self, id: &str) -> Value {
        let response = self.get_goal(id).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    pub async fn put_goal(&self, id: &str, if_match: &str, draft: &Value) -> Response {
        self.client
            .put(self.api(&format!("/goals/{id}")))
            .header("If-Match", if_match)
            .json(draft)
            .send()
            .await
            .unwrap()
    }

    /// A page of the listing, with `query` as its query parameters.
    pub async fn list(&self, query: &[(&str, &str)]) -> Response {
        self.client
            .get(self.api("/goals"))
            .query(query)
            .send()
            .await
            .unwrap()
    }
}

/// A valid draft: two milestones, the first with two trackers.
pub fn draft(name: &str) -> Value {
    json!({
        "name": name,
        "description": "Visitors who leave a way to reach them",
        "tags": ["sales"],
        "milestones": [
            {
                "name": "Email given",
                "trackers": [
                    { "name": "Email Address", "defaultValue": "NOT_PROVIDED" },
                    { "name": "Consent", "description": "Marketing opt-in", "defaultValue": "NO" }
                ]
            },
            {
                "name": "Call booked",
                "trackers": [ { "name": "Slot", "defaultValue": "NONE" } ]
            }
        ]
    })
}

/// The edit form's starting point: the goal without its own id, version and times.
pub fn draft_of(goal: &Value) -> Value {
    let mut draft = goal.clone();
    let object = draft.as_object_mut().unwrap();
    for field in ["id", "version", "createdAt", "updatedAt"] {
        object.remove(field);
    }
    draft
}

/// Status and error code of an error answer, after checking that it is the API's JSON error.
pub async fn error_of(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response.headers().get("content-type").cloned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        content_type.unwrap(),
        "application/json",
        "error body of a {status}"
    );
    assert!(
        body["error"]["message"].is_string(),
        "error without a message: {body}"
    );
    (status, body["error"].clone())
}

/// Asserts an error answer's status and code, and returns the error object.
pub async fn expect_error(response: Response, status: StatusCode, code: &str) -> Value {
    let (actual_status, error) = error_of(response).await;
    assert_eq!(
        (actual_status, error["code"].as_str().unwrap()),
        (status, code),
        "{error}"
    );
    error
}

/// The fields of a 422 `validation_failed`, each as `"<path> <code>"`.
pub async fn invalid_fields(response: Response) -> Vec<String> {
    let error = expect_error(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let fields = error["fields"].as_array().unwrap();
    fields
        .iter()
        .map(|field| {
            format!(
                "{} {}",
                field["path"].as_str().unwrap(),
                field["code"].as_str().unwrap()
            )
        })
        .collect()
}

/// Asserts a 422 refusal of an edit (`milestone_removed`, `milestone_reordered`,
/// `unknown_id`), and returns the error object.
pub async fn expect_edit_refused(response: Response, code: &str) -> Value {
    expect_error(response, StatusCode::UNPROCESSABLE_ENTITY, code).await
}
