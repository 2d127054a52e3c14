//! Times as the database stores them: unix microseconds. Every time the API returns has gone
//! through here, so a goal read back compares equal to the one the write answered.

use chrono::{DateTime, Utc};

/// The current time, cut to the microsecond the database keeps.
pub fn now() -> DateTime<Utc> {
    truncate(Utc::now())
}

/// `time` cut to the microsecond the database keeps.
pub fn truncate(time: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(time.timestamp_micros()).unwrap_or_default()
}

pub fn to_micros(time: DateTime<Utc>) -> i64 {
    time.timestamp_micros()
}

/// A stored time; a value outside chrono's range can only come from a damaged row.
pub fn from_micros(micros: i64) -> Result<DateTime<Utc>, sqlx::Error> {
    DateTime::from_timestamp_micros(micros)
        .ok_or_else(|| sqlx::Error::Decode(format!("time {micros} is out of range").into()))
}
