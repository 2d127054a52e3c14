//! The list of what changed on the server between two versions of a goal, as the conflict
//! notice shows it: a pure comparison, tested without mounting anything.

#![cfg(target_arch = "wasm32")]

mod goal_form_fixtures;

use goal_form_fixtures::{as_goal, lead_captured};
use goals_core::{Milestone, Tracker};
use goals_studio::goal_form::server_changes::{ServerChange, server_changes};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn tracker(id: &str, name: &str, default_value: &str) -> Tracker {
    Tracker {
        id: id.into(),
        name: name.into(),
        description: String::new(),
        default_value: default_value.into(),
    }
}

#[wasm_bindgen_test]
fn the_same_goal_at_a_later_version_has_no_changes() {
    let started_from = as_goal(lead_captured(1));

    assert_eq!(
        server_changes(&started_from, &as_goal(lead_captured(2))),
        []
    );
}

#[wasm_bindgen_test]
fn goal_name_description_and_tags_changes_are_listed() {
    let started_from = as_goal(lead_captured(1));
    let mut current = as_goal(lead_captured(2));
    current.name = "Lead won".into();
    current.description = "From every channel".into();
    current.tags = vec!["SALES".into(), "web".into()];

    assert_eq!(
        server_changes(&started_from, &current),
        [
            ServerChange::GoalRenamed {
                from: "Lead captured".into(),
                to: "Lead won".into()
            },
            ServerChange::GoalDescriptionChanged,
            ServerChange::TagsChanged {
                added: vec!["web".into()],
                removed: vec![]
            },
        ],
        "a tag spelled in another case is the same tag"
    );
}

#[wasm_bindgen_test]
fn milestones_added_and_renamed_are_listed_by_name() {
    let started_from = as_goal(lead_captured(1));
    let mut current = as_goal(lead_captured(2));
    current.milestones[1].name = "Demo scheduled".into();
    current.milestones.push(Milestone {
        id: "m3".into(),
        name: "Contract signed".into(),
        description: String::new(),
        trackers: vec![tracker("t4", "Amount", "0")],
    });

    let changes = server_changes(&started_from, &current);

    assert_eq!(
        changes,
        [
            ServerChange::MilestoneRenamed {
                from: "Demo booked".into(),
                to: "Demo scheduled".into()
            },
            ServerChange::MilestoneAdded {
                milestone: "Contract signed".into()
            },
        ]
    );
    assert_eq!(
        changes[0].to_string(),
        "Milestone “Demo booked” renamed to “Demo scheduled”"
    );
}

#[wasm_bindgen_test]
fn trackers_added_renamed_deleted_and_default_values_changed_are_listed() {
    let started_from = as_goal(lead_captured(1));
    let mut current = as_goal(lead_captured(2));
    current.milestones[0].trackers[0].default_value = "NO_EMAIL".into();
    current.milestones[1].trackers[0].name = "Demo date".into();
    current.milestones[1].trackers.remove(1);
    current.milestones[1]
        .trackers
        .push(tracker("t9", "Seats", "0"));

    let changes = server_changes(&started_from, &current);

    assert_eq!(
        changes,
        [
            ServerChange::DefaultValueChanged {
                milestone: "Email given".into(),
                tracker: "Email Address".into(),
                from: "NOT_PROVIDED".into(),
                to: "NO_EMAIL".into()
            },
            ServerChange::TrackerRenamed {
                milestone: "Demo booked".into(),
                from: "Date".into(),
                to: "Demo date".into()
            },
            ServerChange::TrackerAdded {
                milestone: "Demo booked".into(),
                tracker: "Seats".into()
            },
            ServerChange::TrackerDeleted {
                milestone: "Demo booked".into(),
                tracker: "Product".into()
            },
        ]
    );
    assert_eq!(
        changes[0].to_string(),
        "Default Value of tracker “Email Address” of milestone “Email given” changed from \
         “NOT_PROVIDED” to “NO_EMAIL”"
    );
}

#[wasm_bindgen_test]
fn descriptions_of_milestones_and_trackers_changed_are_listed() {
    let started_from = as_goal(lead_captured(1));
    let mut current = as_goal(lead_captured(2));
    current.milestones[0].description = "The visitor typed an email".into();
    current.milestones[0].trackers[0].description = "As typed".into();

    assert_eq!(
        server_changes(&started_from, &current),
        [
            ServerChange::MilestoneDescriptionChanged {
                milestone: "Email given".into()
            },
            ServerChange::TrackerDescriptionChanged {
                milestone: "Email given".into(),
                tracker: "Email Address".into()
            },
        ]
    );
}
