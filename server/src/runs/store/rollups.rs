//! Keeping the daily roll-ups of the migration `0002_runs.sql` up to date with each change of
//! a run, in the transaction that records it, so a report never has to count achievements.

use chrono::{DateTime, Utc};
use goals_core::Applied;
use sqlx::SqliteConnection;

use super::day_of;
use super::load::RunRow;
use crate::timestamps;

/// A figure of `daily_milestone_counts`.
#[derive(Debug, Clone, Copy)]
enum Figure {
    Achieved,
    Skipped,
    UniqueUsers,
    DropOff,
}

impl Figure {
    fn column(self) -> &'static str {
        match self {
            Figure::Achieved => "achieved",
            Figure::Skipped => "skipped",
            Figure::UniqueUsers => "unique_users",
            Figure::DropOff => "drop_off",
        }
    }
}

/// Adds what `applied` changed to the roll-ups of the day of `now`. `before` is the run's row
/// before the change, `None` for a run the achievement created.
pub(super) async fn add_to_rollups(
    connection: &mut SqliteConnection,
    goal_id: &str,
    customer_id: &str,
    before: Option<&RunRow>,
    applied: &Applied,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let day = day_of(now);
    let day = day.as_str();
    let change = &applied.change;

    for milestone_id in &change.skipped {
        let milestone_day = (goal_id, milestone_id.as_str(), day);
        add(connection, milestone_day, Figure::Skipped, 1).await?;
    }
    if let Some(milestone_id) = &change.achieved {
        let milestone_day = (goal_id, milestone_id.as_str(), day);
        add(connection, milestone_day, Figure::Achieved, 1).await?;
        count_customer(connection, milestone_day, customer_id).await?;
    }

    if let Some(before) = before
        && !before.completed
    {
        let last_day = day_of(timestamps::from_micros(before.updated_at)?);
        let stopped_at = (
            goal_id,
            before.furthest_milestone_id.as_str(),
            last_day.as_str(),
        );
        add(connection, stopped_at, Figure::DropOff, -1).await?;
    }
    if !applied.run.completed
        && let Some(milestone_id) = &change.achieved
    {
        let stops_at = (goal_id, milestone_id.as_str(), day);
        add(connection, stops_at, Figure::DropOff, 1).await?;
    }

    let first_completion = before.is_none_or(|before| before.completed_at.is_none());
    if change.completed && first_completion {
        count_completion(connection, goal_id, day).await?;
    }
    Ok(())
}

/// Adds `delta` to one figure of a milestone's day, creating the day's row when needed.
async fn add(
    connection: &mut SqliteConnection,
    (goal_id, milestone_id, day): (&str, &str, &str),
    figure: Figure,
    delta: i64,
) -> Result<(), sqlx::Error> {
    // The column name comes from `Figure`, never from a request.
    let column = figure.column();
    let upsert = format!(
        "INSERT INTO daily_milestone_counts (goal_id, milestone_id, day, {column})
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (goal_id, milestone_id, day) DO UPDATE SET {column} = {column} + $4"
    );
    sqlx::query(sqlx::AssertSqlSafe(upsert))
        .bind(goal_id)
        .bind(milestone_id)
        .bind(day)
        .bind(delta)
        .execute(connection)
        .await?;
    Ok(())
}

/// Notes that the customer achieved the milestone on the day; the first time that day, the
/// milestone's daily Unique Users grows by one.
async fn count_customer(
    connection: &mut SqliteConnection,
    (goal_id, milestone_id, day): (&str, &str, &str),
    customer_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO daily_goal_customers (goal_id, day, customer_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(goal_id)
    .bind(day)
    .bind(customer_id)
    .execute(&mut *connection)
    .await?;

    let inserted = sqlx::query(
        "INSERT INTO daily_milestone_customers (goal_id, milestone_id, day, customer_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING",
    )
    .bind(goal_id)
    .bind(milestone_id)
    .bind(day)
    .bind(customer_id)
    .execute(&mut *connection)
    .await?
    .rows_affected();
    if inserted > 0 {
        let milestone_day = (goal_id, milestone_id, day);
        add(connection, milestone_day, Figure::UniqueUsers, 1).await?;
    }
    Ok(())
}

async fn count_completion(
    connection: &mut SqliteConnection,
    goal_id: &str,
    day: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO daily_goal_completions (goal_id, day, completed) VALUES ($1, $2, 1)
         ON CONFLICT (goal_id, day) DO UPDATE SET completed = completed + 1",
    )
    .bind(goal_id)
    .bind(day)
    .execute(connection)
    .await?;
    Ok(())
}
