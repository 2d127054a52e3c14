//! The form's model: one signal per field, rows keyed by a client-side key that never changes,
//! so typing in one field of a big goal touches that field and nothing else. Saved milestones
//! and trackers carry their server id; rows added in the form have none until saved.

use goals_core::{Goal, GoalDraft, MilestoneDraft, TrackerDraft};
use leptos::prelude::*;

use crate::unique_key::unique_key;

/// Everything the bot builder can type into the goal form.
#[derive(Clone)]
pub struct GoalForm {
    /// Prefix of the goal-level element ids.
    pub key: u64,
    pub name: ArcRwSignal<String>,
    pub description: ArcRwSignal<String>,
    pub tags: ArcRwSignal<Vec<String>>,
    pub milestones: ArcRwSignal<Vec<MilestoneRow>>,
}

/// One milestone of the form; `id` is the server's, for milestones already saved.
#[derive(Clone)]
pub struct MilestoneRow {
    pub key: u64,
    pub id: Option<String>,
    pub name: ArcRwSignal<String>,
    pub description: ArcRwSignal<String>,
    pub trackers: ArcRwSignal<Vec<TrackerRow>>,
}

/// One tracker of a milestone; `id` is the server's, for trackers already saved.
#[derive(Clone)]
pub struct TrackerRow {
    pub key: u64,
    pub id: Option<String>,
    pub name: ArcRwSignal<String>,
    pub description: ArcRwSignal<String>,
    pub default_value: ArcRwSignal<String>,
}

/// Which row every position of a sent draft came from, so that the server's field paths
/// (`milestones[2].trackers[0].name`) find their way back to the fields on screen even if rows
/// are added or deleted while the request is on its way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftRows {
    /// Per milestone as sent: its key and the keys of its trackers as sent.
    pub milestones: Vec<(u64, Vec<u64>)>,
}

impl GoalForm {
    /// The create form: `Milestone 1` with its `Tracker 1`, everything else empty.
    pub fn blank() -> Self {
        GoalForm {
            key: unique_key(),
            name: ArcRwSignal::new(String::new()),
            description: ArcRwSignal::new(String::new()),
            tags: ArcRwSignal::new(Vec::new()),
            milestones: ArcRwSignal::new(vec![MilestoneRow::new_named("Milestone 1".into())]),
        }
    }

    /// The edit form of a saved goal.
    pub fn from_goal(goal: &Goal) -> Self {
        GoalForm::from_draft(&GoalDraft::from(goal))
    }

    /// A form holding `draft`; its rows with ids are saved ones, the others new.
    pub fn from_draft(draft: &GoalDraft) -> Self {
        GoalForm {
            key: unique_key(),
            name: ArcRwSignal::new(draft.name.clone()),
            description: ArcRwSignal::new(draft.description.clone()),
            tags: ArcRwSignal::new(draft.tags.clone()),
            milestones: ArcRwSignal::new(
                draft
                    .milestones
                    .iter()
                    .map(MilestoneRow::from_draft)
                    .collect(),
            ),
        }
    }

    /// Replaces everything on the form with `draft` (a restored draft, a newer version, a
    /// re-applied edit), keeping the form itself and its element ids.
    pub fn show(&self, draft: &GoalDraft) {
        self.name.set(draft.name.clone());
        self.description.set(draft.description.clone());
        self.tags.set(draft.tags.clone());
        self.milestones.set(
            draft
                .milestones
                .iter()
                .map(MilestoneRow::from_draft)
                .collect(),
        );
    }

    /// The draft as typed, and where each of its milestones and trackers came from.
    pub fn draft(&self) -> (GoalDraft, DraftRows) {
        let mut rows = DraftRows::default();
        let milestones = self.milestones.with_untracked(|milestones| {
            milestones
                .iter()
                .map(|milestone| {
                    let (draft, tracker_keys) = milestone.draft();
                    rows.milestones.push((milestone.key, tracker_keys));
                    draft
                })
                .collect()
        });
        let draft = GoalDraft {
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            tags: self.tags.get_untracked(),
            milestones,
        };
        (draft, rows)
    }

