//! What one achievement does to a run (DESIGN §4), as a pure function of the goal, the run,
//! the achievement and the time. The server records what it returns, and the property tests
//! check it, so there is one reading of the rules: reaching a milestone skips the pending ones
//! before it with their Default Values of that moment, and nothing ever moves back.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::goal::{Goal, Milestone};
use crate::runtime::{AchievementInput, MilestoneProgress, MilestoneStatus, RunProgress};

/// A milestone a run has reached, as it was recorded.
///
/// Pending milestones have no record, so a milestone added to the goal later is pending in
/// every run that already exists without anything being rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReachedMilestone {
    pub milestone_id: String,
    /// `Achieved` or `Skipped`; a record that says `Pending` reads as no record.
    pub status: MilestoneStatus,
    /// Values by tracker id, copied when the milestone was reached: later edits of the goal
    /// (a new Default Value, a deleted tracker) do not change them.
    pub tracker_values: BTreeMap<String, String>,
    pub recorded_at: DateTime<Utc>,
}

/// What one achievement changed in a run; empty when its milestone was already reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunChange {
    /// The milestone that became achieved.
    pub achieved: Option<String>,
    /// The earlier milestones that became skipped, in goal order.
    pub skipped: Vec<String>,
    /// The run had a pending milestone before and has none now.
    pub completed: bool,
}

impl RunChange {
    /// True when the achievement changed nothing, as when it is reported a second time.
    pub fn is_empty(&self) -> bool {
        self.achieved.is_none() && self.skipped.is_empty()
    }

    /// Every milestone whose status changed, in goal order: the skipped ones, then the one
    /// achieved.
    pub fn changed_milestones(&self) -> impl Iterator<Item = &str> {
        self.skipped
            .iter()
            .chain(self.achieved.iter())
            .map(String::as_str)
    }
}

/// A run after an achievement, and what the achievement changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub run: RunProgress,
    pub change: RunChange,
}

impl RunProgress {
    /// The progress of a run of `goal`: every milestone of the goal in order, pending unless
    /// `reached` has a record of it. `completed` is worked out from the goal as it is now.
    pub fn from_reached(
        goal: &Goal,
        customer_id: &str,
        conversation_id: Option<&str>,
        reached: impl IntoIterator<Item = ReachedMilestone>,
    ) -> RunProgress {
        let mut reached: BTreeMap<String, ReachedMilestone> = reached
            .into_iter()
            .filter(|record| record.status != MilestoneStatus::Pending)
            .map(|record| (record.milestone_id.clone(), record))
            .collect();
        let milestones: Vec<MilestoneProgress> = goal
            .milestones
            .iter()
            .map(|milestone| match reached.remove(&milestone.id) {
                Some(record) => MilestoneProgress {
                    milestone_id: record.milestone_id,
                    name: milestone.name.clone(),
                    status: record.status,
                    tracker_values: record.tracker_values,
                    recorded_at: Some(record.recorded_at),
                },
                None => pending(milestone),
            })
            .collect();
        RunProgress {
            goal_id: goal.id.clone(),
            customer_id: customer_id.to_string(),
            conversation_id: conversation_id.map(str::to_string),
            completed: nothing_pending(&milestones),
            milestones,
        }
    }

    /// The milestones this run has reached, as records; the inverse of [`Self::from_reached`].
    pub fn reached(&self) -> Vec<ReachedMilestone> {
        self.milestones
            .iter()
            .filter_map(|milestone| {
                let recorded_at = milestone.recorded_at?;
                (milestone.status != MilestoneStatus::Pending).then(|| ReachedMilestone {
                    milestone_id: milestone.milestone_id.clone(),
                    status: milestone.status,
                    tracker_values: milestone.tracker_values.clone(),
                    recorded_at,
                })
            })
            .collect()
    }

    /// The progress of one milestone of the run.
    pub fn milestone(&self, milestone_id: &str) -> Option<&MilestoneProgress> {
        self.milestones
            .iter()
            .find(|milestone| milestone.milestone_id == milestone_id)
    }
}

/// Applies `achievement` to `run` at `now`, by the rules of DESIGN §4:
///
/// 1. every milestone before the one reached that is still pending becomes skipped, each of
///    its trackers holding its Default Value as `goal` has it now;
/// 2. the milestone reached becomes achieved with the values given, a tracker without one
///    taking its Default Value;
/// 3. a milestone already achieved or skipped does not change, so the same achievement
///    reported twice changes nothing the second time;
/// 4. the run is completed when no milestone of the goal is pending.
///
/// The achievement is expected to have passed [`AchievementInput::validate`] against `goal`.
/// One that names no milestone of the goal changes nothing, and values for trackers the
/// milestone does not have are not recorded.
pub fn apply_achievement(
    goal: &Goal,
    run: &RunProgress,
    achievement: &AchievementInput,
    now: DateTime<Utc>,
) -> Applied {
    let mut after = RunProgress::from_reached(
        goal,
        &run.customer_id,
        run.conversation_id.as_deref(),
        run.reached(),
    );
    let unchanged = |run: RunProgress| Applied {
        run,
        change: RunChange::default(),
    };

    let Some(position) = goal
        .milestones
        .iter()
        .position(|milestone| milestone.id == achievement.milestone_id)
    else {
        return unchanged(after);
    };
    let already_reached = after
        .milestones
        .get(position)
        .is_none_or(|milestone| milestone.status != MilestoneStatus::Pending);
    if already_reached {
        return unchanged(after);
    }

    let was_completed = after.completed;
    let mut change = RunChange::default();
    let steps = goal.milestones.iter().zip(after.milestones.iter_mut());
    for (index, (milestone, progress)) in steps.enumerate().take(position + 1) {
        if progress.status != MilestoneStatus::Pending {
            continue;
        }
        if index < position {
            progress.status = MilestoneStatus::Skipped;
            progress.tracker_values = default_values(milestone);
            change.skipped.push(milestone.id.clone());
        } else {
            progress.status = MilestoneStatus::Achieved;
            progress.tracker_values = given_values(milestone, achievement);
            change.achieved = Some(milestone.id.clone());
        }
        progress.recorded_at = Some(now);
    }

    after.completed = nothing_pending(&after.milestones);
    change.completed = after.completed && !was_completed;
    Applied { run: after, change }
}

fn pending(milestone: &Milestone) -> MilestoneProgress {
    MilestoneProgress {
        milestone_id: milestone.id.clone(),
        name: milestone.name.clone(),
        status: MilestoneStatus::Pending,
        tracker_values: BTreeMap::new(),
        recorded_at: None,
    }
}

fn nothing_pending(milestones: &[MilestoneProgress]) -> bool {
    milestones
        .iter()
        .all(|milestone| milestone.status != MilestoneStatus::Pending)
}

fn default_values(milestone: &Milestone) -> BTreeMap<String, String> {
    milestone
        .trackers
        .iter()
        .map(|tracker| (tracker.id.clone(), tracker.default_value.clone()))
        .collect()
}

fn given_values(milestone: &Milestone, achievement: &AchievementInput) -> BTreeMap<String, String> {
    milestone
        .trackers
        .iter()
        .map(|tracker| {
            let value = achievement
                .tracker_values
                .get(&tracker.id)
                .unwrap_or(&tracker.default_value);
            (tracker.id.clone(), value.clone())
        })
        .collect()
}
