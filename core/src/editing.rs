//! The rules for replacing a goal that already exists (DESIGN §3, "Editing rules").
//!
//! Milestone order is the order of creation, forever: reports and skipped-milestone defaults
//! depend on it, so an edit may rename and add but never drop or reorder. Trackers may come
//! and go, but one never moves to another milestone, because its recorded values belong to
//! the milestone it was created in.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::draft::GoalDraft;
use crate::goal::Goal;

/// Why a replacement was refused; each maps to one error code of the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditViolation {
    /// An existing milestone is missing from the draft.
    MilestoneRemoved { milestone_id: String, name: String },
    /// Existing milestones are not first, or not in their original order.
    MilestoneReordered { path: String },
    /// An id the goal does not hold at that place: unknown, repeated, or a tracker moved
    /// to another milestone.
    UnknownId {
        path: String,
        id: String,
        reason: UnknownIdReason,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownIdReason {
    NotInGoal,
    Repeated,
    TrackerOfAnotherMilestone,
}

impl EditViolation {
    /// The API's error code for this violation.
    pub fn code(&self) -> &'static str {
        match self {
            EditViolation::MilestoneRemoved { .. } => "milestone_removed",
            EditViolation::MilestoneReordered { .. } => "milestone_reordered",
            EditViolation::UnknownId { .. } => "unknown_id",
        }
    }
}

impl fmt::Display for EditViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditViolation::MilestoneRemoved { name, .. } => {
                write!(
                    f,
                    "Milestone \"{name}\" cannot be removed: existing milestones stay"
                )
            }
            EditViolation::MilestoneReordered { path } => write!(
                f,
                "Existing milestones must keep their original order, before any new one \
                 (first difference at {path})"
            ),
            EditViolation::UnknownId { path, id, reason } => match reason {
                UnknownIdReason::NotInGoal => write!(f, "{path}: this goal has no \"{id}\""),
                UnknownIdReason::Repeated => write!(f, "{path}: id \"{id}\" appears twice"),
                UnknownIdReason::TrackerOfAnotherMilestone => write!(
                    f,
                    "{path}: tracker \"{id}\" belongs to another milestone; trackers cannot move"
                ),
            },
        }
    }
}

impl std::error::Error for EditViolation {}

/// Checks that `draft` may replace `existing`. Unknown ids are reported before removals,
/// since a mistyped id would otherwise look like a removed milestone.
pub fn check_edit(existing: &Goal, draft: &GoalDraft) -> Result<(), EditViolation> {
    check_ids_known(existing, draft)?;
    check_milestones_kept_in_order(existing, draft)?;
    check_trackers_stay(existing, draft)
}

fn check_ids_known(existing: &Goal, draft: &GoalDraft) -> Result<(), EditViolation> {
    let known: HashSet<&str> = existing.milestones.iter().map(|m| m.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (m, milestone) in draft.milestones.iter().enumerate() {
        let Some(id) = milestone.id.as_deref() else {
            continue;
        };
        let path = format!("milestones[{m}].id");
        if !known.contains(id) {
            return Err(unknown(path, id, UnknownIdReason::NotInGoal));
        }
        if !seen.insert(id) {
            return Err(unknown(path, id, UnknownIdReason::Repeated));
        }
    }
    Ok(())
}

fn check_milestones_kept_in_order(existing: &Goal, draft: &GoalDraft) -> Result<(), EditViolation> {
    let present: HashSet<&str> = draft
        .milestones
        .iter()
        .filter_map(|m| m.id.as_deref())
        .collect();
    if let Some(removed) = existing
        .milestones
        .iter()
        .find(|m| !present.contains(m.id.as_str()))
    {
        return Err(EditViolation::MilestoneRemoved {
            milestone_id: removed.id.clone(),
            name: removed.name.clone(),
        });
    }

    let in_place = existing
        .milestones
        .iter()
        .zip(&draft.milestones)
        .position(|(kept, sent)| sent.id.as_deref() != Some(kept.id.as_str()));
    match in_place {
        Some(m) => Err(EditViolation::MilestoneReordered {
            path: format!("milestones[{m}]"),
        }),
        None => Ok(()),
    }
}

fn check_trackers_stay(existing: &Goal, draft: &GoalDraft) -> Result<(), EditViolation> {
    let owner: HashMap<&str, &str> = existing
        .milestones
        .iter()
        .flat_map(|m| {
            m.trackers
                .iter()
                .map(move |t| (t.id.as_str(), m.id.as_str()))
        })
        .collect();
    let mut seen = HashSet::new();
    for (m, milestone) in draft.milestones.iter().enumerate() {
        for (t, tracker) in milestone.trackers.iter().enumerate() {
            let Some(id) = tracker.id.as_deref() else {
                continue;
            };
            let path = format!("milestones[{m}].trackers[{t}].id");
            match owner.get(id) {
                None => return Err(unknown(path, id, UnknownIdReason::NotInGoal)),
                Some(owner) if milestone.id.as_deref() != Some(*owner) => {
                    return Err(unknown(
                        path,
                        id,
                        UnknownIdReason::TrackerOfAnotherMilestone,
                    ));
                }
                Some(_) => {}
            }
            if !seen.insert(id) {
                return Err(unknown(path, id, UnknownIdReason::Repeated));
            }
        }
    }
    Ok(())
}

fn unknown(path: String, id: &str, reason: UnknownIdReason) -> EditViolation {
    EditViolation::UnknownId {
        path,
        id: id.to_string(),
        reason,
    }
}
