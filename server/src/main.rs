//! `goals-server`: serves the Goals API and the built app. See `goals-server --help`.

use std::process::ExitCode;

use clap::Parser;
use goals_server::Config;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    goals_server::init_logging();
    match goals_server::run(&config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "goals-server could not run");
            ExitCode::FAILURE
        }
    }
}
