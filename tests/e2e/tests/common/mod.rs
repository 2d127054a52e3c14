//! What every end-to-end test needs: the real server on a temporary SQLite file, serving the
//! release build of the app, and headless Chromium driven over WebDriver.

#![allow(dead_code)]

pub mod analytics_page;
pub mod dashboard_page;
pub mod goal_form_page;

use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::process::{Child, Command};

/// How long a test waits for the app to show something before it fails.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// The reference server with its own database, serving `dist/`.
pub struct Studio {
    pub address: SocketAddr,
    _database_dir: TempDir,
    server: tokio::task::JoinHandle<()>,
}

impl Studio {
    pub async fn start() -> Studio {
        Studio::start_with(|_| {}).await
    }

    /// The server on its own database and loopback port, serving `dist/` at the root, with
    /// `configure` changing the rest (static dir, base path, CORS origins) before it starts.
    pub async fn start_with(configure: impl FnOnce(&mut goals_server::Config)) -> Studio {
        let database_dir = tempfile::tempdir().expect("temporary directory");
        let database_url = format!(
            "sqlite://{}",
            database_dir.path().join("goals.db").display()
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let address = listener.local_addr().expect("bound address");
        let mut config = goals_server::Config {
            listen: address,
            database_url,
            static_dir: Some(dist_dir()),
            ..goals_server::Config::default()
        };
        configure(&mut config);
        let server = tokio::spawn(async move {
            goals_server::serve(listener, &config, std::future::pending())
                .await
                .expect("server runs");
        });
        Studio {
            address,
            _database_dir: database_dir,
            server,
        }
    }

    /// The origin browsers see for pages of this server, as in `Origin` headers.
    pub fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Creates a goal through the API, as another client would.
    pub async fn create_goal(&self, name: &str) -> Value {
        let draft = json!({
            "name": name,
            "description": "Made by the end-to-end test",
            "tags": ["e2e"],
            "milestones": [{
                "name": "Email given",
                "trackers": [{ "name": "Email Address", "defaultValue": "NOT_PROVIDED" }]
            }]
        });
        let response = self.post("/api/v1/goals", &draft).await;
        assert_eq!(response.status(), 201, "creating {name}");
        response.json().await.expect("goal JSON")
    }

    /// Sends `body` as JSON to an API path, as a Goal node or another client would.
    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("API answers")
    }
}

impl Studio {
    /// The stored goal, as the API returns it.
    pub async fn goal(&self, id: &str) -> Value {
        let response = reqwest::get(self.url(&format!("/api/v1/goals/{id}")))
            .await
            .expect("API answers");
        assert_eq!(response.status(), 200, "reading goal {id}");
        response.json().await.expect("goal JSON")
    }

    /// The goal listed under this name, if any.
    pub async fn goal_named(&self, name: &str) -> Option<Value> {
        let page: Value = reqwest::get(self.url("/api/v1/goals?limit=200"))
            .await
            .expect("API answers")
            .json()
            .await
            .expect("page JSON");
        let id = page["goals"]
            .as_array()?
            .iter()
            .find(|summary| summary["name"] == name)?["id"]
            .as_str()?
            .to_string();
        Some(self.goal(&id).await)
    }

    /// Replaces a goal through the API, as another person's edit would.
    pub async fn replace_goal(&self, goal: &Value, draft: &Value) -> Value {
        let response = reqwest::Client::new()
            .put(self.url(&format!(
                "/api/v1/goals/{}",
                goal["id"].as_str().expect("id")
            )))
            .header("If-Match", format!("\"{}\"", goal["version"]))
            .json(draft)
            .send()
            .await
            .expect("API answers");
        assert_eq!(response.status(), 200, "replacing {}", goal["name"]);
        response.json().await.expect("goal JSON")
    }
}

impl Drop for Studio {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The release build of the app; `scripts/test.sh` builds it before these tests run.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("GOALS_DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dist.join("index.html").exists(),
        "no built app at {}: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// Headless Chromium behind its own chromedriver, closed when dropped.
pub struct Browser {
    pub client: Client,
    chromedriver: Child,
    _profile: TempDir,
}

impl Browser {
    pub async fn open() -> Browser {
        let port = free_port();
        let profile = tempfile::tempdir().expect("profile directory");
        // Chromium keeps a large scoped directory in TMPDIR; inside the profile it goes with it.
        let scratch = profile.path().join("tmp");
        std::fs::create_dir_all(&scratch).expect("scratch directory");
        let chromedriver = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .env("TMPDIR", &scratch)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver starts (scripts/setup.sh installs it)");

        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROME_BIN").unwrap_or("/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };

        let webdriver = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        chromedriver,
                        _profile: profile,
                    };
                }
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not accept a session: {last_error:?}");
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("page loads");
    }

    /// Waits until an element with this exact visible text or accessible name shows up.
    pub async fn wait_for_named(&self, name: &str) -> fantoccini::elements::Element {
        let xpath = format!(
            "//*[normalize-space(text())={literal} or @aria-label={literal}]",
            literal = xpath_literal(name)
        );
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("nothing named {name:?} appeared: {e}"))
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.chromedriver.kill().await;
    }
}

fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_string())
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

/// Quotes a string for XPath, which has no escape character.
fn xpath_literal(text: &str) -> String {
    if !text.contains('"') {
        return format!("\"{text}\"");
    }
    let parts: Vec<String> = text.split('"').map(|part| format!("\"{part}\"")).collect();
    format!("concat({})", parts.join(", '\"', "))
}
