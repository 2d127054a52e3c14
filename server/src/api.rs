//! The API under `/api`: version 1's routes, and JSON answers for paths and methods it does not
//! have, so a client never has to parse anything but the API's own error shape.
//!
//! Version 1 is built as an [`OpenApiRouter`]: each route is registered together with its
//! handler's OpenAPI operation, so the routes served and the document that describes them
//! come from the same list (see [`crate::openapi`]).

use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::http::Method;
use axum::response::Json;
use goals_core::limits::BODY_MAX_BYTES;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::ApiError;
use crate::{exports, goals, openapi, reports, runs};

/// Routes to nest under `/api`.
pub fn routes() -> Router<AppState> {
    let (version_1, _) = version_1().split_for_parts();
    Router::new()
        .nest("/v1", version_1)
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_MAX_BYTES))
}

/// Version 1's routes, relative to `/api/v1`, with the OpenAPI document they make up.
pub fn version_1() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base())
        .routes(routes!(health))
        .routes(routes!(openapi::openapi_json))
        .merge(goals::routes())
        .merge(runs::routes())
        .merge(reports::routes())
        .merge(exports::routes())
}

/// The answer of the liveness check.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`: a server that can answer is up.
    #[schema(example = "ok")]
    status: &'static str,
}

/// Liveness: the server is up.
#[utoipa::path(
    get,
    path = "/health",
    tag = "health",
    responses((status = 200, description = "The server is up", body = Health))
)]
async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
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
