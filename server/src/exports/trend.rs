//! The daily numbers of the workbook's Trend sheet: per day and milestone, how many runs
//! achieved it and how many distinct customers did. They are read from the same daily
//! roll-ups as the report's trend, so the sheet and the analytics page agree.

use std::collections::HashMap;

use goals_core::{DateRange, TrendDay, TrendPoint};
use sqlx::SqlitePool;

use super::layout::ExportLayout;

#[derive(sqlx::FromRow)]
struct CountRow {
    milestone_id: String,
    day: String,
    achieved: i64,
    unique_users: i64,
}

/// One entry per day of `range`, each with every milestone of `layout` in goal order; a day
/// without records has zeros.
pub async fn daily_trend(
    pool: &SqlitePool,
    layout: &ExportLayout,
    range: &DateRange,
) -> Result<Vec<TrendDay>, sqlx::Error> {
    let rows: Vec<CountRow> = sqlx::query_as(
        "SELECT milestone_id, day, achieved, unique_users FROM daily_milestone_counts
         WHERE goal_id = $1 AND day >= $2 AND day <= $3",
    )
    .bind(&layout.goal_id)
    .bind(range.from().to_string())
    .bind(range.to().to_string())
    .fetch_all(pool)
    .await?;
    let counts: HashMap<(&str, &str), &CountRow> = rows
        .iter()
        .map(|row| ((row.day.as_str(), row.milestone_id.as_str()), row))
        .collect();

    let trend = range
        .days()
        .map(|date| {
            let day = date.to_string();
            let milestones = layout
                .milestones
                .iter()
                .map(|milestone| {
                    let row = counts.get(&(day.as_str(), milestone.id.as_str()));
                    TrendPoint {
                        milestone_id: milestone.id.clone(),
                        achieved: row.map_or(0, |row| count(row.achieved)),
                        unique_users: row.map_or(0, |row| count(row.unique_users)),
                    }
                })
                .collect();
            TrendDay { date, milestones }
        })
        .collect();
    Ok(trend)
}

/// Roll-ups only ever add to their counts, so a negative one can only come from a damaged
/// row; it shows as zero rather than failing the export.
fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}
