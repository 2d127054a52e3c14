//! Running the server: open the database, bind, serve until told to stop.

use std::future::Future;
use std::io;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::access::{Exposed, check_exposure};
use crate::app::{AppState, router};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::database::{DatabaseError, open_database};

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Database(#[from] DatabaseError),
    #[error(transparent)]
    Exposed(#[from] Exposed),
    #[error("cannot listen on {address}: {source}")]
    Bind { address: String, source: io::Error },
    #[error("the server stopped: {0}")]
    Io(#[from] io::Error),
}

/// Opens the database of `config` and serves the API (and the app from `config.static_dir`)
/// on `listener` until `shutdown` completes; requests in flight are then allowed to finish.
///
/// `config.listen` is not used: the caller has bound `listener` already, which lets a test bind
/// port 0 and learn the port before the server starts.
pub async fn serve(
    listener: TcpListener,
    config: &Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    serve_with_clock(listener, config, Arc::new(SystemClock), shutdown).await
}

/// [`serve`], with the time read from `clock`: tests use it to record achievements on the days
/// a scenario needs.
pub async fn serve_with_clock(
    listener: TcpListener,
    config: &Config,
    clock: Arc<dyn Clock>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let pool = open_database(&config.database_url).await?;
    let static_dir = config.static_dir.as_deref();
    if let Some(static_dir) = static_dir
        && !static_dir.join("index.html").is_file()
    {
        tracing::warn!(
            static_dir = %static_dir.display(),
            "the static dir has no index.html: the app will not load until it is built"
        );
    }
    let app = router(AppState::with_clock(pool.clone(), clock), config);

    let address = listener
        .local_addr()
        .map(|address| address.to_string())
        .unwrap_or_default();
    tracing::info!(
        address,
        database = %config.database_url,
        app_path = %config.base_path.base_href(),
        cors_origins = config.cors_origins.len(),
        tokens = config.tokens.len(),
        request_timeout = %config.request_timeout,
        version = env!("CARGO_PKG_VERSION"),
        "goals-server is listening"
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    pool.close().await;
    tracing::info!("goals-server stopped");
    Ok(())
}

/// Binds `config.listen` and serves until Ctrl-C or SIGTERM; refuses an API without tokens on
/// an address other than loopback unless `config.insecure`.
pub async fn run(config: &Config) -> Result<(), ServeError> {
    check_exposure(config.listen, &config.tokens, config.insecure)?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| ServeError::Bind {
            address: config.listen.to_string(),
            source,
        })?;
    serve(listener, config, shutdown_signal()).await
}

/// Completes on Ctrl-C, or on SIGTERM where there are Unix signals.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };

    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();

    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
