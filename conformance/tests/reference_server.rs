//! The suite against the reference server: every check passes, and the goals it created are
//! gone afterwards.

mod common;

use common::{conformance_goals_left, reference_server};

#[tokio::test]
async fn the_reference_server_passes_every_check_and_is_left_clean() {
    let server = reference_server().await;

    let report = goals_conformance::run(&server.base_url, None).await;

    assert_eq!(report.failed_names(), Vec::<&str>::new(), "\n{report}");
    assert!(
        report.passed() > 40,
        "only {} checks ran\n{report}",
        report.passed()
    );
    assert!(report.is_success());
    assert!(
        report
            .to_string()
            .ends_with(&format!("{} passed, 0 failed", report.passed()))
    );
    assert_eq!(
        conformance_goals_left(&server.base_url).await,
        Vec::<String>::new()
    );
}
