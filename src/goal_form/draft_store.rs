//! Drafts of the goal form kept in the browser's localStorage, so a reload, a crash or a closed
//! tab loses nothing typed. One key per form: `goals-studio:draft:new` for the create form and
//! `goals-studio:draft:edit:<goal id>` for each goal's edit form. Storage may be missing (a
//! private window, a policy) or full; every call here then fails quietly and says so.

use chrono::{DateTime, Utc};
use goals_core::{Goal, GoalDraft};
use serde::{Deserialize, Serialize};

/// Which form a draft belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftKey {
    /// The create form.
    New,
    /// The edit form of the goal with this id.
    Edit(String),
}

impl DraftKey {
    /// The localStorage key of the form's draft.
    pub fn storage_key(&self) -> String {
        match self {
            DraftKey::New => "goals-studio:draft:new".to_string(),
            DraftKey::Edit(goal_id) => format!("goals-studio:draft:edit:{goal_id}"),
        }
    }

    fn goal_id(&self) -> Option<&str> {
        match self {
            DraftKey::New => None,
            DraftKey::Edit(goal_id) => Some(goal_id),
        }
    }
}

/// What is kept of one form: its content as typed and what that content was built on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredDraft {
    /// The goal being edited, none for the create form; checked again on reading, so a draft
    /// never shows in another goal's form even if keys were mixed up.
    pub goal_id: Option<String>,
    /// The version of the goal the content was built on (edit form only). A restore compares
    /// it with the version loaded now and re-applies the content if they differ.
    pub base: Option<Goal>,
    pub content: GoalDraft,
    pub saved_at: DateTime<Utc>,
}

/// The browser would not store the draft: no localStorage, or no room left in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUnavailable;

/// The draft kept for this form, if there is one that belongs to it.
pub fn read(key: &DraftKey) -> Option<StoredDraft> {
    let text = storage()?.get_item(&key.storage_key()).ok()??;
    let draft: StoredDraft = serde_json::from_str(&text).ok()?;
    let belongs = draft.goal_id.as_deref() == key.goal_id()
        && draft.base.is_some() == key.goal_id().is_some()
        && draft
            .base
            .as_ref()
            .is_none_or(|base| Some(base.id.as_str()) == key.goal_id());
    belongs.then_some(draft)
}

/// Keeps `draft` as this form's draft, replacing the one kept before.
pub fn write(key: &DraftKey, draft: &StoredDraft) -> Result<(), StorageUnavailable> {
    let text = serde_json::to_string(draft).map_err(|_| StorageUnavailable)?;
    storage()
        .ok_or(StorageUnavailable)?
        .set_item(&key.storage_key(), &text)
        .map_err(|_| StorageUnavailable)
}

/// Forgets this form's draft.
pub fn remove(key: &DraftKey) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key.storage_key());
    }
}

/// The page's localStorage; reading the property itself throws where storage is blocked.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
