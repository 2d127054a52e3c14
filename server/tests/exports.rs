//! The CSV and workbook exports over real HTTP: achievements are recorded through the API on
//! days the test clock chooses, then the exports are read back with the `csv` crate and
//! calamine.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::{DateTime, SecondsFormat, Utc};
use common::clock::date;
use common::runs::{GoalIds, achievement, ids_of};
use common::{TestServer, draft, draft_of, expect_error};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

const CSV_TYPE: &str = "text/csv; charset=utf-8";
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const CSV_FIXED: [&str; 7] = [
    "Date-time (UTC)",
    "Milestone",
    "Customer ID",
    "Conversation ID",
    "Source type",
    "Source value",
    "Status",
];

async fn export(
    server: &TestServer,
    goal_id: &str,
    format: &str,
    query: &[(&str, &str)],
) -> Response {
    server
        .client
        .get(server.api(&format!("/goals/{goal_id}/export.{format}")))
        .query(query)
        .send()
        .await
        .unwrap()
}

/// The CSV export's heading and rows, after checking that it was sent as CSV.
async fn csv_export(
    server: &TestServer,
    goal_id: &str,
    query: &[(&str, &str)],
) -> (Vec<String>, Vec<Vec<String>>) {
    let response = export(server, goal_id, "csv", query).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], CSV_TYPE);
    let body = response.bytes().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_ref());
    let heading = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect();
    (heading, rows)
}

/// The workbook export, opened, after checking that it was sent as a workbook.
async fn workbook_export(
    server: &TestServer,
    goal_id: &str,
    query: &[(&str, &str)],
) -> Xlsx<Cursor<Vec<u8>>> {
    let response = export(server, goal_id, "xlsx", query).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], XLSX_TYPE);
    let body = response.bytes().await.unwrap();
    open_workbook_from_rs(Cursor::new(body.to_vec())).unwrap()
}

