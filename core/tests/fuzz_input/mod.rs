//! Input for the fuzz tests: text of any Unicode at all (control characters, NUL, combining
//! marks, letters whose lowercase is longer than themselves, lengths around every limit and far
//! beyond), drafts built from it with no regard for the rules, and stored goals whose names and
//! ids are just as arbitrary. Unlike `common::strategies`, nothing here is shaped to be valid.

#![allow(
    dead_code,
    reason = "each fuzz file uses its own part of these strategies"
)]

use chrono::{DateTime, Utc};
use goals_core::{Goal, GoalDraft, Milestone, MilestoneDraft, Tracker, TrackerDraft};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Characters that have tripped text handling before: whitespace trimming removes, NUL and
/// other controls, combining marks, emoji, right-to-left marks, and letters whose lowercase
/// has more characters than they do.
fn awkward_character() -> impl Strategy<Value = char> {
    select(vec![
        '\0',
        '\u{1}',
        '\u{7f}',
        '\t',
        '\n',
        '\r',
        ' ',
        '\u{a0}',
        '\u{85}',
        '\u{2028}',
        '\u{3000}',
        '\u{feff}',
        '\u{200b}',
        '\u{301}',
        '\u{202e}',
        'İ',
        'ß',
        'ǅ',
        'Σ',
        '🎯',
        '👩',
        '\u{200d}',
        '\u{10ffff}',
        'a',
        'A',
        '%',
        '_',
        '\\',
        '\'',
        '"',
        '<',
        '[',
    ])
}

fn character() -> impl Strategy<Value = char> {
    prop_oneof![1 => any::<char>(), 1 => awkward_character()]
}

/// Text of any characters: mostly short, now and then of a length around `limit`.
pub fn any_text(limit: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        15 => vec(character(), 0..=12),
        1 => vec(character(), limit.saturating_sub(2)..=limit + 2),
    ]
    .prop_map(String::from_iter)
}

/// Text that is now and then far longer than any limit: tens of thousands of characters.
pub fn any_text_or_huge(limit: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        15 => any_text(limit),
        1 => (character(), 10_000..=40_000usize)
            .prop_map(|(character, count)| std::iter::repeat_n(character, count).collect()),
    ]
}

/// An id as a client might send one back: none, or an arbitrary text.
fn any_id() -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.3, any_text(8))
}

/// Mostly a handful of `item`, now and then about `limit` of `many`, which should be cheap:
/// a draft at every limit at once would cost more to make than to check.
fn count_around<T: std::fmt::Debug>(
    limit: usize,
    item: impl Strategy<Value = T> + 'static,
    many: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Vec<T>> {
    prop_oneof![
        12 => vec(item, 0..=4),
        1 => vec(many, limit.saturating_sub(1)..=limit + 1),
    ]
}

pub fn any_tracker_draft() -> impl Strategy<Value = TrackerDraft> {
    (any_id(), any_text(100), any_text(1_000), any_text(500)).prop_map(
        |(id, name, description, default_value)| TrackerDraft {
            id,
            name,
            description,
            default_value,
        },
    )
}

/// A tracker of short texts, for milestones with many of them.
fn short_tracker_draft() -> impl Strategy<Value = TrackerDraft> {
    (any_id(), any_text(3), any_text(3)).prop_map(|(id, name, default_value)| TrackerDraft {
        id,
        name,
        description: String::new(),
        default_value,
    })
}

pub fn any_milestone_draft() -> impl Strategy<Value = MilestoneDraft> {
    let trackers = count_around(25, any_tracker_draft(), short_tracker_draft());
    (any_id(), any_text(100), any_text(1_000), trackers).prop_map(
        |(id, name, description, trackers)| MilestoneDraft {
            id,
            name,
            description,
            trackers,
        },
    )
}

/// A milestone of short texts and one or two trackers, for goals with many of them.
fn short_milestone_draft() -> impl Strategy<Value = MilestoneDraft> {
    (any_id(), any_text(3), vec(short_tracker_draft(), 1..=2)).prop_map(|(id, name, trackers)| {
        MilestoneDraft {
            id,
            name,
            description: String::new(),
            trackers,
        }
    })
}

/// Any draft at all, as a client with bugs or bad intent could send it.
pub fn any_draft() -> impl Strategy<Value = GoalDraft> {
    let tags = count_around(20, any_text(32), any_text(3));
    let milestones = count_around(50, any_milestone_draft(), short_milestone_draft());
    (any_text_or_huge(100), any_text(1_000), tags, milestones).prop_map(
        |(name, description, tags, milestones)| GoalDraft {
            name,
            description,
            tags,
            milestones,
        },
    )
}

/// A goal as a server could hold it: ids unique (as a server makes them) but otherwise any
/// text, and names, descriptions and Default Values of any text, valid or not.
pub fn any_stored_goal() -> impl Strategy<Value = Goal> {
    let tracker = (any_text(6), any_text(100), any_text(40), any_text(500));
    let milestone = (any_text(6), any_text(100), vec(tracker, 0..=4));
    let time = (0..4_102_444_800i64)
        .prop_map(|seconds| DateTime::from_timestamp(seconds, 0).expect("within chrono's range"));
    (any_text(100), vec(milestone, 1..=6), 1..i64::MAX, time).prop_map(
        |(name, milestones, version, time)| Goal {
            id: "goal".to_string(),
            name,
            description: String::new(),
            tags: Vec::new(),
            milestones: milestones
                .into_iter()
                .enumerate()
                .map(|(m, (id, name, trackers))| Milestone {
                    id: format!("m{m}/{id}"),
                    name,
                    description: String::new(),
                    trackers: trackers
                        .into_iter()
                        .enumerate()
                        .map(|(t, (id, name, description, default_value))| Tracker {
                            id: format!("t{m}.{t}/{id}"),
                            name,
                            description,
                            default_value,
                        })
                        .collect(),
                })
                .collect(),
            version,
            created_at: time,
            updated_at: time,
        },
    )
}

/// Any moment chrono can hold between the years 1 and 9999.
pub fn any_time() -> impl Strategy<Value = DateTime<Utc>> {
    (-62_135_596_800i64..253_402_300_799, 0..1_000_000_000u32).prop_map(|(seconds, nanos)| {
        DateTime::from_timestamp(seconds, nanos).expect("within chrono's range")
    })
}