    /// Adds `Milestone N`, N the smallest number no milestone of the goal is called yet.
    pub fn add_milestone(&self) {
        let taken: Vec<String> = self.milestones.with_untracked(|milestones| {
            milestones.iter().map(|m| m.name.get_untracked()).collect()
        });
        let name = first_free_name("Milestone", &taken);
        self.milestones
            .update(|milestones| milestones.push(MilestoneRow::new_named(name)));
    }

    /// Removes a milestone that was added in this form; saved ones stay (DESIGN §3), and so
    /// does the goal's last milestone.
    pub fn delete_milestone(&self, key: u64) {
        self.milestones.update(|milestones| {
            if milestones.len() > 1 {
                milestones.retain(|m| m.key != key || m.id.is_some());
            }
        });
    }
}

impl MilestoneRow {
    fn new_named(name: String) -> Self {
        MilestoneRow {
            key: unique_key(),
            id: None,
            name: ArcRwSignal::new(name),
            description: ArcRwSignal::new(String::new()),
            trackers: ArcRwSignal::new(vec![TrackerRow::new_named("Tracker 1".into())]),
        }
    }

    fn from_draft(milestone: &MilestoneDraft) -> Self {
        MilestoneRow {
            key: unique_key(),
            id: milestone.id.clone(),
            name: ArcRwSignal::new(milestone.name.clone()),
            description: ArcRwSignal::new(milestone.description.clone()),
            trackers: ArcRwSignal::new(
                milestone
                    .trackers
                    .iter()
                    .map(TrackerRow::from_draft)
                    .collect(),
            ),
        }
    }

    fn draft(&self) -> (MilestoneDraft, Vec<u64>) {
        let (trackers, keys) = self.trackers.with_untracked(|trackers| {
            trackers
                .iter()
                .map(|tracker| (tracker.draft(), tracker.key))
                .unzip()
        });
        let draft = MilestoneDraft {
            id: self.id.clone(),
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            trackers,
        };
        (draft, keys)
    }

    /// Adds `Tracker N`, N the smallest number no tracker of this milestone is called yet.
    pub fn add_tracker(&self) {
        let taken: Vec<String> = self
            .trackers
            .with_untracked(|trackers| trackers.iter().map(|t| t.name.get_untracked()).collect());
        let name = first_free_name("Tracker", &taken);
        self.trackers
            .update(|trackers| trackers.push(TrackerRow::new_named(name)));
    }

    /// Deletes a tracker, unless it is the milestone's last one.
    pub fn delete_tracker(&self, key: u64) {
        self.trackers.update(|trackers| {
            if trackers.len() > 1 {
                trackers.retain(|t| t.key != key);
            }
        });
    }
}

impl TrackerRow {
    fn new_named(name: String) -> Self {
        TrackerRow {
            key: unique_key(),
            id: None,
            name: ArcRwSignal::new(name),
            description: ArcRwSignal::new(String::new()),
            default_value: ArcRwSignal::new(String::new()),
        }
    }

    fn from_draft(tracker: &TrackerDraft) -> Self {
        TrackerRow {
            key: unique_key(),
            id: tracker.id.clone(),
            name: ArcRwSignal::new(tracker.name.clone()),
            description: ArcRwSignal::new(tracker.description.clone()),
            default_value: ArcRwSignal::new(tracker.default_value.clone()),
        }
    }

    fn draft(&self) -> TrackerDraft {
        TrackerDraft {
            id: self.id.clone(),
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            default_value: self.default_value.get_untracked(),
        }
    }
}

/// `<prefix> N` for the smallest N ≥ 1 that none of `taken` uses, ignoring case and the spaces
/// around a name (the way the API compares names).
pub fn first_free_name(prefix: &str, taken: &[String]) -> String {
    let taken: Vec<String> = taken
        .iter()
        .map(|name| name.trim().to_lowercase())
        .collect();
    (1..)
        .map(|n| format!("{prefix} {n}"))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .unwrap_or_else(|| prefix.to_string())
}
