//! The report's reads: a few grouped queries over the roll-ups of one goal and range, in one
//! transaction so that the figures agree with each other.

use goals_core::{DateRange, GoalReport};
use sqlx::SqlitePool;

use super::assemble::{DailyFigures, RangeFigures, assemble};
use crate::error::ApiError;
use crate::goals::store::load_goal;

/// The report of the goal `goal_id` over `range`.
pub async fn goal_report(
    pool: &SqlitePool,
    goal_id: &str,
    range: DateRange,
) -> Result<GoalReport, ApiError> {
    let mut transaction = pool.begin().await?;
    let goal = load_goal(&mut transaction, goal_id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(goal_id))?;
    let from = range.from().to_string();
    let to = range.to().to_string();

    let goal_achieved: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(completed), 0) FROM daily_goal_completions
         WHERE goal_id = $1 AND day BETWEEN $2 AND $3",
    )
    .bind(goal_id)
    .bind(&from)
    .bind(&to)
    .fetch_one(&mut *transaction)
    .await?;

    // Distinct over the range, not a sum of days: a customer seen on three days is one user.
    let unique_users: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT customer_id) FROM daily_goal_customers
         WHERE goal_id = $1 AND day BETWEEN $2 AND $3",
    )
    .bind(goal_id)
    .bind(&from)
    .bind(&to)
    .fetch_one(&mut *transaction)
    .await?;

    let milestone_users: Vec<(String, i64)> = sqlx::query_as(
        "SELECT milestone_id, COUNT(DISTINCT customer_id) FROM daily_milestone_customers
         WHERE goal_id = $1 AND day BETWEEN $2 AND $3
         GROUP BY milestone_id",
    )
    .bind(goal_id)
    .bind(&from)
    .bind(&to)
    .fetch_all(&mut *transaction)
    .await?;

    let days: Vec<DailyFigures> = sqlx::query_as(
        "SELECT milestone_id, day, achieved, skipped, unique_users, drop_off
         FROM daily_milestone_counts
         WHERE goal_id = $1 AND day BETWEEN $2 AND $3",
    )
    .bind(goal_id)
    .bind(&from)
    .bind(&to)
    .fetch_all(&mut *transaction)
    .await?;
    transaction.commit().await?;

    let figures = RangeFigures {
        goal_achieved,
        unique_users,
        milestone_users: milestone_users.into_iter().collect(),
        days,
    };
    Ok(assemble(&goal, range, figures))
}
