//! Figures of the runtime endpoints: how fast achievements are recorded over HTTP, how long a
//! report takes as recorded achievements grow to ten thousand, a hundred thousand and a
//! million, and what a CSV and a workbook export of a hundred thousand cost in time and memory.
//!
//! Run with `cargo bench -p goals-server --bench runtime`; `GOALS_BENCH_MAX=100000` stops after
//! the hundred-thousand step. It prints figures and asserts nothing about time: a slow machine
//! is not a failure.
//!
//! The real server runs in-process on `127.0.0.1:0` over a temporary SQLite file. Beyond the
//! HTTP measurement, achievements are loaded through the same router, handlers and store the
//! server uses, called in-process (no sockets) by a few concurrent loaders, with a clock that
//! spreads them over the 30 days the reports cover.

use std::env;
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Days, NaiveDate, Utc};
use goals_server::{AppState, Clock, Config};
use reqwest::Client;
use serde_json::{Value, json};
use sqlx::SqlitePool;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower::ServiceExt;

const MILESTONES: usize = 5;
const TRACKERS: usize = 3;
const DAYS: u64 = 30;
const HTTP_ACHIEVEMENTS: usize = 2_000;
const HTTP_CLIENTS: usize = 4;
const LOADERS: usize = 4;
/// Up to this many achievements are recorded one by one through the store; beyond it, the
/// records are multiplied in SQL (see [`Loader::copy`]).
const RECORDED_MAX: usize = 100_000;
const REPORT_SAMPLES: usize = 20;
/// Customers the loaded runs are spread over; each comes back on many days.
const CUSTOMERS: usize = 20_000;
const STEPS: [usize; 3] = [10_000, 100_000, 1_000_000];

type BenchResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

#[tokio::main]
async fn main() -> BenchResult<()> {
    let max = match env::var("GOALS_BENCH_MAX") {
        Ok(text) => text.parse::<usize>()?,
        Err(_) => 1_000_000,
    };
    let database_dir = tempfile::tempdir()?;
    let database_url = format!(
        "sqlite://{}",
        database_dir.path().join("bench.db").display()
    );
    let server = BenchServer::start(&database_url).await?;
    let loader = Loader::open(&database_url).await?;
    let goal = server.create_goal().await?;
    let mut summary = Summary::default();
    println!("goal: {MILESTONES} milestones x {TRACKERS} trackers; database {database_url}");

    let rate = server.record_over_http(&goal).await?;
    println!(
        "HTTP: {HTTP_ACHIEVEMENTS} achievements from {HTTP_CLIENTS} concurrent clients: \
         {rate:.0} achievements/s"
    );
    summary.add("achievements over HTTP", format!("{rate:.0} /s"));
    println!(
        "loading up to {}: the server's router called in-process by {LOADERS} concurrent \
         loaders (same handlers and store as HTTP, no sockets), runs of up to {MILESTONES} \
         achievements spread over the last {DAYS} days and {CUSTOMERS} customers",
        thousands(RECORDED_MAX)
    );

    let mut recorded = HTTP_ACHIEVEMENTS;
    for step in STEPS.into_iter().filter(|step| *step <= max) {
        let started = Instant::now();
        if step <= RECORDED_MAX {
            let loaded = loader.load(&goal, recorded, step - recorded).await?;
            let seconds = started.elapsed().as_secs_f64();
            recorded += loaded;
            println!(
                "loaded {loaded} achievements in {seconds:.1} s ({:.0}/s); {recorded} recorded",
                loaded as f64 / seconds
            );
        } else {
            let copies = step / recorded;
            loader.copy(&goal, copies).await?;
            recorded *= copies;
            println!(
                "multiplied the records by {copies} in SQL in {:.1} s, under new customer \
                 and conversation IDs, with the daily roll-ups multiplied to match (recording \
                 {} more through the store would take too long here); {recorded} recorded",
                started.elapsed().as_secs_f64(),
                step - recorded / copies
            );
        }

        let latency = server.report_latency(&goal).await?;
        println!(
            "report over {DAYS} days at {recorded} achievements: median {:.1} ms, max {:.1} ms \
             ({REPORT_SAMPLES} requests)",
            millis(latency.median),
            millis(latency.max)
        );
        summary.add(
            &format!("report median at {}", thousands(step)),
            format!("{:.1} ms", millis(latency.median)),
        );

        if step == 100_000 {
            for format in ["csv", "xlsx"] {
                let export = server.export(&goal, format).await?;
                println!(
                    "{format} export at {recorded} achievements: {:.2} s, {:.1} MB, \
                     peak memory {} (resident before: {})",
                    export.elapsed.as_secs_f64(),
                    export.bytes as f64 / 1e6,
                    export.peak,
                    export.resident_before
                );
                summary.add(
                    &format!("{format} export at 100k"),
                    format!(
                        "{:.2} s, peak {}",
                        export.elapsed.as_secs_f64(),
                        export.peak
                    ),
                );
            }
        }
    }

    server.stop();
    println!("\n{}", summary.table());
    Ok(())
}

