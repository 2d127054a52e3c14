//! Properties of drafts and goals over random ones: valid goals survive JSON unchanged,
//! normalizing is settled after one pass, and a text over its limit is always refused there.

mod common;

use common::strategies::{any_draft, stored_goal, valid_draft};
use common::{stored, violations};
use goals_core::limits::{
    DEFAULT_VALUE_MAX, DESCRIPTION_MAX, GOAL_NAME_MAX, MILESTONE_NAME_MAX, TAG_MAX,
    TRACKER_NAME_MAX,
};
use goals_core::{Goal, GoalDraft};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

/// A text field of a goal, found by position where the goal has several.
#[derive(Debug, Clone, Copy)]
enum Field {
    GoalName,
    GoalDescription,
    Tag,
    MilestoneName,
    MilestoneDescription,
    TrackerName,
    TrackerDescription,
    DefaultValue,
}

impl Field {
    const ALL: [Field; 8] = [
        Field::GoalName,
        Field::GoalDescription,
        Field::Tag,
        Field::MilestoneName,
        Field::MilestoneDescription,
        Field::TrackerName,
        Field::TrackerDescription,
        Field::DefaultValue,
    ];

    fn limit(self) -> usize {
        match self {
            Field::GoalName => GOAL_NAME_MAX,
            Field::Tag => TAG_MAX,
            Field::MilestoneName => MILESTONE_NAME_MAX,
            Field::TrackerName => TRACKER_NAME_MAX,
            Field::DefaultValue => DEFAULT_VALUE_MAX,
            Field::GoalDescription | Field::MilestoneDescription | Field::TrackerDescription => {
                DESCRIPTION_MAX
            }
        }
    }

    /// Puts `text` in this field of `draft` and answers the field's path; `position` picks
    /// the tracker or the tag.
    fn set(self, draft: &mut GoalDraft, milestone: Index, position: Index, text: String) -> String {
        let m = milestone.index(draft.milestones.len());
        let t = position.index(draft.milestones[m].trackers.len());
        if matches!(self, Field::Tag) && draft.tags.is_empty() {
            draft.tags.push(String::new());
        }
        let tag = position.index(draft.tags.len().max(1));
        let (slot, path) = match self {
            Field::GoalName => (&mut draft.name, "name".to_string()),
            Field::GoalDescription => (&mut draft.description, "description".to_string()),
            Field::Tag => (&mut draft.tags[tag], format!("tags[{tag}]")),
            Field::MilestoneName => (
                &mut draft.milestones[m].name,
                format!("milestones[{m}].name"),
            ),
            Field::MilestoneDescription => (
                &mut draft.milestones[m].description,
                format!("milestones[{m}].description"),
            ),
            Field::TrackerName => (
                &mut draft.milestones[m].trackers[t].name,
                format!("milestones[{m}].trackers[{t}].name"),
            ),
            Field::TrackerDescription => (
                &mut draft.milestones[m].trackers[t].description,
                format!("milestones[{m}].trackers[{t}].description"),
            ),
            Field::DefaultValue => (
                &mut draft.milestones[m].trackers[t].default_value,
                format!("milestones[{m}].trackers[{t}].defaultValue"),
            ),
        };
        *slot = text;
        path
    }
}

/// A text of 1 to 8 characters over `limit`, none of them whitespace, some of them several
/// bytes long, with whitespace around it that does not count.
fn over_limit(limit: usize) -> impl Strategy<Value = String> {
    let characters = select(vec!['a', 'Z', 'é', 'ß', '語', '🎯']);
    let text = vec(characters, limit + 1..=limit + 8).prop_map(String::from_iter);
    (" {0,2}", text, " {0,2}").prop_map(|(before, text, after)| format!("{before}{text}{after}"))
}

/// A valid draft with one text over its limit, and the path of that text.
fn draft_with_one_text_over_its_limit() -> impl Strategy<Value = (GoalDraft, String, Field)> {
    (
        valid_draft(),
        select(Field::ALL.to_vec()),
        any::<Index>(),
        any::<Index>(),
    )
        .prop_flat_map(|(draft, field, milestone, position)| {
            let text = over_limit(field.limit());
            (
                Just(draft),
                Just(field),
                Just(milestone),
                Just(position),
                text,
            )
        })
        .prop_map(|(mut draft, field, milestone, position, text)| {
            let path = field.set(&mut draft, milestone, position, text);
            (draft, path, field)
        })
}

proptest! {
    #[test]
    fn generated_drafts_are_valid(draft in valid_draft()) {
        prop_assert_eq!(draft.validate(), Ok(()));
    }

    #[test]
    fn a_valid_draft_round_trips_through_json(draft in valid_draft()) {
        let with_ids = GoalDraft::from(&stored(&draft));

        for sent in [draft, with_ids] {
            let json = serde_json::to_string(&sent).expect("a draft serializes");
            let received: GoalDraft = serde_json::from_str(&json).expect("a draft reads back");
            prop_assert_eq!(received, sent);
        }
    }

    #[test]
    fn a_goal_round_trips_through_json(goal in stored_goal()) {
        let json = serde_json::to_string(&goal).expect("a goal serializes");

        let received: Goal = serde_json::from_str(&json).expect("a goal reads back");

        prop_assert_eq!(received, goal);
    }

    #[test]
    fn normalizing_twice_is_normalizing_once(draft in any_draft()) {
        let once = draft.normalized();

        let twice = once.normalized();

        prop_assert_eq!(twice, once);
    }

    #[test]
    fn normalizing_never_changes_whether_a_draft_is_valid(draft in any_draft()) {
        let normalized = draft.normalized();

        let outcome = normalized.validate();

        prop_assert_eq!(outcome.is_ok(), draft.validate().is_ok());
        prop_assert_eq!(normalized.normalized().validate(), outcome);
    }

    #[test]
    fn a_valid_draft_stays_valid_once_normalized(draft in valid_draft()) {
        let normalized = draft.normalized();

        prop_assert_eq!(normalized.validate(), Ok(()));
    }

    #[test]
    fn a_text_over_its_limit_is_refused_as_too_long_at_its_path(
        (draft, path, field) in draft_with_one_text_over_its_limit()
    ) {
        let errors = draft.validate().expect_err("the long text is refused");

        prop_assert_eq!(violations(&draft), [format!("{path}: too_long")]);
        let limit = format!("at most {} characters", field.limit());
        prop_assert!(errors[0].message.contains(&limit), "{}", errors[0].message);
    }
}
