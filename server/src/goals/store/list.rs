//! One page of the goals listing.

use goals_core::{GoalPage, GoalSummary};
use sqlx::{SqliteConnection, SqlitePool};

use super::load::load_tags;
use crate::goals::listing::{Cursor, ListRequest};
use crate::timestamps;

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: String,
    name: String,
    description: String,
    version: i64,
    created_at: i64,
    updated_at: i64,
    milestone_count: i64,
    tracker_count: i64,
}

/// Each filter is skipped when its parameter is NULL. `$1` is a LIKE pattern on the lowercased
/// name, `$2` a lowercased tag, `$3`/`$4` the cursor and `$5` the number of rows to fetch.
const PAGE_QUERY: &str = r"
    SELECT g.id, g.name, g.description, g.version, g.created_at, g.updated_at,
           (SELECT COUNT(*) FROM milestones m WHERE m.goal_id = g.id) AS milestone_count,
           (SELECT COUNT(*) FROM trackers t JOIN milestones m ON m.id = t.milestone_id
             WHERE m.goal_id = g.id AND t.deleted_at IS NULL) AS tracker_count
    FROM goals g
    WHERE ($1 IS NULL OR g.name_key LIKE $1 ESCAPE '\')
      AND ($2 IS NULL OR EXISTS (
            SELECT 1 FROM goal_tags gt WHERE gt.goal_id = g.id AND gt.tag_key = $2))
      AND ($3 IS NULL OR g.updated_at < $3 OR (g.updated_at = $3 AND g.id < $4))
    ORDER BY g.updated_at DESC, g.id DESC
    LIMIT $5";

/// The goals matching `request`, newest update first, with the cursor of the next page when
/// there is one.
pub async fn list_goals(pool: &SqlitePool, request: &ListRequest) -> Result<GoalPage, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let fetch = i64::from(request.limit) + 1;
    let mut rows: Vec<SummaryRow> = sqlx::query_as(PAGE_QUERY)
        .bind(request.name_contains.as_deref().map(like_pattern))
        .bind(request.tag.as_deref())
        .bind(
            request
                .after
                .as_ref()
                .map(|cursor| cursor.updated_at_micros),
        )
        .bind(request.after.as_ref().map(|cursor| cursor.id.as_str()))
        .bind(fetch)
        .fetch_all(&mut *transaction)
        .await?;

    let has_more = rows.len() > request.limit as usize;
    rows.truncate(request.limit as usize);
    let mut goals = Vec::with_capacity(rows.len());
    for row in rows {
        goals.push(summary(&mut transaction, row).await?);
    }
    transaction.commit().await?;

    let next_cursor = goals
        .last()
        .filter(|_| has_more)
        .map(|last| Cursor::after(last).encode());
    Ok(GoalPage { goals, next_cursor })
}

async fn summary(
    connection: &mut SqliteConnection,
    row: SummaryRow,
) -> Result<GoalSummary, sqlx::Error> {
    Ok(GoalSummary {
        tags: load_tags(connection, &row.id).await?,
        id: row.id,
        name: row.name,
        description: row.description,
        milestone_count: u32::try_from(row.milestone_count).unwrap_or(u32::MAX),
        tracker_count: u32::try_from(row.tracker_count).unwrap_or(u32::MAX),
        version: row.version,
        created_at: timestamps::from_micros(row.created_at)?,
        updated_at: timestamps::from_micros(row.updated_at)?,
    })
}

/// `%text%`, with LIKE's own wildcards in `text` matched literally.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for character in text.chars() {
        if matches!(character, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(character);
    }
    pattern.push('%');
    pattern
}
