//! The runs endpoints: each reads its request, calls the store and shapes the answer, and
//! leaves every refusal to [`ApiError`].

use axum::Json;
use axum::extract::State;
use goals_core::{AchievementInput, CustomerRuns, RunProgress};

use super::achievement_body::read_achievement;
use super::store;
use crate::app::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiPath;
use crate::json_body::JsonBody;

/// Records that a run reached a milestone, and answers the run's progress.
///
/// Earlier milestones still pending become skipped, with their Default Values. An achievement
/// that changes nothing (the milestone was already reached) is still a 200, with the progress
/// as it is.
#[utoipa::path(
    post,
    path = "/goals/{id}/achievements",
    tag = "runs",
    params(("id" = String, Path, description = "The goal's id")),
    request_body = AchievementInput,
    responses(
        (status = 200, description = "The run's progress after the achievement",
            body = RunProgress),
        (status = 400, body = ErrorBody,
            description = "`bad_request`: the body is not JSON, or a field has the wrong type"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 413, body = ErrorBody,
            description = "`payload_too_large`: the body is over 1 MiB"),
        (status = 415, body = ErrorBody,
            description = "`unsupported_media_type`: the body is not sent as `application/json`"),
        (status = 422, body = ErrorBody, description = "`validation_failed`: an unknown milestone \
            or tracker, or a value over its limit; `fields` lists each"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
pub async fn record_achievement(
    State(state): State<AppState>,
    ApiPath(goal_id): ApiPath<String>,
    JsonBody(body): JsonBody,
) -> Result<Json<RunProgress>, ApiError> {
    let achievement = read_achievement(body)?;
    let clock = || state.now();
    let recorded = store::record_achievement(state.pool(), clock, &goal_id, &achievement).await?;

    // Tracker values are what customers typed: they stay out of the log.
    let change = &recorded.applied.change;
    tracing::info!(
        goal_id = %goal_id,
        milestone_id = %achievement.milestone_id,
        run_id = %recorded.run_id,
        customer_id = %achievement.customer_id,
        conversation_id = achievement.conversation_id.as_deref().unwrap_or(""),
        achieved = change.achieved.as_deref().unwrap_or(""),
        skipped = change.skipped.len(),
        completed = change.completed,
        changed = !change.is_empty(),
        "achievement recorded"
    );
    Ok(Json(recorded.applied.run))
}

/// One customer's runs of the goal, newest first; none for a customer the goal has never seen.
#[utoipa::path(
    get,
    path = "/goals/{id}/customers/{customerId}",
    tag = "runs",
    params(
        ("id" = String, Path, description = "The goal's id"),
        ("customerId" = String, Path, description = "The customer ID, as Goal nodes send it"),
    ),
    responses(
        (status = 200, description = "The customer's runs", body = CustomerRuns),
        (status = 400, body = ErrorBody, description = "`bad_request`: an id is not text"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
pub async fn customer_runs(
    State(state): State<AppState>,
    ApiPath((goal_id, customer_id)): ApiPath<(String, String)>,
) -> Result<Json<CustomerRuns>, ApiError> {
    let runs = store::customer_runs(state.pool(), &goal_id, &customer_id).await?;
    Ok(Json(runs))
}
