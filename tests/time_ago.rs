//! "Last updated" wording.

#![cfg(target_arch = "wasm32")]

use chrono::{Duration, TimeZone, Utc};
use goals_studio::time_ago::time_ago;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn recent_and_old_updates_read_naturally() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
    let cases = [
        (Duration::seconds(5), "just now"),
        (Duration::minutes(1), "1 minute ago"),
        (Duration::minutes(59), "59 minutes ago"),
        (Duration::hours(3), "3 hours ago"),
        (Duration::days(1), "1 day ago"),
        (Duration::days(65), "2 months ago"),
        (Duration::days(800), "2 years ago"),
        (Duration::seconds(-30), "just now"),
    ];
    for (age, expected) in cases {
        assert_eq!(time_ago(now - age, now), expected, "{age:?}");
    }
}
