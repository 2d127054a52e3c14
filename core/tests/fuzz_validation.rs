//! Validation fuzzed with drafts no form would send: any Unicode, lengths around and far past
//! every limit, counts past every limit, stray ids. Validation never panics, reports every
//! error at a field the draft has, and judges a draft as it judges its normalized form; the
//! JSON readers never panic on bytes that are not a draft.

mod fuzz_input;

use fuzz_input::any_draft;
use goals_core::{AchievementInput, FieldErrorCode, GoalDraft};
use proptest::collection::vec;
use proptest::prelude::*;

/// True when `path` (such as `milestones[2].trackers[0].defaultValue`) names a field that
/// `draft` has.
fn names_a_field_of(draft: &GoalDraft, path: &str) -> bool {
    let steps: Vec<&str> = path.split('.').collect();
    match steps.as_slice() {
        ["name" | "description" | "tags" | "milestones"] => true,
        [tag] => index_in(tag, "tags").is_some_and(|t| t < draft.tags.len()),
        [milestone, rest @ ..] => {
            let Some(m) = index_in(milestone, "milestones") else {
                return false;
            };
            let Some(milestone) = draft.milestones.get(m) else {
                return false;
            };
            match rest {
                ["name" | "description" | "trackers" | "id"] => true,
                [tracker, "name" | "description" | "defaultValue" | "id"] => {
                    index_in(tracker, "trackers").is_some_and(|t| t < milestone.trackers.len())
                }
                _ => false,
            }
        }
        [] => false,
    }
}

/// The index of `field[index]`.
fn index_in(step: &str, field: &str) -> Option<usize> {
    step.strip_prefix(field)?
        .strip_prefix('[')?
        .strip_suffix(']')?
        .parse()
        .ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn validation_reports_errors_only_at_fields_the_draft_has(draft in any_draft()) {
        let errors = draft.validate().err().unwrap_or_default();

        for error in &errors {
            prop_assert!(
                names_a_field_of(&draft, &error.path),
                "{} names no field of the draft", error.path
            );
            prop_assert!(!error.message.is_empty(), "{} has no message", error.path);
            prop_assert_ne!(error.code, FieldErrorCode::ReadOnly);
            prop_assert_ne!(error.code, FieldErrorCode::Unknown);
        }
    }

    #[test]
    fn a_draft_and_its_normalized_form_are_judged_alike(draft in any_draft()) {
        let normalized = draft.normalized();

        prop_assert_eq!(draft.validate().is_ok(), normalized.validate().is_ok());
        prop_assert_eq!(normalized.normalized(), normalized);
    }

    #[test]
    fn any_draft_survives_the_wire_unchanged(draft in any_draft()) {
        let wire = serde_json::to_vec(&draft).expect("a draft serializes");

        let read: GoalDraft = serde_json::from_slice(&wire).expect("a draft reads back");

        prop_assert_eq!(read, draft);
    }

    #[test]
    fn bytes_that_are_not_json_never_panic_the_readers(bytes in vec(any::<u8>(), 0..256)) {
        if let Ok(draft) = serde_json::from_slice::<GoalDraft>(&bytes) {
            let _ = draft.validate();
        }
        let _ = serde_json::from_slice::<AchievementInput>(&bytes);
    }

    #[test]
    fn json_of_the_wrong_shape_never_panics_the_readers(
        text in "[\\[\\]{}\",:0-9a-zA-Z \\\\nulltrue]{0,64}",
    ) {
        let wrapped = format!("{{\"name\":{text}}}");
        for candidate in [text.as_str(), wrapped.as_str()] {
            if let Ok(draft) = serde_json::from_str::<GoalDraft>(candidate) {
                let _ = draft.validate();
            }
            let _ = serde_json::from_str::<AchievementInput>(candidate);
        }
    }
}
