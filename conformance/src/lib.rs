//! goals-conformance: checks any server against the Goals API contract (DESIGN §3 and §4) as
//! a black box over HTTP.
//!
//! [`run`] creates its own goals, named `conformance <run id> …` so that it can share a
//! server with real data, drives every endpoint through them, and deletes them again whatever
//! the checks found. Each check is one line of the [`Report`]; the binary prints it and exits
//! non-zero when any check failed.

pub mod checks;
pub mod client;
pub mod report;

use client::{Client, ClientError};
use report::{Failure, Report};

/// Runs every check against the API at `base_url` (such as `http://localhost:8080/api/v1`),
/// sending `Authorization: Bearer <token>` when a token is given.
pub async fn run(base_url: &str, token: Option<&str>) -> Report {
    run_with(base_url, token, Report::new(false)).await
}

/// [`run`], printing each check to stdout as soon as it has run.
pub async fn run_live(base_url: &str, token: Option<&str>) -> Report {
    run_with(base_url, token, Report::new(true)).await
}

/// When nothing answers at the base URL the report holds the one failed `connect` check,
/// rather than every check failing the same way.
async fn run_with(base_url: &str, token: Option<&str>, mut report: Report) -> Report {
    let connect = format!("connect: a server answers at {base_url}");
    let client = match Client::new(base_url, token) {
        Ok(client) => client,
        Err(error) => {
            report.record(connect, Err(error.into()));
            return report;
        }
    };
    if let Err(error @ ClientError::Unreachable { .. }) = client.get(&["health"]).await {
        report.record(connect, Err(Failure::from(error)));
        return report;
    }

    checks::Suite::new(client).run_all(&mut report).await;
    report
}
