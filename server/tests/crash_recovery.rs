//! Nothing acknowledged is lost when the server process dies. Each trial starts the real
//! `goals-server` binary on a fresh SQLite file, fires a burst of creates, edits and
//! achievements from several tasks, kills the process with SIGKILL at a random moment of the
//! burst, and restarts it on the same file: every write that was answered with a 2xx must be
//! there, and SQLite must find the file sound.
//!
//! The server runs SQLite in WAL mode with `synchronous = NORMAL`: a commit reaches the
//! operating system before it is acknowledged, which is what survives the death of the process
//! (a power cut could still take the last commits; that is outside what this test can show).

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

const TRIALS: u64 = 20;
const CREATORS: usize = 3;
const EDITORS: usize = 2;
const ACHIEVERS: usize = 3;

/// The server's answer to one request may not take longer than this, burst or not.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(3);
const START_TIMEOUT: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_write_survives_a_kill_in_the_middle_of_a_burst() {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos() as u64)
        .unwrap_or_default();
    let mut random = SplitMix64(seed);
    let started = Instant::now();

    let mut acknowledged = 0;
    for trial in 0..TRIALS {
        let kill_after = Duration::from_millis(20 + random.next() % 181);
        let label = format!("trial {trial} (seed {seed}, killed after {kill_after:?})");
        acknowledged += run_trial(trial, kill_after, &label).await;
    }
    assert!(acknowledged > 0, "no burst got a write acknowledged");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{TRIALS} trials took {:?}",
        started.elapsed()
    );
}

/// One start, burst, kill, restart and check; answers how many writes were acknowledged.
async fn run_trial(trial: u64, kill_after: Duration, label: &str) -> usize {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("goals.db");
    let static_dir = folder.path().join("static");
    std::fs::create_dir(&static_dir).unwrap();
    let client = Client::builder().timeout(REQUEST_TIMEOUT).build().unwrap();

    let mut server = RunningServer::start(&database, &static_dir).await;
    let targets = Targets::create(&client, &server.api, trial).await;
    let journal = Arc::new(Mutex::new(Journal::default()));
    let burst = spawn_burst(&client, &server.api, &targets, &journal, trial);
    tokio::time::sleep(kill_after).await;
    server.kill();
    for worker in burst {
        worker.await.unwrap();
    }
    assert_sound(&database, label).await;

    let server = RunningServer::start(&database, &static_dir).await;
    let journal = journal.lock().unwrap().clone();
    check_journal(&client, &server.api, &targets, &journal, label).await;
    drop(server);
    assert_sound(&database, label).await;
    journal.created.len() + journal.edits.len() + journal.achievements.len()
}

/// The `goals-server` binary, started on a free port; killed with SIGKILL when dropped.
struct RunningServer {
    child: Child,
    api: String,
}

