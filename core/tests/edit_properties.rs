//! The editing rules over random goals and edits: whatever else changes, an edit is accepted
//! exactly when every existing milestone is still there, in its order, before the new ones.

mod common;

use common::strategies::kept_edit_of;
use goals_core::{EditViolation, check_edit};
use proptest::prelude::*;
use proptest::sample::Index;

/// Two different positions among `count` (at least two) milestones.
fn two_positions(count: usize, first: Index, second: Index) -> (usize, usize) {
    let i = first.index(count);
    let j = (i + 1 + second.index(count - 1)) % count;
    (i, j)
}

proptest! {
    #[test]
    fn an_edit_keeping_existing_milestones_in_order_is_accepted(
        (goal, draft) in kept_edit_of(1..=5)
    ) {
        let outcome = check_edit(&goal, &draft);

        prop_assert_eq!(outcome, Ok(()));
    }

    #[test]
    fn an_edit_dropping_an_existing_milestone_is_refused_as_milestone_removed(
        (goal, mut draft) in kept_edit_of(1..=5),
        which in any::<Index>(),
    ) {
        let dropped = which.index(goal.milestones.len());
        draft.milestones.remove(dropped);

        let violation = check_edit(&goal, &draft).expect_err("a milestone cannot be dropped");

        prop_assert_eq!(violation.code(), "milestone_removed");
        prop_assert_eq!(
            violation,
            EditViolation::MilestoneRemoved {
                milestone_id: goal.milestones[dropped].id.clone(),
                name: goal.milestones[dropped].name.clone(),
            }
        );
    }

    #[test]
    fn an_edit_swapping_two_existing_milestones_is_refused_as_milestone_reordered(
        (goal, mut draft) in kept_edit_of(2..=5),
        first in any::<Index>(),
        second in any::<Index>(),
    ) {
        let (i, j) = two_positions(goal.milestones.len(), first, second);
        draft.milestones.swap(i, j);

        let violation = check_edit(&goal, &draft).expect_err("milestones keep their order");

        prop_assert_eq!(violation.code(), "milestone_reordered");
        prop_assert_eq!(
            violation,
            EditViolation::MilestoneReordered { path: format!("milestones[{}]", i.min(j)) }
        );
    }
}
