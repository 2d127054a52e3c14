//! `GET /goals`: what the listing holds, its filters, its limits and its pages, over seven
//! goals of this run. Every request filters on this run's names, so goals already on the
//! server never get in the way.

use std::collections::BTreeSet;

use goals_core::{Goal, GoalPage};
use reqwest::StatusCode;
use serde_json::json;

use super::{
    Suite, draft_of, expect_error, expect_same, expect_status, if_match, lead_draft, parse,
    record_setup,
};
use crate::report::{Failure, Outcome, Report, ensure, fail};

/// Enough goals for three pages of three.
const GOALS: usize = 7;
const PAGE_SIZE: &str = "3";

/// The goals the listing checks look for, in creation order; the even ones carry the tag.
struct Listed {
    goals: Vec<Goal>,
    /// Finds the seven goals and nothing else.
    q: String,
    tag: String,
}

pub async fn run(suite: &Suite, report: &mut Report) {
    let listed = match create_goals(suite).await {
        Ok(listed) => listed,
        Err(failure) => return record_setup(report, "list", failure),
    };

    report.record(
        "list: a created goal is listed with its summary counts",
        summary_counts(suite, &listed).await,
    );
    report.record(
        "list: q finds names containing it, ignoring case",
        q_filters_by_name(suite, &listed).await,
    );
    report.record(
        "list: tag keeps only the goals with that tag",
        tag_filters(suite, &listed).await,
    );
    for limit in ["0", "201"] {
        report.record(
            format!("list: limit {limit} refused with 400 bad_request"),
            limit_refused(suite, limit).await,
        );
    }
    report.record(
        "list: limit 1 and limit 200 accepted",
        limits_accepted(suite, &listed).await,
    );
    report.record(
        "list: cursor pages of 3 give all 7 goals, none twice",
        pages_give_every_goal_once(suite, &listed).await,
    );
    report.record(
        "list: newest update first",
        newest_update_first(suite, &listed).await,
    );
}

async fn create_goals(suite: &Suite) -> Result<Listed, Failure> {
    let tag = suite.tag("paged");
    let mut goals = Vec::with_capacity(GOALS);
    for n in 0..GOALS {
        let mut draft = lead_draft(&suite.goal_name(&format!("paged {n}")));
        if n % 2 == 0 {
            draft["tags"] = json!(["sales", tag]);
        }
        goals.push(suite.create_goal(&draft).await?);
    }
    Ok(Listed {
        goals,
        q: suite.goal_name("paged"),
        tag,
    })
}

async fn list(suite: &Suite, query: &[(&str, &str)]) -> Result<GoalPage, Failure> {
    let answer = suite.client().get_with_query(&["goals"], query).await?;
    expect_status(&answer, StatusCode::OK)?;
    parse(&answer, "a page of goals")
}

fn ids(page: &GoalPage) -> BTreeSet<&str> {
    page.goals.iter().map(|goal| goal.id.as_str()).collect()
}

fn ids_of<'a>(goals: impl IntoIterator<Item = &'a Goal>) -> BTreeSet<&'a str> {
    goals.into_iter().map(|goal| goal.id.as_str()).collect()
}

async fn summary_counts(suite: &Suite, listed: &Listed) -> Outcome {
    let page = list(suite, &[("q", &listed.q), ("limit", "200")]).await?;
    let goal = &listed.goals[3];
    let summary = page
        .goals
        .iter()
        .find(|summary| summary.id == goal.id)
        .ok_or_else(|| fail(format!("{:?} is not listed", goal.name)))?;
    expect_same(&goal.summary(), summary, "the summary")
}

