//! `GET /goals/{id}/export.csv` and `/export.xlsx`: both answer in their format, and the CSV
//! holds a row per milestone state the suite recorded, with the tracker values. The
//! workbook's sheets are not opened: that it arrives as a workbook (a zip file) is what any
//! server can be held to without a spreadsheet reader here.

use chrono::NaiveDate;
use goals_core::Goal;
use reqwest::StatusCode;

use super::achievements::{achieve, achievement};
use super::{Suite, expect_error, expect_status, lead_draft, record_setup, shared};
use crate::client::Answer;
use crate::report::{Failure, Outcome, Report, ensure, fail};

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The goal with two runs recorded, what the CSV must show of them, and the days the server
/// recorded them on.
struct Recorded {
    goal: Goal,
    /// `(customer ID, value)` pairs that must share a row.
    expected_cells: Vec<(String, String)>,
    /// Milestone states recorded: the CSV has one row for each.
    states: usize,
    range: [(&'static str, String); 2],
}

pub async fn run(suite: &Suite, report: &mut Report) {
    let recorded = match record_runs(suite).await {
        Ok(recorded) => recorded,
        Err(failure) => return record_setup(report, "export", failure),
    };

    let csv = export(suite, &recorded, "export.csv").await;
    report.record(
        "export: CSV 200 text/csv with a header row",
        shared(&csv).and_then(csv_with_heading),
    );
    report.record(
        "export: CSV has a row per recorded milestone state, with its values",
        shared(&csv).and_then(|answer| csv_rows(answer, &recorded)),
    );
    report.record(
        "export: XLSX 200 with the spreadsheet content type and a zip signature",
        xlsx(suite, &recorded).await,
    );
    report.record(
        "export: an unknown goal answers 404 not_found",
        unknown_goal(suite).await,
    );
}

/// Customer 1 reaches "Call booked" with a slot, skipping "Email given" (two states);
/// customer 2 gives an email and consent (one state).
async fn record_runs(suite: &Suite) -> Result<Recorded, Failure> {
    let goal = suite
        .create_goal(&lead_draft(&suite.goal_name("export")))
        .await?;
    let [email, consent] = [0, 1].map(|t| goal.milestones[0].trackers[t].id.as_str());
    let slot = goal.milestones[1].trackers[0].id.as_str();
    let booking = suite.customer_id("booking");
    let emailing = suite.customer_id("emailing");

    let bodies = [
        achievement(
            &booking,
            Some("x"),
            &goal.milestones[1].id,
            &[(slot, "Tuesday 10:00")],
        ),
        achievement(
            &emailing,
            Some("y"),
            &goal.milestones[0].id,
            &[(email, "ada@example.test"), (consent, "YES")],
        ),
    ];
    let mut days: Vec<NaiveDate> = Vec::new();
    for body in &bodies {
        let run = achieve(suite, &goal.id, body).await?;
        days.extend(
            run.milestones
                .iter()
                .filter_map(|m| m.recorded_at.map(|at| at.date_naive())),
        );
    }
    let (Some(from), Some(to)) = (days.iter().min(), days.iter().max()) else {
        return Err(fail("no recordedAt in the runs' progress"));
    };

    let expected_cells = [
        (&booking, "NOT_PROVIDED"),
        (&booking, "Tuesday 10:00"),
        (&emailing, "ada@example.test"),
        (&emailing, "YES"),
    ]
    .map(|(customer, value)| (customer.clone(), value.to_string()))
    .to_vec();
    let range = [("from", from.to_string()), ("to", to.to_string())];
    Ok(Recorded {
        goal,
        expected_cells,
        states: 3,
        range,
    })
}

async fn export(suite: &Suite, recorded: &Recorded, file: &str) -> Result<Answer, Failure> {
    let query: Vec<(&str, &str)> = recorded
        .range
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    let answer = suite
        .client()
        .get_with_query(&["goals", &recorded.goal.id, file], &query)
        .await?;
    Ok(answer)
}

fn csv_with_heading(answer: &Answer) -> Outcome {
    expect_status(answer, StatusCode::OK)?;
    let media_type = answer.media_type();
    ensure(media_type.as_deref() == Some("text/csv"), || {
        format!("Content-Type is {:?}", answer.header("content-type"))
    })?;
    let heading = csv_records(answer)?.into_iter().next().unwrap_or_default();
    ensure(heading.iter().any(|cell| !cell.is_empty()), || {
        "the CSV has no header row".to_string()
    })
}

fn csv_rows(answer: &Answer, recorded: &Recorded) -> Outcome {
    expect_status(answer, StatusCode::OK)?;
    let records = csv_records(answer)?;
    let rows = records.get(1..).unwrap_or_default();
    ensure(rows.len() == recorded.states, || {
        format!(
            "{} rows under the header, expected {}",
            rows.len(),
            recorded.states
        )
    })?;
    for (customer, value) in &recorded.expected_cells {
        let found = rows
            .iter()
            .any(|row| row.contains(customer) && row.contains(value));
        ensure(found, || {
            format!("no row holds both {customer:?} and {value:?}")
        })?;
    }
    Ok(())
}

/// Every record of the CSV body, the header row first.
fn csv_records(answer: &Answer) -> Result<Vec<Vec<String>>, Failure> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(answer.body.as_slice());
    reader
        .records()
        .map(|record| {
            record
                .map(|record| record.iter().map(str::to_string).collect())
                .map_err(|error| fail(format!("the CSV does not parse: {error}")))
        })
        .collect()
}

async fn xlsx(suite: &Suite, recorded: &Recorded) -> Outcome {
    let answer = export(suite, recorded, "export.xlsx").await?;
    expect_status(&answer, StatusCode::OK)?;
    ensure(answer.media_type().as_deref() == Some(XLSX_TYPE), || {
        format!("Content-Type is {:?}", answer.header("content-type"))
    })?;
    ensure(answer.body.starts_with(b"PK"), || {
        format!(
            "the body starts with {:?}, not a zip signature",
            &answer.body[..answer.body.len().min(4)]
        )
    })
}

async fn unknown_goal(suite: &Suite) -> Outcome {
    let answer = suite
        .client()
        .get(&["goals", &suite.unknown_id(), "export.csv"])
        .await?;
    expect_error(&answer, StatusCode::NOT_FOUND, "not_found").map(drop)
}
