//! Random goals for the property tests: valid drafts (every text within its limit, names unique
//! at their level), any drafts at all, stored goals, and edits that keep existing milestones.

use chrono::DateTime;
use goals_core::{Goal, GoalDraft, MilestoneDraft, TrackerDraft};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::stored;

/// Text of at most `max` characters of any kind, most often short: long texts cost time to
/// generate and the limits themselves have tests of their own.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => vec(any::<char>(), 0..=max.min(12)),
        1 => vec(any::<char>(), max.saturating_sub(10)..=max),
    ]
    .prop_map(String::from_iter)
}

/// Whitespace that trimming removes, put around texts to check that it never counts.
fn padding() -> impl Strategy<Value = String> {
    vec(select(vec![' ', '\t', '\u{a0}', '\u{3000}']), 0..=2).prop_map(String::from_iter)
}

/// One character that is not whitespace, so that a text holding it is never blank.
fn visible_character() -> impl Strategy<Value = String> {
    select(vec!['a', 'Z', '7', '_', 'é', 'ß', '語', '🎯']).prop_map(String::from)
}

fn padded(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (padding(), text, padding()).prop_map(|(before, text, after)| format!("{before}{text}{after}"))
}

/// A name that no other name of its level shares, ignoring case: whatever the random part,
/// the text after the last space is `index`.
fn unique_name(index: usize) -> impl Strategy<Value = String> {
    padded(any_text(90).prop_map(move |words| format!("{words} {index}")))
}

fn description() -> impl Strategy<Value = String> {
    padded(any_text(40))
}

fn default_value() -> impl Strategy<Value = String> {
    padded((visible_character(), any_text(30)).prop_map(|(first, rest)| first + &rest))
}

/// Up to 20 tags, distinct ignoring case: the text after the last `#` is the tag's position.
fn tags() -> impl Strategy<Value = Vec<String>> {
    vec(any_text(20), 0..=20).prop_map(|words| {
        words
            .iter()
            .enumerate()
            .map(|(position, word)| format!("{word}#{position}"))
            .collect()
    })
}

fn tracker_draft(index: usize) -> impl Strategy<Value = TrackerDraft> {
    (unique_name(index), description(), default_value()).prop_map(
        |(name, description, default_value)| TrackerDraft {
            id: None,
            name,
            description,
            default_value,
        },
    )
}

/// A new milestone (no ids) with one to four trackers.
pub fn milestone_draft(index: usize) -> impl Strategy<Value = MilestoneDraft> {
    let trackers =
        (1..=4usize).prop_flat_map(|count| (0..count).map(tracker_draft).collect::<Vec<_>>());
    (unique_name(index), description(), trackers).prop_map(|(name, description, trackers)| {
        MilestoneDraft {
            id: None,
            name,
            description,
            trackers,
        }
    })
}

/// A new goal that passes validation, with `milestones` milestones.
pub fn valid_draft_of(
    milestones: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = GoalDraft> {
    let milestones =
        milestones.prop_flat_map(|count| (0..count).map(milestone_draft).collect::<Vec<_>>());
    let name = padded((any_text(90), visible_character()).prop_map(|(words, last)| words + &last));
    (name, description(), tags(), milestones).prop_map(|(name, description, tags, milestones)| {
        GoalDraft {
            name,
            description,
            tags,
            milestones,
        }
    })
}

pub fn valid_draft() -> impl Strategy<Value = GoalDraft> {
    valid_draft_of(1..=5)
}

/// Any draft at all: blank, repeated and padded names and tags, empty levels, stray ids.
pub fn any_draft() -> impl Strategy<Value = GoalDraft> {
    let text = || "[ aAbBéÉ]{0,3}";
    let id = || proptest::option::of("[a-z0-9]{1,4}");
    let tracker =
        (id(), text(), text(), text()).prop_map(|(id, name, description, default_value)| {
            TrackerDraft {
                id,
                name,
                description,
                default_value,
            }
        });
    let milestone =
        (id(), text(), text(), vec(tracker, 0..4)).prop_map(|(id, name, description, trackers)| {
            MilestoneDraft {
                id,
                name,
                description,
                trackers,
            }
        });
    (text(), text(), vec(text(), 0..6), vec(milestone, 0..4)).prop_map(
        |(name, description, tags, milestones)| GoalDraft {
            name,
            description,
            tags,
            milestones,
        },
    )
}

/// A goal as the server holds it, at any version and time.
pub fn stored_goal() -> impl Strategy<Value = Goal> {
    let time = (0..4_102_444_800i64, 0..1_000_000_000u32)
        .prop_map(|(seconds, nanos)| DateTime::from_timestamp(seconds, nanos).expect("in range"));
    (
        valid_draft(),
        "[a-z0-9-]{1,36}",
        1..10_000i64,
        time.clone(),
        time,
    )
        .prop_map(|(draft, id, version, created_at, updated_at)| Goal {
            id,
            version,
            created_at,
            updated_at,
            ..stored(&draft)
        })
}

/// What the edit form may do to one existing milestone.
#[derive(Debug, Clone)]
struct MilestoneEdit {
    rename: Option<String>,
    keep_tracker: Vec<bool>,
    new_trackers: Vec<TrackerDraft>,
}

fn milestone_edit(position: usize, trackers: usize) -> impl Strategy<Value = MilestoneEdit> {
    let rename = proptest::option::of(unique_name(100 + position));
    let new_trackers = (0..3usize)
        .prop_flat_map(|count| (100..100 + count).map(tracker_draft).collect::<Vec<_>>());
    (rename, vec(any::<bool>(), trackers), new_trackers).prop_map(
        |(rename, keep_tracker, new_trackers)| MilestoneEdit {
            rename,
            keep_tracker,
            new_trackers,
        },
    )
}

/// An existing goal of `milestones` milestones, and a draft that keeps every one of them in
/// order while renaming them, deleting and adding trackers, and appending new milestones.
pub fn kept_edit_of(
    milestones: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = (Goal, GoalDraft)> {
    valid_draft_of(milestones)
        .prop_flat_map(|draft| {
            let goal = stored(&draft);
            let edits: Vec<_> = goal
                .milestones
                .iter()
                .enumerate()
                .map(|(position, m)| milestone_edit(position, m.trackers.len()))
                .collect();
            let appended = (0..3usize)
                .prop_flat_map(|count| (50..50 + count).map(milestone_draft).collect::<Vec<_>>());
            (Just(goal), edits, appended)
        })
        .prop_map(|(goal, edits, appended)| {
            let draft = apply(&goal, edits, appended);
            (goal, draft)
        })
}

fn apply(goal: &Goal, edits: Vec<MilestoneEdit>, appended: Vec<MilestoneDraft>) -> GoalDraft {
    let mut draft = GoalDraft::from(goal);
    for (milestone, edit) in draft.milestones.iter_mut().zip(edits) {
        if let Some(name) = edit.rename {
            milestone.name = name;
        }
        let mut keep = edit.keep_tracker.into_iter();
        milestone.trackers.retain(|_| keep.next().unwrap_or(true));
        milestone.trackers.extend(edit.new_trackers);
    }
    draft.milestones.extend(appended);
    draft
}
