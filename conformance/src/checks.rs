//! The checks of the contract (DESIGN §3 and §4), one module per area, and what they share:
//! the [`Suite`] that names and remembers the goals a run creates, the goals they start from,
//! and the expectations every area makes of an answer.
//!
//! Each area creates the goals it needs, so a server that fails one area still gets a fair
//! hearing in the others; when an area cannot even create its goal it records that once, as
//! its `setup` check, instead of failing each of its checks.

pub mod achievements;
pub mod editing_rules;
pub mod errors;
pub mod exports;
pub mod goals_crud;
pub mod health;
pub mod paging;
pub mod reports;

use std::sync::{Mutex, PoisonError};

use goals_core::{Goal, GoalDraft};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::client::{Answer, Client, ClientError, Request};
use crate::report::{Failure, Outcome, Report, ensure, fail};

/// Every goal the suite creates is named `conformance <run id> <label>`, so the goals of one
/// run can be found (and told apart from anyone else's) on a shared server.
const NAME_PREFIX: &str = "conformance";

/// One run of the suite against one server.
#[derive(Debug)]
pub struct Suite {
    client: Client,
    /// Random per run: names, tags and customer IDs of different runs never meet.
    run_id: String,
    /// Ids of the goals created so far, deleted at the end whatever the checks found.
    created: Mutex<Vec<String>>,
}

