//! What a client sends to create or replace a goal. Milestone and tracker ids are present
//! only when they name ones the server already holds (on replace); a new one has none.

use serde::{Deserialize, Serialize};

use crate::goal::{Goal, Milestone, Tracker};

/// A goal as typed by a bot builder, before the server assigns ids, version and times.
/// A missing field reads as empty, so validation can name it at its place rather than the
/// whole body being refused as malformed.
///
/// The limits below are checked after trimming; a body that breaks them is answered with 422
/// `validation_failed`, each broken rule at its field's path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct GoalDraft {
    /// Required; unique among goals, ignoring case.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub description: String,
    /// Each 1 to 32 characters; a tag repeating another ignoring case is dropped.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub tags: Vec<String>,
    /// On replace, every existing milestone, by id, in its original order, before any new one.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub milestones: Vec<MilestoneDraft>,
}

/// A milestone as typed: a new one has no id, an existing one is named by its id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MilestoneDraft {
    /// Only on replace, naming a milestone the goal already has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Required; unique within the goal, ignoring case.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub description: String,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 25))]
    pub trackers: Vec<TrackerDraft>,
}

/// A tracker as typed: a new one has no id, an existing one is named by its id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct TrackerDraft {
    /// Only on replace, naming a tracker of this same milestone: trackers never move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Required; unique within the milestone, ignoring case.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub description: String,
    /// Required: the value recorded when a run skips the milestone. Best a value no
    /// customer would type, such as `NOT_PROVIDED`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub default_value: String,
}

impl GoalDraft {
    /// The form a goal is stored in: names, tags and Default Values trimmed, and tags that
    /// repeat another ignoring case dropped (the first spelling wins). Validation runs on the
    /// normalized draft so that "  Lead " and "lead" are the same name.
    pub fn normalized(&self) -> GoalDraft {
        GoalDraft {
            name: self.name.trim().to_string(),
            description: self.description.trim().to_string(),
            tags: distinct_tags(&self.tags)
                .into_iter()
                .map(|(_, tag)| tag.to_string())
                .collect(),
            milestones: self
                .milestones
                .iter()
                .map(MilestoneDraft::normalized)
                .collect(),
        }
    }

    /// The path of the first milestone or tracker id in the draft, which a create must not carry.
    pub fn first_id_path(&self) -> Option<String> {
        self.milestones
            .iter()
            .enumerate()
            .find_map(|(m, milestone)| {
                if milestone.id.is_some() {
                    return Some(format!("milestones[{m}].id"));
                }
                milestone
                    .trackers
                    .iter()
                    .position(|t| t.id.is_some())
                    .map(|t| format!("milestones[{m}].trackers[{t}].id"))
            })
    }
}

/// The tags [`GoalDraft::normalized`] keeps, trimmed, each with its position among the tags as
/// sent, so that a tag's field error points at the tag the client holds.
pub(crate) fn distinct_tags(tags: &[String]) -> Vec<(usize, &str)> {
    let mut kept: Vec<(usize, &str)> = Vec::with_capacity(tags.len());
    for (position, tag) in tags.iter().enumerate() {
        let tag = tag.trim();
        if !kept
            .iter()
            .any(|(_, earlier)| earlier.to_lowercase() == tag.to_lowercase())
        {
            kept.push((position, tag));
        }
    }
    kept
}

impl MilestoneDraft {
    fn normalized(&self) -> MilestoneDraft {
        MilestoneDraft {
            id: self.id.clone(),
            name: self.name.trim().to_string(),
            description: self.description.trim().to_string(),
            trackers: self.trackers.iter().map(TrackerDraft::normalized).collect(),
        }
    }
}

impl TrackerDraft {
    fn normalized(&self) -> TrackerDraft {
        TrackerDraft {
            id: self.id.clone(),
            name: self.name.trim().to_string(),
            description: self.description.trim().to_string(),
            default_value: self.default_value.trim().to_string(),
        }
    }
}

impl From<&Goal> for GoalDraft {
    /// The draft that would replace a goal with itself: the starting point of the edit form.
    fn from(goal: &Goal) -> Self {
        GoalDraft {
            name: goal.name.clone(),
            description: goal.description.clone(),
            tags: goal.tags.clone(),
            milestones: goal.milestones.iter().map(MilestoneDraft::from).collect(),
        }
    }
}

impl From<&Milestone> for MilestoneDraft {
    fn from(milestone: &Milestone) -> Self {
        MilestoneDraft {
            id: Some(milestone.id.clone()),
            name: milestone.name.clone(),
            description: milestone.description.clone(),
            trackers: milestone.trackers.iter().map(TrackerDraft::from).collect(),
        }
    }
}

impl From<&Tracker> for TrackerDraft {
    fn from(tracker: &Tracker) -> Self {
        TrackerDraft {
            id: Some(tracker.id.clone()),
            name: tracker.name.clone(),
            description: tracker.description.clone(),
            default_value: tracker.default_value.clone(),
        }
    }
}
