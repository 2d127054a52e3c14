//! The goal analytics page in headless Chromium, fed by a stand-in API behind `fetch`. The
//! stand-in answers in the order requests arrive: the goal first, then its report, then
//! whatever the test does next.

#![cfg(target_arch = "wasm32")]

mod browser;

use browser::analytics_page::AnalyticsPage;
use browser::{fake_api, mount, requests, sent_requests, wait_until};
use chrono::{DateTime, Days};
use goals_studio::analytics::GoalAnalyticsPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A saved tracker as `(id, name, default value)`.
type SavedTracker<'a> = (&'a str, &'a str, &'a str);
/// A saved milestone as `(id, name, trackers)`.
type SavedMilestone<'a> = (&'a str, &'a str, &'a [SavedTracker<'a>]);

fn goal(name: &str, milestones: &[SavedMilestone]) -> Value {
    let milestones: Vec<Value> = milestones
        .iter()
        .map(|(id, name, trackers)| {
            let trackers: Vec<Value> = trackers
                .iter()
                .map(|(id, name, default_value)| {
                    json!({ "id": id, "name": name, "description": format!("What {name} holds"),
                        "defaultValue": default_value })
                })
                .collect();
            json!({ "id": id, "name": name, "description": "", "trackers": trackers })
        })
        .collect();
    json!({
        "id": "g1", "name": name, "description": "Leads from the website", "tags": [],
        "milestones": milestones, "version": 2,
        "createdAt": "2026-01-01T10:00:00Z", "updatedAt": "2026-01-02T10:00:00Z"
    })
}

fn lead_captured() -> Value {
    goal(
        "Lead captured",
        &[
            (
                "m1",
                "Email given",
                &[("t1", "Email Address", "NOT_PROVIDED")],
            ),
            (
                "m2",
                "Demo booked",
                &[("t2", "Date", "NO_DATE"), ("t3", "Product", "NONE")],
            ),
            ("m3", "Signed up", &[("t4", "Plan", "NO_PLAN")]),
        ],
    )
}

/// A milestone's line of the report: `(id, name, achieved, skipped, unique users, drop-off)`.
type MilestoneCounts<'a> = (&'a str, &'a str, u64, u64, u64, u64);

fn report(
    from: &str,
    to: &str,
    figures: (u64, u64),
    milestones: &[MilestoneCounts],
    trend: Value,
) -> Value {
    let milestones: Vec<Value> = milestones
        .iter()
        .map(|(id, name, achieved, skipped, users, drop_off)| {
            json!({ "milestoneId": id, "name": name, "achieved": achieved, "skipped": skipped,
                "uniqueUsers": users, "dropOff": drop_off })
        })
        .collect();
    json!({ "from": from, "to": to, "goalAchieved": figures.0, "uniqueUsers": figures.1,
        "milestones": milestones, "trend": trend })
}

/// A point of the trend: `(milestone id, achieved, unique users)`.
fn day(date: &str, points: &[(&str, u64, u64)]) -> Value {
    let points: Vec<Value> = points
        .iter()
        .map(|(id, achieved, users)| {
            json!({ "milestoneId": id, "achieved": achieved, "uniqueUsers": users })
        })
        .collect();
    json!({ "date": date, "milestones": points })
}

/// Three days of Lead captured; the third day recorded nothing.
fn busy_report() -> Value {
    report(
        "2026-01-01",
        "2026-01-03",
        (2, 9),
        &[
            ("m1", "Email given", 10, 0, 9, 2),
            ("m2", "Demo booked", 5, 3, 8, 4),
            ("m3", "Signed up", 2, 0, 2, 0),
        ],
        json!([
            day("2026-01-01", &[("m1", 4, 3), ("m2", 2, 2), ("m3", 1, 1)]),
            day("2026-01-02", &[("m1", 6, 5), ("m2", 3, 3), ("m3", 1, 1)]),
            day("2026-01-03", &[]),
        ]),
    )
}

fn empty_report(from: &str, to: &str) -> Value {
    report(
        from,
        to,
        (0, 0),
        &[
            ("m1", "Email given", 0, 0, 0, 0),
            ("m2", "Demo booked", 0, 0, 0, 0),
            ("m3", "Signed up", 0, 0, 0, 0),
        ],
        json!([day(from, &[]), day(to, &[])]),
    )
}

/// A milestone of a run: `(id, name, status, tracker values)`.
fn progress(conversation_id: Option<&str>, milestones: &[(&str, &str, &str, Value)]) -> Value {
    let milestones: Vec<Value> = milestones
        .iter()
        .map(|(id, name, status, values)| {
            let recorded_at = (*status != "pending").then_some("2026-01-02T09:30:00Z");
            json!({ "milestoneId": id, "name": name, "status": status,
                "trackerValues": values, "recordedAt": recorded_at })
        })
        .collect();
    let completed = milestones.iter().all(|m| m["status"] != "pending");
    json!({ "goalId": "g1", "customerId": "cust-1", "conversationId": conversation_id,
        "completed": completed, "milestones": milestones })
}

fn refusal(status_code: &str, message: &str, fields: Value) -> Value {
    json!({ "error": { "code": status_code, "message": message, "fields": fields } })
}

/// Opens `/goals/g1` beside stand-ins for the listing and the edit form.
fn open_analytics() -> AnalyticsPage {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/goals/g1"))
        .unwrap();
    let root = mount(|| {
        view! {
            <Router>
                <Routes fallback=|| "no such page">
                    <Route path=path!("/goals") view=|| view! { <p class="listing">"Goals listing"</p> }/>
                    <Route path=path!("/goals/:id/edit") view=|| view! { <p class="edit-form">"Edit form"</p> }/>
                    <Route path=path!("/goals/:id") view=GoalAnalyticsPage/>
                </Routes>
            </Router>
        }
    });
    AnalyticsPage { root }
}

/// Opens the page on Lead captured with `report` as the first report.
async fn open_with_report(report: Value, then: &[(u16, Value)]) -> AnalyticsPage {
    let mut answers = vec![(200, lead_captured()), (200, report)];
    answers.extend_from_slice(then);
    fake_api(&answers);
    let page = open_analytics();
    wait_until("the report", || page.figure("Goal Achieved").is_some()).await;
    page
}

fn report_requests() -> Vec<String> {
    requests()
        .into_iter()
        .filter(|request| request.contains("/report?"))
        .collect()
}

#[wasm_bindgen_test]
async fn figures_and_milestones_come_from_the_report() {
    let page = open_with_report(busy_report(), &[]).await;

    assert_eq!(page.heading(), "Lead captured");
    assert_eq!(page.figure("Goal Achieved").as_deref(), Some("2"));
    assert_eq!(page.figure("Unique Users").as_deref(), Some("9"));
    assert_eq!(
        page.milestone_rows(),
        [
            ["Email given", "10", "0", "9", "2"],
            ["Demo booked", "5", "3", "8", "4"],
            ["Signed up", "2", "0", "2", "0"],
        ]
    );
    let sent = requests();
    assert!(
        sent[0].starts_with("GET ") && sent[0].ends_with("/api/v1/goals/g1"),
        "{sent:?}"
    );
    assert!(
        sent[1].contains("/api/v1/goals/g1/report?from="),
        "{sent:?}"
    );
}

#[wasm_bindgen_test]
async fn the_report_covers_the_last_seven_days_by_default() {
    let today = DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap()
        .date_naive();
    let week_ago = today.checked_sub_days(Days::new(6)).unwrap();

    let page = open_with_report(busy_report(), &[]).await;

    assert_eq!(page.date("Start date"), week_ago.to_string());
    assert_eq!(page.date("End date"), today.to_string());
    assert!(
        report_requests()[0].ends_with(&format!("/report?from={week_ago}&to={today}")),
        "{:?}",
        report_requests()
    );
}

#[wasm_bindgen_test]
async fn changing_the_dates_fetches_the_report_for_the_new_range() {
    let later = report(
        "2025-12-01",
        "2025-12-31",
        (7, 30),
        &[("m1", "Email given", 30, 0, 30, 23)],
        json!([day("2025-12-01", &[("m1", 30, 30)])]),
    );
    let page = open_with_report(busy_report(), &[(200, later)]).await;

    page.set_date("Start date", "2025-12-01");
    page.set_date("End date", "2025-12-31");
    wait_until("the new figures", || {
        page.figure("Unique Users").as_deref() == Some("30")
    })
    .await;

    let last = report_requests().last().cloned().unwrap();
    assert!(
        last.ends_with("/report?from=2025-12-01&to=2025-12-31"),
        "{last}"
    );
    assert_eq!(page.figure("Goal Achieved").as_deref(), Some("7"));
}

#[wasm_bindgen_test]
async fn an_end_date_before_the_start_date_is_refused_without_a_request() {
    let page = open_with_report(busy_report(), &[]).await;
    let sent_before = requests().len();

    page.set_date("End date", "2000-01-01");
    page.set_date("Start date", "2000-01-05");
    wait_until("the range message", || page.range_error().is_some()).await;

    assert_eq!(
        page.range_error().as_deref(),
        Some("The end date is before the start date.")
    );
    browser::settle_for(100).await;
    assert_eq!(requests().len(), sent_before, "{:?}", requests());
    assert!(
        page.export_links().is_empty(),
        "no export of a reversed range"
    );
}

#[wasm_bindgen_test]
async fn a_range_longer_than_a_year_is_refused_without_a_request() {
    let page = open_with_report(busy_report(), &[]).await;
    let sent_before = requests().len();

    page.set_date("End date", "2001-12-31");
    page.set_date("Start date", "2000-01-01");
    wait_until("the range message", || page.range_error().is_some()).await;

    let message = page.range_error().unwrap();
    assert!(message.contains("at most 366 days"), "{message}");
    browser::settle_for(100).await;
    assert_eq!(requests().len(), sent_before, "{:?}", requests());
}

#[wasm_bindgen_test]
async fn the_trend_switches_between_achieved_and_unique_users() {
    let page = open_with_report(busy_report(), &[]).await;

    assert!(page.pressed("Achieved"));
    assert_eq!(page.legend(), ["Email given", "Demo booked", "Signed up"]);
    assert_eq!(
        page.chart_lines(),
        ["Email given", "Demo booked", "Signed up"]
    );
    let points = page.chart_points();
    assert_eq!(points.len(), 9, "a point per milestone and day: {points:?}");
    assert!(
        points.contains(&"Email given, 2026-01-02: 6 achieved".to_string()),
        "{points:?}"
    );
    assert!(
        points.contains(&"Signed up, 2026-01-03: 0 achieved".to_string()),
        "{points:?}"
    );

    page.click("Unique Users");
    wait_until("the unique users series", || {
        page.chart_points()
            .contains(&"Email given, 2026-01-02: 5 unique users".to_string())
    })
    .await;
    assert!(page.pressed("Unique Users"));
    assert!(!page.pressed("Achieved"));
    assert!(
        !page
            .chart_points()
            .iter()
            .any(|point| point.contains("achieved"))
    );
}

#[wasm_bindgen_test]
async fn the_table_view_shows_the_trend_numbers() {
    let page = open_with_report(busy_report(), &[]).await;

    page.click("Table view");
    wait_until("the trend table", || !page.trend_rows().is_empty()).await;

    assert!(page.pressed("Table view"));
    assert!(!page.has_chart(), "the table replaces the chart");
    assert_eq!(
        page.trend_columns(),
        ["Date", "Email given", "Demo booked", "Signed up"]
    );
    assert_eq!(
        page.trend_rows(),
        [
            ["2026-01-01", "4", "2", "1"],
            ["2026-01-02", "6", "3", "1"],
            ["2026-01-03", "0", "0", "0"],
        ]
    );

    page.click("Unique Users");
    wait_until("unique users in the table", || {
        page.trend_rows().first().map(|row| row[1].as_str()) == Some("3")
    })
    .await;

    page.click("Table view");
    wait_until("the chart again", || page.has_chart()).await;
}

#[wasm_bindgen_test]
async fn the_chosen_trend_view_is_kept_for_a_new_range() {
    let page = open_with_report(busy_report(), &[(200, busy_report())]).await;
    page.click("Unique Users");
    page.click("Table view");
    wait_until("the trend table", || !page.trend_rows().is_empty()).await;

    page.set_date("End date", "2026-01-03");
    page.set_date("Start date", "2026-01-01");
    wait_until("the report of the new range", || {
        report_requests()
            .last()
            .is_some_and(|sent| sent.ends_with("from=2026-01-01&to=2026-01-03"))
    })
    .await;
    browser::settle_for(50).await;

    assert!(page.pressed("Unique Users"));
    assert!(page.pressed("Table view"));
    assert_eq!(page.trend_rows()[0], ["2026-01-01", "3", "2", "1"]);
}

#[wasm_bindgen_test]
async fn a_source_value_needs_a_source_type() {
    let page = open_with_report(busy_report(), &[]).await;
    let sent_before = requests().len();

    page.type_into("Test goal", "Customer ID", "cust-1");
    page.type_into("Test goal", "Source value", "Spring campaign");
    page.click_in("Test goal", "Record achievement");
    wait_until("the message", || {
        page.error_of("Test goal", "Source type").is_some()
    })
    .await;

    browser::settle_for(50).await;
    assert_eq!(requests().len(), sent_before);
}

#[wasm_bindgen_test]
async fn the_funnel_has_a_bar_per_milestone_in_goal_order_sized_by_runs_reached() {
    let page = open_with_report(busy_report(), &[]).await;

    assert_eq!(
        page.funnel(),
        [
            ("Email given".to_string(), 100.0),
            ("Demo booked".to_string(), 80.0),
            ("Signed up".to_string(), 20.0),
        ]
    );
}

#[wasm_bindgen_test]
async fn looking_up_a_customer_shows_runs_with_statuses_and_tracker_names() {
    let runs = json!({ "customerId": "cust/1 x", "runs": [
        progress(Some("conv-2"), &[
            ("m1", "Email given", "skipped", json!({ "t1": "NOT_PROVIDED" })),
            ("m2", "Demo booked", "achieved", json!({ "t2": "Friday", "t3": "NONE" })),
            ("m3", "Signed up", "pending", json!({})),
        ]),
        progress(None, &[
            ("m1", "Email given", "achieved", json!({ "t1": "ana@example.com", "t9": "old" })),
            ("m2", "Demo booked", "achieved", json!({ "t2": "Monday", "t3": "Pro" })),
            ("m3", "Signed up", "achieved", json!({ "t4": "Gold" })),
        ]),
    ]});
    let page = open_with_report(busy_report(), &[(200, runs)]).await;

    page.type_into("Customer look-up", "Customer ID", "cust/1 x");
    page.click_in("Customer look-up", "Look up");
    wait_until("the runs", || page.runs("Customer look-up").len() == 2).await;

    assert_eq!(
        page.runs("Customer look-up"),
        [
            vec![
                "Conversation ID: conv-2In progress",
                "Email given | Skipped | Email Address: NOT_PROVIDED",
                "Demo booked | Achieved | Date: Friday | Product: NONE",
                "Signed up | Pending",
            ],
            vec![
                "No conversation IDCompleted",
                "Email given | Achieved | Email Address: ana@example.com | Deleted tracker (t9): old",
                "Demo booked | Achieved | Date: Monday | Product: Pro",
                "Signed up | Achieved | Plan: Gold",
            ],
        ]
    );
    let last = requests().last().cloned().unwrap();
    assert!(
        last.ends_with("/api/v1/goals/g1/customers/cust%2F1%20x"),
        "{last}"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_customer_gets_the_empty_state() {
    let none = json!({ "customerId": "nobody", "runs": [] });
    let page = open_with_report(busy_report(), &[(200, none)]).await;

    page.type_into("Customer look-up", "Customer ID", "nobody");
    page.click_in("Customer look-up", "Look up");
    wait_until("the empty state", || {
        page.panel_text("Customer look-up")
            .contains("No runs recorded for customer \u{201c}nobody\u{201d}.")
    })
    .await;
    assert!(page.runs("Customer look-up").is_empty());
}

#[wasm_bindgen_test]
async fn looking_up_without_a_customer_id_sends_nothing() {
    let page = open_with_report(busy_report(), &[]).await;
    let sent_before = requests().len();

    page.click_in("Customer look-up", "Look up");
    wait_until("the message", || {
        page.error_of("Customer look-up", "Customer ID").is_some()
    })
    .await;

    assert_eq!(
        page.error_of("Customer look-up", "Customer ID").as_deref(),
        Some("Enter the customer ID to look up.")
    );
    browser::settle_for(50).await;
    assert_eq!(requests().len(), sent_before);
}

#[wasm_bindgen_test]
async fn export_links_carry_the_chosen_range() {
    let page = open_with_report(busy_report(), &[]).await;

    page.set_date("Start date", "2025-11-01");
    page.set_date("End date", "2025-11-30");
    wait_until("the report of the new range", || {
        report_requests()
            .last()
            .is_some_and(|sent| sent.ends_with("from=2025-11-01&to=2025-11-30"))
    })
    .await;

    assert_eq!(
        page.export_links(),
        [
            (
                "Export CSV".to_string(),
                "/api/v1/goals/g1/export.csv?from=2025-11-01&to=2025-11-30".to_string(),
                true
            ),
            (
                "Export Excel".to_string(),
                "/api/v1/goals/g1/export.xlsx?from=2025-11-01&to=2025-11-30".to_string(),
                true
            ),
        ]
    );
}

#[wasm_bindgen_test]
async fn recording_an_achievement_sends_only_the_values_typed_and_shows_the_run() {
    let recorded = progress(
        Some("conv-9"),
        &[
            (
                "m1",
                "Email given",
                "skipped",
                json!({ "t1": "NOT_PROVIDED" }),
            ),
            (
                "m2",
                "Demo booked",
                "achieved",
                json!({ "t2": "Friday", "t3": "NONE" }),
            ),
            ("m3", "Signed up", "pending", json!({})),
        ],
    );
    let page = open_with_report(busy_report(), &[(200, recorded), (200, busy_report())]).await;

    page.choose("Test goal", "Milestone", "m2");
    wait_until("the milestone's trackers", || {
        page.has_field("Test goal", "Date")
    })
    .await;
    assert!(page.has_field("Test goal", "Product"));
    assert!(!page.has_field("Test goal", "Email Address"));
    assert!(page.placeholder("Test goal", "Product").contains("NONE"));
    page.type_into("Test goal", "Customer ID", "cust-1");
    page.type_into("Test goal", "Conversation ID", "conv-9");
    page.type_into("Test goal", "Date", "Friday");
    page.type_into("Test goal", "Source type", "Marketing");
    page.type_into("Test goal", "Source value", "Spring campaign");
    page.click_in("Test goal", "Record achievement");
    wait_until("the run", || page.runs("Test goal").len() == 1).await;

    let posted = sent_requests()
        .into_iter()
        .find(|sent| sent.method == "POST")
        .unwrap();
    assert!(
        posted.url.ends_with("/api/v1/goals/g1/achievements"),
        "{}",
        posted.url
    );
    assert_eq!(
        posted.json(),
        json!({ "customerId": "cust-1", "conversationId": "conv-9", "milestoneId": "m2",
            "trackerValues": { "t2": "Friday" },
            "source": { "type": "Marketing", "value": "Spring campaign" } })
    );
    assert_eq!(
        page.runs("Test goal")[0],
        [
            "Conversation ID: conv-9In progress",
            "Email given | Skipped | Email Address: NOT_PROVIDED",
            "Demo booked | Achieved | Date: Friday | Product: NONE",
            "Signed up | Pending",
        ]
    );
    wait_until("the report to refresh", || report_requests().len() == 2).await;
}

#[wasm_bindgen_test]
async fn optional_fields_left_empty_are_not_sent() {
    let recorded = progress(
        None,
        &[
            (
                "m1",
                "Email given",
                "achieved",
                json!({ "t1": "NOT_PROVIDED" }),
            ),
            ("m2", "Demo booked", "pending", json!({})),
            ("m3", "Signed up", "pending", json!({})),
        ],
    );
    let page = open_with_report(busy_report(), &[(200, recorded)]).await;

    page.type_into("Test goal", "Customer ID", "cust-1");
    page.click_in("Test goal", "Record achievement");
    wait_until("the run", || page.runs("Test goal").len() == 1).await;

    let posted = sent_requests()
        .into_iter()
        .find(|sent| sent.method == "POST")
        .unwrap();
    assert_eq!(
        posted.json(),
        json!({ "customerId": "cust-1", "milestoneId": "m1", "trackerValues": {} })
    );
}

#[wasm_bindgen_test]
async fn a_refused_achievement_shows_the_api_messages() {
    let refused = refusal(
        "validation_failed",
        "The achievement is not valid.",
        json!([
            { "path": "milestoneId", "code": "unknown",
              "message": "The goal has no milestone with this id" },
            { "path": "trackerValues.t1", "code": "unknown",
              "message": "The milestone has no tracker with this id" },
            { "path": "trackerValues.t7", "code": "unknown",
              "message": "No tracker t7 in this milestone" }
        ]),
    );
    let page = open_with_report(busy_report(), &[(422, refused)]).await;

    page.type_into("Test goal", "Customer ID", "cust-1");
    page.type_into("Test goal", "Email Address", "ana@example.com");
    page.click_in("Test goal", "Record achievement");
    wait_until("the messages", || {
        page.error_of("Test goal", "Email Address").is_some()
    })
    .await;

    assert_eq!(
        page.error_of("Test goal", "Email Address").as_deref(),
        Some("The milestone has no tracker with this id")
    );
    assert_eq!(
        page.error_of("Test goal", "Milestone").as_deref(),
        Some("The goal has no milestone with this id")
    );
    assert_eq!(page.error_of("Test goal", "Customer ID"), None);
    let alerts = page.alerts("Test goal").join(" ");
    assert!(alerts.contains("The achievement is not valid."), "{alerts}");
    assert!(
        alerts.contains("No tracker t7 in this milestone"),
        "{alerts}"
    );
    assert!(page.runs("Test goal").is_empty());
    assert_eq!(
        report_requests().len(),
        1,
        "nothing recorded, nothing to refresh"
    );
}

#[wasm_bindgen_test]
async fn values_over_the_limits_are_refused_before_sending() {
    let page = open_with_report(busy_report(), &[]).await;
    let sent_before = requests().len();

    page.type_into("Test goal", "Customer ID", &"c".repeat(129));
    page.type_into("Test goal", "Email Address", &"e".repeat(501));
    page.click_in("Test goal", "Record achievement");
    wait_until("the messages", || {
        page.error_of("Test goal", "Customer ID").is_some()
    })
    .await;

    let customer = page.error_of("Test goal", "Customer ID").unwrap();
    assert!(customer.contains("at most 128 characters"), "{customer}");
    let email = page.error_of("Test goal", "Email Address").unwrap();
    assert!(email.contains("at most 500 characters"), "{email}");
    browser::settle_for(50).await;
    assert_eq!(requests().len(), sent_before);
}

#[wasm_bindgen_test]
async fn recording_without_a_customer_id_sends_nothing() {
    let page = open_with_report(busy_report(), &[]).await;
    let sent_before = requests().len();

    page.click_in("Test goal", "Record achievement");
    wait_until("the message", || {
        page.error_of("Test goal", "Customer ID").is_some()
    })
    .await;

    assert_eq!(
        page.error_of("Test goal", "Customer ID").as_deref(),
        Some("Customer ID is required")
    );
    browser::settle_for(50).await;
    assert_eq!(requests().len(), sent_before);
    assert_eq!(
        page.error_of("Customer look-up", "Customer ID"),
        None,
        "the look-up's field is another field"
    );
}

#[wasm_bindgen_test]
async fn an_empty_range_shows_the_empty_state_instead_of_charts() {
    let page = open_with_report(empty_report("2026-01-01", "2026-01-07"), &[]).await;

    assert!(
        page.text()
            .contains("No achievements recorded between 1 Jan 2026 and 7 Jan 2026."),
        "{}",
        page.text()
    );
    assert_eq!(page.figure("Goal Achieved").as_deref(), Some("0"));
    assert!(!page.has_chart());
    assert!(page.milestone_rows().is_empty());
    assert!(page.funnel().is_empty());
}

#[wasm_bindgen_test]
async fn a_failed_report_offers_retry() {
    let unavailable = refusal("internal", "Database is down", json!([]));
    fake_api(&[
        (200, lead_captured()),
        (503, unavailable),
        (200, busy_report()),
    ]);
    let page = open_analytics();
    wait_until("the error", || page.has_button("Retry")).await;
    assert!(page.text().contains("Database is down"), "{}", page.text());

    page.click("Retry");
    wait_until("the report", || page.figure("Goal Achieved").is_some()).await;
    assert!(!page.has_button("Retry"));
}

#[wasm_bindgen_test]
async fn an_unknown_goal_says_so() {
    fake_api(&[(404, refusal("not_found", "No goal g1", json!([])))]);
    let page = open_analytics();

    wait_until("the message", || {
        page.text().contains("This goal does not exist.")
    })
    .await;
    assert_eq!(report_requests().len(), 0);
}

#[wasm_bindgen_test]
async fn the_definition_lists_milestones_with_trackers_and_default_values() {
    let page = open_with_report(busy_report(), &[]).await;

    let definition = page.panel("Definition");
    assert_eq!(
        browser::texts(&definition, "h3"),
        ["Email given", "Demo booked", "Signed up"]
    );
    assert_eq!(
        browser::texts(&definition, "tbody tr"),
        [
            "Email AddressWhat Email Address holdsNOT_PROVIDED",
            "DateWhat Date holdsNO_DATE",
            "ProductWhat Product holdsNONE",
            "PlanWhat Plan holdsNO_PLAN",
        ]
    );
    assert!(
        definition
            .query_selector("input, textarea, select")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn the_pencil_opens_the_edit_form() {
    let page = open_with_report(busy_report(), &[]).await;

    page.click("Edit goal Lead captured");
    wait_until("the edit form", || {
        page.root.query_selector(".edit-form").unwrap().is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn markup_in_names_is_shown_as_text() {
    let markup = "<img src=x onerror=alert(1)>";
    let goal = goal(markup, &[("m1", markup, &[("t1", markup, markup)])]);
    let report = report(
        "2026-01-01",
        "2026-01-01",
        (1, 1),
        &[("m1", markup, 1, 0, 1, 0)],
        json!([day("2026-01-01", &[("m1", 1, 1)])]),
    );
    fake_api(&[(200, goal), (200, report)]);
    let page = open_analytics();
    wait_until("the report", || page.figure("Goal Achieved").is_some()).await;

    assert_eq!(page.heading(), markup);
    assert_eq!(page.legend(), [markup]);
    assert_eq!(page.milestone_rows()[0][0], markup);
    assert!(page.has_field("Test goal", markup));
    assert!(page.root.query_selector("img").unwrap().is_none());
}
