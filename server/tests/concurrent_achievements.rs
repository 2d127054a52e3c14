//! Achievements that race each other: every one is applied, each run ends as if its
//! achievements had been recorded one after another, and the report's roll-ups agree with a
//! count made from the runs themselves.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::TestServer;
use common::runs::{achievement, funnel_draft, ids_of};
use goals_core::{AchievementInput, Goal, MilestoneStatus, RunProgress, apply_achievement};
use reqwest::StatusCode;
use serde_json::Value;

const ACHIEVEMENTS: usize = 40;

/// A run of the goal: its customer and conversation.
type RunKey = (String, Option<String>);
/// An achievement sent, and the run's progress the server answered.
type Answer = (AchievementInput, RunProgress);
const CUSTOMERS: [&str; 4] = ["ada", "bob", "cleo", "dan"];
const CONVERSATIONS: [Option<&str>; 2] = [Some("chat"), None];

/// Achievement `n`: its run and milestone spread by small primes, so that runs see their
/// milestones in varied orders, and one value that only it sends.
fn nth_achievement(goal: &Goal, n: usize) -> Value {
    let run = n % (CUSTOMERS.len() * CONVERSATIONS.len());
    let milestone = &goal.milestones[(n * 7 + n / 5) % goal.milestones.len()];
    let value = format!("value {n}");
    achievement(
        CUSTOMERS[run % CUSTOMERS.len()],
        CONVERSATIONS[run / CUSTOMERS.len()],
        &milestone.id,
        &[(&milestone.trackers[0].id, &value)],
    )
}

fn reached_count(run: &RunProgress) -> usize {
    run.milestones
        .iter()
        .filter(|m| m.status != MilestoneStatus::Pending)
        .count()
}

/// Whether this achievement is the one that achieved its milestone in the answered run.
fn achieved_by(achievement: &AchievementInput, run: &RunProgress) -> bool {
    run.milestone(&achievement.milestone_id).is_some_and(|m| {
        m.status == MilestoneStatus::Achieved
            && achievement
                .tracker_values
                .iter()
                .all(|(tracker, value)| m.tracker_values.get(tracker) == Some(value))
    })
}

/// Statuses and values, without the times, which differ between the server and a replay.
fn outcome(run: &RunProgress) -> Vec<(MilestoneStatus, BTreeMap<String, String>)> {
    run.milestones
        .iter()
        .map(|m| (m.status, m.tracker_values.clone()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_achievements_end_as_if_recorded_one_after_another() {
    let server = TestServer::start().await;
    let goal: Goal =
        serde_json::from_value(server.create_goal(&funnel_draft("Lead captured")).await).unwrap();
    let ids = ids_of(&serde_json::to_value(&goal).unwrap());

    let tasks: Vec<_> = (0..ACHIEVEMENTS)
        .map(|n| {
            let body = nth_achievement(&goal, n);
            let request = server
                .client
                .post(server.api(&format!("/goals/{}/achievements", ids.goal)))
                .json(&body);
            tokio::spawn(async move {
                let response = request.send().await.unwrap();
                assert_eq!(response.status(), StatusCode::OK, "achievement {n}");
                let input: AchievementInput = serde_json::from_value(body).unwrap();
                (input, response.json::<RunProgress>().await.unwrap())
            })
        })
        .collect();
    let mut answered = Vec::new();
    for task in tasks {
        answered.push(task.await.unwrap());
    }

    // Each answer is the run just after its achievement: ordering the answers of a run by how
    // far they got, the achievement that made each step first, gives the order they were applied.
    let mut by_run: BTreeMap<RunKey, Vec<Answer>> = BTreeMap::new();
    for (input, run) in answered {
        let key = (input.customer_id.clone(), input.conversation_id.clone());
        by_run.entry(key).or_default().push((input, run));
    }
    let mut final_runs = Vec::new();
    for ((customer, conversation), mut answers) in by_run {
        answers.sort_by_key(|(input, run)| (reached_count(run), !achieved_by(input, run)));
        let mut replayed = RunProgress::from_reached(&goal, &customer, conversation.as_deref(), []);
        for (input, answer) in &answers {
            replayed = apply_achievement(&goal, &replayed, input, chrono::Utc::now()).run;
            assert_eq!(
                outcome(&replayed),
                outcome(answer),
                "{customer} {conversation:?}"
            );
        }

        let stored: Value = server.customer_runs(&ids.goal, &customer).await;
        let stored: Vec<RunProgress> = serde_json::from_value(stored["runs"].clone()).unwrap();
        let stored = stored
            .into_iter()
            .find(|run| run.conversation_id == conversation)
            .unwrap();
        assert_eq!(
            outcome(&stored),
            outcome(&replayed),
            "{customer} {conversation:?}"
        );
        final_runs.push(stored);
    }
    assert_eq!(final_runs.len(), CUSTOMERS.len() * CONVERSATIONS.len());

    let report = server.report(&ids.goal, &[]).await;
    assert_rollups_match_recount(&goal, &final_runs, &report);
}

/// Everything happened today, so today's report must equal what the runs themselves show.
fn assert_rollups_match_recount(goal: &Goal, runs: &[RunProgress], report: &Value) {
    let completed = runs.iter().filter(|run| run.completed).count();
    let customers: BTreeSet<&str> = runs.iter().map(|run| run.customer_id.as_str()).collect();
    assert_eq!(report["goalAchieved"], completed as u64);
    assert_eq!(report["uniqueUsers"], customers.len() as u64);

    for (m, milestone) in goal.milestones.iter().enumerate() {
        let with_status = |status| {
            runs.iter()
                .filter(|run| run.milestones[m].status == status)
                .count() as u64
        };
        let achievers: BTreeSet<&str> = runs
            .iter()
            .filter(|run| run.milestones[m].status == MilestoneStatus::Achieved)
            .map(|run| run.customer_id.as_str())
            .collect();
        let stopped_here = runs
            .iter()
            .filter(|run| !run.completed)
            .filter(|run| {
                let furthest = run
                    .milestones
                    .iter()
                    .rposition(|m| m.status == MilestoneStatus::Achieved);
                furthest == Some(m)
            })
            .count() as u64;

        let figures = &report["milestones"][m];
        assert_eq!(figures["milestoneId"], milestone.id.as_str());
        assert_eq!(figures["achieved"], with_status(MilestoneStatus::Achieved));
        assert_eq!(figures["skipped"], with_status(MilestoneStatus::Skipped));
        assert_eq!(figures["uniqueUsers"], achievers.len() as u64);
        assert_eq!(figures["dropOff"], stopped_here);
        let today = report["trend"].as_array().unwrap().last().unwrap();
        assert_eq!(today["milestones"][m]["achieved"], figures["achieved"]);
    }
}