impl RunningServer {
    /// Starts the server and waits for its health check; a port taken meanwhile by another
    /// process is retried on another one.
    async fn start(database: &Path, static_dir: &Path) -> RunningServer {
        for _ in 0..3 {
            let port = free_port();
            let mut child = Command::new(env!("CARGO_BIN_EXE_goals-server"))
                .arg("--listen")
                .arg(format!("127.0.0.1:{port}"))
                .arg("--database")
                .arg(format!("sqlite://{}", database.display()))
                .arg("--static-dir")
                .arg(static_dir)
                .env("RUST_LOG", "error")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("the goals-server binary starts");
            let api = format!("http://127.0.0.1:{port}/api/v1");
            if wait_until_healthy(&mut child, &api).await {
                return RunningServer { child, api };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!(
            "goals-server did not become healthy on {}",
            database.display()
        );
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// True once `/health` answers; false if the process exits first or never answers.
async fn wait_until_healthy(child: &mut Child, api: &str) -> bool {
    let client = Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline {
        if child.try_wait().ok().flatten().is_some() {
            return false;
        }
        if let Ok(response) = client.get(format!("{api}/health")).send().await
            && response.status() == StatusCode::OK
        {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    false
}

/// Goals created before the burst: one per editor to edit, and a funnel for the achievements.
#[derive(Debug, Clone)]
struct Targets {
    edited: Vec<Value>,
    funnel_id: String,
    milestone_ids: Vec<String>,
}

impl Targets {
    async fn create(client: &Client, api: &str, trial: u64) -> Targets {
        let mut edited = Vec::new();
        for editor in 0..EDITORS {
            edited.push(create_goal(client, api, &format!("Trial {trial} edited {editor}")).await);
        }
        let funnel = create_goal(client, api, &format!("Trial {trial} funnel")).await;
        let milestone_ids = funnel["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|milestone| milestone["id"].as_str().unwrap().to_string())
            .collect();
        Targets {
            edited,
            funnel_id: funnel["id"].as_str().unwrap().to_string(),
            milestone_ids,
        }
    }
}

async fn create_goal(client: &Client, api: &str, name: &str) -> Value {
    let response = client
        .post(format!("{api}/goals"))
        .json(&goal_draft(name, ""))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "creating {name}");
    response.json().await.unwrap()
}

fn goal_draft(name: &str, description: &str) -> Value {
    json!({
        "name": name,
        "description": description,
        "milestones": [
            { "name": "Email given", "trackers": [{ "name": "Email", "defaultValue": "NONE" }] },
            { "name": "Phone given", "trackers": [{ "name": "Phone", "defaultValue": "NONE" }] },
            { "name": "Call booked", "trackers": [{ "name": "Slot", "defaultValue": "NONE" }] }
        ]
    })
}

/// Every write the server acknowledged with a 2xx, with what it wrote.
#[derive(Debug, Clone, Default)]
struct Journal {
    /// Goal id and name.
    created: Vec<(String, String)>,
    /// Per edited goal, the highest version acknowledged and the description it holds.
    edits: HashMap<String, (i64, String)>,
    /// Customer ID and the milestone acknowledged as achieved.
    achievements: Vec<(String, String)>,
}

/// Starts the creators, editors and achievers; each stops at its first failed request, which
/// comes once the server is killed.
fn spawn_burst(
    client: &Client,
    api: &str,
    targets: &Targets,
    journal: &Arc<Mutex<Journal>>,
    trial: u64,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut workers = Vec::new();
    for creator in 0..CREATORS {
        let (client, api, journal) = (client.clone(), api.to_string(), journal.clone());
        workers.push(tokio::spawn(async move {
            for n in 0.. {
                let name = format!("Trial {trial} creator {creator} goal {n}");
                let Some(goal) = write(
                    client
                        .post(format!("{api}/goals"))
                        .json(&goal_draft(&name, "")),
                )
                .await
                else {
                    return;
                };
                let id = goal["id"].as_str().unwrap().to_string();
                journal.lock().unwrap().created.push((id, name));
            }
        }));
    }
    for goal in targets.edited.iter().cloned() {
        let (client, api, journal) = (client.clone(), api.to_string(), journal.clone());
        workers.push(tokio::spawn(edit_until_failure(client, api, goal, journal)));
    }
    for achiever in 0..ACHIEVERS {
        let (client, api, journal) = (client.clone(), api.to_string(), journal.clone());
        let targets = targets.clone();
        workers.push(tokio::spawn(async move {
            let url = format!("{api}/goals/{}/achievements", targets.funnel_id);
            for n in 0.. {
                let customer = format!("achiever-{achiever}-customer-{n}");
                let milestone = &targets.milestone_ids[n % targets.milestone_ids.len()];
                let body = json!({
                    "customerId": customer,
                    "conversationId": "burst",
                    "milestoneId": milestone,
                    "trackerValues": {}
                });
                if write(client.post(&url).json(&body)).await.is_none() {
                    return;
                }
                journal
                    .lock()
                    .unwrap()
                    .achievements
                    .push((customer, milestone.clone()));
            }
        }));
    }
    workers
}

/// Replaces the goal again and again, each time from the version the last answer gave.
async fn edit_until_failure(
    client: Client,
    api: String,
    goal: Value,
    journal: Arc<Mutex<Journal>>,
) {
    let id = goal["id"].as_str().unwrap().to_string();
    let url = format!("{api}/goals/{id}");
    let mut draft = goal.clone();
    for field in ["id", "version", "createdAt", "updatedAt"] {
        draft.as_object_mut().unwrap().remove(field);
    }
    let mut version = goal["version"].as_i64().unwrap();
    for n in 0.. {
        let description = format!("edit {n}");
        draft["description"] = json!(description);
        let request = client
            .put(&url)
            .header("If-Match", format!("\"{version}\""))
            .json(&draft);
        let Some(stored) = write(request).await else {
            return;
        };
        version = stored["version"].as_i64().unwrap();
        journal
            .lock()
            .unwrap()
            .edits
            .insert(id.clone(), (version, description));
    }
}

/// The body of a 2xx answer, read to its end; `None` for anything else, including a
/// connection cut by the kill.
async fn write(request: reqwest::RequestBuilder) -> Option<Value> {
    let response = request.send().await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    response.json().await.ok()
}

/// Every acknowledged write is in the restarted server's answers.
async fn check_journal(
    client: &Client,
    api: &str,
    targets: &Targets,
    journal: &Journal,
    label: &str,
) {
    for (id, name) in &journal.created {
        let goal = read(client, &format!("{api}/goals/{id}")).await;
        assert_eq!(goal["name"], json!(name), "{label}: created goal {id}");
    }
    for (id, (version, description)) in &journal.edits {
        let goal = read(client, &format!("{api}/goals/{id}")).await;
        let stored = goal["version"].as_i64().unwrap();
        assert!(
            stored >= *version,
            "{label}: goal {id} is at version {stored}, acknowledged at {version}"
        );
        if stored == *version {
            assert_eq!(
                goal["description"],
                json!(description),
                "{label}: goal {id}"
            );
        }
    }
    let funnel = format!("{api}/goals/{}", targets.funnel_id);
    for (customer, milestone) in &journal.achievements {
        let runs = read(client, &format!("{funnel}/customers/{customer}")).await;
        let reached = runs["runs"][0]["milestones"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|progress| progress["milestoneId"] == json!(milestone));
        assert_eq!(
            reached.map(|progress| progress["status"].clone()),
            Some(json!("achieved")),
            "{label}: {customer} reached {milestone}: {runs}"
        );
    }
}

async fn read(client: &Client, url: &str) -> Value {
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "reading {url}");
    response.json().await.unwrap()
}

/// SQLite finds the file sound: its integrity check passes and no row lost its parent.
async fn assert_sound(database: &Path, label: &str) {
    let mut connection = SqliteConnectOptions::new()
        .filename(PathBuf::from(database))
        .connect()
        .await
        .unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut connection)
        .await
        .unwrap();
    let orphans = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut connection)
        .await
        .unwrap();
    connection.close().await.unwrap();
    assert_eq!(integrity, "ok", "{label}: integrity check");
    assert_eq!(orphans.len(), 0, "{label}: rows whose parent is gone");
}

/// A small generator of pseudo-random numbers (SplitMix64), seeded from the clock; the seed is
/// in every failure message so a failing run can be told apart.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.0;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }
}
