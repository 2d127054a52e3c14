//! The request-body extractor of the API.
//!
//! axum's own `Json` answers its refusals in plain text, and folds a wrong media type, an
//! oversized body and bad syntax into statuses of its choosing. The contract wants each of
//! them as the JSON error of DESIGN §4 with its own status (415, 413, 400), so the checks are
//! made here. The body is handed on as a JSON value: the goal handlers look at it before
//! turning it into a draft, to name server-owned fields a client should not have sent.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::{Error as _, Unexpected};
use serde_json::Value;

use crate::error::ApiError;

/// A request body that was declared as JSON, fits the size limit and parses as an object.
#[derive(Debug)]
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !declares_json(request.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }

        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::BadRequest(format!("The request body could not be read: {rejection}"))
                }
            })?;

        let body: Value = serde_json::from_slice(&bytes).map_err(|error| {
            ApiError::BadRequest(format!("The body is not valid JSON: {error}"))
        })?;
        // serde would read a goal or an achievement from an array too, field by field in
        // order; every body of the API is an object, so anything else has the wrong type.
        if !body.is_object() {
            let error = serde_json::Error::invalid_type(unexpected(&body), &"a JSON object");
            return Err(ApiError::BadRequest(format!(
                "The body is not in the expected shape: {error}"
            )));
        }
        Ok(JsonBody(body))
    }
}

/// What serde's messages call the kind of `value`, such as `sequence` for an array.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(boolean) => Unexpected::Bool(*boolean),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// `application/json`, in any case, with or without parameters such as `charset=utf-8`.
fn declares_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(content_type) = content_type.to_str() else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}
