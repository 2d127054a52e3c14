//! Storing a new goal.

use goals_core::{Goal, GoalDraft};
use sqlx::SqlitePool;

use super::children::{insert_milestone, insert_tracker, write_tags};
use super::load::load_goal;
use super::{BEGIN_WRITE, match_key, name_taken_or, new_id};
use crate::error::ApiError;
use crate::timestamps;

/// Stores a validated, normalized draft as a new goal at version 1, with new ids for the goal,
/// its milestones and its trackers. A name already used, ignoring case, is `NameTaken`.
pub async fn create_goal(pool: &SqlitePool, draft: &GoalDraft) -> Result<Goal, ApiError> {
    let mut transaction = pool.begin_with(BEGIN_WRITE).await?;
    let id = new_id();
    let now = timestamps::to_micros(timestamps::now());

    sqlx::query(
        "INSERT INTO goals (id, name, name_key, description, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 1, $5, $5)",
    )
    .bind(&id)
    .bind(&draft.name)
    .bind(match_key(&draft.name))
    .bind(&draft.description)
    .bind(now)
    .execute(&mut *transaction)
    .await
    .map_err(|error| name_taken_or(error, &draft.name))?;

    write_tags(&mut transaction, &id, &draft.tags).await?;
    for (position, milestone) in draft.milestones.iter().enumerate() {
        let milestone_id = insert_milestone(&mut transaction, &id, position, milestone).await?;
        for (position, tracker) in milestone.trackers.iter().enumerate() {
            insert_tracker(&mut transaction, &milestone_id, position, tracker).await?;
        }
    }

    let goal = load_goal(&mut transaction, &id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(&id))?;
    transaction.commit().await?;
    Ok(goal)
}
