//! The suite checked: servers that break one rule of the contract on purpose make exactly the
//! checks of that rule fail, and leave every other check passing.

mod common;

use common::{accept_removed_milestones, broken_server, conformance_goals_left, drop_etags};

#[tokio::test]
async fn a_server_answering_200_to_a_removed_milestone_fails_only_that_check() {
    let server = broken_server(accept_removed_milestones).await;

    let report = goals_conformance::run(&server.base_url, None).await;

    assert_eq!(
        report.failed_names(),
        ["put: removed milestone refused with 422 milestone_removed"],
        "\n{report}"
    );
    let failure = &report
        .checks()
        .iter()
        .find(|check| !check.passed())
        .unwrap();
    assert!(
        failure.to_string().ends_with("— got 200 milestone_removed"),
        "{failure}"
    );
    assert!(!report.is_success());
    assert_eq!(
        conformance_goals_left(&server.base_url).await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn a_server_without_etags_fails_only_the_etag_checks() {
    let server = broken_server(drop_etags).await;

    let report = goals_conformance::run(&server.base_url, None).await;

    assert_eq!(
        report.failed_names(),
        [
            "create: 201 with Location and ETag \"1\"",
            "get: 200 with ETag \"1\" and the created goal",
        ],
        "\n{report}"
    );
    assert!(
        report
            .to_string()
            .ends_with(&format!("{} passed, 2 failed", report.passed()))
    );
}