/// A sheet's cells as text: numbers as written, date-times as `date:<Excel serial>` to a
/// millisecond or so, empty cells as "".
fn sheet(workbook: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<String>> {
    let range = workbook.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::DateTime(date_time) => excel_text(date_time.as_f64()),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn excel_text(serial: f64) -> String {
    format!("date:{serial:.8}")
}

/// A recorded time as the workbook shows it: days since Excel's day zero, 1899-12-30.
fn excel_serial(time: DateTime<Utc>) -> String {
    excel_text(25_569.0 + time.timestamp_micros() as f64 / 86_400_000_000.0)
}

fn time(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
}

/// When the API says milestone `index` of a run was recorded.
fn recorded_at(progress: &Value, index: usize) -> DateTime<Utc> {
    time(
        progress["milestones"][index]["recordedAt"]
            .as_str()
            .unwrap(),
    )
}

/// The "Lead captured" goal of [`draft`] ("Email given" with Email Address and Consent,
/// "Call booked" with Slot), with three records on 2024-05-01: conversation A reached "Call
/// booked" from a campaign, skipping "Email given"; conversation B gave an email and no
/// consent. Returns the goal's ids and the two runs' progress.
async fn lead_goal_with_records(server: &TestServer) -> (GoalIds, Value, Value) {
    let ids = ids_of(&server.create_goal(&draft("Lead captured")).await);
    server.clock.set_today(date("2024-05-01"));
    let mut from_campaign = achievement(
        "customer-1",
        Some("conversation-A"),
        &ids.milestones[1],
        &[(&ids.trackers[1][0], "Tuesday 10:00")],
    );
    from_campaign["source"] = json!({ "type": "Marketing", "value": "Spring campaign" });
    let run_a = server.achieve(&ids.goal, &from_campaign).await;
    let email = achievement(
        "customer-1",
        Some("conversation-B"),
        &ids.milestones[0],
        &[(&ids.trackers[0][0], "ada@example.com")],
    );
    let run_b = server.achieve(&ids.goal, &email).await;
    (ids, run_a, run_b)
}

/// A time as the CSV writes it.
fn csv_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

#[tokio::test]
async fn csv_has_a_row_per_recorded_milestone_state_and_a_column_per_tracker() {
    let server = TestServer::start().await;
    let (ids, run_a, run_b) = lead_goal_with_records(&server).await;

    let (heading, mut rows) = csv_export(&server, &ids.goal, &[]).await;

    let mut expected_heading = CSV_FIXED.to_vec();
    expected_heading.extend(["Email Address", "Consent", "Slot"]);
    assert_eq!(heading, expected_heading);
    let times: Vec<&String> = rows.iter().map(|row| &row[0]).collect();
    assert!(times.is_sorted(), "rows in time order: {times:?}");
    // The skip and the achievement it came with share their time; order them by milestone.
    rows.sort();
    let (a, b) = (
        csv_time(recorded_at(&run_a, 1)),
        csv_time(recorded_at(&run_b, 0)),
    );
    assert_eq!(csv_time(recorded_at(&run_a, 0)), a);
    assert_eq!(
        rows,
        [
            [
                &a,
                "Call booked",
                "customer-1",
                "conversation-A",
                "Marketing",
                "Spring campaign",
                "achieved",
                "",
                "",
                "Tuesday 10:00",
            ],
            [
                &a,
                "Email given",
                "customer-1",
                "conversation-A",
                "Marketing",
                "Spring campaign",
                "skipped",
                "NOT_PROVIDED",
                "NO",
                "",
            ],
            [
                &b,
                "Email given",
                "customer-1",
                "conversation-B",
                "",
                "",
                "achieved",
                "ada@example.com",
                "NO",
                "",
            ],
        ]
    );
}

#[tokio::test]
async fn csv_is_an_attachment_named_after_the_goal_and_the_last_seven_days() {
    let server = TestServer::start().await;
    server.clock.set_today(date("2024-05-01"));
    let ids = ids_of(&server.create_goal(&draft("Lead captured: EMEA!")).await);

    let response = export(&server, &ids.goal, "csv", &[]).await;

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"lead-captured-emea-2024-04-25-2024-05-01.csv\""
    );
    assert_eq!(response.headers()["cache-control"], "private, no-store");
}

#[tokio::test]
async fn exports_keep_only_records_within_the_range() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&draft("Lead captured")).await);
    for (customer, day) in [
        ("april-30", "2024-04-30"),
        ("may-1", "2024-05-01"),
        ("may-2", "2024-05-02"),
    ] {
        server.clock.set_today(date(day));
        let body = achievement(customer, None, &ids.milestones[0], &[]);
        server.achieve(&ids.goal, &body).await;
    }

    let range = [("from", "2024-05-01"), ("to", "2024-05-01")];
    let (_, rows) = csv_export(&server, &ids.goal, &range).await;
    let customers: Vec<&str> = rows.iter().map(|row| row[2].as_str()).collect();
    assert_eq!(customers, ["may-1"]);

    let mut workbook = workbook_export(&server, &ids.goal, &range).await;
    let rows = sheet(&mut workbook, "Email given");
    let customers: Vec<&str> = rows[1..].iter().map(|row| row[1].as_str()).collect();
    assert_eq!(customers, ["may-1"]);

    let march = [("from", "2024-03-01"), ("to", "2024-03-31")];
    let (heading, rows) = csv_export(&server, &ids.goal, &march).await;
    assert_eq!(heading.len(), CSV_FIXED.len() + 3);
    assert!(rows.is_empty());
}

