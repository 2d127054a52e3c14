//! The runs endpoints: each reads its request, calls the store and shapes the answer, and
//! leaves every refusal to [`ApiError`].

use axum::Json;
use axum::extract::State;
use goals_core::{CustomerRuns, RunProgress};

use super::achievement_body::read_achievement;
use super::store;
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::ApiPath;
use crate::json_body::JsonBody;

/// `POST /goals/{id}/achievements`: records that a run reached a milestone, and answers the
/// run's progress. An achievement that changes nothing (the milestone was already reached)
/// is still a 200, with the progress as it is.
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

/// `GET /goals/{id}/customers/{customerId}`: the customer's runs of the goal, newest first;
/// none for a customer the goal has never seen.
pub async fn customer_runs(
    State(state): State<AppState>,
    ApiPath((goal_id, customer_id)): ApiPath<(String, String)>,
) -> Result<Json<CustomerRuns>, ApiError> {
    let runs = store::customer_runs(state.pool(), &goal_id, &customer_id).await?;
    Ok(Json(runs))
}
