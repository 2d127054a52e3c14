//! Recording one achievement: the goal, the rules, the run and its roll-ups, in one write
//! transaction.

use chrono::{DateTime, Utc};
use goals_core::{AchievementInput, Applied, RunProgress, apply_achievement};
use sqlx::SqlitePool;

use super::load::{find_run, load_progress};
use super::rollups::add_to_rollups;
use super::write::{insert_reached, insert_run, update_run};
use super::{BEGIN_WRITE, NO_CONVERSATION};
use crate::error::ApiError;
use crate::goals::store::load_goal;

/// A recorded achievement: the run it went to, the run after it, and what it changed.
#[derive(Debug)]
pub struct Recorded {
    pub run_id: String,
    pub applied: Applied,
}

/// Records `achievement` in the goal `goal_id`.
///
/// The time is read from `clock` once the write lock is held, so the times of a run's
/// milestones follow the order in which its achievements were applied. The goal is read
/// inside the transaction too: the Default Values a skip copies are the ones in force when
/// the achievement is recorded, and an edit saved meanwhile waits its turn. An achievement
/// that changes nothing writes nothing.
pub async fn record_achievement(
    pool: &SqlitePool,
    clock: impl FnOnce() -> DateTime<Utc>,
    goal_id: &str,
    achievement: &AchievementInput,
) -> Result<Recorded, ApiError> {
    let mut transaction = pool.begin_with(BEGIN_WRITE).await?;
    let now = clock();
    let goal = load_goal(&mut transaction, goal_id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(goal_id))?;
    achievement
        .validate(&goal)
        .map_err(ApiError::AchievementInvalid)?;

    let customer_id = achievement.customer_id.as_str();
    let conversation_id = achievement.conversation_id.as_deref();
    let conversation_key = conversation_id.unwrap_or(NO_CONVERSATION);
    let existing = find_run(&mut transaction, goal_id, customer_id, conversation_key).await?;
    let before = match &existing {
        Some(row) => load_progress(&mut transaction, &goal, row).await?,
        None => RunProgress::from_reached(&goal, customer_id, conversation_id, []),
    };
    let applied = apply_achievement(&goal, &before, achievement, now);

    // No change means the milestone was already reached, so the run exists and is as it was.
    let Some(furthest) = applied.change.achieved.as_deref() else {
        transaction.commit().await?;
        let run_id = existing.map(|row| row.id).unwrap_or_default();
        return Ok(Recorded { run_id, applied });
    };
    let run_id = match &existing {
        Some(row) => {
            update_run(&mut transaction, &row.id, &applied.run, furthest, now).await?;
            row.id.clone()
        }
        None => {
            let key = (goal_id, customer_id, conversation_key);
            insert_run(&mut transaction, key, &applied.run, furthest, now).await?
        }
    };
    let source = achievement.source.as_ref();
    insert_reached(&mut transaction, &run_id, goal_id, &applied, source).await?;
    add_to_rollups(
        &mut transaction,
        goal_id,
        customer_id,
        existing.as_ref(),
        &applied,
        now,
    )
    .await?;
    transaction.commit().await?;

    Ok(Recorded { run_id, applied })
}
