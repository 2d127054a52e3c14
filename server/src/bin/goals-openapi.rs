//! `goals-openapi`: prints the OpenAPI document of the Goals API, pretty, with a trailing
//! newline, as it is committed in `api/openapi.json`:
//!
//! ```text
//! cargo run -p goals-server --bin goals-openapi > api/openapi.json
//! ```

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let document = match goals_server::openapi().to_pretty_json() {
        Ok(document) => document,
        Err(error) => {
            eprintln!("goals-openapi: cannot write the document as JSON: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{document}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("goals-openapi: cannot print the document: {error}");
            ExitCode::FAILURE
        }
    }
}
