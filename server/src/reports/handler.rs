//! `GET /goals/{id}/report?from=&to=`.

use axum::Json;
use axum::extract::State;
use goals_core::{DateRange, GoalReport};
use serde::Deserialize;
use utoipa::IntoParams;

use super::store;
use crate::app::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};

/// The range as the query gives it: UTC dates `YYYY-MM-DD`, either or both left out. The
/// exports read the same range.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// First day, UTC, included; by default the sixth day before `to`.
    #[param(value_type = Option<chrono::NaiveDate>)]
    pub from: Option<String>,
    /// Last day, UTC, included; by default today. A range covers at most 366 days.
    #[param(value_type = Option<chrono::NaiveDate>)]
    pub to: Option<String>,
}

/// The goal's analytics for a range of days, both ends included.
///
/// Without a range, the last seven days (today by the server's clock, and the six before). A
/// date that cannot be read, a reversed range or one longer than a year is a 400.
#[utoipa::path(
    get,
    path = "/goals/{id}/report",
    tag = "reports",
    params(("id" = String, Path, description = "The goal's id"), RangeParams),
    responses(
        (status = 200, description = "The goal's figures for the range", body = GoalReport),
        (status = 400, body = ErrorBody, description = "`bad_request`: a date that is not \
            `YYYY-MM-DD`, `from` after `to`, or a range over 366 days"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
pub async fn goal_report(
    State(state): State<AppState>,
    ApiPath(goal_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> Result<Json<GoalReport>, ApiError> {
    let today = state.now().date_naive();
    let range = DateRange::from_query(params.from.as_deref(), params.to.as_deref(), today)?;
    let report = store::goal_report(state.pool(), &goal_id, range).await?;
    Ok(Json(report))
}
