//! Reading a goal's recorded milestone states, with their tracker values, in pages.
//!
//! Pages follow the time order of recording, and each starts right after the last record of
//! the page before (keyset pagination on `recorded_at` and SQLite's rowid, which the index
//! `run_milestones_by_goal_time` holds in that order). A page therefore costs the same at the
//! end of a long range as at its start, and an export never holds more than one page.
//!
//! Pages are separate reads, not one long transaction: a long export must not keep a read
//! snapshot open that would stop SQLite from checkpointing its write-ahead log. A record
//! made while an export runs may therefore appear in it when its time falls in a page not yet
//! read; nothing is ever read twice or skipped, because records are never updated.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use goals_core::DateRange;
use sqlx::SqlitePool;

use crate::timestamps;

/// Milestone states read per query. With at most 25 trackers a milestone, a page is at most
/// some thousands of rows, a few hundred kilobytes.
pub const PAGE_SIZE: i64 = 500;

/// One milestone of one run, achieved or skipped, as recorded.
#[derive(Debug, Clone)]
pub struct RecordedState {
    pub position: RecordPosition,
    pub recorded_at: DateTime<Utc>,
    pub milestone_id: String,
    pub customer_id: String,
    /// Empty for the run of achievements sent without a conversation ID.
    pub conversation_id: String,
    /// `achieved` or `skipped`, as the API spells it.
    pub status: String,
    pub source_type: Option<String>,
    pub source_value: Option<String>,
    /// Values by tracker id, deleted trackers included.
    pub tracker_values: HashMap<String, String>,
}

/// Where a record stands in the export order; the next page starts after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordPosition {
    recorded_at: i64,
    row_id: i64,
}

/// A record with its tracker values spread over rows, one per value.
#[derive(sqlx::FromRow)]
struct ValueRow {
    row_id: i64,
    recorded_at: i64,
    milestone_id: String,
    status: String,
    source_type: Option<String>,
    source_value: Option<String>,
    customer_id: String,
    conversation_id: String,
    tracker_id: Option<String>,
    value: Option<String>,
}

/// `$2`/`$3` is the position to start after (the range's start, before any row, for the first
/// page) and `$4` the end of the range, excluded. The first condition on `recorded_at` lets
/// the index seek straight to the page's start; the one after it only sorts out records
/// recorded in the same microsecond.
const PAGE_QUERY: &str = r"
    WITH page AS (
        SELECT rm.rowid AS row_id, rm.run_id, rm.milestone_id, rm.status, rm.recorded_at,
               rm.source_type, rm.source_value
        FROM run_milestones rm
        WHERE rm.goal_id = $1
          AND rm.recorded_at >= $2
          AND (rm.recorded_at > $2 OR rm.rowid > $3)
          AND rm.recorded_at < $4
        ORDER BY rm.recorded_at, rm.rowid
        LIMIT $5
    )
    SELECT page.row_id, page.recorded_at, page.milestone_id, page.status, page.source_type,
           page.source_value, r.customer_id, r.conversation_id, v.tracker_id, v.value
    FROM page
    JOIN runs r ON r.id = page.run_id
    LEFT JOIN run_tracker_values v
           ON v.run_id = page.run_id AND v.milestone_id = page.milestone_id
    ORDER BY page.recorded_at, page.row_id";

/// The records of `goal_id` in `range` that come after `after` (from the range's start when
/// `None`), at most [`PAGE_SIZE`] of them. A page shorter than that is the last one.
pub async fn page_after(
    pool: &SqlitePool,
    goal_id: &str,
    range: &DateRange,
    after: Option<RecordPosition>,
) -> Result<Vec<RecordedState>, sqlx::Error> {
    let after = after.unwrap_or(RecordPosition {
        recorded_at: midnight_micros(range.from()),
        row_id: i64::MIN,
    });
    let rows: Vec<ValueRow> = sqlx::query_as(PAGE_QUERY)
        .bind(goal_id)
        .bind(after.recorded_at)
        .bind(after.row_id)
        .bind(end_micros(range))
        .bind(PAGE_SIZE)
        .fetch_all(pool)
        .await?;

    let mut states: Vec<RecordedState> = Vec::new();
    for row in rows {
        let same_state = states
            .last()
            .is_some_and(|state| state.position.row_id == row.row_id);
        if !same_state {
            states.push(RecordedState {
                position: RecordPosition {
                    recorded_at: row.recorded_at,
                    row_id: row.row_id,
                },
                recorded_at: timestamps::from_micros(row.recorded_at)?,
                milestone_id: row.milestone_id,
                customer_id: row.customer_id,
                conversation_id: row.conversation_id,
                status: row.status,
                source_type: row.source_type,
                source_value: row.source_value,
                tracker_values: HashMap::new(),
            });
        }
        if let (Some(state), Some(tracker_id), Some(value)) =
            (states.last_mut(), row.tracker_id, row.value)
        {
            state.tracker_values.insert(tracker_id, value);
        }
    }
    Ok(states)
}

/// Whether more pages may follow a page of `len` records.
pub fn is_full(len: usize) -> bool {
    i64::try_from(len).is_ok_and(|len| len >= PAGE_SIZE)
}

/// The first microsecond after the range's last day: records are kept when
/// `start <= recorded_at < end`.
fn end_micros(range: &DateRange) -> i64 {
    range
        .to()
        .checked_add_days(Days::new(1))
        .map_or(i64::MAX, midnight_micros)
}

/// The first microsecond of `day` (UTC), as the database stores times.
fn midnight_micros(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp_micros()
}
