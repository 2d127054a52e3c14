//! What someone else changed in a goal between the version a bot builder started from and the
//! version saved now, as the short list the conflict notice shows. It is a pure comparison of
//! two goals, so a refused save and an outdated draft describe the server's changes alike.

use std::fmt;

use goals_core::{Goal, Milestone, Tracker};

/// One change saved elsewhere, named the way the form names things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerChange {
    GoalRenamed {
        from: String,
        to: String,
    },
    GoalDescriptionChanged,
    TagsChanged {
        added: Vec<String>,
        removed: Vec<String>,
    },
    MilestoneAdded {
        milestone: String,
    },
    MilestoneRenamed {
        from: String,
        to: String,
    },
    MilestoneDescriptionChanged {
        milestone: String,
    },
    TrackerAdded {
        milestone: String,
        tracker: String,
    },
    TrackerRenamed {
        milestone: String,
        from: String,
        to: String,
    },
    TrackerDescriptionChanged {
        milestone: String,
        tracker: String,
    },
    TrackerDeleted {
        milestone: String,
        tracker: String,
    },
    DefaultValueChanged {
        milestone: String,
        tracker: String,
        from: String,
        to: String,
    },
}

impl fmt::Display for ServerChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerChange::GoalRenamed { from, to } => {
                write!(f, "Goal Name changed from “{from}” to “{to}”")
            }
            ServerChange::GoalDescriptionChanged => write!(f, "Goal Description changed"),
            ServerChange::TagsChanged { added, removed } => {
                let quoted = |tags: &[String]| {
                    tags.iter()
                        .map(|tag| format!("“{tag}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                match (added.is_empty(), removed.is_empty()) {
                    (false, true) => write!(f, "Tags added: {}", quoted(added)),
                    (true, false) => write!(f, "Tags removed: {}", quoted(removed)),
                    _ => write!(
                        f,
                        "Tags added: {}; removed: {}",
                        quoted(added),
                        quoted(removed)
                    ),
                }
            }
            ServerChange::MilestoneAdded { milestone } => {
                write!(f, "Milestone “{milestone}” added")
            }
            ServerChange::MilestoneRenamed { from, to } => {
                write!(f, "Milestone “{from}” renamed to “{to}”")
            }
            ServerChange::MilestoneDescriptionChanged { milestone } => {
                write!(f, "Description of milestone “{milestone}” changed")
            }
            ServerChange::TrackerAdded { milestone, tracker } => {
                write!(f, "Tracker “{tracker}” added to milestone “{milestone}”")
            }
            ServerChange::TrackerRenamed {
                milestone,
                from,
                to,
            } => write!(
                f,
                "Tracker “{from}” of milestone “{milestone}” renamed to “{to}”"
            ),
            ServerChange::TrackerDescriptionChanged { milestone, tracker } => write!(
                f,
                "Description of tracker “{tracker}” of milestone “{milestone}” changed"
            ),
            ServerChange::TrackerDeleted { milestone, tracker } => {
                write!(
                    f,
                    "Tracker “{tracker}” deleted from milestone “{milestone}”"
                )
            }
            ServerChange::DefaultValueChanged {
                milestone,
                tracker,
                from,
                to,
            } => write!(
                f,
                "Default Value of tracker “{tracker}” of milestone “{milestone}” changed from \
                 “{from}” to “{to}”"
            ),
        }
    }
}

/// Every change from `started_from` to `current`, goal first, then milestone by milestone in
/// the goal's order. Rows are matched by id, so a renamed milestone is a rename, not a
/// deletion and an addition. The API never deletes milestones, so none is reported deleted.
pub fn server_changes(started_from: &Goal, current: &Goal) -> Vec<ServerChange> {
    let mut changes = Vec::new();
    if started_from.name != current.name {
        changes.push(ServerChange::GoalRenamed {
            from: started_from.name.clone(),
            to: current.name.clone(),
        });
    }
    if started_from.description != current.description {
        changes.push(ServerChange::GoalDescriptionChanged);
    }
    let added = missing_from(&current.tags, &started_from.tags);
    let removed = missing_from(&started_from.tags, &current.tags);
    if !added.is_empty() || !removed.is_empty() {
        changes.push(ServerChange::TagsChanged { added, removed });
    }

    for milestone in &current.milestones {
        match started_from
            .milestones
            .iter()
            .find(|m| m.id == milestone.id)
        {
            Some(before) => milestone_changes(before, milestone, &mut changes),
            None => changes.push(ServerChange::MilestoneAdded {
                milestone: milestone.name.clone(),
            }),
        }
    }
    changes
}

/// The tags of `tags` that `other` lacks, ignoring case as the API does.
fn missing_from(tags: &[String], other: &[String]) -> Vec<String> {
    tags.iter()
        .filter(|tag| !other.iter().any(|o| o.to_lowercase() == tag.to_lowercase()))
        .cloned()
        .collect()
}

fn milestone_changes(before: &Milestone, after: &Milestone, changes: &mut Vec<ServerChange>) {
    let milestone = after.name.clone();
    if before.name != after.name {
        changes.push(ServerChange::MilestoneRenamed {
            from: before.name.clone(),
            to: after.name.clone(),
        });
    }
    if before.description != after.description {
        changes.push(ServerChange::MilestoneDescriptionChanged {
            milestone: milestone.clone(),
        });
    }

    for tracker in &after.trackers {
        match before.trackers.iter().find(|t| t.id == tracker.id) {
            Some(earlier) => tracker_changes(&milestone, earlier, tracker, changes),
            None => changes.push(ServerChange::TrackerAdded {
                milestone: milestone.clone(),
                tracker: tracker.name.clone(),
            }),
        }
    }
    for tracker in &before.trackers {
        if !after.trackers.iter().any(|t| t.id == tracker.id) {
            changes.push(ServerChange::TrackerDeleted {
                milestone: milestone.clone(),
                tracker: tracker.name.clone(),
            });
        }
    }
}

fn tracker_changes(
    milestone: &str,
    before: &Tracker,
    after: &Tracker,
    changes: &mut Vec<ServerChange>,
) {
    let milestone = milestone.to_string();
    if before.name != after.name {
        changes.push(ServerChange::TrackerRenamed {
            milestone: milestone.clone(),
            from: before.name.clone(),
            to: after.name.clone(),
        });
    }
    if before.description != after.description {
        changes.push(ServerChange::TrackerDescriptionChanged {
            milestone: milestone.clone(),
            tracker: after.name.clone(),
        });
    }
    if before.default_value != after.default_value {
        changes.push(ServerChange::DefaultValueChanged {
            milestone,
            tracker: after.name.clone(),
            from: before.default_value.clone(),
            to: after.default_value.clone(),
        });
    }
}
