//! Reading one goal with its tags, milestones and (not deleted) trackers.

use goals_core::{Goal, Milestone, Tracker};
use sqlx::{SqliteConnection, SqlitePool};

use crate::timestamps;

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: String,
    name: String,
    description: String,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    id: String,
    name: String,
    description: String,
}

#[derive(sqlx::FromRow)]
struct TrackerRow {
    id: String,
    milestone_id: String,
    name: String,
    description: String,
    default_value: String,
}

/// The goal `id`, or `None` when there is no such goal.
pub async fn read_goal(pool: &SqlitePool, id: &str) -> Result<Option<Goal>, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let goal = load_goal(&mut transaction, id).await?;
    transaction.commit().await?;
    Ok(goal)
}

/// The goal `id` as seen by `connection`, which may be inside a write transaction.
pub async fn load_goal(
    connection: &mut SqliteConnection,
    id: &str,
) -> Result<Option<Goal>, sqlx::Error> {
    let row: Option<GoalRow> = sqlx::query_as(
        "SELECT id, name, description, version, created_at, updated_at FROM goals WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *connection)
    .await?;
    let Some(row) = row else { return Ok(None) };

    let tags = load_tags(connection, id).await?;
    let milestones = load_milestones(connection, id).await?;
    Ok(Some(Goal {
        id: row.id,
        name: row.name,
        description: row.description,
        tags,
        milestones,
        version: row.version,
        created_at: timestamps::from_micros(row.created_at)?,
        updated_at: timestamps::from_micros(row.updated_at)?,
    }))
}

/// A goal's tags in the order they were given.
pub(super) async fn load_tags(
    connection: &mut SqliteConnection,
    goal_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT tag FROM goal_tags WHERE goal_id = $1 ORDER BY position")
        .bind(goal_id)
        .fetch_all(connection)
        .await
}

async fn load_milestones(
    connection: &mut SqliteConnection,
    goal_id: &str,
) -> Result<Vec<Milestone>, sqlx::Error> {
    let milestone_rows: Vec<MilestoneRow> = sqlx::query_as(
        "SELECT id, name, description FROM milestones WHERE goal_id = $1 ORDER BY position",
    )
    .bind(goal_id)
    .fetch_all(&mut *connection)
    .await?;
    let tracker_rows: Vec<TrackerRow> = sqlx::query_as(
        "SELECT t.id, t.milestone_id, t.name, t.description, t.default_value
         FROM trackers t JOIN milestones m ON m.id = t.milestone_id
         WHERE m.goal_id = $1 AND t.deleted_at IS NULL
         ORDER BY m.position, t.position",
    )
    .bind(goal_id)
    .fetch_all(&mut *connection)
    .await?;

    let milestones = milestone_rows
        .into_iter()
        .map(|milestone| {
            let trackers = tracker_rows
                .iter()
                .filter(|tracker| tracker.milestone_id == milestone.id)
                .map(|tracker| Tracker {
                    id: tracker.id.clone(),
                    name: tracker.name.clone(),
                    description: tracker.description.clone(),
                    default_value: tracker.default_value.clone(),
                })
                .collect();
            Milestone {
                id: milestone.id,
                name: milestone.name,
                description: milestone.description,
                trackers,
            }
        })
        .collect();
    Ok(milestones)
}
