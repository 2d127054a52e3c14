//! The whole HTTP application: the API under `/api`, the built app everywhere else, and the
//! request log around both.

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::clock::{Clock, SystemClock};
use crate::error::ApiError;
use crate::{api, logging, static_files, timestamps};

/// What the handlers share: the database pool and the clock.
#[derive(Debug, Clone)]
pub struct AppState {
    pool: SqlitePool,
    clock: Arc<dyn Clock>,
}

impl AppState {
    /// State over an open, migrated database (see [`crate::open_database`]), on the system
    /// clock.
    pub fn new(pool: SqlitePool) -> Self {
        AppState::with_clock(pool, Arc::new(SystemClock))
    }

    /// State whose time comes from `clock`, so tests can record achievements on any day.
    pub fn with_clock(pool: SqlitePool, clock: Arc<dyn Clock>) -> Self {
        AppState { pool, clock }
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The clock's current time, cut to the microsecond the database keeps.
    pub fn now(&self) -> DateTime<Utc> {
        timestamps::truncate(self.clock.now())
    }
}

/// The router of the server: `/api/...` always, and the files of `static_dir` (with
/// `index.html` for the app's own routes) when one is given. Without a static dir, paths
/// outside the API answer the API's JSON 404.
pub fn router(state: AppState, static_dir: Option<&Path>) -> Router {
    let app = Router::new().nest("/api", api::routes());
    let app = match static_dir {
        Some(static_dir) => app.merge(static_files::routes(static_dir)),
        None => app.fallback(outside_the_api),
    };
    app.layer(logging::request_trace_layer()).with_state(state)
}

async fn outside_the_api() -> ApiError {
    ApiError::NotFound("This server serves only the API, under /api/v1".to_string())
}
