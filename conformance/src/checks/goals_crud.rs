//! Creating, reading and deleting one goal: `POST /goals`, `GET /goals/{id}`,
//! `DELETE /goals/{id}`, and the headers that go with them.

use goals_core::{Goal, GoalDraft};
use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::{Suite, expect_error, expect_same, expect_status, lead_draft, parse, record_setup};
use crate::client::Answer;
use crate::report::{Outcome, Report, ensure, fail};

pub async fn run(suite: &Suite, report: &mut Report) {
    let draft = lead_draft(&suite.goal_name("crud"));
    let created = match suite.post_goal(&draft).await {
        Ok(answer) => answer,
        Err(error) => return record_setup(report, "create", error.into()),
    };
    let id = created
        .json()
        .ok()
        .and_then(|body| body["id"].as_str().map(str::to_string));

    report.record(
        "create: 201 with Location and ETag \"1\"",
        created_with_location_and_etag(&created),
    );
    report.record(
        "create: the body echoes the draft, with server ids and version 1",
        body_echoes_the_draft(&created, &draft),
    );
    let Some(id) = id else {
        return;
    };
    report.record(
        "create: Location leads to the created goal",
        location_leads_to_the_goal(suite, &created, &id).await,
    );
    report.record(
        "get: 200 with ETag \"1\" and the created goal",
        get_answers_the_goal(suite, &created, &id).await,
    );
    report.record(
        "delete: 204, then get answers 404 not_found",
        delete_removes_the_goal(suite, &id).await,
    );
    report.record(
        "delete: an unknown goal answers 404 not_found",
        delete_unknown_goal(suite).await,
    );
}

fn created_with_location_and_etag(created: &Answer) -> Outcome {
    expect_status(created, StatusCode::CREATED)?;
    ensure(created.header("location").is_some(), || {
        "no Location header".to_string()
    })?;
    let etag = created.header("etag");
    ensure(etag == Some("\"1\""), || format!("ETag is {etag:?}"))
}

fn body_echoes_the_draft(created: &Answer, draft: &Value) -> Outcome {
    expect_status(created, StatusCode::CREATED)?;
    let goal: Goal = parse(created, "a goal")?;
    let sent: GoalDraft = serde_json::from_value(draft.clone())
        .map_err(|error| fail(format!("the suite's own draft does not parse: {error}")))?;

    let echoed = without_ids(GoalDraft::from(&goal));
    expect_same(&sent, &echoed, "the goal sent back")?;
    ensure(goal.version == 1, || format!("version is {}", goal.version))?;
    let ids: Vec<&str> = std::iter::once(goal.id.as_str())
        .chain(goal.milestones.iter().map(|m| m.id.as_str()))
        .chain(
            goal.milestones
                .iter()
                .flat_map(|m| m.trackers.iter().map(|t| t.id.as_str())),
        )
        .collect();
    ensure(ids.iter().all(|id| !id.is_empty()), || {
        format!("empty ids among {ids:?}")
    })
}

async fn location_leads_to_the_goal(suite: &Suite, created: &Answer, id: &str) -> Outcome {
    let location = created
        .header("location")
        .ok_or_else(|| fail("no Location header"))?;
    let url = suite
        .client()
        .base_url()
        .join(location)
        .map_err(|error| fail(format!("Location {location:?} is not a URL: {error}")))?;

    let answer = suite.client().request_url(Method::GET, url).send().await?;
    expect_status(&answer, StatusCode::OK)?;
    let goal: Goal = parse(&answer, "a goal")?;
    ensure(goal.id == id, || {
        format!("Location {location:?} gives goal {:?}, not {id:?}", goal.id)
    })
}

async fn get_answers_the_goal(suite: &Suite, created: &Answer, id: &str) -> Outcome {
    let answer = suite.client().get(&["goals", id]).await?;
    expect_status(&answer, StatusCode::OK)?;
    let etag = answer.header("etag");
    ensure(etag == Some("\"1\""), || format!("ETag is {etag:?}"))?;

    let read: Goal = parse(&answer, "a goal")?;
    let created: Goal = parse(created, "a goal")?;
    expect_same(&created, &read, "the goal read back")
}

async fn delete_removes_the_goal(suite: &Suite, id: &str) -> Outcome {
    let deleted = suite.client().delete(&["goals", id]).await?;
    expect_status(&deleted, StatusCode::NO_CONTENT)?;
    let read = suite.client().get(&["goals", id]).await?;
    expect_error(&read, StatusCode::NOT_FOUND, "not_found").map(drop)
}

async fn delete_unknown_goal(suite: &Suite) -> Outcome {
    let answer = suite
        .client()
        .delete(&["goals", &suite.unknown_id()])
        .await?;
    expect_error(&answer, StatusCode::NOT_FOUND, "not_found").map(drop)
}

/// The draft as a client would have sent it: ids are the server's, so they are left out when
/// comparing what was sent with what came back.
fn without_ids(mut draft: GoalDraft) -> GoalDraft {
    for milestone in &mut draft.milestones {
        milestone.id = None;
        for tracker in &mut milestone.trackers {
            tracker.id = None;
        }
    }
    draft
}
