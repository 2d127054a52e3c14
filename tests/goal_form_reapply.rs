//! Re-applying a bot builder's edits onto a version of the goal saved elsewhere meanwhile: the
//! three-way merge behind **Re-apply my changes**, tested as a pure function.

#![cfg(target_arch = "wasm32")]

mod goal_form_fixtures;

use goal_form_fixtures::{as_goal, lead_captured};
use goals_core::{Goal, GoalDraft, Milestone, MilestoneDraft, Tracker, TrackerDraft};
use goals_studio::goal_form::reapply::{ReapplyNote, reapply};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the edit form holds before any typing: the goal as loaded.
fn as_loaded(goal: &Goal) -> GoalDraft {
    GoalDraft::from(goal)
}

fn new_milestone(name: &str, default_value: &str) -> MilestoneDraft {
    MilestoneDraft {
        id: None,
        name: name.into(),
        description: String::new(),
        trackers: vec![new_tracker("Tracker 1", default_value)],
    }
}

fn new_tracker(name: &str, default_value: &str) -> TrackerDraft {
    TrackerDraft {
        id: None,
        name: name.into(),
        description: String::new(),
        default_value: default_value.into(),
    }
}

fn milestone_names(draft: &GoalDraft) -> Vec<&str> {
    draft.milestones.iter().map(|m| m.name.as_str()).collect()
}

fn tracker_names(draft: &GoalDraft, milestone: usize) -> Vec<&str> {
    draft.milestones[milestone]
        .trackers
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

#[wasm_bindgen_test]
fn a_rename_of_mine_meets_a_milestone_added_elsewhere() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[0].name = "Email typed".into();
    mine.milestones.push(new_milestone("Follow-up", "NONE"));
    let mut current = as_goal(lead_captured(2));
    current.milestones.push(Milestone {
        id: "m3".into(),
        name: "Contract signed".into(),
        description: String::new(),
        trackers: vec![Tracker {
            id: "t4".into(),
            name: "Amount".into(),
            description: String::new(),
            default_value: "0".into(),
        }],
    });

    let merged = reapply(&base, &mine, &current);

    assert_eq!(
        milestone_names(&merged.draft),
        ["Email typed", "Demo booked", "Contract signed", "Follow-up"],
        "the server's new milestone comes before mine"
    );
    assert_eq!(merged.draft.milestones[2].id.as_deref(), Some("m3"));
    assert_eq!(merged.draft.milestones[3].id, None);
    assert_eq!(merged.notes, []);
}

#[wasm_bindgen_test]
fn a_tracker_i_deleted_stays_deleted_beside_a_default_value_changed_elsewhere() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[1].trackers.remove(1);
    let mut current = as_goal(lead_captured(2));
    current.milestones[1].trackers[0].default_value = "NO_DATE_GIVEN".into();
    current.milestones[1].trackers[1].default_value = "NO_PRODUCT".into();

    let merged = reapply(&base, &mine, &current);

    assert_eq!(tracker_names(&merged.draft, 1), ["Date"]);
    assert_eq!(
        merged.draft.milestones[1].trackers[0].default_value,
        "NO_DATE_GIVEN"
    );
    assert_eq!(merged.notes, []);
}

#[wasm_bindgen_test]
fn when_both_renamed_the_same_field_mine_wins_and_is_listed() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.name = "Leads from ads".into();
    let mut current = as_goal(lead_captured(2));
    current.name = "Lead captured (web)".into();

    let merged = reapply(&base, &mine, &current);

    assert_eq!(merged.draft.name, "Leads from ads");
    assert_eq!(
        merged.notes,
        [ReapplyNote::KeptMine {
            field: "Goal Name".into(),
            mine: "Leads from ads".into(),
            server: "Lead captured (web)".into()
        }]
    );
}

#[wasm_bindgen_test]
fn fields_i_did_not_change_take_the_servers_value() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[0].trackers[0].name = "Email".into();
    let mut current = as_goal(lead_captured(2));
    current.description = "Leads from every channel".into();
    current.milestones[0].trackers[0].default_value = "NO_EMAIL".into();

    let merged = reapply(&base, &mine, &current);

    let tracker = &merged.draft.milestones[0].trackers[0];
    assert_eq!(tracker.name, "Email");
    assert_eq!(tracker.default_value, "NO_EMAIL");
    assert_eq!(tracker.id.as_deref(), Some("t1"));
    assert_eq!(merged.draft.description, "Leads from every channel");
}

#[wasm_bindgen_test]
fn the_same_change_made_by_both_is_not_listed() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[1].name = "Demo scheduled".into();
    let mut current = as_goal(lead_captured(2));
    current.milestones[1].name = "Demo scheduled".into();

    let merged = reapply(&base, &mine, &current);

    assert_eq!(merged.draft.milestones[1].name, "Demo scheduled");
    assert_eq!(merged.notes, []);
}

#[wasm_bindgen_test]
fn a_tracker_deleted_elsewhere_stays_deleted_unless_i_edited_it() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[1].trackers[1].default_value = "NO_PRODUCT".into();
    let mut current = as_goal(lead_captured(2));
    current.milestones[1].trackers.clear();
    current.milestones[1].trackers.push(Tracker {
        id: "t9".into(),
        name: "Seats".into(),
        description: String::new(),
        default_value: "0".into(),
    });

    let merged = reapply(&base, &mine, &current);

    assert_eq!(
        tracker_names(&merged.draft, 1),
        ["Seats", "Product"],
        "Date, untouched, stays deleted; Product, edited, comes back"
    );
    let restored = &merged.draft.milestones[1].trackers[1];
    assert_eq!(restored.id, None, "the server no longer knows its id");
    assert_eq!(restored.default_value, "NO_PRODUCT");
    assert_eq!(
        merged.notes,
        [ReapplyNote::TrackerRestored {
            milestone: "Demo booked".into(),
            tracker: "Product".into()
        }]
    );
}

#[wasm_bindgen_test]
fn new_trackers_of_mine_follow_the_servers_trackers() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[0]
        .trackers
        .push(new_tracker("Tracker 1", "NONE"));
    let mut current = as_goal(lead_captured(2));
    current.milestones[0].trackers.push(Tracker {
        id: "t8".into(),
        name: "Phone".into(),
        description: String::new(),
        default_value: "NO_PHONE".into(),
    });

    let merged = reapply(&base, &mine, &current);

    assert_eq!(
        tracker_names(&merged.draft, 0),
        ["Email Address", "Phone", "Tracker 1"]
    );
}

#[wasm_bindgen_test]
fn tags_i_added_and_removed_are_applied_to_the_servers_tags() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.tags = vec!["ads".into()];
    let mut current = as_goal(lead_captured(2));
    current.tags = vec!["sales".into(), "web".into()];

    let merged = reapply(&base, &mine, &current);

    assert_eq!(merged.draft.tags, ["web", "ads"]);
}

#[wasm_bindgen_test]
fn a_milestone_missing_from_the_newer_version_comes_back_only_if_i_edited_it() {
    let base = as_goal(lead_captured(1));
    let mut mine = as_loaded(&base);
    mine.milestones[1].name = "Demo held".into();
    let mut current = as_goal(lead_captured(2));
    current.milestones.clear();

    let merged = reapply(&base, &mine, &current);

    assert_eq!(milestone_names(&merged.draft), ["Demo held"]);
    let restored = &merged.draft.milestones[0];
    assert_eq!(restored.id, None);
    assert!(restored.trackers.iter().all(|t| t.id.is_none()));
    assert_eq!(
        merged.notes,
        [ReapplyNote::MilestoneRestored {
            milestone: "Demo held".into()
        }]
    );
}
