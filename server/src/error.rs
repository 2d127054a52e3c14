//! The one error type of the API and its one conversion to HTTP.
//!
//! Every refusal a handler can give is a variant of [`ApiError`], and [`IntoResponse`] below is
//! the only place that gives it a status, a code and the JSON body of DESIGN §4
//! (`{"error":{"code","message","fields"?}}`). A database failure is logged with its cause and
//! answered with a generic message: what went wrong inside is for the operator, not the client.
//!
//! The body's types derive their schemas here too, so the OpenAPI document describes the very
//! error shape and codes this module writes.

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use goals_core::limits::BODY_MAX_BYTES;
use goals_core::{DateRangeError, EditViolation, FieldError, Goal};
use serde::Serialize;
use utoipa::ToSchema;

use crate::access::{Action, Unauthenticated};
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
    /// No token, or one the server does not know, while the server has tokens.
    #[error("{0}")]
    Unauthorized(#[from] Unauthenticated),
    /// The token is known, but its role may not do this.
    #[error("This token may not {0}")]
    Forbidden(Action),
    /// The answer was not ready within `--request-timeout`; whatever the request was writing
    /// was rolled back with its transaction.
    #[error("The request took longer than {} to answer; please try again", seconds(.0))]
    Timeout(std::time::Duration),
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

    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self {
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, ErrorCode::BadRequest),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            ApiError::MethodNotAllowed { .. } => {
                (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
            }
            ApiError::NameTaken { .. } => (StatusCode::CONFLICT, ErrorCode::NameTaken),
            ApiError::VersionConflict { .. } => {
                (StatusCode::PRECONDITION_FAILED, ErrorCode::VersionConflict)
            }
            ApiError::PayloadTooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            ApiError::ValidationFailed(_) | ApiError::AchievementInvalid(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
            ),
            ApiError::MilestoneRemoved(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::MilestoneRemoved,
            ),
            ApiError::MilestoneReordered(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::MilestoneReordered,
            ),
            ApiError::UnknownId(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::UnknownId),
            ApiError::PreconditionRequired => (
                StatusCode::PRECONDITION_REQUIRED,
                ErrorCode::PreconditionRequired,
            ),
            ApiError::Unauthorized(_) => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            ApiError::Timeout(_) => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Timeout),
            ApiError::Database(_) | ApiError::Export(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
            }
        }
    }

    /// What the client is told: the refusal in words, or a generic message for a failure
    /// inside the server, whose cause is logged instead.
    fn public_message(&self) -> String {
        match self {
            ApiError::Database(cause) => {
                tracing::error!(error = %cause, "request failed in the database");
                "Something went wrong on the server; please try again".to_string()
            }
            ApiError::Export(cause) => {
                tracing::error!(error = %cause, "export failed");
                "The export could not be made; please try again".to_string()
            }
            refusal => refusal.to_string(),
        }
    }
}

/// Why a request was refused: the `code` of every error answer, each with one HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    NotFound,
    MethodNotAllowed,
    NameTaken,
    VersionConflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    MilestoneRemoved,
    MilestoneReordered,
    UnknownId,
    PreconditionRequired,
    Unauthorized,
    Forbidden,
    Timeout,
    Internal,
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

/// The body of every error answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong, in a code for programs and a message for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    pub code: ErrorCode,
    pub message: String,
    /// Every broken rule at its field, with `validation_failed` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub fields: Option<Vec<FieldError>>,
    /// The goal as it is now, with `version_conflict` only, so a client can show what changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub current: Option<Box<Goal>>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = self.public_message();
        let challenge = match self {
            ApiError::Unauthorized(Unauthenticated::Missing) => Some("Bearer"),
            ApiError::Unauthorized(Unauthenticated::Wrong) => {
                Some("Bearer error=\"invalid_token\"")
            }
            _ => None,
        };
        let (fields, current) = match self {
            ApiError::ValidationFailed(fields) | ApiError::AchievementInvalid(fields) => {
                (Some(fields), None)
            }
            ApiError::VersionConflict { current } => (None, Some(current)),
            _ => (None, None),
        };
        let etag = current
            .as_ref()
            .and_then(|goal| HeaderValue::from_str(&entity_tag(goal.version)).ok());

        let body = ErrorBody {
            error: ErrorDetail {
                code,
                message,
                fields,
                current,
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(etag) = etag {
            response.headers_mut().insert(header::ETAG, etag);
        }
        if let Some(challenge) = challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

/// A timeout as people write it: `30 s`, or `250 ms` below a second.
fn seconds(duration: &std::time::Duration) -> String {
    if duration.subsec_millis() == 0 && duration.as_secs() > 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{} ms", duration.as_millis())
    }
}

fn list_fields(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(FieldError::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
