//! The goals resource of DESIGN §4: listing, creating, reading, replacing and deleting goals.

pub mod draft_body;
pub mod entity_tag;
mod handlers;
pub mod listing;
pub mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// The goals routes, relative to the API's base path, each with its OpenAPI operation.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::list_goals, handlers::create_goal))
        .routes(routes!(
            handlers::read_goal,
            handlers::replace_goal,
            handlers::delete_goal
        ))
}
