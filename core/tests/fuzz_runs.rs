//! Achievements fuzzed: goals of arbitrary text, and sequences of achievements naming known and
//! unknown milestones, values for trackers of any milestone or of none, values and ids of any
//! length, at any moment in any order. Checking and applying them never panics, and every
//! run keeps the invariants of DESIGN §4: one entry per milestone in goal order, a reached
//! milestone never changes again, a skip takes the Default Values, and a run is completed
//! exactly when nothing is pending.

mod fuzz_input;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use fuzz_input::{any_stored_goal, any_text, any_time};
use goals_core::{
    AchievementInput, Goal, MilestoneStatus, ReachedMilestone, RunProgress, Source,
    apply_achievement,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

/// A milestone or tracker id: one of the goal's, or any text.
#[derive(Debug, Clone)]
enum Pick {
    Known(Index),
    Other(String),
}

fn pick() -> impl Strategy<Value = Pick> {
    prop_oneof![
        3 => any::<Index>().prop_map(Pick::Known),
        1 => any_text(20).prop_map(Pick::Other),
    ]
}

/// One achievement of a scenario, before the goal's ids are put in.
#[derive(Debug, Clone)]
struct Report {
    customer_id: String,
    conversation_id: Option<String>,
    milestone: Pick,
    values: Vec<(Pick, String)>,
    source: Option<(String, String)>,
    at: DateTime<Utc>,
}

fn report() -> impl Strategy<Value = Report> {
    (
        any_text(128),
        proptest::option::of(any_text(128)),
        pick(),
        vec((pick(), any_text(500)), 0..=4),
        proptest::option::of((any_text(128), any_text(500))),
        any_time(),
    )
        .prop_map(
            |(customer_id, conversation_id, milestone, values, source, at)| Report {
                customer_id,
                conversation_id,
                milestone,
                values,
                source,
                at,
            },
        )
}

fn achievement_of(goal: &Goal, report: &Report) -> AchievementInput {
    let trackers: Vec<&str> = goal
        .milestones
        .iter()
        .flat_map(|m| m.trackers.iter().map(|t| t.id.as_str()))
        .collect();
    let milestone_id = match &report.milestone {
        Pick::Known(index) => index.get(&goal.milestones).id.clone(),
        Pick::Other(text) => text.clone(),
    };
    let tracker_values = report
        .values
        .iter()
        .map(|(tracker, value)| {
            let id = match tracker {
                Pick::Known(index) if !trackers.is_empty() => index.get(&trackers).to_string(),
                Pick::Known(_) => String::new(),
                Pick::Other(text) => text.clone(),
            };
            (id, value.clone())
        })
        .collect();
    AchievementInput {
        customer_id: report.customer_id.clone(),
        conversation_id: report.conversation_id.clone(),
        milestone_id,
        tracker_values,
        source: report
            .source
            .clone()
            .map(|(kind, value)| Source { kind, value }),
    }
}

fn defaults_of(goal: &Goal, position: usize) -> BTreeMap<String, String> {
    goal.milestones[position]
        .trackers
        .iter()
        .map(|tracker| (tracker.id.clone(), tracker.default_value.clone()))
        .collect()
}

/// Checks one application of `achievement` to `before`, which gave `after`.
fn check_step(
    goal: &Goal,
    before: &RunProgress,
    achievement: &AchievementInput,
    at: DateTime<Utc>,
) -> Result<RunProgress, TestCaseError> {
    let applied = apply_achievement(goal, before, achievement, at);
    let (after, change) = (&applied.run, &applied.change);

    let goal_order: Vec<&str> = goal.milestones.iter().map(|m| m.id.as_str()).collect();
    let run_order: Vec<&str> = after
        .milestones
        .iter()
        .map(|m| m.milestone_id.as_str())
        .collect();
    prop_assert_eq!(run_order, goal_order);
    prop_assert_eq!(&after.customer_id, &before.customer_id);
    let nothing_pending = after
        .milestones
        .iter()
        .all(|m| m.status != MilestoneStatus::Pending);
    prop_assert_eq!(after.completed, nothing_pending);
    prop_assert_eq!(change.completed, after.completed && !before.completed);

    let reached = goal
        .milestones
        .iter()
        .position(|m| m.id == achievement.milestone_id)
        .filter(|&position| before.milestones[position].status == MilestoneStatus::Pending);
    for (position, (was, is)) in before.milestones.iter().zip(&after.milestones).enumerate() {
        let changes = reached.is_some_and(|reached| position <= reached)
            && was.status == MilestoneStatus::Pending;
        if !changes {
            prop_assert_eq!(was, is, "milestone {} changed", position);
            continue;
        }
        prop_assert_eq!(is.recorded_at, Some(at));
        if Some(position) == reached {
            prop_assert_eq!(is.status, MilestoneStatus::Achieved);
            let expected: BTreeMap<String, String> = defaults_of(goal, position)
                .into_iter()
                .map(|(id, default)| {
                    let given = achievement.tracker_values.get(&id).cloned();
                    (id, given.unwrap_or(default))
                })
                .collect();
            prop_assert_eq!(&is.tracker_values, &expected);
        } else {
            prop_assert_eq!(is.status, MilestoneStatus::Skipped);
            prop_assert_eq!(&is.tracker_values, &defaults_of(goal, position));
        }
    }
    prop_assert_eq!(
        change.achieved.as_deref(),
        reached.map(|position| goal.milestones[position].id.as_str())
    );

    let rebuilt = RunProgress::from_reached(
        goal,
        &after.customer_id,
        after.conversation_id.as_deref(),
        after.reached(),
    );
    prop_assert_eq!(&rebuilt, after);
    Ok(applied.run)
}

/// The fields an achievement's errors may name.
fn names_a_field_of(achievement: &AchievementInput, path: &str) -> bool {
    match path {
        "customerId" | "milestoneId" => true,
        "conversationId" => achievement.conversation_id.is_some(),
        "source.type" | "source.value" => achievement.source.is_some(),
        _ => path
            .strip_prefix("trackerValues.")
            .is_some_and(|id| achievement.tracker_values.contains_key(id)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_sequence_of_achievements_keeps_every_run_invariant(
        goal in any_stored_goal(),
        reports in vec(report(), 1..=12),
    ) {
        let first = achievement_of(&goal, &reports[0]);
        let mut run = RunProgress::from_reached(
            &goal,
            &first.customer_id,
            first.conversation_id.as_deref(),
            [],
        );
        for report in &reports {
            let achievement = achievement_of(&goal, report);
            run = check_step(&goal, &run, &achievement, report.at)?;
        }
    }

    #[test]
    fn checking_any_achievement_names_only_fields_it_has(
        goal in any_stored_goal(),
        report in report(),
    ) {
        let achievement = achievement_of(&goal, &report);

        let errors = achievement.validate(&goal).err().unwrap_or_default();

        for error in &errors {
            prop_assert!(
                names_a_field_of(&achievement, &error.path),
                "{} names no field of the achievement", error.path
            );
        }
        let known = goal.milestones.iter().any(|m| m.id == achievement.milestone_id);
        if errors.is_empty() {
            prop_assert!(known, "an achievement of an unknown milestone passed");
        }
    }

    #[test]
    fn any_records_make_a_run_of_the_goal_as_it_is(
        goal in any_stored_goal(),
        records in vec((pick(), 0..3u8, any_time()), 0..=8),
    ) {
        let records: Vec<ReachedMilestone> = records
            .into_iter()
            .map(|(milestone, status, recorded_at)| ReachedMilestone {
                milestone_id: match milestone {
                    Pick::Known(index) => index.get(&goal.milestones).id.clone(),
                    Pick::Other(text) => text,
                },
                status: [
                    MilestoneStatus::Pending,
                    MilestoneStatus::Achieved,
                    MilestoneStatus::Skipped,
                ][usize::from(status)],
                tracker_values: BTreeMap::new(),
                recorded_at,
            })
            .collect();

        let run = RunProgress::from_reached(&goal, "customer", None, records);

        prop_assert_eq!(run.milestones.len(), goal.milestones.len());
        for (progress, milestone) in run.milestones.iter().zip(&goal.milestones) {
            prop_assert_eq!(&progress.milestone_id, &milestone.id);
            prop_assert_eq!(
                progress.recorded_at.is_some(),
                progress.status != MilestoneStatus::Pending
            );
        }
    }
}
