//! The achievement semantics of DESIGN §4 on a known goal: skips, defaults, forward only,
//! completion, and milestones added to the goal after a run started.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{NOT_PROVIDED, lead_captured, numbered_milestone, stored};
use goals_core::{
    AchievementInput, Goal, MilestoneStatus, ReachedMilestone, RunChange, RunProgress,
    apply_achievement,
};

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0)
        .single()
        .expect("a valid date")
        + Duration::minutes(minute)
}

/// Milestones `m1` (trackers `m1-t1`, `m1-t2`), `m2` (`m2-t1`) and `m3` (`m3-t1`).
fn goal() -> Goal {
    stored(&lead_captured())
}

fn reached(milestone_id: &str, values: &[(&str, &str)]) -> AchievementInput {
    AchievementInput {
        customer_id: "customer-1".to_string(),
        conversation_id: None,
        milestone_id: milestone_id.to_string(),
        tracker_values: values
            .iter()
            .map(|(tracker, value)| (tracker.to_string(), value.to_string()))
            .collect(),
        source: None,
    }
}

fn new_run(goal: &Goal) -> RunProgress {
    RunProgress::from_reached(goal, "customer-1", None, [])
}

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(tracker, value)| (tracker.to_string(), value.to_string()))
        .collect()
}

fn statuses(run: &RunProgress) -> Vec<MilestoneStatus> {
    run.milestones
        .iter()
        .map(|milestone| milestone.status)
        .collect()
}

#[test]
fn a_new_run_has_every_milestone_pending_in_goal_order() {
    let run = new_run(&goal());

    let ids: Vec<&str> = run
        .milestones
        .iter()
        .map(|m| m.milestone_id.as_str())
        .collect();
    assert_eq!(ids, ["m1", "m2", "m3"]);
    assert_eq!(run.milestones[1].name, "Phone given");
    assert!(
        run.milestones
            .iter()
            .all(|m| m.status == MilestoneStatus::Pending
                && m.tracker_values.is_empty()
                && m.recorded_at.is_none())
    );
    assert!(!run.completed);
}

#[test]
fn reaching_a_milestone_skips_the_pending_ones_before_it_with_their_defaults() {
    let mut goal = goal();
    goal.milestones[1].trackers[0].default_value = "NO_PHONE".to_string();

    let applied = apply_achievement(&goal, &new_run(&goal), &reached("m3", &[]), at(0));

    use MilestoneStatus::*;
    assert_eq!(statuses(&applied.run), [Skipped, Skipped, Achieved]);
    assert_eq!(
        applied.run.milestones[0].tracker_values,
        values(&[("m1-t1", NOT_PROVIDED), ("m1-t2", NOT_PROVIDED)])
    );
    assert_eq!(
        applied.run.milestones[1].tracker_values,
        values(&[("m2-t1", "NO_PHONE")])
    );
    assert_eq!(applied.run.milestones[0].recorded_at, Some(at(0)));
    assert_eq!(
        applied.change,
        RunChange {
            achieved: Some("m3".to_string()),
            skipped: vec!["m1".to_string(), "m2".to_string()],
            completed: true,
        }
    );
}

#[test]
fn a_tracker_without_a_value_takes_its_default() {
    let goal = goal();

    let applied = apply_achievement(
        &goal,
        &new_run(&goal),
        &reached("m1", &[("m1-t1", "ada@example.com")]),
        at(0),
    );

    assert_eq!(
        applied.run.milestones[0].tracker_values,
        values(&[("m1-t1", "ada@example.com"), ("m1-t2", NOT_PROVIDED)])
    );
    assert_eq!(applied.change.skipped, Vec::<String>::new());
    assert!(!applied.run.completed);
}

#[test]
fn a_milestone_already_reached_does_not_change() {
    let goal = goal();
    let first = apply_achievement(
        &goal,
        &new_run(&goal),
        &reached("m2", &[("m2-t1", "1")]),
        at(0),
    );

    let again = apply_achievement(&goal, &first.run, &reached("m2", &[("m2-t1", "2")]), at(1));
    let earlier = apply_achievement(&goal, &first.run, &reached("m1", &[("m1-t1", "x")]), at(2));

    assert!(again.change.is_empty());
    assert_eq!(again.run, first.run);
    assert!(
        earlier.change.is_empty(),
        "a skipped milestone cannot be achieved later"
    );
    assert_eq!(earlier.run, first.run);
}

#[test]
fn the_run_completes_when_the_last_pending_milestone_is_reached() {
    let goal = goal();
    let run = apply_achievement(&goal, &new_run(&goal), &reached("m2", &[]), at(0)).run;
    assert!(!run.completed);

    let applied = apply_achievement(&goal, &run, &reached("m3", &[]), at(1));

    assert!(applied.run.completed);
    assert!(applied.change.completed);
    assert_eq!(applied.change.skipped, Vec::<String>::new());
}

#[test]
fn a_milestone_added_to_the_goal_later_is_pending_in_an_existing_run() {
    let goal = goal();
    let done = apply_achievement(&goal, &new_run(&goal), &reached("m3", &[]), at(0)).run;
    let mut edited = goal.clone();
    let mut added = stored(&common::goal_draft("g", vec![numbered_milestone(4)]));
    added.milestones[0].id = "m4".to_string();
    edited.milestones.push(added.milestones.remove(0));

    let read_back = RunProgress::from_reached(&edited, "customer-1", None, done.reached());

    assert_eq!(read_back.milestones[3].status, MilestoneStatus::Pending);
    assert!(!read_back.completed);
}

#[test]
fn an_unknown_milestone_changes_nothing() {
    let goal = goal();

    let applied = apply_achievement(&goal, &new_run(&goal), &reached("m9", &[]), at(0));

    assert!(applied.change.is_empty());
    assert_eq!(applied.run, new_run(&goal));
}

#[test]
fn a_pending_record_reads_as_no_record() {
    let goal = goal();
    let record = ReachedMilestone {
        milestone_id: "m1".to_string(),
        status: MilestoneStatus::Pending,
        tracker_values: BTreeMap::new(),
        recorded_at: at(0),
    };

    let run = RunProgress::from_reached(&goal, "customer-1", None, [record]);

    assert_eq!(run, new_run(&goal));
}