impl Suite {
    pub fn new(client: Client) -> Suite {
        Suite {
            client,
            run_id: uuid::Uuid::new_v4().simple().to_string(),
            created: Mutex::new(Vec::new()),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// What every goal name of this run starts with.
    pub fn name_prefix(&self) -> String {
        format!("{NAME_PREFIX} {}", self.run_id)
    }

    /// The name of this run's goal `label`.
    pub fn goal_name(&self, label: &str) -> String {
        format!("{} {label}", self.name_prefix())
    }

    /// A tag no other run uses, within the 32 characters a tag may have.
    pub fn tag(&self, label: &str) -> String {
        format!("{label}-{}", &self.run_id[..12])
    }

    /// A customer ID of this run, so runs recorded by earlier runs of the suite never count.
    pub fn customer_id(&self, label: &str) -> String {
        format!("{label}-{}", self.run_id)
    }

    /// An id no server would have given to a goal.
    pub fn unknown_id(&self) -> String {
        format!("no-such-goal-{}", self.run_id)
    }

    /// Creates a goal the area needs, remembering it for the clean-up. The goal has the
    /// milestones and trackers of `draft`, so the checks can pick them by position.
    pub async fn create_goal(&self, draft: &Value) -> Result<Goal, Failure> {
        let answer = self.post_goal(draft).await?;
        expect_status(&answer, StatusCode::CREATED)?;
        let goal: Goal = parse(&answer, "a goal")?;

        let sent: Vec<usize> = draft["milestones"]
            .as_array()
            .map(|milestones| {
                let trackers =
                    |milestone: &Value| milestone["trackers"].as_array().map_or(0, Vec::len);
                milestones.iter().map(trackers).collect()
            })
            .unwrap_or_default();
        let created: Vec<usize> = goal.milestones.iter().map(|m| m.trackers.len()).collect();
        ensure(sent == created, || {
            format!("trackers per milestone: sent {sent:?}, the created goal has {created:?}")
        })?;
        Ok(goal)
    }

    /// `POST /goals` with `draft`, whatever the answer.
    pub async fn post_goal(&self, draft: &Value) -> Result<Answer, ClientError> {
        self.send_post_goal(self.client.request(Method::POST, &["goals"]).json(draft))
            .await
    }

    /// Sends a `POST /goals` a check has put together. A server that creates a goal it should
    /// have refused still gets it deleted at the end.
    pub async fn send_post_goal(&self, request: Request) -> Result<Answer, ClientError> {
        let answer = request.send().await?;
        if answer.status.is_success()
            && let Ok(body) = answer.json()
            && let Some(id) = body["id"].as_str()
        {
            self.remember(id);
        }
        Ok(answer)
    }

    /// The goal as the server holds it now.
    pub async fn goal(&self, id: &str) -> Result<Goal, Failure> {
        let answer = self.client.get(&["goals", id]).await?;
        expect_status(&answer, StatusCode::OK)?;
        parse(&answer, "a goal")
    }

    /// Remembers a goal created outside [`Suite::create_goal`], by a check that looks at the
    /// raw answer.
    pub fn remember(&self, id: &str) {
        let mut created = self.created.lock().unwrap_or_else(PoisonError::into_inner);
        if !created.iter().any(|known| known == id) {
            created.push(id.to_string());
        }
    }

    /// Deletes every goal the run created. A goal a check already deleted answers 404, which
    /// is as good as 204 here.
    pub async fn delete_created(&self) -> Outcome {
        let created =
            std::mem::take(&mut *self.created.lock().unwrap_or_else(PoisonError::into_inner));
        let mut left = Vec::new();
        for id in &created {
            match self.client.delete(&["goals", id]).await {
                Ok(answer)
                    if answer.status == StatusCode::NO_CONTENT
                        || answer.status == StatusCode::NOT_FOUND => {}
                Ok(answer) => left.push(format!("{id} ({})", describe(&answer))),
                Err(error) => left.push(format!("{id} ({error})")),
            }
        }
        if left.is_empty() {
            Ok(())
        } else {
            Err(fail(format!("could not delete {}", left.join(", "))))
        }
    }

    /// Runs every area against the server, then deletes what it created.
    pub async fn run_all(&self, report: &mut Report) {
        health::run(self, report).await;
        goals_crud::run(self, report).await;
        paging::run(self, report).await;
        errors::run(self, report).await;
        editing_rules::run(self, report).await;
        achievements::run(self, report).await;
        reports::run(self, report).await;
        exports::run(self, report).await;

        let count = self
            .created
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        report.record(
            format!("cleanup: the {count} goals the suite created are deleted"),
            self.delete_created().await,
        );
    }
}

/// The answer in a few words, for a failure message: `got 200`, `got 422 unknown_id`.
pub fn describe(answer: &Answer) -> String {
    let code = answer
        .json()
        .ok()
        .and_then(|body| body["error"]["code"].as_str().map(str::to_string));
    match code {
        Some(code) => format!("got {} {code}", answer.status.as_u16()),
        None => format!("got {}", answer.status.as_u16()),
    }
}

/// Passes when the answer has `status`.
pub fn expect_status(answer: &Answer, status: StatusCode) -> Outcome {
    if answer.status == status {
        Ok(())
    } else {
        Err(fail(describe(answer)))
    }
}

/// Checks that the answer is the API's JSON error with `status` and `code`, and returns the
/// error object for further checks.
pub fn expect_error(answer: &Answer, status: StatusCode, code: &str) -> Result<Value, Failure> {
    expect_status(answer, status)?;
    if answer.media_type().as_deref() != Some("application/json") {
        return Err(fail(format!(
            "the error body is not JSON (Content-Type {:?})",
            answer.header("content-type").unwrap_or("missing")
        )));
    }
    let body = answer
        .json()
        .map_err(|error| fail(format!("the error body is not JSON: {error}")))?;
    let error = &body["error"];
    match error["code"].as_str() {
        Some(actual) if actual == code => {}
        Some(_) => return Err(fail(describe(answer))),
        None => return Err(fail(format!("got {} without error.code", status.as_u16()))),
    }
    if error["message"].as_str().is_none_or(str::is_empty) {
        return Err(fail(format!("the error has no message: {error}")));
    }
    Ok(error.clone())
}

/// Checks a 422 `validation_failed` and that one of its fields is `path` with `code`.
pub fn expect_invalid_field(answer: &Answer, path: &str, code: &str) -> Outcome {
    let error = expect_error(
        answer,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )?;
    let fields = error["fields"].as_array().cloned().unwrap_or_default();
    let found = fields
        .iter()
        .any(|field| field["path"] == path && field["code"] == code);
    if found {
        Ok(())
    } else {
        Err(fail(format!(
            "no field {path} {code} in {}",
            error["fields"]
        )))
    }
}

/// Passes when `actual` equals `expected`; otherwise says where they first differ, read as
/// JSON, e.g. `the goal read back differs at milestones[0].name: expected "a", got "b"`.
pub fn expect_same<T: Serialize + PartialEq>(expected: &T, actual: &T, what: &str) -> Outcome {
    if expected == actual {
        return Ok(());
    }
    let as_json = |value: &T| serde_json::to_value(value).unwrap_or(Value::Null);
    let difference = first_difference("", &as_json(expected), &as_json(actual))
        .unwrap_or_else(|| "in a way JSON does not show".to_string());
    Err(fail(format!("{what} differs {difference}")))
}

fn first_difference(path: &str, expected: &Value, actual: &Value) -> Option<String> {
    let at = |path: &str| {
        if path.is_empty() {
            "at the top".to_string()
        } else {
            format!("at {path}")
        }
    };
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            let added = actual.keys().filter(|key| !expected.contains_key(*key));
            expected.keys().chain(added).find_map(|key| {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let [expected, actual] =
                    [expected, actual].map(|object| object.get(key).unwrap_or(&Value::Null));
                first_difference(&path, expected, actual)
            })
        }
        (Value::Array(expected), Value::Array(actual)) if expected.len() == actual.len() => {
            expected
                .iter()
                .zip(actual)
                .enumerate()
                .find_map(|(index, (expected, actual))| {
                    first_difference(&format!("{path}[{index}]"), expected, actual)
                })
        }
        (Value::Array(expected), Value::Array(actual)) => Some(format!(
            "{}: expected {} items, got {}",
            at(path),
            expected.len(),
            actual.len()
        )),
        _ if expected == actual => None,
        _ => Some(format!("{}: expected {expected}, got {actual}", at(path))),
    }
}

