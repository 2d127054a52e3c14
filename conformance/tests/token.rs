//! `--token`: the suite sends `Authorization: Bearer <token>` on every request, checked
//! against the reference router behind a gate that refuses any request without it.

mod common;

use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use common::wrapped_server;
use serde_json::json;

const TOKEN: &str = "conformance-test-token";

async fn require_token(request: Request, next: Next) -> Response {
    let expected = format!("Bearer {TOKEN}");
    let authorized = request
        .headers()
        .get(header::AUTHORIZATION)
        .is_some_and(|value| value.as_bytes() == expected.as_bytes());
    if authorized {
        return next.run(request).await;
    }
    let error = json!({ "error": { "code": "unauthorized", "message": "A token is required" } });
    (StatusCode::UNAUTHORIZED, Json(error)).into_response()
}

fn behind_the_gate(router: Router) -> Router {
    router.layer(middleware::from_fn(require_token))
}

#[tokio::test]
async fn with_the_token_every_request_gets_through() {
    let server = wrapped_server(behind_the_gate).await;

    let report = goals_conformance::run(&server.base_url, Some(TOKEN)).await;

    assert!(report.is_success(), "\n{report}");
}

#[tokio::test]
async fn without_the_token_the_checks_fail_on_the_gate() {
    let server = wrapped_server(behind_the_gate).await;

    let report = goals_conformance::run(&server.base_url, None).await;

    let health = &report.checks()[0];
    assert_eq!(
        health.to_string(),
        "FAIL health: 200 {\"status\":\"ok\"} — got 401 unauthorized"
    );
    assert!(!report.is_success());
}
