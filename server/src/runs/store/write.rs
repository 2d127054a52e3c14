//! Writing a run's row and the milestones an achievement reached, with their values.

use chrono::{DateTime, Utc};
use goals_core::{Applied, RunProgress, Source};
use sqlx::SqliteConnection;

use super::status_text;
use crate::timestamps;

/// Adds the run of `(goal_id, customer_id, conversation_key)`, created by an achievement of
/// `furthest`, and returns its new id (UUIDv7, so ids sort by creation time).
pub(super) async fn insert_run(
    connection: &mut SqliteConnection,
    (goal_id, customer_id, conversation_key): (&str, &str, &str),
    run: &RunProgress,
    furthest: &str,
    now: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    let id = uuid::Uuid::now_v7().to_string();
    let now = timestamps::to_micros(now);
    sqlx::query(
        "INSERT INTO runs (id, goal_id, customer_id, conversation_id, completed, completed_at,
                           furthest_milestone_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(&id)
    .bind(goal_id)
    .bind(customer_id)
    .bind(conversation_key)
    .bind(run.completed)
    .bind(run.completed.then_some(now))
    .bind(furthest)
    .bind(now)
    .execute(connection)
    .await?;
    Ok(id)
}

/// Moves the run on to `furthest`. `completed_at` keeps the first completion.
pub(super) async fn update_run(
    connection: &mut SqliteConnection,
    run_id: &str,
    run: &RunProgress,
    furthest: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let now = timestamps::to_micros(now);
    sqlx::query(
        "UPDATE runs SET completed = $1, completed_at = COALESCE(completed_at, $2),
                         furthest_milestone_id = $3, updated_at = $4
         WHERE id = $5",
    )
    .bind(run.completed)
    .bind(run.completed.then_some(now))
    .bind(furthest)
    .bind(now)
    .bind(run_id)
    .execute(connection)
    .await?;
    Ok(())
}

/// Stores each milestone the achievement achieved or skipped, with the values its trackers
/// took, and the source the achievement named.
pub(super) async fn insert_reached(
    connection: &mut SqliteConnection,
    run_id: &str,
    goal_id: &str,
    applied: &Applied,
    source: Option<&Source>,
) -> Result<(), sqlx::Error> {
    for milestone_id in applied.change.changed_milestones() {
        let Some(progress) = applied.run.milestone(milestone_id) else {
            continue;
        };
        let recorded_at = progress.recorded_at.map(timestamps::to_micros);
        sqlx::query(
            "INSERT INTO run_milestones (run_id, milestone_id, goal_id, status, recorded_at,
                                         source_type, source_value)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(run_id)
        .bind(milestone_id)
        .bind(goal_id)
        .bind(status_text(progress.status))
        .bind(recorded_at)
        .bind(source.map(|source| source.kind.as_str()))
        .bind(source.map(|source| source.value.as_str()))
        .execute(&mut *connection)
        .await?;

        for (tracker_id, value) in &progress.tracker_values {
            sqlx::query(
                "INSERT INTO run_tracker_values (run_id, milestone_id, tracker_id, value,
                                                 recorded_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(run_id)
            .bind(milestone_id)
            .bind(tracker_id)
            .bind(value)
            .bind(recorded_at)
            .execute(&mut *connection)
            .await?;
        }
    }
    Ok(())
}
