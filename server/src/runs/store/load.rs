//! Reading a run back: its row, and the milestones it has reached with their values.

use std::collections::BTreeMap;

use goals_core::{Goal, ReachedMilestone, RunProgress};
use sqlx::SqliteConnection;

use super::{NO_CONVERSATION, parse_status};
use crate::timestamps;

/// A run as its row holds it.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct RunRow {
    pub id: String,
    pub customer_id: String,
    pub conversation_id: String,
    /// As of the run's last change; see the migration for why it is stored.
    pub completed: bool,
    pub completed_at: Option<i64>,
    pub furthest_milestone_id: String,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ReachedRow {
    milestone_id: String,
    status: String,
    recorded_at: i64,
}

#[derive(sqlx::FromRow)]
struct ValueRow {
    milestone_id: String,
    tracker_id: String,
    value: String,
}

/// The customer's run of the goal in `conversation_key`, if it has one.
pub(super) async fn find_run(
    connection: &mut SqliteConnection,
    goal_id: &str,
    customer_id: &str,
    conversation_key: &str,
) -> Result<Option<RunRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, customer_id, conversation_id, completed, completed_at,
                furthest_milestone_id, updated_at
         FROM runs WHERE goal_id = $1 AND customer_id = $2 AND conversation_id = $3",
    )
    .bind(goal_id)
    .bind(customer_id)
    .bind(conversation_key)
    .fetch_optional(connection)
    .await
}

/// The customer's runs of the goal, newest first.
pub(super) async fn customer_run_rows(
    connection: &mut SqliteConnection,
    goal_id: &str,
    customer_id: &str,
) -> Result<Vec<RunRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, customer_id, conversation_id, completed, completed_at,
                furthest_milestone_id, updated_at
         FROM runs WHERE goal_id = $1 AND customer_id = $2
         ORDER BY created_at DESC, id DESC",
    )
    .bind(goal_id)
    .bind(customer_id)
    .fetch_all(connection)
    .await
}

/// The progress of the run of `row` against the goal as it is now.
pub(super) async fn load_progress(
    connection: &mut SqliteConnection,
    goal: &Goal,
    row: &RunRow,
) -> Result<RunProgress, sqlx::Error> {
    let reached = load_reached(connection, &row.id).await?;
    let conversation_id =
        (row.conversation_id != NO_CONVERSATION).then_some(row.conversation_id.as_str());
    Ok(RunProgress::from_reached(
        goal,
        &row.customer_id,
        conversation_id,
        reached,
    ))
}

/// Every value a reached milestone recorded is returned, those of trackers deleted since
/// included: the progress shows what was recorded, not what the goal would record today.
async fn load_reached(
    connection: &mut SqliteConnection,
    run_id: &str,
) -> Result<Vec<ReachedMilestone>, sqlx::Error> {
    let reached_rows: Vec<ReachedRow> = sqlx::query_as(
        "SELECT milestone_id, status, recorded_at FROM run_milestones WHERE run_id = $1",
    )
    .bind(run_id)
    .fetch_all(&mut *connection)
    .await?;
    let value_rows: Vec<ValueRow> = sqlx::query_as(
        "SELECT milestone_id, tracker_id, value FROM run_tracker_values WHERE run_id = $1",
    )
    .bind(run_id)
    .fetch_all(&mut *connection)
    .await?;

    let mut values: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for row in value_rows {
        values
            .entry(row.milestone_id)
            .or_default()
            .insert(row.tracker_id, row.value);
    }
    reached_rows
        .into_iter()
        .map(|row| {
            Ok(ReachedMilestone {
                tracker_values: values.remove(&row.milestone_id).unwrap_or_default(),
                status: parse_status(&row.status)?,
                recorded_at: timestamps::from_micros(row.recorded_at)?,
                milestone_id: row.milestone_id,
            })
        })
        .collect()
}
