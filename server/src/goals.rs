//! The goals resource of DESIGN §4: listing, creating, reading, replacing and deleting goals.

pub mod draft_body;
pub mod entity_tag;
mod handlers;
pub mod listing;
pub mod store;

use axum::Router;
use axum::routing::get;

use crate::app::AppState;

/// The goals routes, relative to the API's base path.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/goals",
            get(handlers::list_goals).post(handlers::create_goal),
        )
        .route(
            "/goals/{id}",
            get(handlers::read_goal)
                .put(handlers::replace_goal)
                .delete(handlers::delete_goal),
        )
}
