//! `GET /goals/{id}/report`: the figures of a small scenario the suite records on a goal of
//! its own. The server's clock decides what "today" is, so the days come from the times the
//! server gave the records, never from the machine running the suite.

use chrono::{Days, NaiveDate};
use goals_core::{Goal, GoalReport, RunProgress};
use reqwest::StatusCode;

use super::achievements::{achieve, achievement};
use super::{Suite, expect_error, expect_status, funnel_draft, parse, record_setup, shared};
use crate::report::{Failure, Outcome, Report, ensure, fail};

/// The scenario, on milestones m1 → m2 → m3: customer 1 reaches m1 in conversation a and
/// stops; customer 2 reaches m2 (skipping m1) and stops; customer 3 reaches m3 (skipping m1
/// and m2); customer 1 goes through m1, m2 and m3 in conversation d.
///
/// Two runs complete, three customers take part, and per milestone (achieved, skipped,
/// dropOff) is m1 (2, 2, 1), m2 (2, 1, 1), m3 (2, 0, 0).
const SCENARIO: [(&str, &str, &[usize]); 4] = [
    ("first", "a", &[0]),
    ("second", "b", &[1]),
    ("third", "c", &[2]),
    ("first", "d", &[0, 1, 2]),
];
const PER_MILESTONE: [(u64, u64, u64); 3] = [(2, 2, 1), (2, 1, 1), (2, 0, 0)];

/// The goal with the scenario recorded, and the first and last day the server recorded it on
/// (the same day unless the suite ran across midnight, UTC).
struct Recorded {
    goal: Goal,
    first_day: NaiveDate,
    last_day: NaiveDate,
}

pub async fn run(suite: &Suite, report: &mut Report) {
    let recorded = match record_scenario(suite).await {
        Ok(recorded) => recorded,
        Err(failure) => return record_setup(report, "report", failure),
    };
    let range = [
        ("from", recorded.first_day.to_string()),
        ("to", recorded.last_day.to_string()),
    ];

    let figures = goal_report(suite, &recorded.goal.id, &range).await;
    report.record(
        "report: goalAchieved and uniqueUsers of the runs recorded today",
        shared(&figures).and_then(|figures| totals(figures, &recorded)),
    );
    report.record(
        "report: achieved, skipped and dropOff per milestone",
        shared(&figures).and_then(|figures| per_milestone(figures, &recorded)),
    );
    report.record(
        "report: by default the 7 days to today, with today's numbers in the trend",
        default_range(suite, &recorded).await,
    );
    report.record(
        "report: a reversed range refused with 400 bad_request",
        reversed_range(suite, &recorded).await,
    );
    report.record(
        "report: an unknown goal answers 404 not_found",
        unknown_goal(suite).await,
    );
}

async fn record_scenario(suite: &Suite) -> Result<Recorded, Failure> {
    let goal = suite
        .create_goal(&funnel_draft(&suite.goal_name("report")))
        .await?;
    let mut days = Vec::new();
    for (customer, conversation, milestones) in SCENARIO {
        let customer = suite.customer_id(customer);
        for &m in milestones {
            let body = achievement(&customer, Some(conversation), &goal.milestones[m].id, &[]);
            let run = achieve(suite, &goal.id, &body).await?;
            days.extend(recorded_days(&run));
        }
    }
    let first_day = days.iter().min().copied();
    let last_day = days.iter().max().copied();
    match (first_day, last_day) {
        (Some(first_day), Some(last_day)) => Ok(Recorded {
            goal,
            first_day,
            last_day,
        }),
        _ => Err(fail("no recordedAt in the runs' progress")),
    }
}

fn recorded_days(run: &RunProgress) -> impl Iterator<Item = NaiveDate> + '_ {
    run.milestones
        .iter()
        .filter_map(|milestone| milestone.recorded_at.map(|at| at.date_naive()))
}

async fn goal_report(
    suite: &Suite,
    goal_id: &str,
    query: &[(&str, String)],
) -> Result<GoalReport, Failure> {
    let query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = suite
        .client()
        .get_with_query(&["goals", goal_id, "report"], &query)
        .await?;
    expect_status(&answer, StatusCode::OK)?;
    parse(&answer, "a report")
}

fn totals(report: &GoalReport, recorded: &Recorded) -> Outcome {
    ensure(
        report.from == recorded.first_day && report.to == recorded.last_day,
        || format!("the report covers {} to {}", report.from, report.to),
    )?;
    ensure(
        report.goal_achieved == 2 && report.unique_users == 3,
        || {
            format!(
                "goalAchieved {} and uniqueUsers {}, expected 2 and 3",
                report.goal_achieved, report.unique_users
            )
        },
    )
}

fn per_milestone(report: &GoalReport, recorded: &Recorded) -> Outcome {
    let ids: Vec<&str> = report
        .milestones
        .iter()
        .map(|m| m.milestone_id.as_str())
        .collect();
    let expected_ids: Vec<&str> = recorded
        .goal
        .milestones
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    ensure(ids == expected_ids, || {
        "the milestones are not the goal's, in goal order".to_string()
    })?;
    let figures: Vec<(u64, u64, u64)> = report
        .milestones
        .iter()
        .map(|m| (m.achieved, m.skipped, m.drop_off))
        .collect();
    ensure(figures == PER_MILESTONE, || {
        format!(
            "(achieved, skipped, dropOff) per milestone {figures:?}, expected {PER_MILESTONE:?}"
        )
    })
}

async fn default_range(suite: &Suite, recorded: &Recorded) -> Outcome {
    let report = goal_report(suite, &recorded.goal.id, &[]).await?;

    let days: Vec<NaiveDate> = report.trend.iter().map(|day| day.date).collect();
    let week: Vec<NaiveDate> = (0..7)
        .rev()
        .filter_map(|back| recorded.last_day.checked_sub_days(Days::new(back)))
        .collect();
    ensure(
        week.first() == Some(&report.from) && report.to == recorded.last_day && days == week,
        || {
            format!(
                "from {} to {} with trend days {days:?}, expected the 7 days to {}",
                report.from, report.to, recorded.last_day
            )
        },
    )?;

    let mut achieved = vec![0; recorded.goal.milestones.len()];
    for day in &report.trend {
        for (total, point) in achieved.iter_mut().zip(&day.milestones) {
            *total += point.achieved;
        }
    }
    let expected: Vec<u64> = PER_MILESTONE
        .iter()
        .map(|(achieved, ..)| *achieved)
        .collect();
    ensure(achieved == expected, || {
        format!("the trend adds up to {achieved:?} achieved per milestone, expected {expected:?}")
    })?;
    let today = report
        .trend
        .last()
        .map(|day| day.milestones.iter().map(|p| p.achieved).sum::<u64>());
    ensure(today.is_some_and(|today| today > 0), || {
        "today's trend point shows nothing achieved".to_string()
    })
}

async fn reversed_range(suite: &Suite, recorded: &Recorded) -> Outcome {
    let to = recorded
        .last_day
        .pred_opt()
        .unwrap_or(recorded.last_day)
        .to_string();
    let from = recorded.last_day.to_string();
    let answer = suite
        .client()
        .get_with_query(
            &["goals", &recorded.goal.id, "report"],
            &[("from", &from), ("to", &to)],
        )
        .await?;
    expect_error(&answer, StatusCode::BAD_REQUEST, "bad_request").map(drop)
}

async fn unknown_goal(suite: &Suite) -> Outcome {
    let answer = suite
        .client()
        .get(&["goals", &suite.unknown_id(), "report"])
        .await?;
    expect_error(&answer, StatusCode::NOT_FOUND, "not_found").map(drop)
}
