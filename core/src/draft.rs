//! What a client sends to create or replace a goal. Milestone and tracker ids are present
//! only when they name ones the server already holds (on replace); a new one has none.

use serde::{Deserialize, Serialize};

use crate::goal::{Goal, Milestone, Tracker};

/// A goal as typed by a bot builder, before the server assigns ids, version and times.
/// A missing field reads as empty, so validation can name it at its place rather than the
/// whole body being refused as malformed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct GoalDraft {
    pub name: String,
    pub description: String,
    pub tags: Vec<String>,
    pub milestones: Vec<MilestoneDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MilestoneDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub description: String,
    pub trackers: Vec<TrackerDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct TrackerDraft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    pub description: String,
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
