//! Sending the form: validate with goals-core first (the rules the server applies), send
//! nothing while anything is invalid, and place the server's answer where the bot builder
//! looks — field errors at their fields, a taken name at Goal Name, the rest in a banner.

use goals_core::{FieldError, FieldErrorCode, Goal, GoalDraft};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::FormContext;
use super::conflict::{Conflict, ConflictCause};
use super::draft_store::DraftKey;
use super::field_errors::{Field, element_id, place};
use super::form_state::DraftRows;
use crate::api::{ApiError, GoalsApi};

/// Where a save goes: a new goal, or a replacement of a loaded one.
#[derive(Clone)]
pub enum SaveTarget {
    Create,
    /// `base` is the goal the form's content is built on: loaded, restored from a draft or
    /// re-applied onto. Its version, and no other, is sent as `If-Match`, so a save can never
    /// replace a version the bot builder has not seen.
    Replace {
        goal_id: String,
        base: RwSignal<Goal>,
    },
}

impl SaveTarget {
    /// Where the form's draft is kept.
    pub fn draft_key(&self) -> DraftKey {
        match self {
            SaveTarget::Create => DraftKey::New,
            SaveTarget::Replace { goal_id, .. } => DraftKey::Edit(goal_id.clone()),
        }
    }

    /// The goal the edit form's content is built on.
    pub fn base(&self) -> Option<RwSignal<Goal>> {
        match self {
            SaveTarget::Create => None,
            SaveTarget::Replace { base, .. } => Some(*base),
        }
    }
}

/// What the form shows about saving, beside the fields.
#[derive(Clone, Copy)]
pub struct SaveStatus {
    pub saving: RwSignal<bool>,
    /// A failure that belongs to no field.
    pub banner: RwSignal<Option<String>>,
    /// A newer version than the one the form's content is built on.
    pub conflict: RwSignal<Option<Conflict>>,
    /// What re-applying the bot builder's changes onto a newer version had to say.
    pub reapplied: RwSignal<Option<Vec<String>>>,
}

impl SaveStatus {
    pub fn new() -> Self {
        SaveStatus {
            saving: RwSignal::new(false),
            banner: RwSignal::new(None),
            conflict: RwSignal::new(None),
            reapplied: RwSignal::new(None),
        }
    }
}

impl Default for SaveStatus {
    fn default() -> Self {
        SaveStatus::new()
    }
}

/// Validates and sends the form; `on_saved` runs once the API has stored the goal.
pub fn submit(
    form: FormContext,
    api: GoalsApi,
    target: SaveTarget,
    status: SaveStatus,
    on_saved: impl FnOnce() + 'static,
) {
    if status.saving.get_untracked() {
        return;
    }
    let (draft, rows) = form.model.with_value(|model| model.draft());
    if let Err(errors) = draft.validate() {
        show_field_errors(form, &errors, &rows, status);
        return;
    }

    form.errors.show_all(&[]);
    status.banner.set(None);
    status.saving.set(true);
    let forget_draft = form.drafts.forget_later();
    spawn_local(async move {
        let outcome = send(&api, &target, &draft).await;
        status.saving.set(false);
        match outcome {
            Ok(_) => {
                forget_draft();
                form.mark_saved();
                on_saved();
            }
            Err(error) => show_refusal(form, error, &rows, status),
        }
    });
}

async fn send(api: &GoalsApi, target: &SaveTarget, draft: &GoalDraft) -> Result<Goal, ApiError> {
    match target {
        SaveTarget::Create => api.create_goal(draft).await,
        SaveTarget::Replace { goal_id, base } => {
            let version = base.with_untracked(|base| base.version);
            api.replace_goal(goal_id, version, draft).await
        }
    }
}

fn show_refusal(form: FormContext, error: ApiError, rows: &DraftRows, status: SaveStatus) {
    match error {
        ApiError::VersionConflict { current, .. } => status.conflict.set(Some(Conflict {
            current: *current,
            cause: ConflictCause::SaveRefused,
        })),
        ApiError::Refused { code, message, .. } if code == "name_taken" => {
            // Uniqueness among all goals is the one rule only the server can check; its
            // answer belongs at Goal Name like any other error of that field.
            let taken = FieldError::new("name", FieldErrorCode::Duplicate, message);
            show_field_errors(form, &[taken], rows, status);
        }
        ApiError::Refused { fields, .. } if !fields.is_empty() => {
            show_field_errors(form, &fields, rows, status);
        }
        other => status
            .banner
            .set(Some(format!("The goal was not saved. {other}"))),
    }
}

/// Shows every error at its field, moves focus to the first of them, and puts errors that
/// have no field on screen in the banner.
fn show_field_errors(
    form: FormContext,
    errors: &[FieldError],
    rows: &DraftRows,
    status: SaveStatus,
) {
    let (placed, unplaced) = place(errors, rows);
    form.errors.show_all(&placed);
    status.banner.set(
        (!unplaced.is_empty()).then(|| format!("The goal was not saved. {}", unplaced.join(" "))),
    );
    if let Some((field, _)) = placed.first() {
        focus(form.key, *field);
    }
}

fn focus(form_key: u64, field: Field) {
    let element = document()
        .get_element_by_id(&element_id(form_key, field))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
