//! DESIGN §3 for milestones: 1 to 50 per goal, each named uniquely within its goal.

mod common;

use common::{goal_draft, lead_captured, milestone, numbered_milestone, tracker, violations};
use goals_core::GoalDraft;

fn goal_of_milestones(count: usize) -> GoalDraft {
    goal_draft("Onboarding", (1..=count).map(numbered_milestone).collect())
}

#[test]
fn a_goal_needs_at_least_one_milestone() {
    let draft = goal_of_milestones(0);

    let errors = draft
        .validate()
        .expect_err("a goal without milestones is refused");

    assert_eq!(violations(&draft), ["milestones: too_few"]);
    assert_eq!(errors[0].message, "A goal needs at least one milestone");
}

#[test]
fn a_goal_may_have_50_milestones_but_not_51() {
    let at_limit = goal_of_milestones(50);
    let over_limit = goal_of_milestones(51);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(violations(&over_limit), ["milestones: too_many"]);
}

#[test]
fn milestone_name_is_required() {
    let mut draft = lead_captured();
    draft.milestones[1].name = "  ".to_string();

    let errors = draft
        .validate()
        .expect_err("a blank milestone name is refused");

    assert_eq!(violations(&draft), ["milestones[1].name: required"]);
    assert_eq!(errors[0].message, "Milestone Name is required");
}

#[test]
fn milestone_name_may_have_100_characters_but_not_101() {
    let mut at_limit = lead_captured();
    at_limit.milestones[2].name = "ß".repeat(100);
    let mut over_limit = lead_captured();
    over_limit.milestones[2].name = "ß".repeat(101);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(violations(&over_limit), ["milestones[2].name: too_long"]);
}

#[test]
fn milestone_names_are_unique_within_a_goal_ignoring_case() {
    let draft = goal_draft(
        "Lead captured",
        vec![
            milestone("Email given", vec![tracker("Email Address")]),
            milestone("Phone given", vec![tracker("Phone Number")]),
            milestone(" EMAIL given ", vec![tracker("Email Address")]),
        ],
    );

    let errors = draft
        .validate()
        .expect_err("a repeated milestone name is refused");

    assert_eq!(violations(&draft), ["milestones[2].name: duplicate"]);
    assert_eq!(
        errors[0].message,
        "Another milestone of this goal is already called \"EMAIL given\""
    );
}

#[test]
fn blank_milestone_names_are_required_not_duplicates() {
    let mut draft = lead_captured();
    draft.milestones[0].name = String::new();
    draft.milestones[1].name = " ".to_string();

    assert_eq!(
        violations(&draft),
        [
            "milestones[0].name: required",
            "milestones[1].name: required"
        ]
    );
}

#[test]
fn milestone_description_may_have_1000_characters_but_not_1001() {
    let mut at_limit = lead_captured();
    at_limit.milestones[0].description = "d".repeat(1000);
    let mut over_limit = lead_captured();
    over_limit.milestones[0].description = "d".repeat(1001);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(
        violations(&over_limit),
        ["milestones[0].description: too_long"]
    );
}
