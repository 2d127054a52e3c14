//! The OpenAPI document: the committed `api/openapi.json` is what the code generates, the
//! server serves it, and it describes the routes the server answers, with the statuses,
//! content types and headers they really answer with.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{TestServer, draft, draft_of};
use goals_core::limits;
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

const REGENERATE: &str = "cargo run -p goals-server --bin goals-openapi > api/openapi.json";

/// The document as the code generates it, pretty and with a trailing newline, as committed.
fn generated_text() -> String {
    let document = goals_server::openapi()
        .to_pretty_json()
        .expect("the document serializes");
    format!("{document}\n")
}

fn generated() -> Value {
    serde_json::from_str(&generated_text()).expect("the document is JSON")
}

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../api/openapi.json")
}

/// Every operation of the document as (method, path), methods in capitals.
fn operations(document: &Value) -> Vec<(Method, String)> {
    let paths = document["paths"].as_object().expect("paths");
    let mut operations = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().expect("a path item").keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("a method");
            operations.push((method, path.clone()));
        }
    }
    operations
}

fn operation<'d>(document: &'d Value, method: &Method, path: &str) -> &'d Value {
    let operation = &document["paths"][path][method.as_str().to_lowercase()];
    assert!(operation.is_object(), "{method} {path} is not documented");
    operation
}

fn documented_statuses(document: &Value, method: &Method, path: &str) -> BTreeSet<u16> {
    operation(document, method, path)["responses"]
        .as_object()
        .expect("responses")
        .keys()
        .map(|status| status.parse().expect("a numeric status"))
        .collect()
}

#[test]
fn the_committed_document_is_the_generated_one() {
    let committed = std::fs::read_to_string(committed_path()).unwrap_or_default();

    assert!(
        committed == generated_text(),
        "api/openapi.json is not what the code generates; regenerate it from the repository \
         root with:\n\n    {REGENERATE}\n"
    );
}

#[test]
fn the_document_is_openapi_3_1_of_the_goals_api_version_1() {
    let document = generated();

    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["title"], "Goals API");
    assert_eq!(document["info"]["version"], "1");
    assert_eq!(document["servers"][0]["url"], "/api/v1");
}

#[tokio::test]
async fn the_server_serves_the_document_at_openapi_json() {
    let server = TestServer::start().await;

    let response = server
        .client
        .get(server.api("/openapi.json"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap(), generated());
}

#[test]
fn every_endpoint_of_the_contract_is_documented() {
    let document = generated();
    let contract = [
        (Method::GET, "/health"),
        (Method::GET, "/goals"),
        (Method::POST, "/goals"),
        (Method::GET, "/goals/{id}"),
        (Method::PUT, "/goals/{id}"),
        (Method::DELETE, "/goals/{id}"),
        (Method::POST, "/goals/{id}/achievements"),
        (Method::GET, "/goals/{id}/customers/{customerId}"),
        (Method::GET, "/goals/{id}/report"),
        (Method::GET, "/goals/{id}/export.csv"),
        (Method::GET, "/goals/{id}/export.xlsx"),
        (Method::GET, "/openapi.json"),
    ];

    let documented: BTreeSet<(String, String)> = operations(&document)
        .into_iter()
        .map(|(method, path)| (method.to_string(), path))
        .collect();
    let expected: BTreeSet<(String, String)> = contract
        .iter()
        .map(|(method, path)| (method.to_string(), path.to_string()))
        .collect();
    assert_eq!(documented, expected);
}

#[test]
fn each_operation_documents_its_error_statuses() {
    let document = generated();
    let expected: [(Method, &str, &[u16]); 12] = [
        (Method::GET, "/health", &[200]),
        (Method::GET, "/openapi.json", &[200]),
        (Method::GET, "/goals", &[200, 400, 401, 403, 500]),
        (
            Method::POST,
            "/goals",
            &[201, 400, 401, 403, 409, 413, 415, 422, 500],
        ),
        (Method::GET, "/goals/{id}", &[200, 400, 401, 403, 404, 500]),
        (
            Method::PUT,
            "/goals/{id}",
            &[200, 400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 500],
        ),
        (
            Method::DELETE,
            "/goals/{id}",
            &[204, 400, 401, 403, 404, 500],
        ),
        (
            Method::POST,
            "/goals/{id}/achievements",
            &[200, 400, 401, 403, 404, 413, 415, 422, 500],
        ),
        (
            Method::GET,
            "/goals/{id}/customers/{customerId}",
            &[200, 400, 401, 403, 404, 500],
        ),
        (
            Method::GET,
            "/goals/{id}/report",
            &[200, 400, 401, 403, 404, 500],
        ),
        (
            Method::GET,
            "/goals/{id}/export.csv",
            &[200, 400, 401, 403, 404, 500],
        ),
        (
            Method::GET,
            "/goals/{id}/export.xlsx",
            &[200, 400, 401, 403, 404, 500],
        ),
    ];

    for (method, path, statuses) in expected {
        let statuses: BTreeSet<u16> = statuses.iter().copied().collect();
        assert_eq!(
            documented_statuses(&document, &method, path),
            statuses,
            "statuses of {method} {path}"
        );
        for (status, response) in operation(&document, &method, path)["responses"]
            .as_object()
            .unwrap()
        {
            if status.starts_with('4') || status.starts_with('5') {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "the {status} of {method} {path} is the error envelope"
                );
            }
        }
    }
}

