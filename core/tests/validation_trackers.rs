//! DESIGN §3 for trackers: 1 to 25 per milestone, each named uniquely within its milestone,
//! each with a Default Value.

mod common;

use common::{goal_draft, lead_captured, milestone, tracker, violations};
use goals_core::{GoalDraft, TrackerDraft};

fn with_default_value(default_value: &str) -> GoalDraft {
    let mut draft = lead_captured();
    draft.milestones[0].trackers[1].default_value = default_value.to_string();
    draft
}

fn trackers(count: usize) -> Vec<TrackerDraft> {
    (1..=count)
        .map(|n| tracker(&format!("Tracker {n}")))
        .collect()
}

#[test]
fn a_milestone_needs_at_least_one_tracker() {
    let mut draft = lead_captured();
    draft.milestones[1].trackers.clear();

    let errors = draft
        .validate()
        .expect_err("a milestone without trackers is refused");

    assert_eq!(violations(&draft), ["milestones[1].trackers: too_few"]);
    assert_eq!(errors[0].message, "A milestone needs at least one tracker");
}

#[test]
fn a_milestone_may_have_25_trackers_but_not_26() {
    let mut at_limit = lead_captured();
    at_limit.milestones[1].trackers = trackers(25);
    let mut over_limit = lead_captured();
    over_limit.milestones[1].trackers = trackers(26);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(
        violations(&over_limit),
        ["milestones[1].trackers: too_many"]
    );
}

#[test]
fn tracker_name_is_required() {
    let mut draft = lead_captured();
    draft.milestones[0].trackers[0].name = "\t".to_string();

    let errors = draft
        .validate()
        .expect_err("a blank tracker name is refused");

    assert_eq!(
        violations(&draft),
        ["milestones[0].trackers[0].name: required"]
    );
    assert_eq!(errors[0].message, "Tracker Name is required");
}

#[test]
fn tracker_name_may_have_100_characters_but_not_101() {
    let mut at_limit = lead_captured();
    at_limit.milestones[0].trackers[1].name = "語".repeat(100);
    let mut over_limit = lead_captured();
    over_limit.milestones[0].trackers[1].name = "語".repeat(101);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(
        violations(&over_limit),
        ["milestones[0].trackers[1].name: too_long"]
    );
}

#[test]
fn tracker_names_are_unique_within_a_milestone_ignoring_case() {
    let mut draft = lead_captured();
    draft.milestones[0].trackers[1].name = "email ADDRESS".to_string();

    let errors = draft
        .validate()
        .expect_err("a repeated tracker name is refused");

    assert_eq!(
        violations(&draft),
        ["milestones[0].trackers[1].name: duplicate"]
    );
    assert_eq!(
        errors[0].message,
        "Another tracker of this milestone is already called \"email ADDRESS\""
    );
}

#[test]
fn milestones_may_have_trackers_of_the_same_name() {
    let draft = goal_draft(
        "Survey answered",
        vec![
            milestone("First question", vec![tracker("Answer")]),
            milestone("Second question", vec![tracker("answer")]),
        ],
    );

    assert_eq!(violations(&draft), Vec::<String>::new());
}

#[test]
fn tracker_description_may_have_1000_characters_but_not_1001() {
    let mut at_limit = lead_captured();
    at_limit.milestones[2].trackers[0].description = "d".repeat(1000);
    let mut over_limit = lead_captured();
    over_limit.milestones[2].trackers[0].description = "d".repeat(1001);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(
        violations(&over_limit),
        ["milestones[2].trackers[0].description: too_long"]
    );
}

#[test]
fn default_value_is_required() {
    let draft = with_default_value("");

    let errors = draft
        .validate()
        .expect_err("an empty Default Value is refused");

    assert_eq!(
        violations(&draft),
        ["milestones[0].trackers[1].defaultValue: required"]
    );
    assert_eq!(errors[0].message, "Default Value is required");
}

#[test]
fn default_value_of_only_whitespace_is_required() {
    let draft = with_default_value(" \u{a0}\t ");

    assert_eq!(
        violations(&draft),
        ["milestones[0].trackers[1].defaultValue: required"]
    );
}

#[test]
fn default_value_may_have_500_characters_but_not_501() {
    let at_limit = with_default_value(&"é".repeat(500));
    let over_limit = with_default_value(&"é".repeat(501));

    let errors = over_limit
        .validate()
        .expect_err("501 characters are refused");

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(
        violations(&over_limit),
        ["milestones[0].trackers[1].defaultValue: too_long"]
    );
    assert_eq!(
        errors[0].message,
        "Default Value must be at most 500 characters (it has 501)"
    );
}