/// The server under test, and a client of it.
struct BenchServer {
    client: Client,
    origin: String,
    stop: Option<oneshot::Sender<()>>,
}

impl BenchServer {
    async fn start(database_url: &str) -> BenchResult<BenchServer> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let config = Config {
            listen: address,
            database_url: database_url.to_string(),
            static_dir: None,
            ..Config::default()
        };
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            if let Err(error) = goals_server::serve(listener, &config, shutdown).await {
                eprintln!("the server stopped: {error}");
            }
        });

        let server = BenchServer {
            client: Client::builder()
                .timeout(Duration::from_secs(600))
                .build()?,
            origin: format!("http://{address}/api/v1"),
            stop: Some(stop),
        };
        for _ in 0..100 {
            if server
                .client
                .get(server.url("/health"))
                .send()
                .await
                .is_ok()
            {
                return Ok(server);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("the server did not start".into())
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    async fn create_goal(&self) -> BenchResult<Goal> {
        let milestones: Vec<Value> = (1..=MILESTONES)
            .map(|m| {
                let trackers: Vec<Value> = (1..=TRACKERS)
                    .map(|t| json!({ "name": format!("Tracker {t}"), "defaultValue": "NOT_PROVIDED" }))
                    .collect();
                json!({ "name": format!("Step {m}"), "trackers": trackers })
            })
            .collect();
        let draft = json!({ "name": "Benchmark funnel", "milestones": milestones });
        let response = self
            .client
            .post(self.url("/goals"))
            .json(&draft)
            .send()
            .await?;
        if response.status() != StatusCode::CREATED {
            return Err(format!("creating the goal answered {}", response.status()).into());
        }
        Goal::from_json(&response.json().await?)
    }

    /// Achievements per second over HTTP, each client walking its own runs.
    async fn record_over_http(&self, goal: &Goal) -> BenchResult<f64> {
        let started = Instant::now();
        let per_client = HTTP_ACHIEVEMENTS / HTTP_CLIENTS;
        let clients = (0..HTTP_CLIENTS).map(|client| {
            let http = self.client.clone();
            let url = self.url(&format!("/goals/{}/achievements", goal.id));
            let bodies: Vec<Value> = (0..per_client)
                .map(|index| goal.achievement(client * per_client + index, "http"))
                .collect();
            tokio::spawn(async move {
                for body in bodies {
                    let status = http.post(&url).json(&body).send().await?.status();
                    if status != StatusCode::OK {
                        return Err(format!("recording answered {status}").into());
                    }
                }
                BenchResult::Ok(())
            })
        });
        for client in clients.collect::<Vec<_>>() {
            client.await??;
        }
        Ok(HTTP_ACHIEVEMENTS as f64 / started.elapsed().as_secs_f64())
    }

    async fn report_latency(&self, goal: &Goal) -> BenchResult<Latency> {
        let today = Utc::now().date_naive();
        let from = today - Days::new(DAYS - 1);
        let url = self.url(&format!("/goals/{}/report?from={from}&to={today}", goal.id));
        let mut samples = Vec::with_capacity(REPORT_SAMPLES);
        for _ in 0..REPORT_SAMPLES {
            let started = Instant::now();
            let response = self.client.get(&url).send().await?;
            let status = response.status();
            response.bytes().await?;
            samples.push(started.elapsed());
            if status != StatusCode::OK {
                return Err(format!("the report answered {status}").into());
            }
        }
        samples.sort();
        Ok(Latency {
            median: samples[samples.len() / 2],
            max: samples[samples.len() - 1],
        })
    }

    /// Downloads the export of the last 30 days chunk by chunk, as a client saving it would,
    /// with the process's peak memory reset just before.
    async fn export(&self, goal: &Goal, format: &str) -> BenchResult<Export> {
        let today = Utc::now().date_naive();
        let from = today - Days::new(DAYS - 1);
        let url = self.url(&format!(
            "/goals/{}/export.{format}?from={from}&to={today}",
            goal.id
        ));
        let resident_before = memory_status("VmRSS:");
        let peak_reset = reset_peak_memory();

        let started = Instant::now();
        let mut response = self.client.get(&url).send().await?;
        if response.status() != StatusCode::OK {
            return Err(format!("the {format} export answered {}", response.status()).into());
        }
        let mut bytes = 0;
        while let Some(chunk) = response.chunk().await? {
            bytes += chunk.len();
        }
        let elapsed = started.elapsed();

        let peak = memory_status("VmHWM:");
        Ok(Export {
            elapsed,
            bytes,
            peak: if peak_reset {
                peak
            } else {
                format!("{peak} (since start: the peak could not be reset)")
            },
            resident_before,
        })
    }
}

/// Records achievements through the server's router without sockets, on a clock that places
/// them on the day the loader chooses.
struct Loader {
    router: Router,
    pool: SqlitePool,
    clock: Arc<BenchClock>,
}

impl Loader {
    async fn open(database_url: &str) -> BenchResult<Loader> {
        let pool = goals_server::open_database(database_url).await?;
        let clock = Arc::new(BenchClock::default());
        let state = AppState::with_clock(pool.clone(), clock.clone());
        let api_only = Config {
            static_dir: None,
            ..Config::default()
        };
        let router = goals_server::router(state, &api_only);
        Ok(Loader {
            router,
            pool,
            clock,
        })
    }

    /// Records `count` achievements, numbered on from `first`, spread evenly over the last
    /// [`DAYS`] days, one day after the other; returns how many were recorded.
    async fn load(&self, goal: &Goal, first: usize, count: usize) -> BenchResult<usize> {
        let today = Utc::now().date_naive();
        let per_day = count.div_ceil(DAYS as usize);
        let mut recorded = 0;
        for day in 0..DAYS {
            let date = today - Days::new(DAYS - 1 - day);
            let todays = per_day.min(count - recorded);
            self.clock.start_day(date);
            self.record_concurrently(goal, first + recorded, todays)
                .await?;
            recorded += todays;
        }
        Ok(recorded)
    }

    async fn record_concurrently(
        &self,
        goal: &Goal,
        first: usize,
        count: usize,
    ) -> BenchResult<()> {
        let uri = format!("/api/v1/goals/{}/achievements", goal.id);
        // Each loader takes whole runs, so a run's achievements stay in order.
        let loaders = (0..LOADERS).map(|loader| {
            let router = self.router.clone();
            let uri = uri.clone();
            let bodies: Vec<Value> = (0..count)
                .filter(|index| (index / MILESTONES) % LOADERS == loader)
                .map(|index| goal.achievement(first + index, "load"))
                .collect();
            tokio::spawn(async move {
                for body in bodies {
                    let request = Request::post(uri.as_str())
                        .header("content-type", "application/json")
                        .body(Body::from(serde_json::to_vec(&body)?))?;
                    let status = router.clone().oneshot(request).await?.status();
                    if status != StatusCode::OK {
                        return Err(format!("recording answered {status}").into());
                    }
                }
                BenchResult::Ok(())
            })
        });
        for loader in loaders.collect::<Vec<_>>() {
            loader.await??;
        }
        Ok(())
    }
}

impl Loader {
    /// Multiplies the goal's records by `copies`: every run, milestone state, tracker value
    /// and customer-day is copied `copies - 1` times under customer, conversation and run IDs
    /// suffixed `~<copy>`, and the daily counts are multiplied by `copies`. The copies are
    /// disjoint populations with the same behaviour, so every figure of the report scales
    /// exactly, and the tables grow as if they had been recorded.
    async fn copy(&self, goal: &Goal, copies: usize) -> BenchResult<()> {
        let mut transaction = self.pool.begin().await?;
        for copy in 1..copies {
            let suffix = format!("~{copy}");
            for statement in COPY_STATEMENTS {
                sqlx::query(statement)
                    .bind(&goal.id)
                    .bind(&suffix)
                    .execute(&mut *transaction)
                    .await?;
            }
        }
        let factor = i64::try_from(copies)?;
        for statement in SCALE_STATEMENTS {
            sqlx::query(statement)
                .bind(&goal.id)
                .bind(factor)
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await?;
        Ok(())
    }
}

/// Copies of the records recorded so far (those without `~` in their IDs): `$1` is the goal,
/// `$2` the suffix of the copy.
const COPY_STATEMENTS: [&str; 5] = [
    "INSERT INTO runs (id, goal_id, customer_id, conversation_id, completed, completed_at,
                       furthest_milestone_id, created_at, updated_at)
     SELECT id || $2, goal_id, customer_id || $2, conversation_id || $2, completed,
            completed_at, furthest_milestone_id, created_at, updated_at
     FROM runs WHERE goal_id = $1 AND instr(id, '~') = 0",
    "INSERT INTO run_milestones (run_id, milestone_id, goal_id, status, recorded_at,
                                 source_type, source_value)
     SELECT run_id || $2, milestone_id, goal_id, status, recorded_at, source_type, source_value
     FROM run_milestones WHERE goal_id = $1 AND instr(run_id, '~') = 0",
    "INSERT INTO run_tracker_values (run_id, milestone_id, tracker_id, value, recorded_at)
     SELECT v.run_id || $2, v.milestone_id, v.tracker_id, v.value, v.recorded_at
     FROM run_tracker_values v JOIN runs r ON r.id = v.run_id
     WHERE r.goal_id = $1 AND instr(v.run_id, '~') = 0",
    "INSERT INTO daily_goal_customers (goal_id, day, customer_id)
     SELECT goal_id, day, customer_id || $2
     FROM daily_goal_customers WHERE goal_id = $1 AND instr(customer_id, '~') = 0",
    "INSERT INTO daily_milestone_customers (goal_id, milestone_id, day, customer_id)
     SELECT goal_id, milestone_id, day, customer_id || $2
     FROM daily_milestone_customers WHERE goal_id = $1 AND instr(customer_id, '~') = 0",
];

