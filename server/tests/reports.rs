//! `GET /goals/{id}/report`: the analytics of a goal over a range of days, checked against a
//! scenario of several customers, conversations and days whose figures are worked out by
//! hand.

mod common;

use common::clock::date;
use common::runs::{GoalIds, achievement, funnel_draft, ids_of};
use common::{TestServer, expect_error};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Three days of a funnel of milestones m0 → m1 → m2:
///
/// - 2025-03-01: ada (conversation a1) reaches m0; bob (b1) reaches m1, skipping m0.
/// - 2025-03-02: ada (a1) reaches m2, skipping m1, and completes; cleo (no conversation)
///   reaches m0; ada starts a second conversation (a2) at m0.
/// - 2025-03-03: cleo reaches m1; bob reports m1 again, which changes nothing.
///
/// Where the runs stopped: ada a1 completed; ada a2 at m0 since the 2nd; bob at m1 since the
/// 1st; cleo at m1 since the 3rd.
async fn three_days_of_a_funnel(server: &TestServer) -> GoalIds {
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let [m0, m1, m2] = [0, 1, 2].map(|m| ids.milestones[m].as_str());
    let goal = ids.goal.as_str();

    server.clock.set_today(date("2025-03-01"));
    server
        .achieve(goal, &achievement("ada", Some("a1"), m0, &[]))
        .await;
    server
        .achieve(goal, &achievement("bob", Some("b1"), m1, &[]))
        .await;

    server.clock.set_today(date("2025-03-02"));
    server
        .achieve(goal, &achievement("ada", Some("a1"), m2, &[]))
        .await;
    server
        .achieve(goal, &achievement("cleo", None, m0, &[]))
        .await;
    server
        .achieve(goal, &achievement("ada", Some("a2"), m0, &[]))
        .await;

    server.clock.set_today(date("2025-03-03"));
    server
        .achieve(goal, &achievement("cleo", None, m1, &[]))
        .await;
    server
        .achieve(goal, &achievement("bob", Some("b1"), m1, &[]))
        .await;
    ids
}

/// A milestone's figures as `[achieved, skipped, uniqueUsers, dropOff]`.
fn figures(report: &Value) -> Vec<[u64; 4]> {
    report["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| ["achieved", "skipped", "uniqueUsers", "dropOff"].map(|k| m[k].as_u64().unwrap()))
        .collect()
}

/// The trend as `(date, [(achieved, uniqueUsers) per milestone])`.
fn trend(report: &Value) -> Vec<(String, Vec<(u64, u64)>)> {
    report["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| {
            let points = day["milestones"].as_array().unwrap().iter().map(|point| {
                (
                    point["achieved"].as_u64().unwrap(),
                    point["uniqueUsers"].as_u64().unwrap(),
                )
            });
            (day["date"].as_str().unwrap().to_string(), points.collect())
        })
        .collect()
}

#[tokio::test]
async fn the_report_of_a_known_scenario_has_its_worked_out_figures() {
    let server = TestServer::start().await;
    let ids = three_days_of_a_funnel(&server).await;

    let report = server
        .report(&ids.goal, &[("from", "2025-03-01"), ("to", "2025-03-03")])
        .await;

    assert_eq!(report["from"], "2025-03-01");
    assert_eq!(report["to"], "2025-03-03");
    assert_eq!(report["goalAchieved"], 1);
    assert_eq!(
        report["uniqueUsers"], 3,
        "ada is active on two days but one user"
    );
    assert_eq!(
        figures(&report),
        [[3, 1, 2, 1], [2, 1, 2, 2], [1, 0, 1, 0]],
        "achieved, skipped, uniqueUsers, dropOff per milestone"
    );
    let milestone = &report["milestones"][1];
    assert_eq!(milestone["milestoneId"], ids.milestones[1].as_str());
    assert_eq!(milestone["name"], "Phone given");
    assert_eq!(
        trend(&report),
        [
            ("2025-03-01".to_string(), vec![(1, 1), (1, 1), (0, 0)]),
            ("2025-03-02".to_string(), vec![(2, 2), (0, 0), (1, 1)]),
            ("2025-03-03".to_string(), vec![(0, 0), (1, 1), (0, 0)]),
        ]
    );
    assert_eq!(
        report["trend"][0]["milestones"][2]["milestoneId"],
        ids.milestones[2].as_str()
    );
}

