//! Goals in SQL: every query on the goals tables is in this module and below it.
//!
//! Each write is one transaction opened with `BEGIN IMMEDIATE`, which takes SQLite's write
//! lock at the start: concurrent saves then wait their turn (up to the busy timeout) instead
//! of failing when a read lock cannot be upgraded, and the version check and the write it
//! guards see the same goal. Reads run in a transaction too, so a goal is never assembled
//! from rows of two different versions.

mod children;
mod create;
mod delete;
mod list;
mod load;
mod replace;

pub use create::create_goal;
pub use delete::delete_goal;
pub use list::list_goals;
pub use load::{load_goal, read_goal};
pub use replace::replace_goal;

use crate::error::ApiError;

/// Starts a transaction that holds the write lock from its first statement.
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// A fresh id for a goal, milestone or tracker: UUIDv7, so ids sort by creation time.
fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The form in which names and tags are compared ignoring case.
fn match_key(text: &str) -> String {
    text.to_lowercase()
}

/// A write on the goals table broke the unique index on names: another goal has `name`.
fn name_taken_or(error: sqlx::Error, name: &str) -> ApiError {
    match &error {
        sqlx::Error::Database(database) if database.is_unique_violation() => ApiError::NameTaken {
            name: name.to_string(),
        },
        _ => ApiError::Database(error),
    }
}
