//! Goals as the server stores and returns them: every id, the version and the times are the
//! server's.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a bot journey is meant to achieve, with its milestones in creation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// Assigned by the server when the goal is created; never changes.
    pub id: String,
    /// Unique among goals, ignoring case.
    pub name: String,
    /// Empty when the builder gave none.
    pub description: String,
    /// Distinct ignoring case, in the order they were given.
    pub tags: Vec<String>,
    /// In creation order, which never changes.
    pub milestones: Vec<Milestone>,
    /// Starts at 1 and grows by one on every replace; it is the goal's `ETag`.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A step on the way to a goal. Its position among the goal's milestones never changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// Assigned by the server; send it back on replace to keep the milestone.
    pub id: String,
    /// Unique within the goal, ignoring case.
    pub name: String,
    pub description: String,
    pub trackers: Vec<Tracker>,
}

/// A value stored when its milestone is reached, or its default when the milestone is skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Tracker {
    /// Assigned by the server; send it back on replace to keep the tracker and its records.
    pub id: String,
    /// Unique within the milestone, ignoring case.
    pub name: String,
    pub description: String,
    /// Stored for every customer who skips the milestone, so it should be a value no
    /// customer would type, such as `NOT_PROVIDED`.
    pub default_value: String,
}

/// One row of the goals listing: enough to show a goal without loading its milestones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct GoalSummary {
    pub id: String,
    pub name: String,
    pub description: String,
    pub tags: Vec<String>,
    pub milestone_count: u32,
    /// Trackers of all the goal's milestones together.
    pub tracker_count: u32,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One page of the goals listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct GoalPage {
    /// Newest update first.
    pub goals: Vec<GoalSummary>,
    /// Pass it back unchanged as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl Goal {
    /// The listing row for this goal.
    pub fn summary(&self) -> GoalSummary {
        GoalSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            tags: self.tags.clone(),
            milestone_count: self.milestones.len() as u32,
            tracker_count: self
                .milestones
                .iter()
                .map(|m| m.trackers.len() as u32)
                .sum(),
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}