/// The body read as `T`; `what` names it in the failure ("a goal").
pub fn parse<T: DeserializeOwned>(answer: &Answer, what: &str) -> Result<T, Failure> {
    serde_json::from_slice(&answer.body)
        .map_err(|error| fail(format!("the body is not {what}: {error}")))
}

/// The draft that replaces `goal` with itself, as JSON a check can change: the edit form's
/// starting point.
pub fn draft_of(goal: &Goal) -> Value {
    serde_json::to_value(GoalDraft::from(goal)).unwrap_or(Value::Null)
}

/// What two checks reading the same answer both see: the answer, or the failure to get it
/// (repeated, so that each check's line says why).
pub fn shared<T>(result: &Result<T, Failure>) -> Result<&T, Failure> {
    result.as_ref().map_err(|failure| fail(failure.to_string()))
}

/// The `If-Match` value for `goal` as it is.
pub fn if_match(goal: &Goal) -> String {
    format!("\"{}\"", goal.version)
}

/// A goal of two milestones: "Email given" (Email Address `NOT_PROVIDED`, Consent `NO`) and
/// "Call booked" (Slot `NONE`).
pub fn lead_draft(name: &str) -> Value {
    json!({
        "name": name,
        "description": "Visitors who leave a way to reach them",
        "tags": ["sales"],
        "milestones": [
            {
                "name": "Email given",
                "description": "",
                "trackers": [
                    { "name": "Email Address", "description": "", "defaultValue": "NOT_PROVIDED" },
                    { "name": "Consent", "description": "Marketing opt-in", "defaultValue": "NO" }
                ]
            },
            {
                "name": "Call booked",
                "description": "",
                "trackers": [ { "name": "Slot", "description": "", "defaultValue": "NONE" } ]
            }
        ]
    })
}

/// A goal of three milestones: "Email given" (Email Address `NOT_PROVIDED`, Consent `NO`),
/// "Phone given" (Phone Number `NO_PHONE`) and "Call booked" (Slot `NONE`).
pub fn funnel_draft(name: &str) -> Value {
    json!({
        "name": name,
        "milestones": [
            {
                "name": "Email given",
                "trackers": [
                    { "name": "Email Address", "defaultValue": "NOT_PROVIDED" },
                    { "name": "Consent", "defaultValue": "NO" }
                ]
            },
            {
                "name": "Phone given",
                "trackers": [ { "name": "Phone Number", "defaultValue": "NO_PHONE" } ]
            },
            {
                "name": "Call booked",
                "trackers": [ { "name": "Slot", "defaultValue": "NONE" } ]
            }
        ]
    })
}

/// Records the failure of an area's setup as one check, so that an area whose goal cannot be
/// created says so once.
pub fn record_setup(report: &mut Report, area: &str, failure: Failure) {
    report.record(
        format!("{area}: setup creates the goal its checks use"),
        Err(failure),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_is_named_by_its_path() {
        let expected = json!({ "name": "a", "milestones": [{ "name": "m", "trackers": [] }] });
        let actual = json!({ "name": "a", "milestones": [{ "name": "n", "trackers": [] }] });

        let failure = expect_same(&expected, &actual, "the goal").unwrap_err();

        assert_eq!(
            failure.to_string(),
            "the goal differs at milestones[0].name: expected \"m\", got \"n\""
        );
    }

    #[test]
    fn lists_of_other_lengths_and_extra_fields_are_differences() {
        let shorter = first_difference("", &json!({ "tags": [1, 2] }), &json!({ "tags": [1] }));
        let extra = first_difference("", &json!({}), &json!({ "colour": "red" }));

        assert_eq!(shorter.as_deref(), Some("at tags: expected 2 items, got 1"));
        assert_eq!(
            extra.as_deref(),
            Some("at colour: expected null, got \"red\"")
        );
        assert_eq!(first_difference("", &json!([1]), &json!([1])), None);
    }
}
