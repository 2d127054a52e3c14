//! The one error type of the API and its one conversion to HTTP.
//!
//! Every refusal a handler can give is a variant of [`ApiError`], and [`IntoResponse`] below is
//! the only place that gives it a status, a code and the JSON body of DESIGN §4
//! (`{"error":{"code","message","fields"?}}`). A database failure is logged with its cause and
//! answered with a generic message: what went wrong inside is for the operator, not the client.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use goals_core::limits::BODY_MAX_BYTES;
use goals_core::{DateRangeError, EditViolation, FieldError, Goal};
use serde::Serialize;

use crate::exports::ExportError;
use crate::goals::entity_tag::entity_tag;

/// Everything the API can answer other than success.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Malformed JSON, a wrong type, an unknown field, a bad query parameter or header.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{method} is not allowed on {path}")]
    MethodNotAllowed { method: String, path: String },
    #[error("A goal called \"{name}\" already exists")]
    NameTaken { name: String },
    /// `If-Match` named a version other than the stored one; the client gets the stored goal
    /// so that it can show what changed.
    #[error("The goal has changed since it was read: it is now at version {}", current.version)]
    VersionConflict { current: Box<Goal> },
    #[error("The request body is larger than {BODY_MAX_BYTES} bytes")]
    PayloadTooLarge,
    #[error("The request body must be JSON, sent with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("The goal is not valid: {}", list_fields(.0))]
    ValidationFailed(Vec<FieldError>),
    /// An achievement that names what the goal does not have, or breaks a limit.
    #[error("The achievement is not valid: {}", list_fields(.0))]
    AchievementInvalid(Vec<FieldError>),
    #[error("{0}")]
    MilestoneRemoved(EditViolation),
    #[error("{0}")]
    MilestoneReordered(EditViolation),
    #[error("{0}")]
    UnknownId(EditViolation),
    #[error("If-Match is required: send the ETag of the goal as you last read it")]
    PreconditionRequired,
    #[error("database failure")]
    Database(#[from] sqlx::Error),
    /// An export that failed on the server's side, such as its temporary file.
    #[error("export failure")]
    Export(#[from] ExportError),
}

impl ApiError {
    /// The answer for a goal id that names no goal.
    pub fn goal_not_found(id: &str) -> Self {
        ApiError::NotFound(format!("There is no goal with id \"{id}\""))
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::MethodNotAllowed { .. } => {
                (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
            }
            ApiError::NameTaken { .. } => (StatusCode::CONFLICT, "name_taken"),
            ApiError::VersionConflict { .. } => {
                (StatusCode::PRECONDITION_FAILED, "version_conflict")
            }
            ApiError::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            ApiError::ValidationFailed(_) | ApiError::AchievementInvalid(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            }
            ApiError::MilestoneRemoved(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "milestone_removed")
            }
            ApiError::MilestoneReordered(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "milestone_reordered")
            }
            ApiError::UnknownId(_) => (StatusCode::UNPROCESSABLE_ENTITY, "unknown_id"),
            ApiError::PreconditionRequired => {
                (StatusCode::PRECONDITION_REQUIRED, "precondition_required")
            }
            ApiError::Database(_) | ApiError::Export(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        }
    }
}

impl From<EditViolation> for ApiError {
    fn from(violation: EditViolation) -> Self {
        match violation {
            EditViolation::MilestoneRemoved { .. } => ApiError::MilestoneRemoved(violation),
            EditViolation::MilestoneReordered { .. } => ApiError::MilestoneReordered(violation),
            EditViolation::UnknownId { .. } => ApiError::UnknownId(violation),
        }
    }
}

/// A report's or an export's range of days that cannot be read or is too long.
impl From<DateRangeError> for ApiError {
    fn from(error: DateRangeError) -> Self {
        ApiError::BadRequest(error.to_string())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::BadRequest(rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadRequest(rejection.body_text())
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<&'a [FieldError]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<&'a Goal>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = match &self {
            ApiError::Database(cause) => {
                tracing::error!(error = %cause, "request failed in the database");
                "Something went wrong on the server; please try again".to_string()
            }
            ApiError::Export(cause) => {
                tracing::error!(error = %cause, "export failed");
                "The export could not be made; please try again".to_string()
            }
            refusal => refusal.to_string(),
        };
        let fields = match &self {
            ApiError::ValidationFailed(fields) | ApiError::AchievementInvalid(fields) => {
                Some(fields.as_slice())
            }
            _ => None,
        };
        let current = match &self {
            ApiError::VersionConflict { current } => Some(current.as_ref()),
            _ => None,
        };

        let body = ErrorBody {
            error: ErrorDetail {
                code,
                message,
                fields,
                current,
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(current) = current
            && let Ok(etag) = HeaderValue::from_str(&entity_tag(current.version))
        {
            response.headers_mut().insert(header::ETAG, etag);
        }
        response
    }
}

fn list_fields(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(FieldError::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