/// The daily counts of `copies` disjoint populations: `$1` is the goal, `$2` the factor.
const SCALE_STATEMENTS: [&str; 2] = [
    "UPDATE daily_milestone_counts
     SET achieved = achieved * $2, skipped = skipped * $2, unique_users = unique_users * $2,
         drop_off = drop_off * $2
     WHERE goal_id = $1",
    "UPDATE daily_goal_completions SET completed = completed * $2 WHERE goal_id = $1",
];

/// A clock that hands out a new microsecond at each reading, from the start of the day it was
/// last set to, so loaded achievements keep their order and land on that day.
#[derive(Debug, Default)]
struct BenchClock {
    next_micros: AtomicI64,
}

impl BenchClock {
    fn start_day(&self, date: NaiveDate) {
        let midnight = date.and_hms_opt(0, 0, 0).map(|time| time.and_utc());
        let micros = midnight.map_or(0, |time| time.timestamp_micros());
        self.next_micros.store(micros, Ordering::SeqCst);
    }
}

impl Clock for BenchClock {
    fn now(&self) -> DateTime<Utc> {
        let micros = self.next_micros.fetch_add(1, Ordering::SeqCst);
        DateTime::from_timestamp_micros(micros).unwrap_or_default()
    }
}

/// The ids of the benchmark goal.
struct Goal {
    id: String,
    milestones: Vec<String>,
    trackers: Vec<Vec<String>>,
}