#[tokio::test]
async fn deleted_trackers_keep_their_recorded_values_in_both_exports() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&draft("Lead captured")).await;
    let ids = ids_of(&goal);
    let values = [
        (ids.trackers[0][0].as_str(), "ada@example.com"),
        (&ids.trackers[0][1], "YES"),
    ];
    let body = achievement("customer-1", None, &ids.milestones[0], &values);
    server.achieve(&ids.goal, &body).await;

    let mut without_consent = draft_of(&goal);
    without_consent["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .remove(1);
    let response = server.put_goal(&ids.goal, "\"1\"", &without_consent).await;
    assert_eq!(response.status(), StatusCode::OK);

    let (heading, rows) = csv_export(&server, &ids.goal, &[]).await;
    assert_eq!(heading[7..], ["Email Address", "Consent (deleted)", "Slot"]);
    assert_eq!(rows[0][7..], ["ada@example.com", "YES", ""]);

    let mut workbook = workbook_export(&server, &ids.goal, &[]).await;
    let rows = sheet(&mut workbook, "Email given");
    assert_eq!(rows[0][6..], ["Email Address", "Consent (deleted)"]);
    assert_eq!(rows[1][6..], ["ada@example.com", "YES"]);
}

#[tokio::test]
async fn csv_defuses_what_a_spreadsheet_would_run_as_a_formula() {
    let server = TestServer::start().await;
    let mut formulas = draft("Formulas");
    formulas["milestones"][0]["trackers"][0]["name"] = json!("=cmd");
    let ids = ids_of(&server.create_goal(&formulas).await);
    let hyperlink = "=HYPERLINK(\"http://evil.example\",\"x\")";
    let values = [
        (ids.trackers[0][0].as_str(), hyperlink),
        (&ids.trackers[0][1], "+1 555 0100"),
    ];
    let mut body = achievement("@customer", Some("-1"), &ids.milestones[0], &values);
    body["source"] = json!({ "type": "Ad", "value": "=1+2" });
    server.achieve(&ids.goal, &body).await;

    let (heading, rows) = csv_export(&server, &ids.goal, &[]).await;

    assert_eq!(heading[7], "'=cmd");
    assert_eq!(rows[0][2..6], ["'@customer", "'-1", "Ad", "'=1+2"]);
    assert_eq!(
        rows[0][7..9],
        [format!("'{hyperlink}"), "'+1 555 0100".to_string()]
    );

    // The workbook writes text as text, never as a formula: it needs no apostrophe.
    let mut workbook = workbook_export(&server, &ids.goal, &[]).await;
    let rows = sheet(&mut workbook, "Email given");
    assert_eq!(rows[0][6], "=cmd");
    assert_eq!(rows[1][6], hyperlink);
}

#[tokio::test]
async fn workbook_has_a_trend_sheet_and_a_sheet_per_milestone() {
    let server = TestServer::start().await;
    let (ids, run_a, run_b) = lead_goal_with_records(&server).await;
    let range = [("from", "2024-04-30"), ("to", "2024-05-02")];

    let response = export(&server, &ids.goal, "xlsx", &range).await;
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"lead-captured-2024-04-30-2024-05-02.xlsx\""
    );
    let mut workbook = workbook_export(&server, &ids.goal, &range).await;

    assert_eq!(
        workbook.sheet_names(),
        ["Trend", "Email given", "Call booked"]
    );
    let email_given = sheet(&mut workbook, "Email given");
    let (a, b) = (
        excel_serial(recorded_at(&run_a, 0)),
        excel_serial(recorded_at(&run_b, 0)),
    );
    assert_eq!(
        email_given,
        [
            vec![
                "Date-time (UTC)",
                "Customer ID",
                "Conversation ID",
                "Source type",
                "Source value",
                "Status",
                "Email Address",
                "Consent",
            ],
            vec![
                &a,
                "customer-1",
                "conversation-A",
                "Marketing",
                "Spring campaign",
                "skipped",
                "NOT_PROVIDED",
                "NO",
            ],
            vec![
                &b,
                "customer-1",
                "conversation-B",
                "",
                "",
                "achieved",
                "ada@example.com",
                "NO",
            ],
        ]
    );
    let call_booked = sheet(&mut workbook, "Call booked");
    assert_eq!(call_booked[0][6..], ["Slot"]);
    assert_eq!(
        call_booked[1],
        [
            &a,
            "customer-1",
            "conversation-A",
            "Marketing",
            "Spring campaign",
            "achieved",
            "Tuesday 10:00",
        ]
    );

    // 2024-04-30 is day 45412 in Excel's count.
    let trend = sheet(&mut workbook, "Trend");
    assert_eq!(
        trend,
        [
            [
                "Date",
                "Email given: Achieved",
                "Email given: Unique users",
                "Call booked: Achieved",
                "Call booked: Unique users",
            ]
            .map(String::from),
            [&excel_text(45_412.0), "0", "0", "0", "0"].map(String::from),
            [&excel_text(45_413.0), "1", "1", "1", "1"].map(String::from),
            [&excel_text(45_414.0), "0", "0", "0", "0"].map(String::from),
        ]
    );
}

