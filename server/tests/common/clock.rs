//! A clock the tests can move: it runs with real time, shifted to whichever day a scenario
//! needs, so achievements can be recorded "yesterday" and reports read for any range.

use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use goals_server::Clock;

#[derive(Debug, Default)]
pub struct TestClock {
    shift: Mutex<TimeDelta>,
}

impl TestClock {
    /// From now on the server's time is noon (UTC) of `day`, and runs on from there.
    pub fn set_today(&self, day: NaiveDate) {
        let noon = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
        *self.shift.lock().unwrap() = noon - Utc::now();
    }

    /// The server's today.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + *self.shift.lock().unwrap()
    }
}

/// A date written `YYYY-MM-DD`.
pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}
