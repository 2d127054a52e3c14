//! `PUT /goals/{id}` under the editing rules (DESIGN §3): names, trackers and new milestones
//! may change; existing milestones stay, in their order, and trackers stay in the milestone
//! they were created in. Every check starts from the goal as the server holds it then, so
//! one refused or wrongly accepted edit does not decide the next check.

use goals_core::Goal;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{
    Suite, draft_of, expect_error, expect_same, expect_status, if_match, lead_draft, parse,
    record_setup,
};
use crate::client::Answer;
use crate::report::{Failure, Outcome, Report, ensure};

pub async fn run(suite: &Suite, report: &mut Report) {
    let goal = match suite
        .create_goal(&lead_draft(&suite.goal_name("editing")))
        .await
    {
        Ok(goal) => goal,
        Err(failure) => return record_setup(report, "put", failure),
    };
    let id = goal.id.as_str();

    report.record(
        "put: rename and a new milestone → 200, version + 1, ids kept",
        rename_and_add_milestone(suite, id).await,
    );
    report.record(
        "put: a new tracker and a deleted tracker → 200, version + 1, ids kept",
        add_and_delete_trackers(suite, id).await,
    );
    report.record(
        "put: removed milestone refused with 422 milestone_removed",
        refused(suite, id, "milestone_removed", remove_first_milestone).await,
    );
    report.record(
        "put: reordered milestones refused with 422 milestone_reordered",
        refused(suite, id, "milestone_reordered", swap_first_milestones).await,
    );
    report.record(
        "put: unknown milestone id refused with 422 unknown_id",
        refused(suite, id, "unknown_id", |edit| {
            edit["milestones"][0]["id"] = json!("no-such-milestone");
        })
        .await,
    );
    report.record(
        "put: tracker moved to another milestone refused with 422 unknown_id",
        refused(suite, id, "unknown_id", move_a_tracker).await,
    );
    report.record(
        "put: a refused edit leaves the goal unchanged",
        refused_edit_changes_nothing(suite, id).await,
    );
}

/// Replaces the goal as it is now with `edit` applied to its draft; returns the goal before
/// and the answer.
async fn replace(
    suite: &Suite,
    id: &str,
    edit: impl FnOnce(&mut Value),
) -> Result<(Goal, Answer), Failure> {
    let before = suite.goal(id).await?;
    let mut draft = draft_of(&before);
    edit(&mut draft);
    let answer = suite
        .client()
        .put_json(&["goals", id], Some(&if_match(&before)), &draft)
        .await?;
    Ok((before, answer))
}

/// The goal an accepted replace answers, after checking it is one version on.
fn replaced(before: &Goal, answer: &Answer) -> Result<Goal, Failure> {
    expect_status(answer, StatusCode::OK)?;
    let after: Goal = parse(answer, "a goal")?;
    ensure(after.version == before.version + 1, || {
        format!("version {} after version {}", after.version, before.version)
    })?;
    Ok(after)
}

async fn rename_and_add_milestone(suite: &Suite, id: &str) -> Outcome {
    let name = suite.goal_name("editing renamed");
    let (before, answer) = replace(suite, id, |draft| {
        draft["name"] = json!(name);
        if let Some(milestones) = draft["milestones"].as_array_mut() {
            milestones.push(json!({
                "name": "Deal won",
                "trackers": [{ "name": "Amount", "defaultValue": "0" }]
            }));
        }
    })
    .await?;
    let after = replaced(&before, &answer)?;

    ensure(after.name == name, || format!("name is {:?}", after.name))?;
    ensure(
        after.milestones.len() == before.milestones.len() + 1,
        || {
            format!(
                "{} milestones after adding one to {}",
                after.milestones.len(),
                before.milestones.len()
            )
        },
    )?;
    for (kept, old) in after.milestones.iter().zip(&before.milestones) {
        ensure(
            kept.id == old.id && tracker_ids(kept) == tracker_ids(old),
            || format!("milestone {:?} came back with other ids", old.name),
        )?;
    }
    let added = after
        .milestones
        .last()
        .map(|m| m.id.as_str())
        .unwrap_or_default();
    ensure(
        !added.is_empty() && before.milestones.iter().all(|m| m.id != added),
        || format!("the new milestone's id is {added:?}"),
    )
}

