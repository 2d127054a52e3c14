//! Writing the rows that belong to a goal: its tags, milestones and trackers. Create and
//! replace share these, so a goal is laid out in the tables the same way whichever made it.

use goals_core::{MilestoneDraft, TrackerDraft};
use sqlx::SqliteConnection;

use super::{match_key, new_id};

/// Replaces the goal's tags with `tags`, in that order.
pub(super) async fn write_tags(
    connection: &mut SqliteConnection,
    goal_id: &str,
    tags: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM goal_tags WHERE goal_id = $1")
        .bind(goal_id)
        .execute(&mut *connection)
        .await?;
    for (position, tag) in tags.iter().enumerate() {
        sqlx::query(
            "INSERT INTO goal_tags (goal_id, position, tag, tag_key) VALUES ($1, $2, $3, $4)",
        )
        .bind(goal_id)
        .bind(position_value(position))
        .bind(tag)
        .bind(match_key(tag))
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

/// Adds a milestone with a new id at `position`, and its trackers; returns the new id.
pub(super) async fn insert_milestone(
    connection: &mut SqliteConnection,
    goal_id: &str,
    position: usize,
    milestone: &MilestoneDraft,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO milestones (id, goal_id, position, name, description)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(goal_id)
    .bind(position_value(position))
    .bind(&milestone.name)
    .bind(&milestone.description)
    .execute(&mut *connection)
    .await?;
    Ok(id)
}

/// Renames or redescribes an existing milestone; its position never changes.
pub(super) async fn update_milestone(
    connection: &mut SqliteConnection,
    milestone_id: &str,
    milestone: &MilestoneDraft,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE milestones SET name = $1, description = $2 WHERE id = $3")
        .bind(&milestone.name)
        .bind(&milestone.description)
        .bind(milestone_id)
        .execute(connection)
        .await?;
    Ok(())
}

/// Adds a tracker with a new id to a milestone at `position`.
pub(super) async fn insert_tracker(
    connection: &mut SqliteConnection,
    milestone_id: &str,
    position: usize,
    tracker: &TrackerDraft,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO trackers (id, milestone_id, position, name, description, default_value)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(milestone_id)
    .bind(position_value(position))
    .bind(&tracker.name)
    .bind(&tracker.description)
    .bind(&tracker.default_value)
    .execute(connection)
    .await?;
    Ok(())
}

/// Rewrites an existing tracker, which may also have moved within its milestone.
pub(super) async fn update_tracker(
    connection: &mut SqliteConnection,
    tracker_id: &str,
    position: usize,
    tracker: &TrackerDraft,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE trackers SET position = $1, name = $2, description = $3, default_value = $4
         WHERE id = $5",
    )
    .bind(position_value(position))
    .bind(&tracker.name)
    .bind(&tracker.description)
    .bind(&tracker.default_value)
    .bind(tracker_id)
    .execute(connection)
    .await?;
    Ok(())
}

/// Positions are bounded by the limits of goals-core (at most 50 milestones, 25 trackers
/// and 20 tags), far below `i64::MAX`.
fn position_value(position: usize) -> i64 {
    i64::try_from(position).unwrap_or(i64::MAX)
}