impl Goal {
    fn from_json(goal: &Value) -> BenchResult<Goal> {
        let text = |value: &Value| value.as_str().map(str::to_string).ok_or("an id is missing");
        let milestones = goal["milestones"].as_array().ok_or("no milestones")?;
        let mut trackers = Vec::new();
        for milestone in milestones {
            let ids = milestone["trackers"].as_array().ok_or("no trackers")?;
            trackers.push(
                ids.iter()
                    .map(|t| text(&t["id"]))
                    .collect::<Result<_, _>>()?,
            );
        }
        Ok(Goal {
            id: text(&goal["id"])?,
            milestones: milestones
                .iter()
                .map(|m| text(&m["id"]))
                .collect::<Result<_, _>>()?,
            trackers,
        })
    }

    /// Achievement number `index`: runs take [`MILESTONES`] numbers each and walk the goal in
    /// order, except that every seventh run jumps from the second milestone to the fourth
    /// (skipping the third); every third run gives a source. Runs are spread over
    /// [`CUSTOMERS`] customers, each run in a conversation of its own.
    fn achievement(&self, index: usize, prefix: &str) -> Value {
        let run = index / MILESTONES;
        let mut step = index % MILESTONES;
        if run.is_multiple_of(7) && step == 2 {
            step = 3;
        }
        let values: serde_json::Map<String, Value> = self.trackers[step]
            .iter()
            .enumerate()
            .map(|(t, tracker)| (tracker.clone(), json!(format!("value {t} of run {run}"))))
            .collect();
        let mut body = json!({
            "customerId": format!("{prefix}-customer-{}", run % CUSTOMERS),
            "conversationId": format!("{prefix}-conversation-{run}"),
            "milestoneId": self.milestones[step],
            "trackerValues": values,
        });
        if run.is_multiple_of(3) {
            body["source"] =
                json!({ "type": "Marketing", "value": format!("campaign {}", run % 10) });
        }
        body
    }
}

