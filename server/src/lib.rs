//! goals-server: the reference implementation of the Goals API (DESIGN §4) over SQLite, which
//! also serves the built Goals Studio app from the same origin.
//!
//! The binary is a thin shell over [`run`]. Tests start the real server in-process: bind
//! `127.0.0.1:0`, then call [`serve`] with a [`Config`] naming a temporary database, or
//! [`serve_with_clock`] with a [`Clock`] of their own to record achievements on chosen days.
//!
//! HTTP is turned into calls on goals-core here: requests are read into drafts, checked with
//! core's rules, and stored; every refusal is one error type, answered as JSON in one place.

mod access;
mod api;
mod app;
mod base_path;
mod clock;
mod config;
mod cors;
mod database;
mod error;
mod exports;
mod extract;
mod goals;
mod hardening;
mod json_body;
mod logging;
mod openapi;
mod reports;
mod runs;
mod server;
mod static_files;
mod timestamps;

pub use access::{ApiToken, ApiTokenError, Role};
pub use app::{AppState, router};
pub use base_path::{BasePath, BasePathError};
pub use clock::{Clock, SystemClock};
pub use config::Config;
pub use cors::{CorsOrigin, CorsOriginError};
pub use database::{DatabaseError, open_database};
pub use hardening::{CspSource, CspSourceError, RequestTimeout, RequestTimeoutError};
pub use logging::init as init_logging;
pub use openapi::openapi;
pub use server::{ServeError, run, serve, serve_with_clock, shutdown_signal};
