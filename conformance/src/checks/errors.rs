//! Every error code of the API, each answered as the JSON envelope
//! `{"error":{"code","message","fields"?}}` (DESIGN §4, "Errors").

use goals_core::Goal;
use goals_core::limits::BODY_MAX_BYTES;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{
    Suite, draft_of, expect_error, expect_invalid_field, expect_status, if_match, lead_draft,
    parse, record_setup,
};
use crate::report::{Outcome, Report, ensure, fail};

pub async fn run(suite: &Suite, report: &mut Report) {
    let goal = match suite
        .create_goal(&lead_draft(&suite.goal_name("errors")))
        .await
    {
        Ok(goal) => goal,
        Err(failure) => return record_setup(report, "errors", failure),
    };

    report.record(
        "errors: malformed JSON refused with 400 bad_request",
        malformed_json(suite).await,
    );
    report.record(
        "errors: a wrong type refused with 400 bad_request",
        wrong_type(suite).await,
    );
    report.record(
        "errors: an unknown goal answers 404 not_found",
        unknown_goal(suite).await,
    );
    report.record(
        "errors: a name taken ignoring case refused with 409 name_taken",
        name_taken(suite, &goal).await,
    );
    report.record(
        "errors: a stale If-Match refused with 412 version_conflict and the current goal",
        stale_if_match(suite, &goal).await,
    );
    report.record(
        "errors: a body over 1 MiB refused with 413 payload_too_large",
        body_too_large(suite).await,
    );
    report.record(
        "errors: a text/plain body refused with 415 unsupported_media_type",
        wrong_media_type(suite).await,
    );
    report.record(
        "errors: a missing Default Value refused with 422 at milestones[0].trackers[0].defaultValue",
        default_value_required(suite).await,
    );
    report.record(
        "errors: an id in a new goal refused with 422 read_only at id",
        id_is_read_only(suite).await,
    );
    report.record(
        "errors: a PUT without If-Match refused with 428 precondition_required",
        if_match_required(suite, &goal).await,
    );
}

async fn malformed_json(suite: &Suite) -> Outcome {
    let request = suite
        .client()
        .request(Method::POST, &["goals"])
        .raw_body("application/json", "{\"name\": ");
    let answer = suite.send_post_goal(request).await?;
    expect_error(&answer, StatusCode::BAD_REQUEST, "bad_request").map(drop)
}

async fn wrong_type(suite: &Suite) -> Outcome {
    let mut draft = lead_draft(&suite.goal_name("wrong type"));
    draft["tags"] = json!("sales");
    let answer = suite.post_goal(&draft).await?;
    expect_error(&answer, StatusCode::BAD_REQUEST, "bad_request").map(drop)
}

async fn unknown_goal(suite: &Suite) -> Outcome {
    let answer = suite.client().get(&["goals", &suite.unknown_id()]).await?;
    expect_error(&answer, StatusCode::NOT_FOUND, "not_found").map(drop)
}

async fn name_taken(suite: &Suite, goal: &Goal) -> Outcome {
    let answer = suite
        .post_goal(&lead_draft(&goal.name.to_uppercase()))
        .await?;
    expect_error(&answer, StatusCode::CONFLICT, "name_taken").map(drop)
}

/// Moves the goal one version on, then replaces it again from the version it had.
async fn stale_if_match(suite: &Suite, goal: &Goal) -> Outcome {
    let before = suite.goal(&goal.id).await?;
    let mut edit = draft_of(&before);
    edit["description"] = json!("Saved first");
    let saved = suite
        .client()
        .put_json(&["goals", &goal.id], Some(&if_match(&before)), &edit)
        .await?;
    expect_status(&saved, StatusCode::OK)
        .map_err(|failure| fail(format!("the first replace: {failure}")))?;

    edit["description"] = json!("Saved second, from the same version");
    let stale = suite
        .client()
        .put_json(&["goals", &goal.id], Some(&if_match(&before)), &edit)
        .await?;
    let error = expect_error(&stale, StatusCode::PRECONDITION_FAILED, "version_conflict")?;
    let current: Goal = serde_json::from_value(error["current"].clone())
        .map_err(|cause| fail(format!("error.current is not a goal: {cause}")))?;
    ensure(
        current.id == goal.id && current.version == before.version + 1,
        || {
            format!(
                "error.current is version {} of {:?}, expected version {} of {:?}",
                current.version,
                current.id,
                before.version + 1,
                goal.id
            )
        },
    )
}

async fn body_too_large(suite: &Suite) -> Outcome {
    let mut draft = lead_draft(&suite.goal_name("too large"));
    draft["description"] = json!("x".repeat(BODY_MAX_BYTES + 1));
    let answer = suite.post_goal(&draft).await?;
    expect_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").map(drop)
}

async fn wrong_media_type(suite: &Suite) -> Outcome {
    let draft = lead_draft(&suite.goal_name("plain text"));
    let request = suite
        .client()
        .request(Method::POST, &["goals"])
        .raw_body("text/plain", draft.to_string());
    let answer = suite.send_post_goal(request).await?;
    expect_error(
        &answer,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .map(drop)
}

async fn default_value_required(suite: &Suite) -> Outcome {
    let mut draft = lead_draft(&suite.goal_name("no default"));
    if let Some(tracker) = draft["milestones"][0]["trackers"][0].as_object_mut() {
        tracker.remove("defaultValue");
    }
    let answer = suite.post_goal(&draft).await?;
    expect_invalid_field(
        &answer,
        "milestones[0].trackers[0].defaultValue",
        "required",
    )
}

async fn id_is_read_only(suite: &Suite) -> Outcome {
    let mut draft = lead_draft(&suite.goal_name("own id"));
    draft["id"] = Value::from(suite.unknown_id());
    let answer = suite.post_goal(&draft).await?;
    expect_invalid_field(&answer, "id", "read_only")
}

async fn if_match_required(suite: &Suite, goal: &Goal) -> Outcome {
    let current = suite.goal(&goal.id).await?;
    let answer = suite
        .client()
        .put_json(&["goals", &goal.id], None, &draft_of(&current))
        .await?;
    expect_error(
        &answer,
        StatusCode::PRECONDITION_REQUIRED,
        "precondition_required",
    )?;
    let after: Goal = parse(&suite.client().get(&["goals", &goal.id]).await?, "a goal")?;
    ensure(after.version == current.version, || {
        format!(
            "the goal moved from version {} to {}",
            current.version, after.version
        )
    })
}
