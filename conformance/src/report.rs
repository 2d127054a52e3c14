//! What the suite found: one outcome per check, in the order they ran, and the counts that
//! decide the exit status. A check fails with a [`Failure`] that says what the server did
//! instead, so a line like `FAIL put: … — got 200` is enough to start looking.

use std::fmt;

use crate::client::ClientError;

/// Why one check failed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The server answered, but not as the contract says.
    #[error("{0}")]
    Contract(String),
    /// The server did not answer at all.
    #[error(transparent)]
    NoAnswer(#[from] ClientError),
}

/// What a check returns: nothing when the server behaved, the reason when it did not.
pub type Outcome = Result<(), Failure>;

/// A contract failure with `message`, e.g. `got 200`.
pub fn fail(message: impl Into<String>) -> Failure {
    Failure::Contract(message.into())
}

/// Passes when `condition` holds, else fails with the message `failure` builds; the message
/// is only built when needed.
pub fn ensure(condition: bool, failure: impl FnOnce() -> String) -> Outcome {
    if condition {
        Ok(())
    } else {
        Err(fail(failure()))
    }
}

/// One check as it ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    /// `area: what is expected`, such as `create: 201 with Location and ETag "1"`.
    pub name: String,
    /// What the server did instead; `None` when the check passed.
    pub failure: Option<String>,
}

impl CheckOutcome {
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }
}

impl fmt::Display for CheckOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.failure {
            None => write!(f, "ok   {}", self.name),
            Some(failure) => write!(f, "FAIL {} — {failure}", self.name),
        }
    }
}

/// Every check of a run. Its `Display` is the suite's output: a line per check, then
/// `N passed, M failed`.
#[derive(Debug, Default)]
pub struct Report {
    checks: Vec<CheckOutcome>,
    /// Print each check as it is recorded, so a slow server shows progress on the terminal.
    live: bool,
}

impl Report {
    /// An empty report; a `live` one prints each check to stdout as it is recorded.
    pub fn new(live: bool) -> Report {
        Report {
            checks: Vec::new(),
            live,
        }
    }

    /// Records the outcome of the check `name`.
    pub fn record(&mut self, name: impl Into<String>, outcome: Outcome) {
        let check = CheckOutcome {
            name: name.into(),
            failure: outcome.err().map(|failure| failure.to_string()),
        };
        if self.live {
            println!("{check}");
        }
        self.checks.push(check);
    }

    pub fn checks(&self) -> &[CheckOutcome] {
        &self.checks
    }

    pub fn passed(&self) -> usize {
        self.checks.iter().filter(|check| check.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.checks.len() - self.passed()
    }

    /// The names of the checks that failed, in the order they ran.
    pub fn failed_names(&self) -> Vec<&str> {
        self.checks
            .iter()
            .filter(|check| !check.passed())
            .map(|check| check.name.as_str())
            .collect()
    }

    /// True when at least one check ran and none failed.
    pub fn is_success(&self) -> bool {
        !self.checks.is_empty() && self.failed() == 0
    }

    /// The last line of the output.
    pub fn summary(&self) -> String {
        format!("{} passed, {} failed", self.passed(), self.failed())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for check in &self.checks {
            writeln!(f, "{check}")?;
        }
        write!(f, "{}", self.summary())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_prints_a_line_per_check_then_the_counts() {
        let mut report = Report::new(false);

        report.record("health: 200", Ok(()));
        report.record("put: refused with 422", Err(fail("got 200")));

        assert_eq!(
            report.to_string(),
            "ok   health: 200\nFAIL put: refused with 422 — got 200\n1 passed, 1 failed"
        );
        assert_eq!(report.failed_names(), ["put: refused with 422"]);
        assert!(!report.is_success());
    }

    #[test]
    fn a_report_without_checks_is_no_success() {
        assert!(!Report::new(false).is_success());
    }
}
