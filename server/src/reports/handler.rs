//! `GET /goals/{id}/report?from=&to=`.

use axum::Json;
use axum::extract::State;
use goals_core::{DateRange, GoalReport};
use serde::Deserialize;

use super::store;
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};

/// The range as the query gives it: UTC dates `YYYY-MM-DD`, either or both left out.
#[derive(Debug, Default, Deserialize)]
pub struct ReportParams {
    from: Option<String>,
    to: Option<String>,
}

/// The goal's analytics from `from` to `to`, both included; the last seven days (today by the
/// server's clock, and the six before) when no range is given. A date that cannot be read, a
/// reversed range or one longer than a year is a 400.
pub async fn goal_report(
    State(state): State<AppState>,
    ApiPath(goal_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<ReportParams>,
) -> Result<Json<GoalReport>, ApiError> {
    let today = state.now().date_naive();
    let range = DateRange::from_query(params.from.as_deref(), params.to.as_deref(), today)?;
    let report = store::goal_report(state.pool(), &goal_id, range).await?;
    Ok(Json(report))
}
