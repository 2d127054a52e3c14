//! The editing rules of DESIGN §3: existing milestones stay, in their order, before new ones;
//! trackers stay in their milestone; ids are the server's.

mod common;

use common::{lead_captured, milestone, numbered_milestone, stored, tracker};
use goals_core::editing::UnknownIdReason;
use goals_core::{EditViolation, Goal, GoalDraft, check_edit};

fn existing() -> Goal {
    stored(&lead_captured())
}

fn unchanged(goal: &Goal) -> GoalDraft {
    GoalDraft::from(goal)
}

fn unknown_id(path: &str, id: &str, reason: UnknownIdReason) -> EditViolation {
    EditViolation::UnknownId {
        path: path.to_string(),
        id: id.to_string(),
        reason,
    }
}

#[test]
fn an_unchanged_goal_may_replace_itself() {
    let goal = existing();

    let outcome = check_edit(&goal, &unchanged(&goal));

    assert_eq!(outcome, Ok(()));
}

#[test]
fn existing_milestones_in_order_with_any_other_change_are_accepted() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.name = "Lead qualified".to_string();
    draft.tags = vec!["marketing".to_string()];
    draft.milestones[0].name = "Email address given".to_string();
    draft.milestones[0].trackers.remove(1);
    draft.milestones[0].trackers.push(tracker("Newsletter"));
    draft.milestones[1].trackers[0].default_value = "UNKNOWN".to_string();
    draft.milestones[1]
        .trackers
        .insert(0, tracker("Country Code"));
    draft.milestones[2].trackers = vec![tracker("Call Slot")];
    draft.milestones.push(numbered_milestone(4));
    draft.milestones.push(numbered_milestone(5));

    let outcome = check_edit(&goal, &draft);

    assert_eq!(outcome, Ok(()));
}

#[test]
fn dropping_a_milestone_is_refused_as_milestone_removed() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones.remove(1);

    let violation = check_edit(&goal, &draft).expect_err("a milestone cannot be dropped");

    assert_eq!(
        violation,
        EditViolation::MilestoneRemoved {
            milestone_id: "m2".to_string(),
            name: "Phone given".to_string()
        }
    );
    assert_eq!(violation.code(), "milestone_removed");
    assert_eq!(
        violation.to_string(),
        "Milestone \"Phone given\" cannot be removed: existing milestones stay"
    );
}

#[test]
fn replacing_a_milestone_by_a_new_one_is_refused_as_milestone_removed() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones[2] = milestone("Call booked", vec![tracker("Call Date")]);

    let violation = check_edit(&goal, &draft).expect_err("a milestone cannot be replaced");

    assert_eq!(violation.code(), "milestone_removed");
}

#[test]
fn swapping_two_milestones_is_refused_as_milestone_reordered() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones.swap(1, 2);

    let violation = check_edit(&goal, &draft).expect_err("milestones cannot be swapped");

    assert_eq!(
        violation,
        EditViolation::MilestoneReordered {
            path: "milestones[1]".to_string()
        }
    );
    assert_eq!(violation.code(), "milestone_reordered");
}

#[test]
fn a_new_milestone_before_an_existing_one_is_refused_as_milestone_reordered() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones.insert(2, numbered_milestone(4));

    let violation = check_edit(&goal, &draft).expect_err("new milestones come last");

    assert_eq!(
        violation,
        EditViolation::MilestoneReordered {
            path: "milestones[2]".to_string()
        }
    );
}

#[test]
fn a_new_first_milestone_is_refused_as_milestone_reordered() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones.insert(0, numbered_milestone(4));

    let violation = check_edit(&goal, &draft).expect_err("new milestones come last");

    assert_eq!(
        violation,
        EditViolation::MilestoneReordered {
            path: "milestones[0]".to_string()
        }
    );
}

#[test]
fn an_unknown_milestone_id_is_refused() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones.push(numbered_milestone(4));
    draft.milestones[3].id = Some("m9".to_string());

    let violation = check_edit(&goal, &draft).expect_err("ids are the server's");

    assert_eq!(
        violation,
        unknown_id("milestones[3].id", "m9", UnknownIdReason::NotInGoal)
    );
    assert_eq!(violation.code(), "unknown_id");
}

#[test]
fn a_mistyped_milestone_id_is_reported_as_unknown_not_as_removed() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones[1].id = Some("M2".to_string());

    let violation = check_edit(&goal, &draft).expect_err("ids are the server's");

    assert_eq!(
        violation,
        unknown_id("milestones[1].id", "M2", UnknownIdReason::NotInGoal)
    );
}

#[test]
fn an_unknown_tracker_id_is_refused() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones[0].trackers[1].id = Some("m1-t7".to_string());

    let violation = check_edit(&goal, &draft).expect_err("ids are the server's");

    assert_eq!(
        violation,
        unknown_id(
            "milestones[0].trackers[1].id",
            "m1-t7",
            UnknownIdReason::NotInGoal
        )
    );
    assert_eq!(violation.code(), "unknown_id");
}

#[test]
fn a_milestone_id_given_to_a_tracker_is_unknown() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    draft.milestones[1].trackers[0].id = Some("m2".to_string());

    let violation = check_edit(&goal, &draft).expect_err("ids are the server's");

    assert_eq!(
        violation,
        unknown_id(
            "milestones[1].trackers[0].id",
            "m2",
            UnknownIdReason::NotInGoal
        )
    );
}

#[test]
fn a_repeated_milestone_id_is_refused() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    let copy = draft.milestones[0].clone();
    draft.milestones.push(copy);

    let violation = check_edit(&goal, &draft).expect_err("a milestone appears once");

    assert_eq!(
        violation,
        unknown_id("milestones[3].id", "m1", UnknownIdReason::Repeated)
    );
    assert_eq!(violation.code(), "unknown_id");
}

#[test]
fn a_repeated_tracker_id_is_refused() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    let copy = draft.milestones[0].trackers[0].clone();
    draft.milestones[0].trackers.push(copy);

    let violation = check_edit(&goal, &draft).expect_err("a tracker appears once");

    assert_eq!(
        violation,
        unknown_id(
            "milestones[0].trackers[2].id",
            "m1-t1",
            UnknownIdReason::Repeated
        )
    );
}

#[test]
fn a_tracker_moved_to_another_milestone_is_refused() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    let moved = draft.milestones[0].trackers.remove(1);
    draft.milestones[2].trackers.push(moved);

    let violation = check_edit(&goal, &draft).expect_err("trackers stay in their milestone");

    assert_eq!(
        violation,
        unknown_id(
            "milestones[2].trackers[1].id",
            "m1-t2",
            UnknownIdReason::TrackerOfAnotherMilestone
        )
    );
    assert_eq!(violation.code(), "unknown_id");
}

#[test]
fn an_existing_tracker_in_a_new_milestone_is_refused() {
    let goal = existing();
    let mut draft = unchanged(&goal);
    let moved = draft.milestones[1].trackers[0].clone();
    draft
        .milestones
        .push(milestone("Phone confirmed", vec![moved]));

    let violation = check_edit(&goal, &draft).expect_err("trackers stay in their milestone");

    assert_eq!(
        violation,
        unknown_id(
            "milestones[3].trackers[0].id",
            "m2-t1",
            UnknownIdReason::TrackerOfAnotherMilestone
        )
    );
}
