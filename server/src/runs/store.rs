//! Runs in SQL: every query on the runs tables and their roll-ups is in this module and below
//! it, except the report's reads (see [`crate::reports`]).
//!
//! Recording is one `BEGIN IMMEDIATE` transaction from reading the goal to the last roll-up:
//! achievements for the same run wait their turn and each one sees the run as the one before
//! left it, and a failure leaves no half-written progress.

mod customer;
mod load;
mod record;
mod rollups;
mod write;

pub use customer::customer_runs;
pub use record::record_achievement;

use chrono::{DateTime, Utc};
use goals_core::MilestoneStatus;

/// Starts a transaction that holds the write lock from its first statement.
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// How the run of a customer without a conversation ID is keyed: a conversation ID is never
/// empty (goals-core refuses it), so no real conversation can take this run's place.
const NO_CONVERSATION: &str = "";

/// The UTC day of `time` as the roll-ups key it, `YYYY-MM-DD`.
pub fn day_of(time: DateTime<Utc>) -> String {
    time.date_naive().format("%Y-%m-%d").to_string()
}

/// The stored form of a reached milestone's status.
fn status_text(status: MilestoneStatus) -> &'static str {
    match status {
        MilestoneStatus::Pending => "pending",
        MilestoneStatus::Achieved => "achieved",
        MilestoneStatus::Skipped => "skipped",
    }
}

/// A stored status; the table's check constraint allows only the two reached ones.
fn parse_status(text: &str) -> Result<MilestoneStatus, sqlx::Error> {
    match text {
        "achieved" => Ok(MilestoneStatus::Achieved),
        "skipped" => Ok(MilestoneStatus::Skipped),
        other => Err(sqlx::Error::Decode(
            format!("unknown milestone status {other:?}").into(),
        )),
    }
}