#[test]
fn the_error_envelope_names_every_code_of_the_contract() {
    let document = generated();
    let schemas = &document["components"]["schemas"];

    let codes: BTreeSet<&str> = schemas["ErrorCode"]["enum"]
        .as_array()
        .expect("the codes")
        .iter()
        .map(|code| code.as_str().unwrap())
        .collect();
    for code in [
        "bad_request",
        "not_found",
        "method_not_allowed",
        "name_taken",
        "version_conflict",
        "payload_too_large",
        "unsupported_media_type",
        "validation_failed",
        "milestone_removed",
        "milestone_reordered",
        "unknown_id",
        "precondition_required",
        "unauthorized",
        "forbidden",
        "timeout",
    ] {
        assert!(codes.contains(code), "{code} is missing from ErrorCode");
    }
    assert_eq!(schemas["ErrorBody"]["required"], json!(["error"]));
    assert_eq!(
        schemas["ErrorDetail"]["required"],
        json!(["code", "message"])
    );
    let conflict = &operation(&document, &Method::PUT, "/goals/{id}")["responses"]["412"];
    assert!(conflict["headers"]["ETag"].is_object());
    assert_eq!(
        schemas["ErrorDetail"]["properties"]["current"]["$ref"],
        "#/components/schemas/Goal"
    );
}

#[test]
fn the_schemas_carry_the_limits_of_the_rules() {
    let document = generated();
    let schemas = &document["components"]["schemas"];
    let limit = |schema: &str, field: &str, keyword: &str| {
        schemas[schema]["properties"][field][keyword]
            .as_u64()
            .unwrap_or_else(|| panic!("{schema}.{field} has no {keyword}")) as usize
    };

    assert_eq!(
        limit("GoalDraft", "name", "maxLength"),
        limits::GOAL_NAME_MAX
    );
    assert_eq!(
        limit("GoalDraft", "description", "maxLength"),
        limits::DESCRIPTION_MAX
    );
    assert_eq!(limit("GoalDraft", "tags", "maxItems"), limits::TAGS_MAX);
    assert_eq!(
        limit("GoalDraft", "milestones", "maxItems"),
        limits::MILESTONES_MAX
    );
    assert_eq!(
        limit("MilestoneDraft", "name", "maxLength"),
        limits::MILESTONE_NAME_MAX
    );
    assert_eq!(
        limit("MilestoneDraft", "description", "maxLength"),
        limits::DESCRIPTION_MAX
    );
    assert_eq!(
        limit("MilestoneDraft", "trackers", "maxItems"),
        limits::TRACKERS_MAX
    );
    assert_eq!(
        limit("TrackerDraft", "name", "maxLength"),
        limits::TRACKER_NAME_MAX
    );
    assert_eq!(
        limit("TrackerDraft", "description", "maxLength"),
        limits::DESCRIPTION_MAX
    );
    assert_eq!(
        limit("TrackerDraft", "defaultValue", "maxLength"),
        limits::DEFAULT_VALUE_MAX
    );
    assert_eq!(
        limit("AchievementInput", "customerId", "maxLength"),
        limits::ID_MAX
    );
    assert_eq!(
        limit("AchievementInput", "conversationId", "maxLength"),
        limits::ID_MAX
    );
    assert_eq!(
        limit("Source", "type", "maxLength"),
        limits::SOURCE_TYPE_MAX
    );
    assert_eq!(
        limit("Source", "value", "maxLength"),
        limits::SOURCE_VALUE_MAX
    );
}

/// A goal of the test server, and the request each documented operation is sent with.
struct Exercise<'s> {
    server: &'s TestServer,
    goal: Value,
}

impl Exercise<'_> {
    /// Sends `method path` with `{id}` replaced by `goal_id`, and a body and `If-Match` that
    /// the operation would accept for the exercise's goal.
    async fn send(&self, document: &Value, method: &Method, path: &str, goal_id: &str) -> Response {
        let url = path
            .replace("{id}", goal_id)
            .replace("{customerId}", "customer-1");
        let mut request = self
            .server
            .client
            .request(method.clone(), self.server.api(&url));

        let operation = operation(document, method, path);
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if parameters
            .iter()
            .any(|parameter| parameter["name"] == "If-Match")
        {
            request = request.header("If-Match", "*");
        }
        let body_schema =
            &operation["requestBody"]["content"]["application/json"]["schema"]["$ref"];
        match body_schema.as_str() {
            Some("#/components/schemas/GoalDraft") if *method == Method::POST => {
                request = request.json(&draft("Created from the document"));
            }
            Some("#/components/schemas/GoalDraft") => {
                request = request.json(&draft_of(&self.goal));
            }
            Some("#/components/schemas/AchievementInput") => {
                let milestone_id = &self.goal["milestones"][0]["id"];
                request = request.json(&json!({
                    "customerId": "customer-1",
                    "milestoneId": milestone_id,
                    "trackerValues": {}
                }));
            }
            Some(other) => panic!("{method} {path} takes a body this test cannot make: {other}"),
            None => {}
        }
        request.send().await.unwrap()
    }
}

