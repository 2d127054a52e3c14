//! The range of days of a report or an export: strict dates, both ends included, the last
//! seven days by default, never reversed, at most a year.

use chrono::NaiveDate;
use goals_core::limits::REPORT_DAYS_MAX;
use goals_core::{DateRange, DateRangeError};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

fn today() -> NaiveDate {
    date("2025-03-10")
}

fn bounds(range: DateRange) -> (String, String) {
    (range.from().to_string(), range.to().to_string())
}

#[test]
fn no_dates_is_today_and_the_six_days_before() {
    let range = DateRange::from_query(None, None, today()).expect("a range");

    assert_eq!(bounds(range), ("2025-03-04".into(), "2025-03-10".into()));
    assert_eq!(range.days().count(), 7);
}

#[test]
fn one_date_given_fills_in_the_other() {
    let only_from = DateRange::from_query(Some("2025-03-01"), None, today()).expect("a range");
    let only_to = DateRange::from_query(None, Some("2025-02-28"), today()).expect("a range");

    assert_eq!(
        bounds(only_from),
        ("2025-03-01".into(), "2025-03-10".into())
    );
    assert_eq!(bounds(only_to), ("2025-02-22".into(), "2025-02-28".into()));
}

#[test]
fn both_ends_are_included() {
    let range =
        DateRange::from_query(Some("2024-02-28"), Some("2024-03-01"), today()).expect("a range");

    let days: Vec<String> = range.days().map(|day| day.to_string()).collect();
    assert_eq!(days, ["2024-02-28", "2024-02-29", "2024-03-01"]);
}

#[test]
fn dates_must_be_real_and_written_in_full() {
    for text in [
        "2025-3-1",
        "2025-02-30",
        "01/03/2025",
        "",
        "2025-03-01T00:00:00Z",
        "today",
    ] {
        let error = DateRange::from_query(Some(text), None, today()).expect_err(text);
        assert!(
            matches!(
                error,
                DateRangeError::Malformed {
                    parameter: "from",
                    ..
                }
            ),
            "{text}: {error:?}"
        );
    }
}

#[test]
fn a_reversed_range_is_refused() {
    let error = DateRange::from_query(Some("2025-03-02"), Some("2025-03-01"), today());

    assert!(
        matches!(error, Err(DateRangeError::Reversed { .. })),
        "{error:?}"
    );
}

#[test]
fn a_range_covers_at_most_a_year() {
    let leap_year = DateRange::from_query(Some("2024-01-01"), Some("2024-12-31"), today());
    let longer = DateRange::from_query(Some("2024-01-01"), Some("2025-01-01"), today());

    assert_eq!(leap_year.expect("a range").days().count(), REPORT_DAYS_MAX);
    assert_eq!(longer, Err(DateRangeError::TooLong { days: 367 }));
}
