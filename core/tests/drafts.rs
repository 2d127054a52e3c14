//! Drafts: the form a goal is stored in, the ids a create must not carry, and the draft an
//! edit form starts from.

mod common;

use common::{goal_draft, lead_captured, milestone, stored, tracker};
use goals_core::{GoalDraft, MilestoneDraft, TrackerDraft};

#[test]
fn normalizing_trims_every_text() {
    let draft = GoalDraft {
        name: "  Lead captured ".to_string(),
        description: "\tCalled back\n".to_string(),
        tags: vec![" sales ".to_string()],
        milestones: vec![MilestoneDraft {
            id: None,
            name: " Email given ".to_string(),
            description: " Asked once ".to_string(),
            trackers: vec![TrackerDraft {
                id: None,
                name: " Email Address ".to_string(),
                description: " As typed ".to_string(),
                default_value: "  NOT_PROVIDED  ".to_string(),
            }],
        }],
    };

    let normalized = draft.normalized();

    let expected = GoalDraft {
        description: "Called back".to_string(),
        tags: vec!["sales".to_string()],
        milestones: vec![MilestoneDraft {
            description: "Asked once".to_string(),
            trackers: vec![TrackerDraft {
                description: "As typed".to_string(),
                ..tracker("Email Address")
            }],
            ..milestone("Email given", Vec::new())
        }],
        ..goal_draft("Lead captured", Vec::new())
    };
    assert_eq!(normalized, expected);
}

#[test]
fn normalizing_keeps_ids_and_order() {
    let draft = GoalDraft::from(&stored(&lead_captured()));

    let normalized = draft.normalized();

    assert_eq!(normalized, draft);
}

#[test]
fn a_new_goal_carries_no_id() {
    let draft = lead_captured();

    assert_eq!(draft.first_id_path(), None);
}

#[test]
fn first_id_path_names_a_milestone_id() {
    let mut draft = lead_captured();
    draft.milestones[1].id = Some("m2".to_string());
    draft.milestones[2].trackers[0].id = Some("m3-t1".to_string());

    assert_eq!(draft.first_id_path().as_deref(), Some("milestones[1].id"));
}

#[test]
fn first_id_path_names_a_tracker_id() {
    let mut draft = lead_captured();
    draft.milestones[0].trackers[1].id = Some("m1-t2".to_string());

    assert_eq!(
        draft.first_id_path().as_deref(),
        Some("milestones[0].trackers[1].id")
    );
}

#[test]
fn the_draft_of_a_stored_goal_carries_its_ids_and_texts() {
    let goal = stored(&lead_captured());

    let draft = GoalDraft::from(&goal);

    let ids: Vec<(Option<&str>, Vec<Option<&str>>)> = draft
        .milestones
        .iter()
        .map(|m| {
            (
                m.id.as_deref(),
                m.trackers.iter().map(|t| t.id.as_deref()).collect(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            (Some("m1"), vec![Some("m1-t1"), Some("m1-t2")]),
            (Some("m2"), vec![Some("m2-t1")]),
            (Some("m3"), vec![Some("m3-t1")]),
        ]
    );
    let without_ids = GoalDraft {
        milestones: draft
            .milestones
            .iter()
            .map(|m| MilestoneDraft {
                id: None,
                trackers: m
                    .trackers
                    .iter()
                    .map(|t| TrackerDraft {
                        id: None,
                        ..t.clone()
                    })
                    .collect(),
                ..m.clone()
            })
            .collect(),
        ..draft
    };
    assert_eq!(without_ids, lead_captured());
}
