//! The whole HTTP application: the API under `/api` behind its tokens and time limit, the
//! built app under its base path, and the security headers and request log around both.

use std::sync::Arc;

use axum::Router;
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::error::ApiError;
use crate::hardening::{self, PagePolicy};
use crate::{access, api, cors, logging, static_files, timestamps};

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

/// The router of the server: `/api/...` always, with CORS for `config.cors_origins`, and
/// the files of `config.static_dir` under `config.base_path` (with `index.html` for the
/// app's own routes) when there is a static dir. Without one, paths outside the API answer
/// the API's JSON 404.
///
/// Layers, inside out: the API's time limit, its tokens, then CORS, so preflights and the
/// CORS headers of refusals are CORS's; around everything the security headers and the log.
pub fn router(state: AppState, config: &Config) -> Router {
    let api = hardening::time_limit(api::routes(), config.request_timeout);
    let api = access::require_tokens(api, &config.tokens);
    let api = cors::allow_origins(api, &config.cors_origins);
    let app = Router::new().nest("/api", api);
    let app = match &config.static_dir {
        Some(static_dir) => {
            let policy = PagePolicy::new(&config.connect_src, &config.frame_ancestors);
            app.merge(static_files::routes(static_dir, &config.base_path, policy))
        }
        None => app.fallback(outside_the_api),
    };
    hardening::security_headers(app)
        .layer(logging::request_trace_layer())
        .with_state(state)
}

async fn outside_the_api() -> ApiError {
    ApiError::NotFound("This server serves only the API, under /api/v1".to_string())
}