async fn q_filters_by_name(suite: &Suite, listed: &Listed) -> Outcome {
    let all = list(suite, &[("q", &listed.q.to_uppercase()), ("limit", "200")]).await?;
    ensure(ids(&all) == ids_of(&listed.goals), || {
        format!(
            "q={:?} found {} goals, expected {GOALS}",
            listed.q.to_uppercase(),
            all.goals.len()
        )
    })?;

    let one = &listed.goals[3];
    let found = list(suite, &[("q", &one.name.to_uppercase())]).await?;
    ensure(ids(&found) == ids_of([one]), || {
        format!("q={:?} found {:?}", one.name.to_uppercase(), ids(&found))
    })
}

async fn tag_filters(suite: &Suite, listed: &Listed) -> Outcome {
    let page = list(suite, &[("tag", &listed.tag), ("limit", "200")]).await?;
    let tagged = ids_of(listed.goals.iter().step_by(2));
    ensure(ids(&page) == tagged, || {
        format!(
            "tag={:?} found {:?}, expected {tagged:?}",
            listed.tag,
            ids(&page)
        )
    })
}

async fn limit_refused(suite: &Suite, limit: &str) -> Outcome {
    let answer = suite
        .client()
        .get_with_query(&["goals"], &[("limit", limit)])
        .await?;
    expect_error(&answer, StatusCode::BAD_REQUEST, "bad_request").map(drop)
}

async fn limits_accepted(suite: &Suite, listed: &Listed) -> Outcome {
    let one = list(suite, &[("q", &listed.q), ("limit", "1")]).await?;
    ensure(one.goals.len() == 1 && one.next_cursor.is_some(), || {
        format!(
            "limit 1 gave {} goals, nextCursor {:?}",
            one.goals.len(),
            one.next_cursor
        )
    })?;
    list(suite, &[("q", &listed.q), ("limit", "200")])
        .await
        .map(drop)
}

async fn pages_give_every_goal_once(suite: &Suite, listed: &Listed) -> Outcome {
    let mut seen: Vec<String> = Vec::new();
    let mut cursor: Option<String> = None;
    // Three pages are expected; a server whose cursor never ends is stopped well after that.
    for _ in 0..GOALS + 1 {
        let mut query = vec![("q", listed.q.as_str()), ("limit", PAGE_SIZE)];
        if let Some(cursor) = &cursor {
            query.push(("cursor", cursor));
        }
        let page = list(suite, &query).await?;
        ensure(page.goals.len() <= 3, || {
            format!("a page of limit 3 held {} goals", page.goals.len())
        })?;
        seen.extend(page.goals.iter().map(|goal| goal.id.clone()));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
        ensure(seen.len() <= GOALS, || {
            format!("{} goals seen and still a nextCursor", seen.len())
        })?;
    }

    let distinct: BTreeSet<&str> = seen.iter().map(String::as_str).collect();
    ensure(distinct.len() == seen.len(), || {
        format!("{} goals seen, {} distinct", seen.len(), distinct.len())
    })?;
    ensure(distinct == ids_of(&listed.goals), || {
        format!("the pages held {} of the {GOALS} goals", distinct.len())
    })
}

async fn newest_update_first(suite: &Suite, listed: &Listed) -> Outcome {
    let oldest = &listed.goals[0];
    let mut edit = draft_of(oldest);
    edit["description"] = json!("Updated last, so listed first");
    let answer = suite
        .client()
        .put_json(&["goals", &oldest.id], Some(&if_match(oldest)), &edit)
        .await?;
    expect_status(&answer, StatusCode::OK)
        .map_err(|failure| fail(format!("updating the oldest goal: {failure}")))?;

    let page = list(suite, &[("q", &listed.q), ("limit", "200")]).await?;
    let first = page.goals.first().map(|goal| goal.id.as_str());
    ensure(first == Some(oldest.id.as_str()), || {
        format!("the goal updated last is not first (first is {first:?})")
    })?;
    let in_order = page
        .goals
        .windows(2)
        .all(|pair| pair[0].updated_at >= pair[1].updated_at);
    ensure(in_order, || {
        "updatedAt does not decrease down the list".to_string()
    })
}
