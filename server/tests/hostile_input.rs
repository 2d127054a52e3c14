//! The API under hostile input: a table of several hundred requests against every endpoint,
//! sent byte for byte over loopback to a server on a temporary SQLite file. Malformed and
//! truncated JSON, wrong types, deep nesting, bodies of 10 MB, bytes that are not UTF-8,
//! injection payloads, absurd query values, bad `If-Match` values and ids no goal has are each
//! answered with their 4xx and the JSON error of DESIGN §4, never a 5xx or a hang; text that is
//! merely unusual (emoji, right-to-left, control characters, SQL and HTML) is valid and comes
//! back exactly as sent. Goals and records stored before the matrix are unchanged after it.

mod common;

use std::net::SocketAddr;

use chrono::{Days, Utc};
use common::hostile::{Case, Expect, RawRequest, check, send};
use common::runs::{GoalIds, achievement, funnel_draft, ids_of};
use common::{TestServer, draft, draft_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TEN_MB: usize = 10 * 1024 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_requests_get_their_4xx_and_leave_stored_goals_unchanged() {
    let server = TestServer::start().await;
    let address = address_of(&server);
    let seeded = seed(&server).await;
    let before = snapshot(&server, &seeded).await;
    let scratch = server.create_goal(&draft("Scratch goal")).await;

    let cases = matrix(&Targets::new(&seeded, &scratch));
    assert!(cases.len() >= 200, "only {} cases", cases.len());
    let (failures, created) = run_matrix(address, &cases).await;
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );

    for id in created.iter().chain([&ids_of(&scratch).goal]) {
        let response = server
            .client
            .delete(server.api(&format!("/goals/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT, "deleting {id}");
    }
    let after = snapshot(&server, &seeded).await;
    assert_eq!(before.len(), after.len());
    for ((what, was), (_, is)) in before.iter().zip(&after) {
        assert_eq!(was, is, "{what} changed under hostile input");
    }
}

fn address_of(server: &TestServer) -> SocketAddr {
    let origin = server.url("");
    origin
        .trim_start_matches("http://")
        .parse()
        .expect("the test server's origin is an address")
}

/// Sends every case in order; answers the failures, each naming its case, and the ids of the
/// goals the valid cases created. A created goal is read back, so what was stored is checked
/// as well as what was answered.
async fn run_matrix(address: SocketAddr, cases: &[Case]) -> (Vec<String>, Vec<String>) {
    let mut failures = Vec::new();
    let mut created = Vec::new();
    for case in cases {
        let response = match send(address, &case.request).await {
            Ok(response) => response,
            Err(reason) => {
                failures.push(format!("{}: {reason}", case.label));
                continue;
            }
        };
        if let Err(reason) = check(&response, &case.expect) {
            failures.push(format!("{}: {reason}", case.label));
        }
        let Some(location) = response
            .header("location")
            .filter(|_| response.status == 201)
        else {
            continue;
        };
        if let Some(id) = location.rsplit('/').next() {
            created.push(id.to_string());
        }
        let stored_check = match send(address, &RawRequest::new("GET", location)).await {
            Ok(stored) => {
                let expect = match &case.expect {
                    Expect::Json { holds, .. } => Expect::Json {
                        status: 200,
                        holds: holds.clone(),
                    },
                    _ => Expect::Status(200),
                };
                check(&stored, &expect)
            }
            Err(reason) => Err(reason),
        };
        if let Err(reason) = stored_check {
            failures.push(format!("{} (read back): {reason}", case.label));
        }
    }
    (failures, created)
}

/// The goals stored before the matrix runs.
struct Seeded {
    funnel: Value,
    hostile: Value,
    plain: Value,
    /// Customer IDs with runs, per goal id.
    customers: Vec<(String, Vec<String>)>,
}

/// A funnel edited once and with runs, a goal whose every text is hostile with runs of
/// hostile customers, and a plain goal with no runs.
async fn seed(server: &TestServer) -> Seeded {
    let funnel = server.create_goal(&funnel_draft("Seed funnel")).await;
    let mut edited = draft_of(&funnel);
    edited["description"] = json!("Edited once before the matrix");
    let funnel: Value = server
        .put_goal(funnel["id"].as_str().unwrap(), "\"1\"", &edited)
        .await
        .json()
        .await
        .unwrap();
    let ids = ids_of(&funnel);
    let email = (ids.trackers[0][0].as_str(), "alice@example.com");
    server
        .achieve(
            &ids.goal,
            &achievement("alice", Some("c1"), &ids.milestones[0], &[email]),
        )
        .await;
    server
        .achieve(
            &ids.goal,
            &achievement("alice", Some("c1"), &ids.milestones[2], &[]),
        )
        .await;
    server
        .achieve(
            &ids.goal,
            &achievement("bob", None, &ids.milestones[1], &[]),
        )
        .await;

    let hostile = server.create_goal(&hostile_goal_draft()).await;
    let hostile_ids = ids_of(&hostile);
    let hostile_customers = ["🎯 customer", "'; DROP TABLE runs; --", "a/b", "שלום"];
    for (n, customer) in hostile_customers.iter().enumerate() {
        let milestone = &hostile_ids.milestones[n % hostile_ids.milestones.len()];
        let tracker = hostile_ids.trackers[n % hostile_ids.milestones.len()][0].as_str();
        let value = [
            "=1+2",
            "<script>alert(1)</script>",
            "nul \u{0} in",
            "\u{202e}txt",
        ][n];
        let body = achievement(
            customer,
            Some("conversation"),
            milestone,
            &[(tracker, value)],
        );
        server.achieve(&hostile_ids.goal, &body).await;
    }

    let plain = server.create_goal(&draft("Seed plain")).await;
    let customers = vec![
        (ids.goal.clone(), vec!["alice".into(), "bob".into()]),
        (
            hostile_ids.goal.clone(),
            hostile_customers.iter().map(|c| c.to_string()).collect(),
        ),
    ];
    Seeded {
        funnel,
        hostile,
        plain,
        customers,
    }
}

/// A goal whose names break every rule a file name, a sheet name or a web page has: sheet
/// names Excel refuses, two long names alike in their first 31 characters, markup, SQL,
/// control characters and right-to-left text.
fn hostile_goal_draft() -> Value {
    let long = "A milestone named at such length that a sheet name must cut it";
    json!({
        "name": "Seed <b>bold</b> '; DROP TABLE goals; --",
        "description": "<script>alert('x')</script>",
        "tags": ["<i>", "'; --", "🎯"],
        "milestones": [
            { "name": "[Q1]: a/b?*\\", "trackers": [
                { "name": "Tab\there", "defaultValue": "NUL\u{0}VALUE" },
                { "name": "=SUM(A1:A9)", "defaultValue": "-2+3" }
            ] },
            { "name": format!("{long} one"), "trackers": [
                { "name": "שם", "defaultValue": "\u{202e}RTL" }
            ] },
            { "name": format!("{long} two"), "trackers": [
                { "name": "🎯", "defaultValue": "🚫" }
            ] }
        ]
    })
}

/// What the API says about the seeded goals: the whole listing, each goal with its `ETag`,
/// each customer's runs, and each goal's report and CSV export for the last week.
async fn snapshot(server: &TestServer, seeded: &Seeded) -> Vec<(String, Value)> {
    let mut parts = vec![("listing".to_string(), whole_listing(server).await)];
    let today = Utc::now().date_naive();
    let week = [
        ("from", (today - Days::new(6)).to_string()),
        ("to", today.to_string()),
    ];
    for goal in [&seeded.funnel, &seeded.hostile, &seeded.plain] {
        let id = goal["id"].as_str().unwrap();
        let response = server.get_goal(id).await;
        let etag = response.headers()["etag"].to_str().unwrap().to_string();
        let stored: Value = response.json().await.unwrap();
        parts.push((
            format!("goal {id}"),
            json!({ "etag": etag, "goal": stored }),
        ));

        let report = server
            .client
            .get(server.api(&format!("/goals/{id}/report")))
            .query(&week)
            .send()
            .await
            .unwrap();
        parts.push((format!("report of {id}"), report.json().await.unwrap()));
        let csv = server
            .client
            .get(server.api(&format!("/goals/{id}/export.csv")))
            .query(&week)
            .send()
            .await
            .unwrap();
        parts.push((
            format!("CSV export of {id}"),
            json!(csv.text().await.unwrap()),
        ));
    }
    for (goal_id, customers) in &seeded.customers {
        for customer in customers {
            let runs = server.customer_runs(goal_id, customer).await;
            parts.push((format!("runs of {customer} in {goal_id}"), runs));
        }
    }
    parts
}

async fn whole_listing(server: &TestServer) -> Value {
    let mut goals = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![("limit", "200".to_string())];
        query.extend(cursor.map(|cursor| ("cursor", cursor)));
        let page: Value = server
            .client
            .get(server.api("/goals"))
            .query(&query)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        goals.extend(page["goals"].as_array().unwrap().iter().cloned());
        match page["nextCursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return Value::Array(goals),
        }
    }
}

/// The ids and drafts the cases are written against. Refused writes aim at the seeded funnel,
/// whose snapshot then proves they wrote nothing; accepted writes aim at the scratch goal or
/// create goals of their own, all deleted before the second snapshot.
struct Targets {
    funnel: GoalIds,
    funnel_name: String,
    funnel_draft: Value,
    scratch: GoalIds,
    scratch_draft: Value,
}

impl Targets {
    fn new(seeded: &Seeded, scratch: &Value) -> Targets {
        Targets {
            funnel: ids_of(&seeded.funnel),
            funnel_name: seeded.funnel["name"].as_str().unwrap().to_string(),
            funnel_draft: draft_of(&seeded.funnel),
            scratch: ids_of(scratch),
            scratch_draft: draft_of(scratch),
        }
    }

    /// An achievement of the funnel that would be recorded if it reached the server intact.
    fn funnel_achievement(&self) -> Value {
        achievement("mallory", Some("m1"), &self.funnel.milestones[0], &[])
    }
}

fn goal_path(id: &str) -> String {
    format!("/api/v1/goals/{id}")
}

fn create() -> RawRequest {
    RawRequest::new("POST", "/api/v1/goals")
}

fn replace(id: &str) -> RawRequest {
    RawRequest::new("PUT", goal_path(id)).header("If-Match", "*")
}

fn achieve(id: &str) -> RawRequest {
    RawRequest::new("POST", format!("{}/achievements", goal_path(id)))
}

fn get(target: impl Into<String>) -> RawRequest {
    RawRequest::new("GET", target)
}

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

fn error(status: u16, code: &'static str) -> Expect {
    Expect::Error { status, code }
}

fn bad_request() -> Expect {
    error(400, "bad_request")
}

fn not_found() -> Expect {
    error(404, "not_found")
}

fn json_ok(status: u16, holds: &[(&str, Value)]) -> Expect {
    Expect::Json {
        status,
        holds: holds
            .iter()
            .map(|(pointer, value)| (pointer.to_string(), value.clone()))
            .collect(),
    }
}

/// `value` with the field at `pointer` set to `field`, creating it when missing.
fn with(value: &Value, pointer: &str, field: Value) -> Value {
    let mut value = value.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = value.pointer_mut(parent).unwrap();
    match target {
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = field,
        Value::Object(object) => {
            object.insert(key.to_string(), field);
        }
        other => *other = field,
    }
    value
}

/// Every byte outside the URL's unreserved characters written `%XX`.
fn percent_encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

fn matrix(targets: &Targets) -> Vec<Case> {
    let mut cases = Vec::new();
    cases.extend(every_endpoint_answers(targets));
    cases.extend(malformed_bodies(targets));
    cases.extend(oversized_and_nested_bodies(targets));
    cases.extend(goals_of_the_wrong_shape(targets));
    cases.extend(achievements_of_the_wrong_shape(targets));
    cases.extend(hostile_text_round_trips(targets));
    cases.extend(listing_queries());
    cases.extend(date_ranges(targets));
    cases.extend(if_match_values(targets));
    cases.extend(hostile_ids(targets));
    cases.extend(wrong_methods(targets));
    cases.extend(content_types(targets));
    cases.extend(conflicts_and_edit_rules(targets));
    cases
}

/// A valid request of each endpoint, so the rest of the table is known to reach them.
fn every_endpoint_answers(t: &Targets) -> Vec<Case> {
    let funnel = goal_path(&t.funnel.goal);
    vec![
        Case::new(
            "health",
            get("/api/v1/health"),
            json_ok(200, &[("/status", json!("ok"))]),
        ),
        Case::new(
            "health, HEAD",
            RawRequest::new("HEAD", "/api/v1/health"),
            Expect::Status(200),
        ),
        Case::new("listing", get("/api/v1/goals"), json_ok(200, &[])),
        Case::new(
            "one goal",
            get(funnel.clone()),
            json_ok(200, &[("/name", json!(t.funnel_name))]),
        ),
        Case::new(
            "a customer's runs",
            get(format!("{funnel}/customers/alice")),
            json_ok(200, &[("/customerId", json!("alice"))]),
        ),
        Case::new("report", get(format!("{funnel}/report")), json_ok(200, &[])),
        Case::new(
            "CSV export",
            get(format!("{funnel}/export.csv")),
            Expect::File {
                content_type: "text/csv",
            },
        ),
        Case::new(
            "workbook export",
            get(format!("{funnel}/export.xlsx")),
            Expect::File {
                content_type: XLSX_TYPE,
            },
        ),
        Case::new("unknown API path", get("/api/v1/nope"), not_found()),
        Case::new("unknown API version", get("/api/v2/goals"), not_found()),
        Case::new(
            "unknown goal sub-path",
            get(format!("{funnel}/nope")),
            not_found(),
        ),
        Case::new("path outside the API", get("/etc/passwd"), not_found()),
        Case::new("trailing slash", get("/api/v1/goals/"), not_found()),
        Case::new("double slash", get("/api/v1//goals"), not_found()),
    ]
}

/// The three endpoints that read a body, each with a request that a valid body would turn
/// into a write, and that valid body.
fn body_endpoints(t: &Targets) -> [(&'static str, RawRequest, Value); 3] {
    [
        ("create", create(), draft("Malformed body target")),
        ("replace", replace(&t.funnel.goal), t.funnel_draft.clone()),
        (
            "achievement",
            achieve(&t.funnel.goal),
            t.funnel_achievement(),
        ),
    ]
}

/// Bodies that are not JSON, or not only JSON: each a 400 on every endpoint with a body.
fn malformed_bodies(t: &Targets) -> Vec<Case> {
    let broken: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("blank", b"  \r\n\t ".to_vec()),
        ("open brace", b"{".to_vec()),
        ("close brace", b"}".to_vec()),
        ("key without value", br#"{"name":"#.to_vec()),
        ("unclosed object", br#"{"name":"x""#.to_vec()),
        ("trailing comma", br#"{"name":"x",}"#.to_vec()),
        ("unclosed array", b"[1,2,".to_vec()),
        ("bare word", b"nul".to_vec()),
        ("single quotes", b"{'name':'x'}".to_vec()),
        ("unquoted key", br#"{name:"x"}"#.to_vec()),
        ("trailing garbage", br#"{"name":"x"} trailing"#.to_vec()),
        ("two documents", b"{}{}".to_vec()),
        ("byte order mark", b"\xEF\xBB\xBF{}".to_vec()),
        ("lone surrogate escape", br#"{"name":"\ud800"}"#.to_vec()),
        ("invalid escape", br#"{"name":"\x41"}"#.to_vec()),
        ("number out of range", br#"{"name":1e99999}"#.to_vec()),
        ("NaN", b"NaN".to_vec()),
        (
            "raw control character in a string",
            b"{\"name\":\"a\x01b\"}".to_vec(),
        ),
        ("raw NUL byte", b"{\"name\":\"a\x00b\"}".to_vec()),
        ("comment", b"/* hi */ {}".to_vec()),
        (
            "invalid UTF-8 in a string",
            b"{\"name\":\"\xFF\xFE\"}".to_vec(),
        ),
        (
            "truncated UTF-8 sequence",
            b"{\"name\":\"\xC3\x28\"}".to_vec(),
        ),
        ("overlong UTF-8 slash", b"{\"name\":\"\xC0\xAF\"}".to_vec()),
        (
            "UTF-8 encoded surrogate",
            b"{\"name\":\"\xED\xA0\x80\"}".to_vec(),
        ),
        (
            "UTF-16 body",
            "{}".encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
    ];
    let mut cases = Vec::new();
    for (endpoint, request, valid) in body_endpoints(t) {
        for (what, body) in &broken {
            cases.push(Case::new(
                format!("{endpoint}: {what}"),
                request.clone().json(body.clone()),
                bad_request(),
            ));
        }
        let valid = bytes(&valid);
        for cut in [1, 10, valid.len() / 3, valid.len() / 2, valid.len() - 1] {
            cases.push(Case::new(
                format!("{endpoint}: cut after {cut} of {} bytes", valid.len()),
                request.clone().json(valid[..cut].to_vec()),
                bad_request(),
            ));
        }
    }
    cases
}

/// `depth` levels of `open`, then `innermost`, then as many `close`.
fn nested(depth: usize, open: &str, innermost: &str, close: &str) -> Vec<u8> {
    let mut body = open.repeat(depth);
    body.push_str(innermost);
    body.push_str(&close.repeat(depth));
    body.into_bytes()
}

/// Bodies too large to read or too deep to parse.
fn oversized_and_nested_bodies(t: &Targets) -> Vec<Case> {
    let huge_name = |size: usize| {
        let mut body = br#"{"name":""#.to_vec();
        body.resize(size - 2, b'a');
        body.extend_from_slice(br#""}"#);
        body
    };
    let mut deep_field = br#"{"name":"#.to_vec();
    deep_field.extend(nested(10_000, "[", "", "]"));
    deep_field.push(b'}');

    let mut cases = Vec::new();
    for (endpoint, request, _) in body_endpoints(t) {
        let too_large = error(413, "payload_too_large");
        cases.extend([
            Case::new(
                format!("{endpoint}: 10,000 nested arrays"),
                request.clone().json(nested(10_000, "[", "", "]")),
                bad_request(),
            ),
            Case::new(
                format!("{endpoint}: 10,000 nested objects"),
                request.clone().json(nested(10_000, "{\"a\":", "0", "}")),
                bad_request(),
            ),
            Case::new(
                format!("{endpoint}: 10,000 nested arrays in a field"),
                request.clone().json(deep_field.clone()),
                bad_request(),
            ),
            Case::new(
                format!("{endpoint}: 10 MB body"),
                request.clone().json(huge_name(TEN_MB)),
                too_large.clone(),
            ),
            Case::new(
                format!("{endpoint}: 10 MB body, chunked"),
                request.clone().json(huge_name(TEN_MB)).chunked(),
                too_large.clone(),
            ),
            Case::new(
                format!("{endpoint}: one byte over 1 MiB"),
                request.clone().json(huge_name(1024 * 1024 + 1)),
                too_large,
            ),
            Case::new(
                format!("{endpoint}: 10 MB body as text/plain"),
                request
                    .clone()
                    .header("Content-Type", "text/plain")
                    .body(huge_name(TEN_MB)),
                error(415, "unsupported_media_type"),
            ),
        ]);
    }
    cases.push(Case::new(
        "create: a name of almost 1 MiB is too long, not too large",
        create().json(huge_name(1024 * 1024)),
        error(422, "validation_failed"),
    ));
    cases
}

/// Goals with a field of the wrong type, an unknown field, or a field only the server writes,
/// on create and on replace of the funnel.
fn goals_of_the_wrong_shape(t: &Targets) -> Vec<Case> {
    let wrong: Vec<(&str, Value)> = vec![
        ("/name", json!(null)),
        ("/name", json!(5)),
        ("/name", json!(true)),
        ("/name", json!([])),
        ("/name", json!({ "$ne": "" })),
        ("/name", json!(1.5)),
        ("/description", json!(null)),
        ("/description", json!(["a"])),
        ("/tags", json!(null)),
        ("/tags", json!("sales")),
        ("/tags", json!([1])),
        ("/tags", json!([null])),
        ("/tags", json!({})),
        ("/milestones", json!(null)),
        ("/milestones", json!({})),
        ("/milestones", json!("Email given")),
        ("/milestones", json!([null])),
        ("/milestones", json!([1])),
        ("/milestones/0/name", json!(null)),
        ("/milestones/0/id", json!(5)),
        ("/milestones/0/trackers", json!(null)),
        ("/milestones/0/trackers", json!({})),
        ("/milestones/0/trackers/0", json!("Email Address")),
        ("/milestones/0/trackers/0/name", json!([])),
        ("/milestones/0/trackers/0/defaultValue", json!(null)),
        ("/milestones/0/trackers/0/defaultValue", json!(0)),
        ("/color", json!("red")),
        ("/Name", json!("case matters")),
        ("/__proto__", json!({ "admin": true })),
        ("/milestones/0/color", json!(1)),
        (
            "/milestones/0/trackers/0/default_value",
            json!("snake_case"),
        ),
    ];
    let server_fields: Vec<(&str, Value)> = vec![
        ("/id", json!("chosen-by-client")),
        ("/version", json!(99)),
        ("/createdAt", json!("2020-01-01T00:00:00Z")),
        ("/updatedAt", json!("not even a time")),
    ];
    let not_objects = [
        json!(null),
        json!([]),
        json!(["Array goal", "", [], funnel_draft("x")["milestones"]]),
        json!("a goal"),
        json!(42),
        json!(true),
    ];

    let mut cases = Vec::new();
    let endpoints = [
        ("create", create(), funnel_draft("Wrong shape target")),
        ("replace", replace(&t.funnel.goal), t.funnel_draft.clone()),
    ];
    for (endpoint, request, valid) in endpoints {
        for (pointer, value) in &wrong {
            cases.push(Case::new(
                format!("{endpoint}: {pointer} = {value}"),
                request
                    .clone()
                    .json(bytes(&with(&valid, pointer, value.clone()))),
                bad_request(),
            ));
        }
        for (pointer, value) in &server_fields {
            cases.push(Case::new(
                format!("{endpoint}: server field {pointer}"),
                request
                    .clone()
                    .json(bytes(&with(&valid, pointer, value.clone()))),
                error(422, "validation_failed"),
            ));
        }
        for body in &not_objects {
            cases.push(Case::new(
                format!("{endpoint}: body {body}"),
                request.clone().json(bytes(body)),
                bad_request(),
            ));
        }
        cases.push(Case::new(
            format!("{endpoint}: empty object"),
            request.clone().json(b"{}".to_vec()),
            error(422, "validation_failed"),
        ));
    }
    cases.push(Case::new(
        "create: a milestone id",
        create().json(bytes(&with(
            &funnel_draft("Milestone id target"),
            "/milestones/0/id",
            json!("m1"),
        ))),
        error(422, "validation_failed"),
    ));
    cases
}

/// Achievements of the wrong shape (400) or breaking a rule (422), all aimed at the funnel.
fn achievements_of_the_wrong_shape(t: &Targets) -> Vec<Case> {
    let valid = t.funnel_achievement();
    let email = &t.funnel.trackers[0][0];
    let phone = &t.funnel.trackers[1][0];
    let wrong: Vec<(&str, Value)> = vec![
        ("/customerId", json!(null)),
        ("/customerId", json!(5)),
        ("/customerId", json!(["alice"])),
        ("/conversationId", json!(5)),
        ("/milestoneId", json!(null)),
        ("/milestoneId", json!({})),
        ("/trackerValues", json!([])),
        ("/trackerValues", json!("x")),
        ("/trackerValues", json!(null)),
        ("/trackerValues", json!({ email: 5 })),
        ("/trackerValues", json!({ email: null })),
        ("/trackerValues", json!({ email: ["a"] })),
        ("/source", json!("Marketing")),
        ("/source", json!({ "type": 1, "value": "x" })),
        (
            "/source",
            json!({ "type": "Marketing", "value": "x", "extra": 1 }),
        ),
        ("/customer_id", json!("snake_case")),
        ("/goalId", json!("not a field")),
    ];
    let refused: Vec<(&str, Value)> = vec![
        ("/customerId", json!("")),
        ("/customerId", json!("c".repeat(129))),
        ("/customerId", json!("🎯".repeat(129))),
        ("/conversationId", json!("")),
        ("/conversationId", json!("c".repeat(129))),
        ("/milestoneId", json!("")),
        ("/milestoneId", json!("no-such-milestone")),
        ("/milestoneId", json!("'; DROP TABLE milestones; --")),
        ("/trackerValues", json!({ "no-such-tracker": "x" })),
        (
            "/trackerValues",
            json!({ phone: "tracker of another milestone" }),
        ),
        ("/trackerValues", json!({ email: "v".repeat(501) })),
        ("/source", json!({ "type": "", "value": "" })),
        ("/source", json!({ "type": "t".repeat(129), "value": "" })),
        (
            "/source",
            json!({ "type": "Marketing", "value": "v".repeat(501) }),
        ),
    ];

    let request = achieve(&t.funnel.goal);
    let mut cases = Vec::new();
    for (pointer, value) in wrong {
        cases.push(Case::new(
            format!("achievement: {pointer} = {value}"),
            request.clone().json(bytes(&with(&valid, pointer, value))),
            bad_request(),
        ));
    }
    for (pointer, value) in refused {
        let shown: String = value.to_string().chars().take(40).collect();
        cases.push(Case::new(
            format!("achievement: {pointer} = {shown}"),
            request.clone().json(bytes(&with(&valid, pointer, value))),
            error(422, "validation_failed"),
        ));
    }
    for body in [json!({}), json!(null), json!([]), json!("alice")] {
        let expect = if body == json!({}) {
            error(422, "validation_failed")
        } else {
            bad_request()
        };
        cases.push(Case::new(
            format!("achievement: body {body}"),
            request.clone().json(bytes(&body)),
            expect,
        ));
    }
    cases
}

/// Texts that are valid however unusual: each is stored and answered exactly as sent.
const HOSTILE_TEXTS: [&str; 20] = [
    "'; DROP TABLE goals; --",
    "\"; DELETE FROM milestones WHERE 1=1; --",
    "' OR '1'='1",
    "Robert'); DROP TABLE trackers;--",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;&amp;&gt; &#x27;",
    "🎯🚀👩‍👩‍👧‍👦 emoji",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u{202e}evil\u{202c} override",
    "nul \u{0} inside",
    "ctl \u{1}\u{7}\u{8}\u{1b}[31m red",
    "zero\u{200b}width\u{feff}joiner",
    "e\u{301}\u{301}\u{301} combining",
    "%s %n %x {} {{}}",
    "../../etc/passwd",
    "100% _like_ \\wildcards\\",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u{10ffff}",
    "line\nbreaks\r\ninside",
];

fn hostile_text_round_trips(t: &Targets) -> Vec<Case> {
    let mut cases = Vec::new();
    for (n, text) in HOSTILE_TEXTS.iter().enumerate() {
        let name = format!("Hostile {n}: {text}");
        let tag: String = text.chars().take(20).collect::<String>().trim().to_string();
        let body = json!({
            "name": name,
            "description": text,
            "tags": [tag],
            "milestones": [{
                "name": text,
                "description": text,
                "trackers": [{ "name": text, "description": text, "defaultValue": text }]
            }]
        });
        cases.push(Case::new(
            format!("create with {text:?}"),
            create().json(bytes(&body)),
            json_ok(
                201,
                &[
                    ("/name", json!(name)),
                    ("/description", json!(text)),
                    ("/tags/0", json!(tag)),
                    ("/milestones/0/name", json!(text)),
                    ("/milestones/0/trackers/0/name", json!(text)),
                    ("/milestones/0/trackers/0/defaultValue", json!(text)),
                ],
            ),
        ));
    }
    cases.extend(limit_lengths_in_characters());
    cases.extend(hostile_renames(t));
    cases.extend(hostile_runs(t));
    cases
}

/// Limits count characters, not bytes: 100 emoji are a valid name, 101 are not.
fn limit_lengths_in_characters() -> Vec<Case> {
    let at_limit = "🎯".repeat(100);
    let combining = "e\u{301}".repeat(50);
    vec![
        Case::new(
            "create with 100 emoji as the name",
            create().json(bytes(&funnel_draft(&at_limit))),
            json_ok(201, &[("/name", json!(at_limit))]),
        ),
        Case::new(
            "create with 100 characters of letters and combining accents",
            create().json(bytes(&funnel_draft(&combining))),
            json_ok(201, &[("/name", json!(combining))]),
        ),
        Case::new(
            "create with 101 emoji as the name",
            create().json(bytes(&funnel_draft(&"🚀".repeat(101)))),
            error(422, "validation_failed"),
        ),
    ]
}

fn hostile_renames(t: &Targets) -> Vec<Case> {
    HOSTILE_TEXTS
        .iter()
        .enumerate()
        .step_by(4)
        .map(|(n, text)| {
            let name = format!("Renamed {n}: {text}");
            let mut body = with(&t.scratch_draft, "/name", json!(name));
            body = with(&body, "/milestones/0/trackers/0/defaultValue", json!(text));
            Case::new(
                format!("replace the scratch goal, renamed {text:?}"),
                replace(&t.scratch.goal).json(bytes(&body)),
                json_ok(
                    200,
                    &[
                        ("/name", json!(name)),
                        ("/milestones/0/trackers/0/defaultValue", json!(text)),
                    ],
                ),
            )
        })
        .collect()
}

/// Hostile customer IDs and values are recorded on the scratch goal, then looked up by path.
fn hostile_runs(t: &Targets) -> Vec<Case> {
    let milestone = &t.scratch.milestones[0];
    let tracker = &t.scratch.trackers[0][0];
    let mut customers: Vec<String> = HOSTILE_TEXTS.iter().map(|text| text.to_string()).collect();
    customers.extend(["a/b".to_string(), "..".to_string(), "🎯".repeat(128)]);

    let mut cases = Vec::new();
    for customer in &customers {
        let value = format!("value of {customer}");
        let body = achievement(
            customer,
            Some(customer),
            milestone,
            &[(tracker.as_str(), value.as_str())],
        );
        let value_pointer = format!("/milestones/0/trackerValues/{tracker}");
        let run_value_pointer = format!("/runs/0{value_pointer}");
        cases.push(Case::new(
            format!("achievement of customer {customer:?}"),
            achieve(&t.scratch.goal).json(bytes(&body)),
            json_ok(
                200,
                &[
                    ("/customerId", json!(customer)),
                    ("/conversationId", json!(customer)),
                    ("/milestones/0/status", json!("achieved")),
                    (value_pointer.as_str(), json!(value)),
                ],
            ),
        ));
        let path = format!(
            "{}/customers/{}",
            goal_path(&t.scratch.goal),
            percent_encoded(customer)
        );
        cases.push(Case::new(
            format!("runs of customer {customer:?}"),
            get(path),
            json_ok(
                200,
                &[
                    ("/customerId", json!(customer)),
                    ("/runs/0/conversationId", json!(customer)),
                    (run_value_pointer.as_str(), json!(value)),
                ],
            ),
        ));
    }
    cases
}

/// The listing's query: absurd limits and cursors are 400, odd filters are just filters.
fn listing_queries() -> Vec<Case> {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let cursor = |text: &str| URL_SAFE_NO_PAD.encode(text);
    let long_cursor = "A".repeat(8_000);
    let refused = [
        "limit=-1".to_string(),
        "limit=0".to_string(),
        "limit=201".to_string(),
        "limit=99999999999999999999".to_string(),
        "limit=abc".to_string(),
        "limit=1.5".to_string(),
        "limit=1e3".to_string(),
        "limit=%00".to_string(),
        "limit=1&limit=2".to_string(),
        "cursor=garbage".to_string(),
        "cursor=%%%".to_string(),
        "cursor=%FF%FE".to_string(),
        format!("cursor={long_cursor}"),
        format!("cursor={}", cursor("12:")),
        format!("cursor={}", cursor("soon:abc")),
        format!("cursor={}", cursor("99999999999999999999999:x")),
    ];
    let accepted = [
        "limit=".to_string(),
        "limit=1".to_string(),
        "limit=200".to_string(),
        "limit=%20%2050%20".to_string(),
        format!("cursor={}", cursor("-1:x")),
        format!("cursor={}", cursor("9223372036854775807:\u{0}")),
        format!("cursor={}", cursor(&format!("1:{}", "x".repeat(5_000)))),
        format!("q={}", percent_encoded("'; DROP TABLE goals; --")),
        format!("q={}", percent_encoded("%_\\")),
        "q=%00".to_string(),
        "q=%FF".to_string(),
        "q=%".to_string(),
        format!("q={}", "q".repeat(10_000)),
        format!("tag={}", percent_encoded("<script>")),
        "tag=%F0%9F%8E%AF".to_string(),
        "unknown=parameter".to_string(),
    ];

    let mut cases = Vec::new();
    for query in refused {
        let shown: String = query.chars().take(60).collect();
        cases.push(Case::new(
            format!("listing ?{shown}"),
            get(format!("/api/v1/goals?{query}")),
            bad_request(),
        ));
    }
    for query in accepted {
        let shown: String = query.chars().take(60).collect();
        cases.push(Case::new(
            format!("listing ?{shown}"),
            get(format!("/api/v1/goals?{query}")),
            json_ok(200, &[]),
        ));
    }
    cases
}

/// Report and export ranges: dates that are not dates, reversed and over-long ranges are 400;
/// far but short ranges are answered.
fn date_ranges(t: &Targets) -> Vec<Case> {
    let refused = [
        "from=2026-13-45",
        "to=0000-00-00",
        "from=2026-02-30",
        "from=2026-1-1",
        "from=yesterday",
        "from=",
        "to=2025-03-01T00:00",
        "from=-0001-01-01",
        "from=+10000-01-01",
        "from=%00%00%00%00%00%00%00%00%00%00",
        "from=2025-03-10&to=2025-03-01",
        "from=0001-01-01",
        "from=1900-01-01&to=2025-01-01",
        "from=2024-01-01&to=2025-01-01",
        "from=2025-01-01&from=2025-01-02",
    ];
    let accepted = [
        "from=0001-01-01&to=0001-01-07",
        "to=0001-01-01",
        "to=9999-12-31",
        "from=9999-12-31&to=9999-12-31",
        "from=2024-01-01&to=2024-12-31",
        "from=2024-02-29&to=2024-02-29",
    ];

    let mut cases = Vec::new();
    let funnel = goal_path(&t.funnel.goal);
    let endpoints = [
        ("report", json_ok(200, &[])),
        (
            "export.csv",
            Expect::File {
                content_type: "text/csv",
            },
        ),
        (
            "export.xlsx",
            Expect::File {
                content_type: XLSX_TYPE,
            },
        ),
    ];
    for (endpoint, success) in endpoints {
        for query in refused {
            cases.push(Case::new(
                format!("{endpoint}?{query}"),
                get(format!("{funnel}/{endpoint}?{query}")),
                bad_request(),
            ));
        }
        for query in accepted {
            cases.push(Case::new(
                format!("{endpoint}?{query}"),
                get(format!("{funnel}/{endpoint}?{query}")),
                success.clone(),
            ));
        }
    }
    cases
}

/// `If-Match` values on a replace of the funnel with its own draft: malformed ones are 400,
/// versions it is not at are 412, and no header is 428. None of them may write.
fn if_match_values(t: &Targets) -> Vec<Case> {
    let body = bytes(&t.funnel_draft);
    let path = goal_path(&t.funnel.goal);
    let put = |if_match: &[u8]| {
        RawRequest::new("PUT", path.clone())
            .header("If-Match", if_match)
            .json(body.clone())
    };
    let malformed: [&[u8]; 12] = [
        b"abc",
        b"\"-1\"",
        b"\"99999999999999999999\"",
        b"",
        b"W/",
        b"W/\"\"",
        b"2",
        b"\"2",
        b"*, \"2\"",
        b"\"2\"\xFF",
        b"\"1.5\"",
        b"\"0x2\"",
    ];
    let stale: [&[u8]; 4] = [b"\"0\"", b"\"1\"", b"W/\"999\"", b"\"3\", \"4\""];

    let mut cases = Vec::new();
    for value in malformed {
        cases.push(Case::new(
            format!("replace, If-Match {:?}", String::from_utf8_lossy(value)),
            put(value),
            bad_request(),
        ));
    }
    for value in stale {
        cases.push(Case::new(
            format!("replace, If-Match {:?}", String::from_utf8_lossy(value)),
            put(value),
            error(412, "version_conflict"),
        ));
    }
    let many_stale = "\"1\",".repeat(20_000) + "\"0\"";
    cases.push(Case::new(
        "replace, If-Match listing 20,001 stale versions",
        put(many_stale.as_bytes()),
        error(412, "version_conflict"),
    ));
    cases.push(Case::new(
        "replace without If-Match",
        RawRequest::new("PUT", path.clone()).json(body.clone()),
        error(428, "precondition_required"),
    ));
    cases.push(Case::new(
        "replace without If-Match and with a text body",
        RawRequest::new("PUT", path)
            .header("Content-Type", "text/plain")
            .body(b"hello".to_vec()),
        error(428, "precondition_required"),
    ));
    cases
}

/// Ids no goal has, however they are spelled, are 404 on every endpoint of one goal; ids that
/// are not UTF-8 are 400.
fn hostile_ids(t: &Targets) -> Vec<Case> {
    let absent = [
        "%00".to_string(),
        "..".to_string(),
        "%2e%2e".to_string(),
        "%2E%2E%2F%2E%2E".to_string(),
        "a".repeat(10_000),
        percent_encoded("' OR '1'='1"),
        percent_encoded("' OR 1=1 --"),
        percent_encoded("<script>"),
        "%F0%9F%8E%AF".to_string(),
        "%20".to_string(),
        "%25".to_string(),
        "*".to_string(),
    ];
    let not_text = ["%FF%FE", "%C3%28", "%ED%A0%80"];
    let valid_goal = bytes(&draft("Unknown id target"));
    let valid_achievement = bytes(&t.funnel_achievement());

    let mut cases = Vec::new();
    for (ids, expect) in [
        (absent.to_vec(), not_found()),
        (not_text.map(String::from).to_vec(), bad_request()),
    ] {
        for id in ids {
            let path = goal_path(&id);
            let shown: String = id.chars().take(30).collect();
            let requests = [
                ("read", get(path.clone())),
                ("replace", replace(&id).json(valid_goal.clone())),
                ("delete", RawRequest::new("DELETE", path.clone())),
                ("achievement", achieve(&id).json(valid_achievement.clone())),
                ("runs", get(format!("{path}/customers/alice"))),
                ("report", get(format!("{path}/report"))),
                ("CSV export", get(format!("{path}/export.csv"))),
                ("workbook export", get(format!("{path}/export.xlsx"))),
            ];
            for (endpoint, request) in requests {
                cases.push(Case::new(
                    format!("{endpoint} of goal {shown:?}"),
                    request,
                    expect.clone(),
                ));
            }
        }
    }

    let runs = format!("{}/customers", goal_path(&t.funnel.goal));
    for customer in ["%00", "..", "%2F", "%F0%9F%8E%AF", &"c".repeat(10_000)] {
        let decoded = match customer {
            "%00" => "\u{0}".to_string(),
            "%2F" => "/".to_string(),
            "%F0%9F%8E%AF" => "🎯".to_string(),
            other => other.to_string(),
        };
        let shown: String = customer.chars().take(30).collect();
        cases.push(Case::new(
            format!("runs of never-seen customer {shown:?}"),
            get(format!("{runs}/{customer}")),
            json_ok(
                200,
                &[("/customerId", json!(decoded)), ("/runs", json!([]))],
            ),
        ));
    }
    cases.push(Case::new(
        "runs of a customer that is not UTF-8",
        get(format!("{runs}/%FF")),
        bad_request(),
    ));
    cases
}

/// Methods an endpoint does not have are 405, whatever the body.
fn wrong_methods(t: &Targets) -> Vec<Case> {
    let funnel = goal_path(&t.funnel.goal);
    let refused = [
        ("PATCH", "/api/v1/goals".to_string()),
        ("PUT", "/api/v1/goals".to_string()),
        ("DELETE", "/api/v1/goals".to_string()),
        ("OPTIONS", "/api/v1/goals".to_string()),
        ("FOO", "/api/v1/goals".to_string()),
        ("POST", funnel.clone()),
        ("PATCH", funnel.clone()),
        ("GET", format!("{funnel}/achievements")),
        ("PUT", format!("{funnel}/achievements")),
        ("DELETE", format!("{funnel}/achievements")),
        ("POST", format!("{funnel}/customers/alice")),
        ("DELETE", format!("{funnel}/customers/alice")),
        ("POST", format!("{funnel}/report")),
        ("DELETE", format!("{funnel}/report")),
        ("POST", format!("{funnel}/export.csv")),
        ("PUT", format!("{funnel}/export.xlsx")),
        ("POST", "/api/v1/health".to_string()),
        ("DELETE", "/api/v1/health".to_string()),
    ];
    refused
        .into_iter()
        .map(|(method, path)| {
            Case::new(
                format!("{method} {path}"),
                RawRequest::new(method, path).json(b"{}".to_vec()),
                error(405, "method_not_allowed"),
            )
        })
        .collect()
}

/// Bodies not declared as JSON are 415 before they are read; JSON declared in any spelling
/// is accepted.
fn content_types(t: &Targets) -> Vec<Case> {
    let refused: [Option<&[u8]>; 9] = [
        None,
        Some(b"text/plain"),
        Some(b"application/xml"),
        Some(b"application/x-www-form-urlencoded"),
        Some(b"multipart/form-data; boundary=x"),
        Some(b"application/json-patch+json"),
        Some(b"json"),
        Some(b"application/json, text/plain"),
        Some(b"application/json\xFF"),
    ];
    let accepted = [
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/json;charset=UTF-8",
        " application/json ",
    ];

    let mut cases = Vec::new();
    let endpoints = [
        ("create", create(), draft("Content type target")),
        ("replace", replace(&t.funnel.goal), t.funnel_draft.clone()),
        (
            "achievement",
            achieve(&t.funnel.goal),
            t.funnel_achievement(),
        ),
    ];
    for (endpoint, request, body) in endpoints {
        for content_type in refused {
            let mut request = request.clone().body(bytes(&body));
            if let Some(content_type) = content_type {
                request = request.header("Content-Type", content_type);
            }
            cases.push(Case::new(
                format!(
                    "{endpoint} as {:?}",
                    content_type.map(String::from_utf8_lossy)
                ),
                request,
                error(415, "unsupported_media_type"),
            ));
        }
    }
    for (n, content_type) in accepted.iter().enumerate() {
        let name = format!("Declared as {content_type} {n}");
        cases.push(Case::new(
            format!("create as {content_type:?}"),
            create()
                .header("Content-Type", *content_type)
                .body(bytes(&draft(&name))),
            json_ok(201, &[("/name", json!(name))]),
        ));
        let achievement = achievement(
            &format!("declared {n}"),
            None,
            &t.scratch.milestones[0],
            &[],
        );
        cases.push(Case::new(
            format!("achievement as {content_type:?}"),
            achieve(&t.scratch.goal)
                .header("Content-Type", *content_type)
                .body(bytes(&achievement)),
            json_ok(200, &[("/customerId", json!(format!("declared {n}")))]),
        ));
    }
    cases
}

/// Names taken ignoring case and padding are 409; edits breaking the editing rules are 422.
fn conflicts_and_edit_rules(t: &Targets) -> Vec<Case> {
    let upper = t.funnel_name.to_uppercase();
    let padded = format!("  {}\t", t.funnel_name);
    let mut cases = vec![
        Case::new(
            "create with a taken name in capitals",
            create().json(bytes(&draft(&upper))),
            error(409, "name_taken"),
        ),
        Case::new(
            "create with a taken name padded",
            create().json(bytes(&draft(&padded))),
            error(409, "name_taken"),
        ),
        Case::new(
            "replace the scratch goal with a taken name",
            replace(&t.scratch.goal).json(bytes(&with(&t.scratch_draft, "/name", json!(upper)))),
            error(409, "name_taken"),
        ),
    ];

    let mut removed = t.funnel_draft.clone();
    removed["milestones"].as_array_mut().unwrap().remove(1);
    let mut swapped = t.funnel_draft.clone();
    swapped["milestones"].as_array_mut().unwrap().swap(0, 1);
    let mut new_first = t.funnel_draft.clone();
    let first = json!({ "name": "Sneaked in", "trackers": [{ "name": "T", "defaultValue": "D" }] });
    new_first["milestones"]
        .as_array_mut()
        .unwrap()
        .insert(0, first);
    let unknown = with(
        &t.funnel_draft,
        "/milestones/0/id",
        json!("no-such-milestone"),
    );
    let moved_tracker = t.funnel_draft["milestones"][1]["trackers"][0].clone();
    let mut moved = t.funnel_draft.clone();
    moved["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .push(moved_tracker);
    let scratch_tracker = with(
        &t.funnel_draft,
        "/milestones/0/trackers/0/id",
        json!(t.scratch.trackers[0][0]),
    );
    for (what, body, code) in [
        ("a milestone removed", removed, "milestone_removed"),
        ("two milestones swapped", swapped, "milestone_reordered"),
        ("a new milestone first", new_first, "milestone_reordered"),
        ("an unknown milestone id", unknown, "unknown_id"),
        ("a tracker moved", moved, "unknown_id"),
        ("another goal's tracker", scratch_tracker, "unknown_id"),
    ] {
        cases.push(Case::new(
            format!("replace the funnel with {what}"),
            replace(&t.funnel.goal).json(bytes(&body)),
            error(422, code),
        ));
    }
    cases
}
