//! The goal report of the analytics page (DESIGN §2, §4): figures for a range of days, read
//! from the daily roll-ups that recording an achievement keeps, so its cost grows with the
//! days and milestones asked for and not with the number of achievements.

mod assemble;
mod handler;
mod store;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

pub use handler::RangeParams;

/// The reports routes, relative to the API's base path, with their OpenAPI operation.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(handler::goal_report))
}
