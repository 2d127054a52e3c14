//! Re-applying a bot builder's edits on top of a goal someone else saved meanwhile. It is a
//! three-way merge: what they typed (`mine`) is compared with the version they started from
//! (`base`) to find what *they* changed, and only that is laid over the version saved now
//! (`current`). Everything else keeps the server's value, so neither person's work is lost
//! without being shown. Pure, so every case can be tested without a browser.

use std::fmt;

use goals_core::{Goal, GoalDraft, Milestone, MilestoneDraft, Tracker, TrackerDraft};

/// The merged content, to be saved over `current`'s version, and what the bot builder should
/// know about how it was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reapplied {
    pub draft: GoalDraft,
    pub notes: Vec<ReapplyNote>,
}

/// Something the merge decided that the bot builder should check before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReapplyNote {
    /// Both changed the same field, to different values; the bot builder's value was kept.
    KeptMine {
        field: String,
        mine: String,
        server: String,
    },
    /// A tracker the bot builder edited was deleted elsewhere; their edit comes back as a new
    /// tracker rather than disappearing.
    TrackerRestored { milestone: String, tracker: String },
    /// The same for a milestone, should one ever be missing from the newer version.
    MilestoneRestored { milestone: String },
}

impl fmt::Display for ReapplyNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReapplyNote::KeptMine {
                field,
                mine,
                server,
            } => write!(
                f,
                "{field}: your “{mine}” was kept instead of “{server}” saved elsewhere"
            ),
            ReapplyNote::TrackerRestored { milestone, tracker } => write!(
                f,
                "Tracker “{tracker}” of milestone “{milestone}” was deleted elsewhere; you had \
                 edited it, so it is added back as a new tracker"
            ),
            ReapplyNote::MilestoneRestored { milestone } => write!(
                f,
                "Milestone “{milestone}” is missing from the newer version; you had edited it, \
                 so it is added back as a new milestone"
            ),
        }
    }
}

/// Lays the changes of `mine` (relative to `base`) over `current`:
/// - a field the bot builder changed takes their value, any other field the server's;
/// - milestones and trackers added elsewhere appear, the bot builder's new ones after them;
/// - trackers the bot builder deleted stay deleted;
/// - trackers deleted elsewhere stay deleted unless the bot builder edited them.
pub fn reapply(base: &Goal, mine: &GoalDraft, current: &Goal) -> Reapplied {
    let mut notes = Vec::new();
    let name = merge_field(
        "Goal Name",
        &base.name,
        &mine.name,
        &current.name,
        &mut notes,
    );
    let description = merge_field(
        "Goal Description",
        &base.description,
        &mine.description,
        &current.description,
        &mut notes,
    );
    let tags = merge_tags(&base.tags, &mine.tags, &current.tags);

    let mut milestones: Vec<MilestoneDraft> = current
        .milestones
        .iter()
        .map(|server| {
            let started = base.milestones.iter().find(|m| m.id == server.id);
            let typed = mine
                .milestones
                .iter()
                .find(|m| m.id.as_deref() == Some(server.id.as_str()));
            match (started, typed) {
                (Some(started), Some(typed)) => merge_milestone(started, typed, server, &mut notes),
                _ => MilestoneDraft::from(server),
            }
        })
        .collect();
    for typed in &mine.milestones {
        let gone = typed.id.as_ref().is_some_and(|id| {
            !current.milestones.iter().any(|m| &m.id == id)
                && base
                    .milestones
                    .iter()
                    .any(|m| &m.id == id && MilestoneDraft::from(m) != *typed)
        });
        if gone {
            notes.push(ReapplyNote::MilestoneRestored {
                milestone: typed.name.clone(),
            });
            milestones.push(as_new_milestone(typed));
        }
    }
    milestones.extend(mine.milestones.iter().filter(|m| m.id.is_none()).cloned());

    Reapplied {
        draft: GoalDraft {
            name,
            description,
            tags,
            milestones,
        },
        notes,
    }
}

