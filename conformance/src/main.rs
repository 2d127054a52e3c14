//! The `goals-conformance` command: runs the suite against a server and prints a line per
//! check, then `N passed, M failed`. The exit status is 0 only when every check passed.

use std::process::ExitCode;

use clap::Parser;

/// Checks a Goals API server against the contract, as a black box over HTTP. The suite
/// creates its own goals (named `conformance <run id> …`) and deletes them afterwards.
#[derive(Debug, Parser)]
#[command(name = "goals-conformance", version, about)]
struct Args {
    /// Base URL of the API, such as http://localhost:8080/api/v1
    #[arg(long)]
    base_url: String,

    /// Sent as `Authorization: Bearer <TOKEN>` on every request
    #[arg(long)]
    token: Option<String>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();

    let report = goals_conformance::run_live(&args.base_url, args.token.as_deref()).await;

    println!("{}", report.summary());
    if report.is_success() {
        ExitCode::SUCCESS
    } else {
        if report
            .checks()
            .iter()
            .any(|check| check.name.starts_with("connect:"))
        {
            eprintln!(
                "goals-conformance: cannot reach a Goals API at {}",
                args.base_url
            );
        }
        ExitCode::FAILURE
    }
}
