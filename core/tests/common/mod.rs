//! Builders shared by the test files: goals as a bot builder types them, the same goals once
//! the server has stored them, and the violations of a draft in the API's own words.

#![allow(
    dead_code,
    reason = "each test file uses its own part of these builders"
)]

pub mod strategies;

use chrono::{DateTime, TimeZone, Utc};
use goals_core::{FieldError, Goal, GoalDraft, Milestone, MilestoneDraft, Tracker, TrackerDraft};

/// The Default Value the product recommends: something a customer would never type.
pub const NOT_PROVIDED: &str = "NOT_PROVIDED";

pub fn tracker(name: &str) -> TrackerDraft {
    TrackerDraft {
        id: None,
        name: name.to_string(),
        description: String::new(),
        default_value: NOT_PROVIDED.to_string(),
    }
}

pub fn milestone(name: &str, trackers: Vec<TrackerDraft>) -> MilestoneDraft {
    MilestoneDraft {
        id: None,
        name: name.to_string(),
        description: String::new(),
        trackers,
    }
}

pub fn goal_draft(name: &str, milestones: Vec<MilestoneDraft>) -> GoalDraft {
    GoalDraft {
        name: name.to_string(),
        description: String::new(),
        tags: Vec::new(),
        milestones,
    }
}

/// A valid goal of three milestones, the first with two trackers.
pub fn lead_captured() -> GoalDraft {
    GoalDraft {
        description: "A visitor leaves enough to be called back".to_string(),
        tags: vec!["sales".to_string()],
        ..goal_draft(
            "Lead captured",
            vec![
                milestone(
                    "Email given",
                    vec![tracker("Email Address"), tracker("Consent")],
                ),
                milestone("Phone given", vec![tracker("Phone Number")]),
                milestone("Call booked", vec![tracker("Call Date")]),
            ],
        )
    }
}

/// A milestone of one tracker, named by its position like the form's own new ones.
pub fn numbered_milestone(n: usize) -> MilestoneDraft {
    milestone(&format!("Milestone {n}"), vec![tracker("Tracker 1")])
}

pub fn created_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 30, 0)
        .single()
        .expect("a valid date")
}

/// The goal the server would store for `draft`, ids given by position: milestone `m1` holds
/// trackers `m1-t1`, `m1-t2`, …
pub fn stored(draft: &GoalDraft) -> Goal {
    let milestones = draft.milestones.iter().enumerate().map(|(m, milestone)| {
        let milestone_id = format!("m{}", m + 1);
        let trackers = milestone
            .trackers
            .iter()
            .enumerate()
            .map(|(t, tracker)| Tracker {
                id: format!("{milestone_id}-t{}", t + 1),
                name: tracker.name.clone(),
                description: tracker.description.clone(),
                default_value: tracker.default_value.clone(),
            });
        Milestone {
            trackers: trackers.collect(),
            id: milestone_id,
            name: milestone.name.clone(),
            description: milestone.description.clone(),
        }
    });
    Goal {
        id: "goal-1".to_string(),
        name: draft.name.clone(),
        description: draft.description.clone(),
        tags: draft.tags.clone(),
        milestones: milestones.collect(),
        version: 1,
        created_at: created_at(),
        updated_at: created_at(),
    }
}

/// The violations of `draft` as `path: code`, with the code as the API spells it; empty when
/// the draft is valid.
pub fn violations(draft: &GoalDraft) -> Vec<String> {
    draft
        .validate()
        .err()
        .unwrap_or_default()
        .iter()
        .map(path_and_code)
        .collect()
}

pub fn path_and_code(error: &FieldError) -> String {
    let code = serde_json::to_value(error.code).expect("a code serializes");
    format!(
        "{}: {}",
        error.path,
        code.as_str().expect("a code is a string")
    )
}
