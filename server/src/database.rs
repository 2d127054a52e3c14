//! Opening the goals database: the file is created on first start and brought to the current
//! schema before any request is served, so an upgrade is just a restart.

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// How long a connection waits for another one's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const MAX_CONNECTIONS: u32 = 8;

/// Why the database could not be made ready.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error("cannot open database {url}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("cannot bring database {url} to the current schema: {source}")]
    Migrate {
        url: String,
        source: sqlx::migrate::MigrateError,
    },
}

/// Opens (creating if missing) the SQLite database at `url`, such as `sqlite://goals.db`,
/// and applies the migrations of `server/migrations`.
///
/// Write-ahead logging lets listings run while a goal is being saved; foreign keys are on so
/// that deleting a goal deletes its milestones and trackers.
pub async fn open_database(url: &str) -> Result<SqlitePool, DatabaseError> {
    let open_error = |source| DatabaseError::Open {
        url: url.to_string(),
        source,
    };

    let options = SqliteConnectOptions::from_str(url)
        .map_err(open_error)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    let pool = SqlitePoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .connect_with(options)
        .await
        .map_err(open_error)?;

    sqlx::migrate!()
        .run(&pool)
        .await
        .map_err(|source| DatabaseError::Migrate {
            url: url.to_string(),
            source,
        })?;
    Ok(pool)
}