struct Latency {
    median: Duration,
    max: Duration,
}

struct Export {
    elapsed: Duration,
    bytes: usize,
    peak: String,
    resident_before: String,
}

/// The figures of the closing table, in the order they were measured.
#[derive(Default)]
struct Summary {
    rows: Vec<(String, String)>,
}

impl Summary {
    fn add(&mut self, figure: &str, value: String) {
        self.rows.push((figure.to_string(), value));
    }

    fn table(&self) -> String {
        let width = self
            .rows
            .iter()
            .map(|(figure, _)| figure.len())
            .max()
            .unwrap_or(0);
        let mut table = format!(
            "{:<width$} | value\n{}-|------\n",
            "figure",
            "-".repeat(width)
        );
        for (figure, value) in &self.rows {
            let _ = writeln!(table, "{figure:<width$} | {value}");
        }
        table
    }
}

/// A line of `/proc/self/status` such as `VmHWM:`, as `123.4 MB`; "unknown" off Linux.
fn memory_status(field: &str) -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or_else(
            || "unknown".to_string(),
            |kb| format!("{:.1} MB", kb / 1024.0),
        )
}

/// Resets the process's peak resident memory (`VmHWM`) to its current size, so the next
/// reading is the peak of what follows; false where Linux does not allow it.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn thousands(count: usize) -> String {
    match count {
        1_000_000.. => format!("{}M", count / 1_000_000),
        1_000.. => format!("{}k", count / 1_000),
        _ => count.to_string(),
    }
}
