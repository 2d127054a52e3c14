//! The goal report of the analytics page (DESIGN §2, §4): figures for a range of days, read
//! from the daily roll-ups that recording an achievement keeps, so its cost grows with the
//! days and milestones asked for and not with the number of achievements.

mod assemble;
mod handler;
mod store;

use axum::Router;
use axum::routing::get;

use crate::app::AppState;

/// The reports routes, relative to the API's base path.
pub fn routes() -> Router<AppState> {
    Router::new().route("/goals/{id}/report", get(handler::goal_report))
}
