//! Runs of a goal (DESIGN §1, §4): a Goal node records achievements, and the analytics page
//! looks up one customer's runs. Reports on runs are in [`crate::reports`].

mod achievement_body;
mod handlers;
mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// The runs routes, relative to the API's base path, each with its OpenAPI operation.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::record_achievement))
        .routes(routes!(handlers::customer_runs))
}