/// Operations in document order, deletes last so that the goal is there for the others.
fn operations_deletes_last(document: &Value) -> Vec<(Method, String)> {
    let mut operations = operations(document);
    operations.sort_by_key(|(method, _)| *method == Method::DELETE);
    operations
}

/// Checks that `response` is one the document gives for `method path`: its status, its
/// content type and its headers.
async fn assert_documented(document: &Value, method: &Method, path: &str, response: Response) {
    let status = response.status();
    let documented = &operation(document, method, path)["responses"][status.as_str()];
    assert!(
        documented.is_object(),
        "{method} {path} answered {status}, which is not documented: {}",
        response.text().await.unwrap_or_default()
    );

    for header in documented["headers"]
        .as_object()
        .map(|headers| headers.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        assert!(
            response.headers().contains_key(header.as_str()),
            "{method} {path} answered {status} without its documented {header}"
        );
    }

    let content_type = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap().to_string());
    match (documented["content"].as_object(), content_type) {
        (Some(content), Some(content_type)) => {
            let essence = content_type.split(';').next().unwrap().trim();
            assert!(
                content.contains_key(essence),
                "{method} {path} answered {status} as {content_type}, not as documented"
            );
        }
        (None, None) => {}
        (content, content_type) => panic!(
            "{method} {path} answered {status} with content type {content_type:?}, documented \
             as {content:?}"
        ),
    }
}

#[tokio::test]
async fn every_documented_operation_answers_as_documented() {
    let server = TestServer::start().await;
    let document = generated();
    let exercise = Exercise {
        goal: server.create_goal(&draft("Lead captured")).await,
        server: &server,
    };
    let goal_id = exercise.goal["id"].as_str().unwrap().to_string();

    for (method, path) in operations_deletes_last(&document) {
        let response = exercise.send(&document, &method, &path, &goal_id).await;
        assert!(
            response.status().is_success(),
            "{method} {path} refused a request it should take: {}",
            response.status()
        );
        assert_documented(&document, &method, &path, response).await;
    }
}

#[tokio::test]
async fn every_documented_operation_on_a_made_up_goal_answers_as_documented() {
    let server = TestServer::start().await;
    let document = generated();
    let exercise = Exercise {
        goal: server.create_goal(&draft("Lead captured")).await,
        server: &server,
    };

    for (method, path) in operations(&document) {
        let response = exercise
            .send(&document, &method, &path, "no-such-goal")
            .await;
        if path.contains("{id}") {
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
            let error: Value = response.json().await.unwrap();
            assert_eq!(
                error["error"]["message"], "There is no goal with id \"no-such-goal\"",
                "{method} {path} is a route of the server"
            );
        } else {
            assert_documented(&document, &method, &path, response).await;
        }
    }
}

#[tokio::test]
async fn methods_the_document_does_not_give_a_path_are_not_allowed() {
    let server = TestServer::start().await;
    let document = generated();
    let all = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
    ];

    for (path, item) in document["paths"].as_object().unwrap() {
        let url = path
            .replace("{id}", "no-such-goal")
            .replace("{customerId}", "customer-1");
        for method in &all {
            if item.get(method.as_str().to_lowercase()).is_some() {
                continue;
            }
            let response = server
                .client
                .request(method.clone(), server.api(&url))
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} is answered but not documented"
            );
        }
    }
}

#[test]
fn every_operation_but_the_public_ones_needs_a_bearer_token() {
    let document = generated();

    assert_eq!(
        document["components"]["securitySchemes"]["bearer"],
        json!({
            "type": "http",
            "scheme": "bearer",
            "description": document["components"]["securitySchemes"]["bearer"]["description"]
        })
    );
    for (method, path) in operations(&document) {
        let operation = operation(&document, &method, &path);
        let public = ["/health", "/openapi.json"].contains(&path.as_str());
        let expected = if public {
            json!([{}])
        } else {
            json!([{ "bearer": [] }])
        };
        assert_eq!(
            operation["security"], expected,
            "security of {method} {path}"
        );
        if !public {
            assert!(
                operation["responses"]["401"]["headers"]["WWW-Authenticate"].is_object(),
                "the 401 of {method} {path} names its challenge"
            );
        }
    }
}
