//! The editing rules fuzzed with goals of arbitrary text and drafts mangled at random: milestones
//! dropped, swapped, repeated and inserted, ids replaced by others or by anything, trackers
//! moved between milestones. `check_edit` never panics, always accepts a goal's own draft, and
//! accepts exactly the drafts that keep every existing milestone first, in order, with every
//! tracker id in the milestone it belongs to and no id twice.

mod fuzz_input;

use std::collections::{HashMap, HashSet};

use fuzz_input::{any_stored_goal, any_text};
use goals_core::editing::UnknownIdReason;
use goals_core::{EditViolation, Goal, GoalDraft, MilestoneDraft, TrackerDraft, check_edit};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

/// An id to put where an id goes: one of the goal's milestones or trackers, or any text.
#[derive(Debug, Clone)]
enum IdChoice {
    Milestone(Index),
    Tracker(Index),
    Text(String),
}

/// One change to a draft; indexes pick among what the draft has when it is applied.
#[derive(Debug, Clone)]
enum Mangle {
    RemoveMilestone(Index),
    SwapMilestones(Index, Index),
    RepeatMilestone(Index),
    InsertNewMilestone(Index),
    AppendNewMilestone,
    SetMilestoneId(Index, IdChoice),
    ClearMilestoneId(Index),
    RemoveTracker(Index, Index),
    MoveTracker(Index, Index, Index),
    RepeatTracker(Index, Index),
    AddNewTracker(Index),
    SetTrackerId(Index, Index, IdChoice),
    ClearTrackerId(Index, Index),
}

fn id_choice() -> impl Strategy<Value = IdChoice> {
    prop_oneof![
        any::<Index>().prop_map(IdChoice::Milestone),
        any::<Index>().prop_map(IdChoice::Tracker),
        any_text(12).prop_map(IdChoice::Text),
    ]
}

fn mangle() -> impl Strategy<Value = Mangle> {
    let index = any::<Index>;
    prop_oneof![
        index().prop_map(Mangle::RemoveMilestone),
        (index(), index()).prop_map(|(a, b)| Mangle::SwapMilestones(a, b)),
        index().prop_map(Mangle::RepeatMilestone),
        index().prop_map(Mangle::InsertNewMilestone),
        Just(Mangle::AppendNewMilestone),
        (index(), id_choice()).prop_map(|(m, id)| Mangle::SetMilestoneId(m, id)),
        index().prop_map(Mangle::ClearMilestoneId),
        (index(), index()).prop_map(|(m, t)| Mangle::RemoveTracker(m, t)),
        (index(), index(), index()).prop_map(|(m, t, to)| Mangle::MoveTracker(m, t, to)),
        (index(), index()).prop_map(|(m, t)| Mangle::RepeatTracker(m, t)),
        index().prop_map(Mangle::AddNewTracker),
        (index(), index(), id_choice()).prop_map(|(m, t, id)| Mangle::SetTrackerId(m, t, id)),
        (index(), index()).prop_map(|(m, t)| Mangle::ClearTrackerId(m, t)),
    ]
}

fn new_tracker() -> TrackerDraft {
    TrackerDraft {
        id: None,
        name: "New tracker".to_string(),
        description: String::new(),
        default_value: "NOT_PROVIDED".to_string(),
    }
}

fn new_milestone() -> MilestoneDraft {
    MilestoneDraft {
        id: None,
        name: "New milestone".to_string(),
        description: String::new(),
        trackers: vec![new_tracker()],
    }
}

fn resolve(goal: &Goal, choice: &IdChoice) -> String {
    let trackers: Vec<&str> = goal
        .milestones
        .iter()
        .flat_map(|m| m.trackers.iter().map(|t| t.id.as_str()))
        .collect();
    match choice {
        IdChoice::Milestone(index) => index.get(&goal.milestones).id.clone(),
        IdChoice::Tracker(index) if !trackers.is_empty() => index.get(&trackers).to_string(),
        IdChoice::Tracker(_) => "no tracker".to_string(),
        IdChoice::Text(text) => text.clone(),
    }
}

/// The tracker list of the milestone `m` picks, when the draft has milestones.
fn trackers_of<'d>(draft: &'d mut GoalDraft, m: &Index) -> Option<&'d mut Vec<TrackerDraft>> {
    if draft.milestones.is_empty() {
        return None;
    }
    let position = m.index(draft.milestones.len());
    Some(&mut draft.milestones[position].trackers)
}

