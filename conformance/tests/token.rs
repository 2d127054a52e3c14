//! `--token`: the suite sends `Authorization: Bearer <token>` on every request, checked
//! against the reference server with its own access layer and an editor token.

mod common;

use common::reference_server_with;

const TOKEN: &str = "conformance-test-token";

async fn server_with_an_editor_token() -> common::TestServer {
    reference_server_with(|config| {
        config.tokens = vec![format!("editor={TOKEN}").parse().expect("a valid token")];
    })
    .await
}

#[tokio::test]
async fn with_the_editor_token_every_check_passes() {
    let server = server_with_an_editor_token().await;

    let report = goals_conformance::run(&server.base_url, Some(TOKEN)).await;

    assert!(report.is_success(), "\n{report}");
}

#[tokio::test]
async fn without_the_token_the_checks_fail_with_401_past_the_public_health_check() {
    let server = server_with_an_editor_token().await;

    let report = goals_conformance::run(&server.base_url, None).await;

    let checks: Vec<String> = report.checks().iter().map(ToString::to_string).collect();
    assert!(checks[0].starts_with("ok   health"), "{}", checks[0]);
    assert!(
        checks
            .iter()
            .any(|check| check.contains("got 401 unauthorized")),
        "\n{report}"
    );
    assert!(!report.is_success());
}