#[tokio::test]
async fn a_range_of_one_day_counts_only_that_day() {
    let server = TestServer::start().await;
    let ids = three_days_of_a_funnel(&server).await;

    let first = server
        .report(&ids.goal, &[("from", "2025-03-01"), ("to", "2025-03-01")])
        .await;
    let second = server
        .report(&ids.goal, &[("from", "2025-03-02"), ("to", "2025-03-02")])
        .await;

    assert_eq!(
        (&first["goalAchieved"], &first["uniqueUsers"]),
        (&json!(0), &json!(2))
    );
    assert_eq!(
        figures(&first),
        [[1, 1, 1, 0], [1, 0, 1, 1], [0, 0, 0, 0]],
        "ada's first run moved on from m0, so it no longer drops off there"
    );
    assert_eq!(
        (&second["goalAchieved"], &second["uniqueUsers"]),
        (&json!(1), &json!(2))
    );
    assert_eq!(figures(&second), [[2, 0, 2, 1], [0, 1, 0, 0], [1, 0, 1, 0]]);
}

#[tokio::test]
async fn the_trend_has_every_day_of_the_range_with_zeros() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);

    let report = server
        .report(&ids.goal, &[("from", "2024-02-27"), ("to", "2024-03-02")])
        .await;

    let days: Vec<String> = trend(&report).into_iter().map(|(day, _)| day).collect();
    assert_eq!(
        days,
        [
            "2024-02-27",
            "2024-02-28",
            "2024-02-29",
            "2024-03-01",
            "2024-03-02"
        ]
    );
    assert!(
        trend(&report)
            .iter()
            .all(|(_, points)| points == &vec![(0, 0); 3])
    );
    assert_eq!(figures(&report), vec![[0, 0, 0, 0]; 3]);
    assert_eq!(
        (&report["goalAchieved"], &report["uniqueUsers"]),
        (&json!(0), &json!(0))
    );
}

#[tokio::test]
async fn the_default_range_is_today_and_the_six_days_before() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    server.clock.set_today(date("2025-03-03"));
    let goal = ids.goal.as_str();
    server
        .achieve(goal, &achievement("ada", None, &ids.milestones[0], &[]))
        .await;
    server.clock.set_today(date("2025-03-10"));
    server
        .achieve(goal, &achievement("bob", None, &ids.milestones[2], &[]))
        .await;

    let report = server.report(goal, &[]).await;

    assert_eq!(report["from"], "2025-03-04");
    assert_eq!(report["to"], "2025-03-10");
    assert_eq!(report["trend"].as_array().unwrap().len(), 7);
    assert_eq!(
        report["uniqueUsers"], 1,
        "ada's day is outside the default range"
    );
    assert_eq!(report["goalAchieved"], 1);
}

#[tokio::test]
async fn malformed_reversed_and_over_long_ranges_are_bad_requests() {
    let server = TestServer::start().await;
    let ids = ids_of(&server.create_goal(&funnel_draft("Lead captured")).await);
    let refused: [&[(&str, &str)]; 5] = [
        &[("from", "2025-3-1")],
        &[("to", "yesterday")],
        &[("from", "2025-02-30"), ("to", "2025-03-01")],
        &[("from", "2025-03-02"), ("to", "2025-03-01")],
        &[("from", "2024-01-01"), ("to", "2025-01-01")],
    ];

    for query in refused {
        let response = server.get_report(&ids.goal, query).await;
        let error = expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
        assert!(!error["message"].as_str().unwrap().is_empty(), "{query:?}");
    }
    let too_long = server
        .get_report(&ids.goal, &[("from", "2024-01-01"), ("to", "2025-01-01")])
        .await;
    let error = expect_error(too_long, StatusCode::BAD_REQUEST, "bad_request").await;
    assert!(
        error["message"].as_str().unwrap().contains("366 days"),
        "{error}"
    );
    let a_whole_leap_year = server
        .get_report(&ids.goal, &[("from", "2024-01-01"), ("to", "2024-12-31")])
        .await;
    assert_eq!(a_whole_leap_year.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_unknown_goal_is_not_found() {
    let server = TestServer::start().await;

    let response = server.get_report("no-such-goal", &[]).await;

    expect_error(response, StatusCode::NOT_FOUND, "not_found").await;
}
