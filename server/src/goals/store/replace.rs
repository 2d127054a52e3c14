//! Replacing a goal under the editing rules of DESIGN §3.
//!
//! The version check, the editing rules and the write happen in one write transaction, so two
//! saves made from the same version cannot both succeed, and a refused save writes nothing.

use std::collections::HashSet;

use goals_core::{Goal, GoalDraft, check_edit};
use sqlx::{SqliteConnection, SqlitePool};

use super::children::{
    insert_milestone, insert_tracker, update_milestone, update_tracker, write_tags,
};
use super::load::load_goal;
use super::{BEGIN_WRITE, match_key, name_taken_or};
use crate::error::ApiError;
use crate::goals::entity_tag::IfMatch;
use crate::timestamps;

/// Replaces the goal `id` with a validated, normalized `draft` when its stored version is one
/// `if_match` allows, and returns it at the next version.
///
/// Milestones and trackers with an id are rewritten in place, those without one are added with
/// new ids, and trackers left out of the draft are marked deleted (their rows stay for the
/// values they recorded).
pub async fn replace_goal(
    pool: &SqlitePool,
    id: &str,
    if_match: &IfMatch,
    draft: &GoalDraft,
) -> Result<Goal, ApiError> {
    let mut transaction = pool.begin_with(BEGIN_WRITE).await?;
    let existing = load_goal(&mut transaction, id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(id))?;
    if !if_match.matches(existing.version) {
        return Err(ApiError::VersionConflict {
            current: Box::new(existing),
        });
    }
    check_edit(&existing, draft)?;

    let now = timestamps::to_micros(timestamps::now());
    update_goal_row(&mut transaction, id, draft, now).await?;
    write_tags(&mut transaction, id, &draft.tags).await?;
    write_milestones(&mut transaction, id, draft).await?;
    delete_left_out_trackers(&mut transaction, &existing, draft, now).await?;

    let goal = load_goal(&mut transaction, id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(id))?;
    transaction.commit().await?;
    Ok(goal)
}

/// The goal's own columns, at the next version. A name another goal has is `NameTaken`.
async fn update_goal_row(
    connection: &mut SqliteConnection,
    id: &str,
    draft: &GoalDraft,
    now: i64,
) -> Result<(), ApiError> {
    sqlx::query(
        "UPDATE goals SET name = $1, name_key = $2, description = $3, version = version + 1,
                          updated_at = $4
         WHERE id = $5",
    )
    .bind(&draft.name)
    .bind(match_key(&draft.name))
    .bind(&draft.description)
    .bind(now)
    .bind(id)
    .execute(connection)
    .await
    .map_err(|error| name_taken_or(error, &draft.name))?;
    Ok(())
}

async fn write_milestones(
    connection: &mut SqliteConnection,
    goal_id: &str,
    draft: &GoalDraft,
) -> Result<(), sqlx::Error> {
    for (position, milestone) in draft.milestones.iter().enumerate() {
        let milestone_id = match &milestone.id {
            Some(milestone_id) => {
                update_milestone(connection, milestone_id, milestone).await?;
                milestone_id.clone()
            }
            None => insert_milestone(connection, goal_id, position, milestone).await?,
        };
        for (position, tracker) in milestone.trackers.iter().enumerate() {
            match &tracker.id {
                Some(tracker_id) => {
                    update_tracker(connection, tracker_id, position, tracker).await?
                }
                None => insert_tracker(connection, &milestone_id, position, tracker).await?,
            }
        }
    }
    Ok(())
}

async fn delete_left_out_trackers(
    connection: &mut SqliteConnection,
    existing: &Goal,
    draft: &GoalDraft,
    now: i64,
) -> Result<(), sqlx::Error> {
    let kept: HashSet<&str> = draft
        .milestones
        .iter()
        .flat_map(|milestone| {
            milestone
                .trackers
                .iter()
                .filter_map(|tracker| tracker.id.as_deref())
        })
        .collect();
    let left_out = existing
        .milestones
        .iter()
        .flat_map(|milestone| &milestone.trackers)
        .filter(|tracker| !kept.contains(tracker.id.as_str()));
    for tracker in left_out {
        sqlx::query("UPDATE trackers SET deleted_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&tracker.id)
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}
