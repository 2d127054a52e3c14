//! What a journey's Goal node reports and what the API answers about runs and reports
//! (DESIGN §4): the wire types shared by the server, the app and the conformance checks.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One report that a customer reached a milestone, as a Goal node sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AchievementInput {
    /// The bot platform's id of the customer, taken exactly as sent.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub customer_id: String,
    /// The conversation the run belongs to; achievements without one all belong to one run
    /// of the customer. When sent, it must not be empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub conversation_id: Option<String>,
    /// A milestone of the goal.
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub milestone_id: String,
    /// Values by tracker id, each at most 500 characters, for trackers of the milestone
    /// reached; a tracker left out takes its Default Value.
    pub tracker_values: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// Where the customer came from, e.g. `Marketing` / a campaign name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The kind of source, such as `Marketing`; required.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub kind: String,
    /// The source itself, such as a campaign name; may be empty.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub value: String,
}

/// Where a milestone stands in one run: `pending` until the run reaches it, `achieved` when
/// the run reaches it, `skipped` when the run reaches a later one first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    Pending,
    Achieved,
    Skipped,
}

/// One customer's way through one goal in one conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct RunProgress {
    pub goal_id: String,
    pub customer_id: String,
    /// `null` for the run of the customer's achievements without a conversation ID.
    pub conversation_id: Option<String>,
    /// Every milestone of the goal is achieved or skipped.
    pub completed: bool,
    /// In goal order, one per milestone of the goal.
    pub milestones: Vec<MilestoneProgress>,
}

/// One milestone of a run, with the tracker values it recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerRuns {
    pub customer_id: String,
    pub runs: Vec<RunProgress>,
}

/// Analytics of one goal over a range of days (UTC, both ends included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct GoalReport {
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range, included.
    pub to: NaiveDate,
    /// Runs that completed the goal in the range.
    pub goal_achieved: u64,
    /// Distinct customer IDs with any achievement in the range.
    pub unique_users: u64,
    pub milestones: Vec<MilestoneReport>,
    /// One entry per day of the range, in order.
    pub trend: Vec<TrendDay>,
}

/// One milestone's figures over a report's range, in goal order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MilestoneReport {
    pub milestone_id: String,
    pub name: String,
    /// Runs that achieved the milestone in the range.
    pub achieved: u64,
    /// Runs that skipped the milestone in the range.
    pub skipped: u64,
    /// Distinct customer IDs that achieved the milestone in the range.
    pub unique_users: u64,
    /// Runs that stopped at this milestone: it is the furthest they reached, and they are
    /// not completed.
    pub drop_off: u64,
}

/// One day of a report's trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct TrendDay {
    pub date: NaiveDate,
    /// One point per milestone, in goal order.
    pub milestones: Vec<TrendPoint>,
}

/// One milestone's figures on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub milestone_id: String,
    /// Runs that achieved the milestone that day.
    pub achieved: u64,
    /// Distinct customer IDs that achieved the milestone that day.
    pub unique_users: u64,
}
