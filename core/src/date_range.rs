//! The range of days a report or an export covers (DESIGN §4): UTC dates written
//! `YYYY-MM-DD`, both ends included, the last seven days when none is asked for, and at most
//! a year, so the work one request can ask of the server stays bounded.

use std::fmt;

use chrono::{Days, NaiveDate};

use crate::limits::{REPORT_DAYS_DEFAULT, REPORT_DAYS_MAX};

/// Days from `from` to `to`, both included; `from` is never after `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    from: NaiveDate,
    to: NaiveDate,
}

/// Why a range was refused; the message is written for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateRangeError {
    /// A date that is not a real date written `YYYY-MM-DD`.
    Malformed {
        parameter: &'static str,
        value: String,
    },
    Reversed {
        from: NaiveDate,
        to: NaiveDate,
    },
    TooLong {
        days: i64,
    },
}

impl fmt::Display for DateRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateRangeError::Malformed { parameter, value } => write!(
                f,
                "{parameter} must be a date written YYYY-MM-DD, such as 2025-03-01, not \"{value}\""
            ),
            DateRangeError::Reversed { from, to } => {
                write!(f, "from ({from}) must not be after to ({to})")
            }
            DateRangeError::TooLong { days } => write!(
                f,
                "A range covers at most {REPORT_DAYS_MAX} days; this one covers {days}"
            ),
        }
    }
}

impl std::error::Error for DateRangeError {}

impl DateRange {
    /// The days from `from` to `to`, both included.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<DateRange, DateRangeError> {
        if from > to {
            return Err(DateRangeError::Reversed { from, to });
        }
        let days = (to - from).num_days() + 1;
        if days > REPORT_DAYS_MAX as i64 {
            return Err(DateRangeError::TooLong { days });
        }
        Ok(DateRange { from, to })
    }

    /// The seven days that end with `to`.
    pub fn week_ending(to: NaiveDate) -> DateRange {
        let before = Days::new(REPORT_DAYS_DEFAULT as u64 - 1);
        let from = to.checked_sub_days(before).unwrap_or(NaiveDate::MIN);
        DateRange { from, to }
    }

    /// The range of a request's `from` and `to` parameters, on a server whose today is
    /// `today`: both missing is the last seven days, a missing `to` is today, and a missing
    /// `from` is the seventh day before `to`.
    pub fn from_query(
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
    ) -> Result<DateRange, DateRangeError> {
        let to = to.map(|to| parse_date("to", to)).transpose()?;
        let from = from.map(|from| parse_date("from", from)).transpose()?;
        match (from, to) {
            (None, None) => Ok(DateRange::week_ending(today)),
            (None, Some(to)) => Ok(DateRange::week_ending(to)),
            (Some(from), to) => DateRange::new(from, to.unwrap_or(today)),
        }
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Every day of the range, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let to = self.to;
        self.from.iter_days().take_while(move |day| *day <= to)
    }
}

/// Strictly `YYYY-MM-DD`: chrono alone would also take `2025-3-1`.
fn parse_date(parameter: &'static str, value: &str) -> Result<NaiveDate, DateRangeError> {
    let malformed = || DateRangeError::Malformed {
        parameter,
        value: value.to_string(),
    };
    if value.len() != 10 {
        return Err(malformed());
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| malformed())
}
