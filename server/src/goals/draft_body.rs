//! From a JSON body to a goal draft fit to be stored.
//!
//! Ids, the version and the times are the server's. A body that carries them is answered
//! with 422 `read_only` at each such field, rather than the 400 an unknown field would get,
//! because a client that sends them back has misunderstood the contract, not the syntax.
//! The refusals are gathered with the validation errors of goals-core into one answer, so a
//! form can show every problem at once.

use goals_core::{FieldError, FieldErrorCode, GoalDraft};
use serde_json::Value;

use crate::error::ApiError;

/// Top-level fields of a goal that only the server writes.
const SERVER_FIELDS: [&str; 4] = ["id", "version", "createdAt", "updatedAt"];

/// What the draft is for: milestone and tracker ids name existing ones on replace, and so are
/// allowed there, but there is nothing for them to name on create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftPurpose {
    Create,
    Replace,
}

/// Reads and validates a draft, and returns it normalized (see [`GoalDraft::normalized`]).
/// Validation runs on the draft as sent, so that error paths point at the fields as sent.
pub fn read_draft(mut body: Value, purpose: DraftPurpose) -> Result<GoalDraft, ApiError> {
    let mut refused = take_server_fields(&mut body);

    let draft: GoalDraft = serde_path_to_error::deserialize(body).map_err(describe_shape_error)?;
    if purpose == DraftPurpose::Create {
        refused.extend(child_ids(&draft));
    }

    if let Err(errors) = draft.validate() {
        refused.extend(errors);
    }
    if refused.is_empty() {
        Ok(draft.normalized())
    } else {
        Err(ApiError::ValidationFailed(refused))
    }
}

/// Removes the server's fields from the top of `body`, with a `read_only` error for each.
fn take_server_fields(body: &mut Value) -> Vec<FieldError> {
    let Some(object) = body.as_object_mut() else {
        return Vec::new();
    };
    SERVER_FIELDS
        .iter()
        .filter(|field| object.remove(**field).is_some())
        .map(|field| read_only(field.to_string(), field))
        .collect()
}

fn child_ids(draft: &GoalDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (m, milestone) in draft.milestones.iter().enumerate() {
        if milestone.id.is_some() {
            errors.push(read_only(
                format!("milestones[{m}].id"),
                "A new milestone's id",
            ));
        }
        for (t, tracker) in milestone.trackers.iter().enumerate() {
            if tracker.id.is_some() {
                let path = format!("milestones[{m}].trackers[{t}].id");
                errors.push(read_only(path, "A new tracker's id"));
            }
        }
    }
    errors
}

fn read_only(path: String, what: &str) -> FieldError {
    let message = format!("{what} is set by the server and cannot be sent");
    FieldError::new(path, FieldErrorCode::ReadOnly, message)
}

/// Names the field whose type was wrong, which serde_json alone does not say for a value.
fn describe_shape_error(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = error.path().to_string();
    let message = if path == "." {
        format!("The goal is not in the expected shape: {}", error.inner())
    } else {
        format!(
            "The goal is not in the expected shape at {path}: {}",
            error.inner()
        )
    };
    ApiError::BadRequest(message)
}
