//! The goals endpoints: each reads its request, calls the store and shapes the answer, and
//! leaves every refusal to [`ApiError`].

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use goals_core::{Goal, GoalDraft, GoalPage};

use super::draft_body::{DraftPurpose, read_draft};
use super::entity_tag::{IfMatch, entity_tag};
use super::listing::{ListParams, ListRequest};
use super::store;
use crate::app::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::json_body::JsonBody;

/// One page of the goals listing, newest update first.
///
/// Filters and the page size come from the query; `nextCursor` leads to the next page.
#[utoipa::path(
    get,
    path = "/goals",
    tag = "goals",
    params(ListParams),
    responses(
        (status = 200, description = "One page of goals", body = GoalPage),
        (status = 400, body = ErrorBody,
            description = "`bad_request`: a `limit` out of range, or a `cursor` this server \
                did not give"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
pub async fn list_goals(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<GoalPage>, ApiError> {
    let request = ListRequest::try_from(params)?;
    Ok(Json(store::list_goals(state.pool(), &request).await?))
}

/// Creates a goal.
///
/// The body is a goal without ids, version or times: a body that carries any of them is
/// refused with 422 `read_only` at each such field.
#[utoipa::path(
    post,
    path = "/goals",
    tag = "goals",
    request_body = GoalDraft,
    responses(
        (status = 201, description = "The goal as stored", body = Goal, headers(
            ("Location" = String, description = "The goal's URL"),
            ("ETag" = String, description = "The goal's version, quoted: `\"1\"`"),
        )),
        (status = 400, body = ErrorBody,
            description = "`bad_request`: the body is not JSON, or a field has the wrong type"),
        (status = 409, body = ErrorBody,
            description = "`name_taken`: another goal has this name, ignoring case"),
        (status = 413, body = ErrorBody,
            description = "`payload_too_large`: the body is over 1 MiB"),
        (status = 415, body = ErrorBody,
            description = "`unsupported_media_type`: the body is not sent as `application/json`"),
        (status = 422, body = ErrorBody,
            description = "`validation_failed`: the goal breaks a rule; `fields` lists each"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
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

/// One goal, with its version as `ETag`.
#[utoipa::path(
    get,
    path = "/goals/{id}",
    tag = "goals",
    params(("id" = String, Path, description = "The goal's id")),
    responses(
        (status = 200, description = "The goal", body = Goal, headers(
            ("ETag" = String,
                description = "The goal's version, quoted, to send back in `If-Match`"),
        )),
        (status = 400, body = ErrorBody, description = "`bad_request`: the id is not text"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
pub async fn read_goal(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    let goal = store::read_goal(state.pool(), &id).await?;
    goal.map(tagged)
        .ok_or_else(|| ApiError::goal_not_found(&id))
}

/// Replaces a goal, when `If-Match` names its current version.
///
/// Every existing milestone must still be there, by id, in its original order, before any
/// new one; a tracker keeps the milestone it was created in. The version grows by one.
#[utoipa::path(
    put,
    path = "/goals/{id}",
    tag = "goals",
    params(
        ("id" = String, Path, description = "The goal's id"),
        ("If-Match" = String, Header,
            description = "The `ETag` of the goal as last read, such as `\"3\"`, or `*` for \
                any version"),
    ),
    request_body = GoalDraft,
    responses(
        (status = 200, description = "The goal at its new version", body = Goal, headers(
            ("ETag" = String, description = "The goal's new version, quoted"),
        )),
        (status = 400, body = ErrorBody, description = "`bad_request`: the body is not JSON, a \
            field has the wrong type, or `If-Match` is not an entity tag"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 409, body = ErrorBody,
            description = "`name_taken`: another goal has this name, ignoring case"),
        (status = 412, body = ErrorBody, description = "`version_conflict`: the goal has changed \
            since it was read; `current` holds it as it is now", headers(
            ("ETag" = String, description = "The current version, quoted"),
        )),
        (status = 413, body = ErrorBody,
            description = "`payload_too_large`: the body is over 1 MiB"),
        (status = 415, body = ErrorBody,
            description = "`unsupported_media_type`: the body is not sent as `application/json`"),
        (status = 422, body = ErrorBody, description = "`validation_failed` (`fields` lists each \
            broken rule), `milestone_removed`, `milestone_reordered` or `unknown_id`"),
        (status = 428, body = ErrorBody,
            description = "`precondition_required`: `If-Match` is missing"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
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

/// Deletes a goal, with its milestones, trackers and everything recorded for it.
#[utoipa::path(
    delete,
    path = "/goals/{id}",
    tag = "goals",
    params(("id" = String, Path, description = "The goal's id")),
    responses(
        (status = 204, description = "The goal is gone"),
        (status = 400, body = ErrorBody, description = "`bad_request`: the id is not text"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
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