#[tokio::test]
async fn sheet_names_are_made_valid_and_unique() {
    let server = TestServer::start().await;
    let mut odd_names = draft("Odd names");
    let milestone = |name: &str| json!({ "name": name, "trackers": [{ "name": "Amount", "defaultValue": "0" }] });
    odd_names["milestones"] = json!([
        milestone("Paid? [card/cash]"),
        milestone("trend"),
        milestone("A milestone whose name goes on and on"),
        milestone("A milestone whose name goes on and on, again"),
    ]);
    let ids = ids_of(&server.create_goal(&odd_names).await);

    let workbook = workbook_export(&server, &ids.goal, &[]).await;

    assert_eq!(
        workbook.sheet_names(),
        [
            "Trend",
            "Paid card-cash",
            "trend (2)",
            "A milestone whose name goes on",
            "A milestone whose name goes (2)",
        ]
    );
}

#[tokio::test]
async fn a_long_export_reads_every_record_once_across_pages() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&draft("Busy goal")).await);
    // One record alone, then pairs that share their time (a skip and an achievement), so
    // that a page of 500 ends between two records of the same microsecond.
    let first = achievement("customer-first", None, &ids.milestones[0], &[]);
    server.achieve(&ids.goal, &first).await;
    let customers = 300;
    for customer in 0..customers {
        let body = achievement(
            &format!("customer-{customer:03}"),
            None,
            &ids.milestones[1],
            &[],
        );
        server.achieve(&ids.goal, &body).await;
    }

    let (_, rows) = csv_export(&server, &ids.goal, &[]).await;

    let records = customers * 2 + 1;
    assert_eq!(rows.len(), records);
    let mut seen: Vec<(&str, &str)> = rows
        .iter()
        .map(|row| (row[2].as_str(), row[1].as_str()))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), records);

    let mut workbook = workbook_export(&server, &ids.goal, &[]).await;
    assert_eq!(sheet(&mut workbook, "Email given").len(), customers + 2);
    assert_eq!(sheet(&mut workbook, "Call booked").len(), customers + 1);
}

#[tokio::test]
async fn exports_refuse_malformed_reversed_or_too_long_ranges() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&draft("Lead captured")).await);

    for format in ["csv", "xlsx"] {
        for query in [
            vec![("from", "2024-5-01")],
            vec![("to", "yesterday")],
            vec![("from", "2024-02-30")],
            vec![("from", "2024-05-02"), ("to", "2024-05-01")],
            vec![("from", "2020-01-01"), ("to", "2024-05-01")],
        ] {
            let response = export(&server, &ids.goal, format, &query).await;
            expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
        }
    }
}

#[tokio::test]
async fn exports_of_an_unknown_goal_are_not_found() {
    let server = TestServer::start().await;

    for format in ["csv", "xlsx"] {
        let response = export(&server, "no-such-goal", format, &[]).await;
        expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
    }
}