fn apply(goal: &Goal, draft: &mut GoalDraft, mangle: &Mangle) {
    let count = draft.milestones.len();
    match mangle {
        Mangle::AppendNewMilestone => draft.milestones.push(new_milestone()),
        Mangle::InsertNewMilestone(at) => draft
            .milestones
            .insert(at.index(count + 1), new_milestone()),
        _ if count == 0 => {}
        Mangle::RemoveMilestone(m) => {
            draft.milestones.remove(m.index(count));
        }
        Mangle::SwapMilestones(a, b) => draft.milestones.swap(a.index(count), b.index(count)),
        Mangle::RepeatMilestone(m) => {
            let repeated = draft.milestones[m.index(count)].clone();
            draft.milestones.push(repeated);
        }
        Mangle::SetMilestoneId(m, id) => {
            draft.milestones[m.index(count)].id = Some(resolve(goal, id));
        }
        Mangle::ClearMilestoneId(m) => draft.milestones[m.index(count)].id = None,
        Mangle::AddNewTracker(m) => draft.milestones[m.index(count)]
            .trackers
            .push(new_tracker()),
        Mangle::MoveTracker(m, t, to) => {
            let Some(trackers) = trackers_of(draft, m).filter(|trackers| !trackers.is_empty())
            else {
                return;
            };
            let tracker = trackers.remove(t.index(trackers.len()));
            let to = to.index(count);
            draft.milestones[to].trackers.push(tracker);
        }
        Mangle::RemoveTracker(m, t)
        | Mangle::RepeatTracker(m, t)
        | Mangle::SetTrackerId(m, t, _)
        | Mangle::ClearTrackerId(m, t) => {
            let Some(trackers) = trackers_of(draft, m).filter(|trackers| !trackers.is_empty())
            else {
                return;
            };
            let position = t.index(trackers.len());
            match mangle {
                Mangle::RemoveTracker(..) => {
                    trackers.remove(position);
                }
                Mangle::RepeatTracker(..) => {
                    let repeated = trackers[position].clone();
                    trackers.push(repeated);
                }
                Mangle::SetTrackerId(_, _, id) => trackers[position].id = Some(resolve(goal, id)),
                _ => trackers[position].id = None,
            }
        }
    }
}

/// A stored goal and a draft made from its own by a few random changes.
fn goal_and_mangled_draft() -> impl Strategy<Value = (Goal, GoalDraft)> {
    (any_stored_goal(), vec(mangle(), 0..=4)).prop_map(|(goal, mangles)| {
        let mut draft = GoalDraft::from(&goal);
        for mangle in &mangles {
            apply(&goal, &mut draft, mangle);
        }
        (goal, draft)
    })
}

/// The editing rules written plainly, as the model `check_edit` must agree with.
fn edit_is_allowed(goal: &Goal, draft: &GoalDraft) -> bool {
    let kept_first_in_order = draft.milestones.len() >= goal.milestones.len()
        && goal
            .milestones
            .iter()
            .zip(&draft.milestones)
            .all(|(kept, sent)| sent.id.as_deref() == Some(kept.id.as_str()));
    let new_ones_have_no_id = draft.milestones[goal.milestones.len().min(draft.milestones.len())..]
        .iter()
        .all(|milestone| milestone.id.is_none());

    let owner: HashMap<&str, &str> = goal
        .milestones
        .iter()
        .flat_map(|m| {
            m.trackers
                .iter()
                .map(move |t| (t.id.as_str(), m.id.as_str()))
        })
        .collect();
    let mut seen = HashSet::new();
    let trackers_stay = draft.milestones.iter().all(|milestone| {
        milestone
            .trackers
            .iter()
            .all(|tracker| match tracker.id.as_deref() {
                None => true,
                Some(id) => {
                    let owner = owner.get(id).copied();
                    owner.is_some() && owner == milestone.id.as_deref() && seen.insert(id)
                }
            })
    });
    kept_first_in_order && new_ones_have_no_id && trackers_stay
}

fn path_exists(draft: &GoalDraft, path: &str) -> bool {
    let index = |text: &str, field: &str| -> Option<usize> {
        text.strip_prefix(field)?
            .strip_prefix('[')?
            .strip_suffix(']')?
            .parse()
            .ok()
    };
    let steps: Vec<&str> = path.split('.').collect();
    let Some(m) = steps.first().and_then(|step| index(step, "milestones")) else {
        return false;
    };
    let Some(milestone) = draft.milestones.get(m) else {
        return false;
    };
    match steps.as_slice() {
        [_] | [_, "id"] => true,
        [_, tracker, "id"] => {
            index(tracker, "trackers").is_some_and(|t| t < milestone.trackers.len())
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_goal_accepts_its_own_draft(goal in any_stored_goal()) {
        prop_assert_eq!(check_edit(&goal, &GoalDraft::from(&goal)), Ok(()));
    }

    #[test]
    fn an_edit_is_accepted_exactly_when_it_keeps_the_editing_rules(
        (goal, draft) in goal_and_mangled_draft()
    ) {
        let outcome = check_edit(&goal, &draft);

        prop_assert_eq!(outcome.is_ok(), edit_is_allowed(&goal, &draft), "{:?}", outcome);
    }

    #[test]
    fn a_refused_edit_points_at_what_the_goal_or_the_draft_has(
        (goal, draft) in goal_and_mangled_draft()
    ) {
        let Err(violation) = check_edit(&goal, &draft) else {
            return Ok(());
        };

        prop_assert!(!violation.to_string().is_empty());
        match &violation {
            EditViolation::MilestoneRemoved { milestone_id, name } => {
                let removed = goal.milestones.iter().find(|m| &m.id == milestone_id);
                prop_assert_eq!(removed.map(|m| &m.name), Some(name));
                prop_assert!(draft.milestones.iter().all(|m| m.id.as_ref() != Some(milestone_id)));
            }
            EditViolation::MilestoneReordered { path } => {
                prop_assert!(path_exists(&draft, path), "{} is not in the draft", path);
            }
            EditViolation::UnknownId { path, id, reason } => {
                prop_assert!(path_exists(&draft, path), "{} is not in the draft", path);
                if *reason == UnknownIdReason::NotInGoal {
                    let known = if path.contains("trackers") {
                        goal.milestones.iter().any(|m| m.trackers.iter().any(|t| &t.id == id))
                    } else {
                        goal.milestones.iter().any(|m| &m.id == id)
                    };
                    prop_assert!(!known, "{} is in the goal where {} says it is not", id, path);
                }
            }
        }
    }
}
