//! `GET /health`: the one check that needs no goal.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{Suite, expect_status, parse};
use crate::report::{Outcome, Report, ensure};

pub async fn run(suite: &Suite, report: &mut Report) {
    report.record(
        "health: 200 {\"status\":\"ok\"}",
        health_answers_ok(suite).await,
    );
}

async fn health_answers_ok(suite: &Suite) -> Outcome {
    let answer = suite.client().get(&["health"]).await?;
    expect_status(&answer, StatusCode::OK)?;
    let body: Value = parse(&answer, "JSON")?;
    ensure(body == json!({ "status": "ok" }), || format!("got {body}"))
}
