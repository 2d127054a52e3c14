//! Deleting a goal. Its tags, milestones and trackers go with it through the foreign keys'
//! `ON DELETE CASCADE`.

use sqlx::SqlitePool;

use super::BEGIN_WRITE;
use crate::error::ApiError;

/// Deletes the goal `id`; `NotFound` when there is none.
pub async fn delete_goal(pool: &SqlitePool, id: &str) -> Result<(), ApiError> {
    let mut transaction = pool.begin_with(BEGIN_WRITE).await?;
    let deleted = sqlx::query("DELETE FROM goals WHERE id = $1")
        .bind(id)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(ApiError::goal_not_found(id));
    }
    transaction.commit().await?;
    Ok(())
}
