//! Runs of a goal (DESIGN §1, §4): a Goal node records achievements, and the analytics page
//! looks up one customer's runs. Reports on runs are in [`crate::reports`].

mod achievement_body;
mod handlers;
mod store;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;

/// The runs routes, relative to the API's base path.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/goals/{id}/achievements",
            post(handlers::record_achievement),
        )
        .route(
            "/goals/{id}/customers/{customer_id}",
            get(handlers::customer_runs),
        )
}
