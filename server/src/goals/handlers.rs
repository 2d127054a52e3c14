//! The goals endpoints: each reads its request, calls the store and shapes the answer, and
//! leaves every refusal to [`ApiError`].

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use goals_core::{Goal, GoalPage};

use super::draft_body::{DraftPurpose, read_draft};
use super::entity_tag::{IfMatch, entity_tag};
use super::listing::{ListParams, ListRequest};
use super::store;
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};
use crate::json_body::JsonBody;

/// `GET /goals`: one page of the listing.
pub async fn list_goals(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<GoalPage>, ApiError> {
    let request = ListRequest::try_from(params)?;
    Ok(Json(store::list_goals(state.pool(), &request).await?))
}

/// `POST /goals`: 201 with the new goal, its `Location` and its `ETag`.
pub async fn create_goal(
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<impl IntoResponse, ApiError> {
    let draft = read_draft(body, DraftPurpose::Create)?;
    let goal = store::create_goal(state.pool(), &draft).await?;
    tracing::info!(goal_id = %goal.id, milestones = goal.milestones.len(), "goal created");

    let location = format!("/api/v1/goals/{}", goal.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        tagged(goal),
    ))
}

/// `GET /goals/{id}`: the goal with its `ETag`.
pub async fn read_goal(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    let goal = store::read_goal(state.pool(), &id).await?;
    goal.map(tagged)
        .ok_or_else(|| ApiError::goal_not_found(&id))
}

/// `PUT /goals/{id}`: replaces the goal when `If-Match` names its current version.
pub async fn replace_goal(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    if_match: IfMatch,
    JsonBody(body): JsonBody,
) -> Result<impl IntoResponse, ApiError> {
    let draft = read_draft(body, DraftPurpose::Replace)?;
    let goal = store::replace_goal(state.pool(), &id, &if_match, &draft).await?;
    tracing::info!(goal_id = %goal.id, version = goal.version, "goal replaced");
    Ok(tagged(goal))
}

/// `DELETE /goals/{id}`: 204, and the goal's milestones and trackers are gone with it.
pub async fn delete_goal(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    store::delete_goal(state.pool(), &id).await?;
    tracing::info!(goal_id = %id, "goal deleted");
    Ok(StatusCode::NO_CONTENT)
}

/// The goal as JSON, with its version as `ETag`.
fn tagged(goal: Goal) -> impl IntoResponse {
    ([(header::ETAG, entity_tag(goal.version))], Json(goal))
}
