//! Saved goals as the Goals API sends them, shared by the goal form's tests: as JSON for the
//! stand-in API, and as `goals_core` values for the pure merge and comparison tests.

#![allow(dead_code)]

use goals_core::Goal;
use serde_json::{Value, json};

/// A saved tracker as `(id, name, default value)`.
pub type SavedTracker<'a> = (&'a str, &'a str, &'a str);
/// A saved milestone as `(id, name, trackers)`.
pub type SavedMilestone<'a> = (&'a str, &'a str, &'a [SavedTracker<'a>]);

/// The saved goal `g1` at `version`.
pub fn goal(version: i64, milestones: &[SavedMilestone]) -> Value {
    let milestones: Vec<Value> = milestones
        .iter()
        .map(|(id, name, trackers)| {
            let trackers: Vec<Value> = trackers
                .iter()
                .map(|(id, name, default_value)| {
                    json!({ "id": id, "name": name, "description": "", "defaultValue": default_value })
                })
                .collect();
            json!({ "id": id, "name": name, "description": format!("About {name}"), "trackers": trackers })
        })
        .collect();
    json!({
        "id": "g1", "name": "Lead captured", "description": "Leads from the website",
        "tags": ["sales"], "milestones": milestones, "version": version,
        "createdAt": "2026-01-01T10:00:00Z", "updatedAt": "2026-01-02T10:00:00Z"
    })
}

/// `Lead captured`: `Email given` (Email Address) and `Demo booked` (Date, Product).
pub fn lead_captured(version: i64) -> Value {
    goal(
        version,
        &[
            (
                "m1",
                "Email given",
                &[("t1", "Email Address", "NOT_PROVIDED")],
            ),
            (
                "m2",
                "Demo booked",
                &[("t2", "Date", "NO_DATE"), ("t3", "Product", "NONE")],
            ),
        ],
    )
}

/// A goal's JSON as the app reads it.
pub fn as_goal(goal: Value) -> Goal {
    serde_json::from_value(goal).expect("a goal as the API sends it")
}
