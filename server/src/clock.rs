//! Where the server reads the time. Achievements are recorded at the clock's now, and a
//! report's default range ends on its today; tests give the server a clock of their own (see
//! [`crate::serve_with_clock`]) to record achievements on days other than the real one.

use std::fmt::Debug;

use chrono::{DateTime, Utc};

/// A source of the current time.
pub trait Clock: Debug + Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The system's own clock, the one a deployed server runs on.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
