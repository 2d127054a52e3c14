//! The OpenAPI 3.1 document of the Goals API, generated from the handlers: each route is
//! registered with its `#[utoipa::path]` operation (see [`crate::api::version_1`]), and the
//! schemas come from the very types the handlers read and write, so the document cannot
//! describe an API other than the one served.
//!
//! The document is served at `GET /api/v1/openapi.json`, and committed as `api/openapi.json`
//! for clients and the conformance suite; `cargo run -p goals-server --bin goals-openapi`
//! prints it, and a test fails when the committed copy is stale.

use std::sync::LazyLock;

use axum::response::Json;
use utoipa::OpenApi;

/// The document's parts that belong to no route: its title, version, server and tags.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Goals API",
        version = "1",
        description = "Goals, their milestones and trackers, the runs of customers through \
            them, and the reports and exports made of those runs.\n\n\
            JSON over HTTP, field names in camelCase, times in RFC 3339 UTC, dates as \
            `YYYY-MM-DD` in UTC. Every error answer is `application/json` in the `ErrorBody` \
            shape, with a `code` for programs and a `message` for people. A method a path \
            does not have is answered with 405 `method_not_allowed`, and a path the API does \
            not have with 404 `not_found`.\n\n\
            A server started with tokens wants `Authorization: Bearer <token>` on every call \
            but `/health` and `/openapi.json`: without a token it knows the answer is 401 \
            `unauthorized`, and a token whose role may not make the call gets 403 \
            `forbidden`. An answer not ready within the server's time limit (30 s unless \
            configured) is 503 `timeout`; exports are not limited.",
    ),
    servers((url = "/api/v1", description = "This server")),
    tags(
        (name = "health", description = "Whether the server is up"),
        (name = "goals", description = "Goals with their milestones and trackers"),
        (name = "runs", description = "Achievements that Goal nodes report, and customers' runs"),
        (name = "reports", description = "Analytics of a goal over a range of days"),
        (name = "exports", description = "Every recorded tracker value, as CSV or a workbook"),
        (name = "openapi", description = "This document"),
    )
)]
struct GoalsApi;

/// The document without its paths, which [`crate::api::version_1`] adds route by route.
pub(crate) fn base() -> utoipa::openapi::OpenApi {
    GoalsApi::openapi()
}

/// The OpenAPI document of version 1 of the Goals API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut document = crate::api::version_1().into_openapi();
    crate::access::describe_access(&mut document);
    document
}

/// Built on first request: the document does not change while the server runs.
static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(openapi);

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "openapi",
    responses((status = 200, description = "The OpenAPI 3.1 document of the API",
        content((serde_json::Value = "application/json"))))
)]
pub(crate) async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(DOCUMENT.clone())
}
