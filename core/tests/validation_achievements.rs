//! The rules an achievement must meet against its goal: identifiers and values within their
//! limits, a milestone of the goal, trackers of that milestone, every violation at its path.

mod common;

use common::{lead_captured, path_and_code, stored};
use goals_core::limits::{ID_MAX, SOURCE_TYPE_MAX, SOURCE_VALUE_MAX, TRACKER_VALUE_MAX};
use goals_core::{AchievementInput, Source};

fn valid() -> AchievementInput {
    AchievementInput {
        customer_id: "customer-1".to_string(),
        conversation_id: Some("conversation-1".to_string()),
        milestone_id: "m1".to_string(),
        tracker_values: [("m1-t1".to_string(), "ada@example.com".to_string())].into(),
        source: Some(Source {
            kind: "Marketing".to_string(),
            value: "Spring campaign".to_string(),
        }),
    }
}

fn violations(achievement: &AchievementInput) -> Vec<String> {
    achievement
        .validate(&stored(&lead_captured()))
        .err()
        .unwrap_or_default()
        .iter()
        .map(path_and_code)
        .collect()
}

#[test]
fn a_valid_achievement_passes() {
    assert_eq!(violations(&valid()), Vec::<String>::new());
    let minimal = AchievementInput {
        conversation_id: None,
        tracker_values: Default::default(),
        source: None,
        ..valid()
    };
    assert_eq!(violations(&minimal), Vec::<String>::new());
}

#[test]
fn identifiers_are_required_and_at_most_128_characters() {
    let empty = AchievementInput {
        customer_id: String::new(),
        conversation_id: Some(String::new()),
        milestone_id: String::new(),
        tracker_values: Default::default(),
        ..valid()
    };
    assert_eq!(
        violations(&empty),
        [
            "customerId: required",
            "conversationId: required",
            "milestoneId: required"
        ]
    );

    let long = AchievementInput {
        customer_id: "c".repeat(ID_MAX + 1),
        conversation_id: Some("é".repeat(ID_MAX + 1)),
        ..valid()
    };
    assert_eq!(
        violations(&long),
        ["customerId: too_long", "conversationId: too_long"]
    );

    let at_limit = AchievementInput {
        customer_id: "c".repeat(ID_MAX),
        conversation_id: Some("é".repeat(ID_MAX)),
        ..valid()
    };
    assert_eq!(violations(&at_limit), Vec::<String>::new());
}

#[test]
fn a_milestone_the_goal_does_not_have_is_unknown() {
    let achievement = AchievementInput {
        milestone_id: "m9".to_string(),
        ..valid()
    };

    assert_eq!(violations(&achievement), ["milestoneId: unknown"]);
}

#[test]
fn a_tracker_of_another_milestone_is_unknown_at_its_value() {
    let mut achievement = valid();
    achievement
        .tracker_values
        .insert("m2-t1".to_string(), "+44 20 7946 0000".to_string());

    assert_eq!(violations(&achievement), ["trackerValues.m2-t1: unknown"]);
}

#[test]
fn tracker_values_are_at_most_500_characters_and_may_be_empty() {
    let mut achievement = valid();
    achievement
        .tracker_values
        .insert("m1-t1".to_string(), "x".repeat(TRACKER_VALUE_MAX + 1));
    achievement
        .tracker_values
        .insert("m1-t2".to_string(), String::new());

    assert_eq!(violations(&achievement), ["trackerValues.m1-t1: too_long"]);
}

#[test]
fn a_source_needs_a_type_and_fits_its_limits() {
    let no_type = AchievementInput {
        source: Some(Source {
            kind: String::new(),
            value: String::new(),
        }),
        ..valid()
    };
    assert_eq!(violations(&no_type), ["source.type: required"]);

    let long = AchievementInput {
        source: Some(Source {
            kind: "t".repeat(SOURCE_TYPE_MAX + 1),
            value: "v".repeat(SOURCE_VALUE_MAX + 1),
        }),
        ..valid()
    };
    assert_eq!(
        violations(&long),
        ["source.type: too_long", "source.value: too_long"]
    );
}
