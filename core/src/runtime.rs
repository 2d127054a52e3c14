//! What a journey's Goal node reports and what the API answers about runs and reports
//! (DESIGN §4): the wire types shared by the server, the app and the conformance checks.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One report that a customer reached a milestone, as a Goal node sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AchievementInput {
    pub customer_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    pub milestone_id: String,
    /// Values by tracker id; a tracker left out takes its Default Value.
    pub tracker_values: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// Where the customer came from, e.g. `Marketing` / a campaign name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

/// Where a milestone stands in one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    Pending,
    Achieved,
    Skipped,
}

/// One customer's way through one goal in one conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunProgress {
    pub goal_id: String,
    pub customer_id: String,
    pub conversation_id: Option<String>,
    pub completed: bool,
    /// In goal order, one per milestone of the goal.
    pub milestones: Vec<MilestoneProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneProgress {
    pub milestone_id: String,
    pub name: String,
    pub status: MilestoneStatus,
    /// Values by tracker id; empty while pending.
    pub tracker_values: BTreeMap<String, String>,
    /// When it was achieved or skipped; absent while pending.
    pub recorded_at: Option<DateTime<Utc>>,
}

/// A customer's runs of one goal, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerRuns {
    pub customer_id: String,
    pub runs: Vec<RunProgress>,
}

/// Analytics of one goal over a range of days (UTC, both ends included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Runs that completed the goal in the range.
    pub goal_achieved: u64,
    /// Distinct customer IDs with any achievement in the range.
    pub unique_users: u64,
    pub milestones: Vec<MilestoneReport>,
    /// One entry per day of the range, in order.
    pub trend: Vec<TrendDay>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneReport {
    pub milestone_id: String,
    pub name: String,
    pub achieved: u64,
    pub skipped: u64,
    pub unique_users: u64,
    /// Runs that stopped at this milestone: it is the furthest they reached, and they are
    /// not completed.
    pub drop_off: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendDay {
    pub date: NaiveDate,
    pub milestones: Vec<TrendPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub milestone_id: String,
    pub achieved: u64,
    pub unique_users: u64,
}
