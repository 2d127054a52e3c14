//! DESIGN §3 for the goal's own fields (name, description, tags), and how validation reports:
//! every violation at once, at its path, in words a bot builder understands.

mod common;

use common::{goal_draft, lead_captured, path_and_code, violations};
use goals_core::GoalDraft;

fn with_tags(tags: &[&str]) -> GoalDraft {
    GoalDraft {
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        ..lead_captured()
    }
}

#[test]
fn a_complete_goal_is_valid() {
    let draft = lead_captured();

    let outcome = draft.validate();

    assert_eq!(outcome, Ok(()));
}

#[test]
fn goal_name_is_required() {
    let draft = GoalDraft {
        name: String::new(),
        ..lead_captured()
    };

    let errors = draft.validate().expect_err("an empty name is refused");

    assert_eq!(
        errors.iter().map(path_and_code).collect::<Vec<_>>(),
        ["name: required"]
    );
    assert_eq!(errors[0].message, "Goal Name is required");
}

#[test]
fn goal_name_of_only_whitespace_is_required() {
    let draft = GoalDraft {
        name: " \t\n ".to_string(),
        ..lead_captured()
    };

    assert_eq!(violations(&draft), ["name: required"]);
}

#[test]
fn goal_name_may_have_100_characters() {
    let draft = GoalDraft {
        name: "n".repeat(100),
        ..lead_captured()
    };

    assert_eq!(violations(&draft), Vec::<String>::new());
}

#[test]
fn goal_name_of_101_characters_is_too_long() {
    let draft = GoalDraft {
        name: "n".repeat(101),
        ..lead_captured()
    };

    let errors = draft.validate().expect_err("101 characters are refused");

    assert_eq!(
        errors.iter().map(path_and_code).collect::<Vec<_>>(),
        ["name: too_long"]
    );
    assert_eq!(
        errors[0].message,
        "Goal Name must be at most 100 characters (it has 101)"
    );
}

#[test]
fn goal_name_length_counts_characters_not_bytes() {
    let at_limit = GoalDraft {
        name: "é".repeat(100),
        ..lead_captured()
    };
    let over_limit = GoalDraft {
        name: "é".repeat(101),
        ..lead_captured()
    };

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(violations(&over_limit), ["name: too_long"]);
}

#[test]
fn whitespace_around_the_goal_name_does_not_count_towards_its_length() {
    let draft = GoalDraft {
        name: format!("  {}  ", "n".repeat(100)),
        ..lead_captured()
    };

    assert_eq!(violations(&draft), Vec::<String>::new());
}

#[test]
fn goal_description_is_optional() {
    let draft = GoalDraft {
        description: String::new(),
        ..lead_captured()
    };

    assert_eq!(violations(&draft), Vec::<String>::new());
}

#[test]
fn goal_description_may_have_1000_characters_but_not_1001() {
    let at_limit = GoalDraft {
        description: "d".repeat(1000),
        ..lead_captured()
    };
    let over_limit = GoalDraft {
        description: "d".repeat(1001),
        ..lead_captured()
    };

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(violations(&over_limit), ["description: too_long"]);
}

#[test]
fn tags_are_optional() {
    let draft = with_tags(&[]);

    assert_eq!(violations(&draft), Vec::<String>::new());
}

#[test]
fn a_goal_may_have_20_tags_but_not_21() {
    let twenty: Vec<String> = (1..=20).map(|n| format!("tag {n}")).collect();
    let twenty_one: Vec<String> = (1..=21).map(|n| format!("tag {n}")).collect();
    let at_limit = GoalDraft {
        tags: twenty,
        ..lead_captured()
    };
    let over_limit = GoalDraft {
        tags: twenty_one,
        ..lead_captured()
    };

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(violations(&over_limit), ["tags: too_many"]);
}

#[test]
fn repeated_tags_do_not_count_towards_the_limit() {
    let mut tags: Vec<String> = (1..=20).map(|n| format!("tag {n}")).collect();
    tags.extend((1..=5).map(|n| format!("TAG {n}")));
    let draft = GoalDraft {
        tags,
        ..lead_captured()
    };

    assert_eq!(violations(&draft), Vec::<String>::new());
}

#[test]
fn a_tag_may_have_32_characters_but_not_33() {
    let at_limit = with_tags(&["vip", &"t".repeat(32)]);
    let over_limit = with_tags(&["vip", &"t".repeat(33)]);

    assert_eq!(violations(&at_limit), Vec::<String>::new());
    assert_eq!(violations(&over_limit), ["tags[1]: too_long"]);
}

#[test]
fn a_tag_of_only_whitespace_is_required() {
    let draft = with_tags(&["vip", "   "]);

    let errors = draft.validate().expect_err("a blank tag is refused");

    assert_eq!(
        errors.iter().map(path_and_code).collect::<Vec<_>>(),
        ["tags[1]: required"]
    );
    assert_eq!(errors[0].message, "A tag is required");
}

#[test]
fn tag_errors_point_at_the_tag_as_sent() {
    let draft = with_tags(&["sales", "SALES", "", &"t".repeat(33)]);

    assert_eq!(
        violations(&draft),
        ["tags[2]: required", "tags[3]: too_long"]
    );
}

#[test]
fn tags_repeated_ignoring_case_are_removed_keeping_the_first_spelling() {
    let draft = with_tags(&["Sales", "vip", "sales", " SALES ", "VIP"]);

    let normalized = draft.normalized();

    assert_eq!(normalized.tags, ["Sales", "vip"]);
}

#[test]
fn every_violation_is_reported_at_once() {
    let mut draft = lead_captured();
    draft.name = "   ".to_string();
    draft.description = "d".repeat(1001);
    draft.tags = vec!["t".repeat(33)];
    draft.milestones[0].trackers[1].default_value = " ".to_string();
    draft.milestones[1].name = "EMAIL GIVEN".to_string();
    draft.milestones[2].trackers.clear();

    let found = violations(&draft);

    assert_eq!(
        found,
        [
            "name: required",
            "description: too_long",
            "tags[0]: too_long",
            "milestones[0].trackers[1].defaultValue: required",
            "milestones[1].name: duplicate",
            "milestones[2].trackers: too_few",
        ]
    );
}

#[test]
fn messages_are_sentences_for_people() {
    let mut draft = goal_draft(" ", Vec::new());
    draft.tags = vec![String::new(), "t".repeat(40)];

    let errors = draft.validate().expect_err("the draft is refused");

    let messages: Vec<&str> = errors.iter().map(|error| error.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Goal Name is required",
            "A tag is required",
            "A tag must be at most 32 characters (it has 40)",
            "A goal needs at least one milestone",
        ]
    );
}
