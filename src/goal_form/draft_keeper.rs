//! Keeping the form's draft as the bot builder types. A keystroke only restarts a timer; the
//! draft is read from the form and written once typing pauses for half a second, when focus
//! leaves a field, or when the form goes away. So storage never slows typing, even in the
//! biggest goal.

use std::time::Duration;

use goals_core::{Goal, GoalDraft};
use leptos::prelude::*;

use super::draft_store::{self, DraftKey, StoredDraft};
use super::form_state::GoalForm;
use crate::time_ago::now;

/// How long typing must pause before the draft is written.
pub const DRAFT_DELAY: Duration = Duration::from_millis(500);

/// The draft writer of one form.
#[derive(Clone, Copy)]
pub struct DraftKeeper {
    state: StoredValue<KeeperState>,
    /// Whether the last write failed, for the form's quiet note.
    pub unavailable: RwSignal<bool>,
}

struct KeeperState {
    key: DraftKey,
    form: GoalForm,
    /// The goal the edit form's content is built on; none for the create form.
    base: Option<RwSignal<Goal>>,
    pending: Option<TimeoutHandle>,
    /// While a kept draft waits to be restored or discarded, writing would overwrite it.
    held: bool,
}

impl DraftKeeper {
    pub fn new(key: DraftKey, form: GoalForm, base: Option<RwSignal<Goal>>) -> Self {
        DraftKeeper {
            state: StoredValue::new(KeeperState {
                key,
                form,
                base,
                pending: None,
                held: false,
            }),
            unavailable: RwSignal::new(false),
        }
    }

    pub fn key(&self) -> DraftKey {
        self.state.with_value(|state| state.key.clone())
    }

    /// Called on every change: the draft is written once changes pause.
    pub fn schedule(&self) {
        let held = self.state.with_value(|state| state.held);
        if held {
            return;
        }
        self.cancel();
        let keeper = *self;
        if let Ok(handle) = set_timeout_with_handle(move || keeper.write_now(), DRAFT_DELAY) {
            self.state
                .update_value(|state| state.pending = Some(handle));
        }
    }

    /// Writes a scheduled draft at once, as when focus leaves a field or the form closes.
    pub fn flush(&self) {
        if self.cancel() {
            self.write_now();
        }
    }

    /// Forgets the kept draft now: after an explicit discard, or loading a newer version.
    pub fn discard(&self) {
        self.forget_later()();
    }

    /// What forgets the kept draft once a save succeeds. The key is taken now because the form
    /// may be gone by the time the answer comes.
    pub fn forget_later(&self) -> impl FnOnce() + 'static {
        let keeper = *self;
        let key = self.key();
        move || {
            keeper.cancel();
            draft_store::remove(&key);
        }
    }

    /// Stops or resumes writing while a kept draft is offered for restoring.
    pub fn hold(&self, held: bool) {
        self.state.update_value(|state| state.held = held);
    }

    /// Cancels a scheduled write; says whether there was one.
    fn cancel(&self) -> bool {
        let pending = self
            .state
            .try_update_value(|state| state.pending.take())
            .flatten();
        if let Some(handle) = pending {
            handle.clear();
        }
        pending.is_some()
    }

    fn write_now(&self) {
        // The timer may fire after the form is gone; then there is nothing left to write.
        let Some((key, draft)) = self.state.try_update_value(|state| {
            state.pending = None;
            let (content, _) = state.form.draft();
            (state.key.clone(), stored(&state.key, content, state.base))
        }) else {
            return;
        };
        let failed = draft_store::write(&key, &draft).is_err();
        if self
            .unavailable
            .try_get_untracked()
            .is_some_and(|shown| shown != failed)
        {
            self.unavailable.set(failed);
        }
    }
}

fn stored(key: &DraftKey, content: GoalDraft, base: Option<RwSignal<Goal>>) -> StoredDraft {
    StoredDraft {
        goal_id: match key {
            DraftKey::New => None,
            DraftKey::Edit(goal_id) => Some(goal_id.clone()),
        },
        base: base.and_then(|base| base.try_get_untracked()),
        content,
        saved_at: now(),
    }
}