/// The bot builder's value if they changed it, else the server's; when both changed it to
/// different values, theirs wins and a note says what it replaced.
fn merge_field(
    field: &str,
    base: &str,
    mine: &str,
    server: &str,
    notes: &mut Vec<ReapplyNote>,
) -> String {
    if mine == base {
        return server.to_string();
    }
    if server != base && server != mine {
        notes.push(ReapplyNote::KeptMine {
            field: field.to_string(),
            mine: mine.to_string(),
            server: server.to_string(),
        });
    }
    mine.to_string()
}

/// The server's tags, less those the bot builder removed, plus those they added; tags are
/// compared ignoring case, as the API does.
fn merge_tags(base: &[String], mine: &[String], server: &[String]) -> Vec<String> {
    let holds =
        |tags: &[String], tag: &str| tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase());
    let mut tags: Vec<String> = server
        .iter()
        .filter(|tag| !holds(base, tag) || holds(mine, tag))
        .cloned()
        .collect();
    for tag in mine {
        if !holds(base, tag) && !holds(&tags, tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

fn merge_milestone(
    base: &Milestone,
    mine: &MilestoneDraft,
    server: &Milestone,
    notes: &mut Vec<ReapplyNote>,
) -> MilestoneDraft {
    let name = merge_field(
        "Milestone Name",
        &base.name,
        &mine.name,
        &server.name,
        notes,
    );
    let description = merge_field(
        &format!("Description of milestone “{name}”"),
        &base.description,
        &mine.description,
        &server.description,
        notes,
    );

    let mut trackers = Vec::new();
    for tracker in &server.trackers {
        let started = base.trackers.iter().find(|t| t.id == tracker.id);
        let typed = mine
            .trackers
            .iter()
            .find(|t| t.id.as_deref() == Some(tracker.id.as_str()));
        match (started, typed) {
            (Some(started), Some(typed)) => {
                trackers.push(merge_tracker(started, typed, tracker, notes))
            }
            // Deleted in the form: it stays deleted whatever was changed elsewhere.
            (Some(_), None) => {}
            (None, _) => trackers.push(TrackerDraft::from(tracker)),
        }
    }
    for typed in &mine.trackers {
        if deleted_after_editing(typed, &base.trackers, &server.trackers) {
            notes.push(ReapplyNote::TrackerRestored {
                milestone: name.clone(),
                tracker: typed.name.clone(),
            });
            trackers.push(TrackerDraft {
                id: None,
                ..typed.clone()
            });
        }
    }
    trackers.extend(mine.trackers.iter().filter(|t| t.id.is_none()).cloned());

    MilestoneDraft {
        id: Some(server.id.clone()),
        name,
        description,
        trackers,
    }
}

/// Whether a typed tracker was deleted elsewhere after the bot builder changed it.
fn deleted_after_editing(typed: &TrackerDraft, base: &[Tracker], server: &[Tracker]) -> bool {
    let Some(id) = typed.id.as_deref() else {
        return false;
    };
    let still_saved = server.iter().any(|t| t.id == id);
    let edited = base
        .iter()
        .any(|t| t.id == id && TrackerDraft::from(t) != *typed);
    !still_saved && edited
}

fn merge_tracker(
    base: &Tracker,
    mine: &TrackerDraft,
    server: &Tracker,
    notes: &mut Vec<ReapplyNote>,
) -> TrackerDraft {
    let name = merge_field("Tracker Name", &base.name, &mine.name, &server.name, notes);
    let description = merge_field(
        &format!("Description of tracker “{name}”"),
        &base.description,
        &mine.description,
        &server.description,
        notes,
    );
    let default_value = merge_field(
        &format!("Default Value of tracker “{name}”"),
        &base.default_value,
        &mine.default_value,
        &server.default_value,
        notes,
    );
    TrackerDraft {
        id: Some(server.id.clone()),
        name,
        description,
        default_value,
    }
}

/// A milestone the server no longer holds, sent as a new one with new trackers.
fn as_new_milestone(typed: &MilestoneDraft) -> MilestoneDraft {
    MilestoneDraft {
        id: None,
        trackers: typed
            .trackers
            .iter()
            .map(|tracker| TrackerDraft {
                id: None,
                ..tracker.clone()
            })
            .collect(),
        ..typed.clone()
    }
}
