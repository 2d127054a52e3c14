//! The API under `/api`: version 1's routes, and JSON answers for paths and methods it does not
//! have, so a client never has to parse anything but the API's own error shape.

use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::http::Method;
use axum::routing::get;
use axum::{Json, Router};
use goals_core::limits::BODY_MAX_BYTES;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::error::ApiError;
use crate::{exports, goals, reports, runs};

/// Routes to nest under `/api`.
pub fn routes() -> Router<AppState> {
    let version_1 = Router::new()
        .route("/health", get(health))
        .merge(goals::routes())
        .merge(runs::routes())
        .merge(reports::routes())
        .merge(exports::routes());
    Router::new()
        .nest("/v1", version_1)
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_MAX_BYTES))
}

/// `GET /health`: the server is up.
async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

async fn not_found(OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::NotFound(format!("There is no API endpoint at {}", uri.path()))
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::MethodNotAllowed {
        method: method.to_string(),
        path: uri.path().to_string(),
    }
}