async fn add_and_delete_trackers(suite: &Suite, id: &str) -> Outcome {
    let (before, answer) = replace(suite, id, |draft| {
        if let Some(trackers) = draft["milestones"][0]["trackers"].as_array_mut() {
            trackers.truncate(1);
        }
        if let Some(trackers) = draft["milestones"][1]["trackers"].as_array_mut() {
            trackers.push(json!({ "name": "Time zone", "defaultValue": "UTC" }));
        }
    })
    .await?;
    let after = replaced(&before, &answer)?;

    let milestone_ids = |goal: &Goal| {
        goal.milestones
            .iter()
            .map(|m| m.id.clone())
            .collect::<Vec<_>>()
    };
    ensure(milestone_ids(&after) == milestone_ids(&before), || {
        "milestone ids changed".to_string()
    })?;
    let trackers_of =
        |goal: &Goal, m: usize| goal.milestones.get(m).map(tracker_ids).unwrap_or_default();
    let [first, second] = [0, 1].map(|m| trackers_of(&after, m));
    let [old_first, old_second] = [0, 1].map(|m| trackers_of(&before, m));
    ensure(
        first.len() == 1 && first.first() == old_first.first(),
        || {
            format!(
                "first milestone's trackers are {first:?} after deleting the second of {old_first:?}"
            )
        },
    )?;
    ensure(
        second.len() == old_second.len() + 1
            && second[..old_second.len()] == old_second[..]
            && second
                .last()
                .is_some_and(|id| !id.is_empty() && !old_second.contains(id)),
        || format!("second milestone's trackers are {second:?}, were {old_second:?}"),
    )
}

/// An edit the server must refuse with 422 `code`.
async fn refused(suite: &Suite, id: &str, code: &str, edit: impl FnOnce(&mut Value)) -> Outcome {
    let (_, answer) = replace(suite, id, edit).await?;
    expect_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, code).map(drop)
}

fn remove_first_milestone(draft: &mut Value) {
    if let Some(milestones) = draft["milestones"].as_array_mut() {
        milestones.remove(0);
    }
}

fn swap_first_milestones(draft: &mut Value) {
    if let Some(milestones) = draft["milestones"].as_array_mut() {
        milestones.swap(0, 1);
    }
}

/// Moves the last tracker of the first milestone that has two or more to another milestone,
/// so no milestone is left without trackers (which would be a plain validation error).
fn move_a_tracker(draft: &mut Value) {
    let Some(milestones) = draft["milestones"].as_array_mut() else {
        return;
    };
    let Some(from) = milestones
        .iter()
        .position(|m| m["trackers"].as_array().is_some_and(|t| t.len() >= 2))
    else {
        return;
    };
    let to = if from == 0 { 1 } else { 0 };
    let moved = milestones[from]["trackers"]
        .as_array_mut()
        .and_then(Vec::pop);
    if let (Some(moved), Some(trackers)) = (moved, milestones[to]["trackers"].as_array_mut()) {
        trackers.push(moved);
    }
}

async fn refused_edit_changes_nothing(suite: &Suite, id: &str) -> Outcome {
    let (before, _) = replace(suite, id, |draft| {
        draft["description"] = json!("Changed along with a removed milestone");
        remove_first_milestone(draft);
    })
    .await?;
    let after = suite.goal(id).await?;
    expect_same(&before, &after, "the goal after the refused edit")
}

fn tracker_ids(milestone: &goals_core::Milestone) -> Vec<String> {
    milestone.trackers.iter().map(|t| t.id.clone()).collect()
}
