//! Properties of the achievement semantics over random goals and random sequences of
//! achievements, with Default Values edited between achievements: statuses only move
//! forward, a skip copies the Default Values in force at that moment, a run is completed
//! exactly when nothing is pending, and an achievement repeated changes nothing.

mod common;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::strategies::stored_goal;
use goals_core::{AchievementInput, Goal, MilestoneStatus, RunProgress, apply_achievement};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

/// One step of a scenario: maybe a new set of Default Values, then one achievement.
#[derive(Debug, Clone)]
struct Step {
    milestone: Index,
    /// Which trackers of the milestone get a value, by bit.
    given: u8,
    edit_defaults: bool,
}

fn step() -> impl Strategy<Value = Step> {
    (any::<Index>(), any::<u8>(), any::<bool>()).prop_map(|(milestone, given, edit_defaults)| {
        Step {
            milestone,
            given,
            edit_defaults,
        }
    })
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0)
        .single()
        .expect("a valid date")
}

/// The goal with every Default Value rewritten for step `n`, as an edit of the goal would.
fn with_defaults_of_step(goal: &Goal, n: usize) -> Goal {
    let mut goal = goal.clone();
    for milestone in &mut goal.milestones {
        for tracker in &mut milestone.trackers {
            tracker.default_value = format!("DEFAULT_{n}_{}", tracker.id);
        }
    }
    goal
}

fn achievement_of(goal: &Goal, step: &Step) -> AchievementInput {
    let milestone = step.milestone.get(&goal.milestones);
    let tracker_values = milestone
        .trackers
        .iter()
        .enumerate()
        .filter(|(t, _)| step.given & (1 << (t % 8)) != 0)
        .map(|(_, tracker)| (tracker.id.clone(), format!("typed for {}", tracker.id)))
        .collect();
    AchievementInput {
        customer_id: "customer-1".to_string(),
        conversation_id: Some("conversation-1".to_string()),
        milestone_id: milestone.id.clone(),
        tracker_values,
        source: None,
    }
}

fn defaults_of(goal: &Goal, milestone_id: &str) -> BTreeMap<String, String> {
    goal.milestones
        .iter()
        .find(|milestone| milestone.id == milestone_id)
        .map(|milestone| {
            milestone
                .trackers
                .iter()
                .map(|tracker| (tracker.id.clone(), tracker.default_value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn nothing_pending(run: &RunProgress) -> bool {
    run.milestones
        .iter()
        .all(|milestone| milestone.status != MilestoneStatus::Pending)
}

proptest! {
    #[test]
    fn achievements_follow_the_rules_of_a_run(
        goal in stored_goal(),
        steps in vec(step(), 1..12),
    ) {
        let mut goal = goal;
        let mut run = RunProgress::from_reached(&goal, "customer-1", Some("conversation-1"), []);
        let mut defaults_when_skipped = HashMap::new();

        for (n, step) in steps.iter().enumerate() {
            if step.edit_defaults {
                goal = with_defaults_of_step(&goal, n);
            }
            let achievement = achievement_of(&goal, step);
            let now = start() + Duration::minutes(n as i64);

            let applied = apply_achievement(&goal, &run, &achievement, now);

            for (before, after) in run.milestones.iter().zip(&applied.run.milestones) {
                if before.status != MilestoneStatus::Pending {
                    prop_assert_eq!(before, after, "a reached milestone changed");
                }
            }
            for skipped in &applied.change.skipped {
                defaults_when_skipped.insert(skipped.clone(), defaults_of(&goal, skipped));
            }
            prop_assert_eq!(applied.run.completed, nothing_pending(&applied.run));
            prop_assert_eq!(
                applied.change.completed,
                applied.run.completed && !run.completed
            );

            let again = apply_achievement(&goal, &applied.run, &achievement, now);
            prop_assert!(again.change.is_empty(), "a repeat changed {:?}", again.change);
            prop_assert_eq!(&again.run, &applied.run);

            run = applied.run;
        }

        for milestone in &run.milestones {
            if milestone.status == MilestoneStatus::Skipped {
                prop_assert_eq!(
                    Some(&milestone.tracker_values),
                    defaults_when_skipped.get(&milestone.milestone_id),
                    "a skipped milestone holds other values than the defaults of its skip"
                );
            }
        }
    }

    #[test]
    fn reaching_a_milestone_leaves_nothing_pending_before_it(
        goal in stored_goal(),
        steps in vec(step(), 1..8),
    ) {
        let mut run = RunProgress::from_reached(&goal, "customer-1", None, []);
        for (n, step) in steps.iter().enumerate() {
            let achievement = achievement_of(&goal, step);
            let now = start() + Duration::minutes(n as i64);
            run = apply_achievement(&goal, &run, &achievement, now).run;

            let reached = step.milestone.index(goal.milestones.len());
            for milestone in &run.milestones[..=reached] {
                prop_assert_ne!(milestone.status, MilestoneStatus::Pending);
                prop_assert!(milestone.recorded_at.is_some());
            }
        }
    }

    #[test]
    fn a_run_survives_being_stored_and_read_back(
        goal in stored_goal(),
        steps in vec(step(), 0..6),
    ) {
        let mut run = RunProgress::from_reached(&goal, "customer-1", None, []);
        for (n, step) in steps.iter().enumerate() {
            let now = start() + Duration::minutes(n as i64);
            run = apply_achievement(&goal, &run, &achievement_of(&goal, step), now).run;
        }

        let read_back = RunProgress::from_reached(&goal, "customer-1", None, run.reached());

        prop_assert_eq!(read_back, run);
    }
}
