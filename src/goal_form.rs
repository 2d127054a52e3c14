//! The goal form, for creating a goal (`/goals/new`) and editing one (`/goals/:id/edit`).
//!
//! Every field is a signal of its own and every milestone and tracker a keyed row, so typing
//! in a goal of 50 milestones × 25 trackers re-renders one field. Validation is goals-core's,
//! the code the server runs, applied when a field is left and on submit, never per keystroke.
//! A draft of the form is kept in the browser as the bot builder types (see [`draft_store`]),
//! and a save that meets a newer version keeps every edit and can re-apply them onto it (see
//! [`reapply`] and [`server_changes`]).

mod conflict;
mod create_goal;
mod delete_milestone;
mod draft_keeper;
mod draft_offer;
pub mod draft_store;
mod edit_goal;
mod field_errors;
mod form_state;
mod form_view;
mod milestone_fields;
pub mod reapply;
mod save;
pub mod server_changes;
mod text_field;
mod tracker_fields;

use leptos::prelude::*;

pub use create_goal::CreateGoal;
use draft_keeper::DraftKeeper;
pub use edit_goal::{EditGoal, EditGoalPage};
use field_errors::{Field, FieldErrors, place};
use form_state::GoalForm;

use crate::unsaved::UnsavedChanges;

/// What every part of one form shares: its model, its messages, whether it was changed, and
/// the keeper of its draft.
#[derive(Clone, Copy)]
struct FormContext {
    /// Prefix of the goal-level element ids.
    key: u64,
    model: StoredValue<GoalForm>,
    errors: FieldErrors,
    changed: StoredValue<bool>,
    /// Absent when a form is mounted on its own, as in component tests.
    unsaved: Option<UnsavedChanges>,
    drafts: DraftKeeper,
}

impl FormContext {
    fn new(model: GoalForm, drafts: DraftKeeper) -> Self {
        FormContext {
            key: model.key,
            model: StoredValue::new(model),
            errors: FieldErrors::new(),
            changed: StoredValue::new(false),
            unsaved: use_context::<UnsavedChanges>(),
            drafts,
        }
    }

    /// Called on every edit. It restarts the draft's timer, and only the first call does more,
    /// so a keystroke costs a timer and a flag check rather than a comparison of the whole goal
    /// with what was loaded.
    fn mark_changed(&self) {
        self.drafts.schedule();
        if self.changed.get_value() {
            return;
        }
        self.changed.set_value(true);
        if let Some(unsaved) = self.unsaved {
            unsaved.set(true);
        }
    }

    /// The form matches what is stored again: after a save, or when the form goes away.
    fn mark_saved(&self) {
        // A save can be answered after the form has gone; the flag then went with it.
        let _ = self.changed.try_update_value(|changed| *changed = false);
        if let Some(unsaved) = self.unsaved {
            unsaved.set(false);
        }
    }

    /// Shows or clears the message of the field just left. The whole draft is checked, since
    /// some rules (unique names) look beyond the field, but only this field's message changes.
    fn validate_field(&self, field: Field) {
        let (draft, rows) = self.model.with_value(|model| model.draft());
        let errors = draft.validate().err().unwrap_or_default();
        let (placed, _) = place(&errors, &rows);
        self.errors.show_for(field, &placed);
    }
}
