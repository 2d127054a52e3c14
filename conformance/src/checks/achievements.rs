//! `POST /goals/{id}/achievements` and `GET /goals/{id}/customers/{customerId}`: the
//! achievement semantics of DESIGN §4, each check with a customer of its own so that runs
//! never meet, and the customer look-up that shows the runs.

use std::collections::BTreeMap;

use goals_core::limits::TRACKER_VALUE_MAX;
use goals_core::{CustomerRuns, Goal, MilestoneStatus, RunProgress};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{
    Suite, draft_of, expect_error, expect_invalid_field, expect_same, expect_status, funnel_draft,
    if_match, parse, record_setup,
};
use crate::report::{Failure, Outcome, Report, ensure, fail};

use MilestoneStatus::{Achieved, Pending, Skipped};

pub async fn run(suite: &Suite, report: &mut Report) {
    let goal = match suite
        .create_goal(&funnel_draft(&suite.goal_name("funnel")))
        .await
    {
        Ok(goal) => goal,
        Err(failure) => return record_setup(report, "achievements", failure),
    };
    let funnel = Funnel { suite, goal: &goal };

    report.record(
        "achievements: reaching milestone 3 skips 1 and 2 with their Default Values",
        funnel.reaching_the_third_skips_the_first_two().await,
    );
    report.record(
        "achievements: a tracker without a value takes its Default Value",
        funnel.missing_value_takes_the_default().await,
    );
    report.record(
        "achievements: forward only, re-achieving changes nothing",
        funnel.forward_only().await,
    );
    report.record(
        "achievements: each conversation is a run of its own",
        funnel.runs_per_conversation().await,
    );
    report.record(
        "achievements: without a conversation ID, one run per customer",
        funnel.one_run_without_conversation().await,
    );
    report.record(
        "achievements: completed once no milestone is pending",
        funnel.completed_when_nothing_pending().await,
    );
    report.record(
        "achievements: a Default Value changed later applies to later skips only",
        changed_default_applies_to_later_skips(suite).await,
    );
    report.record(
        "achievements: an unknown goal answers 404 not_found",
        funnel.unknown_goal().await,
    );
    report.record(
        "achievements: an unknown milestone refused with 422 at milestoneId",
        funnel.unknown_milestone().await,
    );
    report.record(
        "achievements: a tracker of another milestone refused with 422 at trackerValues",
        funnel.tracker_of_another_milestone().await,
    );
    report.record(
        "achievements: a tracker value over 500 characters refused with 422",
        funnel.value_too_long().await,
    );
    report.record(
        "customers: runs listed newest first",
        funnel.runs_newest_first().await,
    );
    report.record(
        "customers: a customer never seen has no runs",
        funnel.unknown_customer().await,
    );
    report.record(
        "customers: an unknown goal answers 404 not_found",
        funnel.customers_of_unknown_goal().await,
    );
}

/// An achievement body; `values` are `(tracker id, value)` pairs.
pub fn achievement(
    customer_id: &str,
    conversation_id: Option<&str>,
    milestone_id: &str,
    values: &[(&str, &str)],
) -> Value {
    let values: BTreeMap<&str, &str> = values.iter().copied().collect();
    let mut body = json!({
        "customerId": customer_id,
        "milestoneId": milestone_id,
        "trackerValues": values,
    });
    if let Some(conversation_id) = conversation_id {
        body["conversationId"] = json!(conversation_id);
    }
    body
}

/// Records an achievement that must be accepted, and returns the run's progress.
pub async fn achieve(suite: &Suite, goal_id: &str, body: &Value) -> Result<RunProgress, Failure> {
    let answer = suite
        .client()
        .post_json(&["goals", goal_id, "achievements"], body)
        .await?;
    expect_status(&answer, StatusCode::OK).map_err(|failure| {
        fail(format!(
            "recording milestone {}: {failure}",
            body["milestoneId"]
        ))
    })?;
    parse(&answer, "a run's progress")
}

/// The customer's runs of the goal, newest first.
pub async fn customer_runs(
    suite: &Suite,
    goal_id: &str,
    customer_id: &str,
) -> Result<CustomerRuns, Failure> {
    let answer = suite
        .client()
        .get(&["goals", goal_id, "customers", customer_id])
        .await?;
    expect_status(&answer, StatusCode::OK)?;
    parse(&answer, "a customer's runs")
}

fn statuses(run: &RunProgress) -> Vec<MilestoneStatus> {
    run.milestones
        .iter()
        .map(|milestone| milestone.status)
        .collect()
}

fn expect_statuses(run: &RunProgress, expected: &[MilestoneStatus]) -> Outcome {
    ensure(statuses(run) == expected, || {
        format!("statuses {:?}, expected {expected:?}", statuses(run))
    })
}

/// The tracker values recorded for milestone `m` of the run.
fn values(run: &RunProgress, m: usize) -> BTreeMap<String, String> {
    run.milestones
        .get(m)
        .map(|milestone| milestone.tracker_values.clone())
        .unwrap_or_default()
}

fn expect_values(run: &RunProgress, m: usize, expected: &[(&str, &str)]) -> Outcome {
    let expected: BTreeMap<String, String> = expected
        .iter()
        .map(|(tracker, value)| (tracker.to_string(), value.to_string()))
        .collect();
    let recorded = values(run, m);
    ensure(recorded == expected, || {
        format!(
            "milestone {} holds {recorded:?}, expected {expected:?}",
            m + 1
        )
    })
}

/// The "funnel" goal of [`funnel_draft`], with the checks that record on it.
struct Funnel<'a> {
    suite: &'a Suite,
    goal: &'a Goal,
}

impl Funnel<'_> {
    fn milestone(&self, m: usize) -> &str {
        &self.goal.milestones[m].id
    }

    fn tracker(&self, m: usize, t: usize) -> &str {
        &self.goal.milestones[m].trackers[t].id
    }

    async fn achieve(&self, body: &Value) -> Result<RunProgress, Failure> {
        achieve(self.suite, &self.goal.id, body).await
    }

    async fn runs(&self, customer_id: &str) -> Result<CustomerRuns, Failure> {
        customer_runs(self.suite, &self.goal.id, customer_id).await
    }

    async fn reaching_the_third_skips_the_first_two(&self) -> Outcome {
        let customer = self.suite.customer_id("skipping");
        let body = achievement(
            &customer,
            Some("c1"),
            self.milestone(2),
            &[(self.tracker(2, 0), "Tuesday 10:00")],
        );
        let run = self.achieve(&body).await?;

        expect_statuses(&run, &[Skipped, Skipped, Achieved])?;
        expect_values(
            &run,
            0,
            &[
                (self.tracker(0, 0), "NOT_PROVIDED"),
                (self.tracker(0, 1), "NO"),
            ],
        )?;
        expect_values(&run, 1, &[(self.tracker(1, 0), "NO_PHONE")])?;
        expect_values(&run, 2, &[(self.tracker(2, 0), "Tuesday 10:00")])
    }

    async fn missing_value_takes_the_default(&self) -> Outcome {
        let customer = self.suite.customer_id("defaulted");
        let email = self.tracker(0, 0);
        let body = achievement(
            &customer,
            None,
            self.milestone(0),
            &[(email, "ada@example.test")],
        );
        let run = self.achieve(&body).await?;

        expect_statuses(&run, &[Achieved, Pending, Pending])?;
        expect_values(
            &run,
            0,
            &[(email, "ada@example.test"), (self.tracker(0, 1), "NO")],
        )
    }

    async fn forward_only(&self) -> Outcome {
        let customer = self.suite.customer_id("forward");
        let phone = self.tracker(1, 0);
        let first = achievement(
            &customer,
            Some("f1"),
            self.milestone(1),
            &[(phone, "0123 555")],
        );
        let reached = self.achieve(&first).await?;

        let again = achievement(
            &customer,
            Some("f1"),
            self.milestone(1),
            &[(phone, "0999 555")],
        );
        let after_again = self.achieve(&again).await?;
        expect_same(
            &reached,
            &after_again,
            "the run after achieving milestone 2 again",
        )?;
        let back = achievement(&customer, Some("f1"), self.milestone(0), &[]);
        let after_back = self.achieve(&back).await?;
        expect_same(
            &reached,
            &after_back,
            "the run after achieving the skipped milestone 1",
        )
    }

    async fn runs_per_conversation(&self) -> Outcome {
        let customer = self.suite.customer_id("conversations");
        self.achieve(&achievement(
            &customer,
            Some("first"),
            self.milestone(0),
            &[],
        ))
        .await?;
        let second = self
            .achieve(&achievement(
                &customer,
                Some("second"),
                self.milestone(1),
                &[],
            ))
            .await?;

        ensure(second.conversation_id.as_deref() == Some("second"), || {
            format!("the run's conversationId is {:?}", second.conversation_id)
        })?;
        expect_statuses(&second, &[Skipped, Achieved, Pending])?;
        let runs = self.runs(&customer).await?;
        ensure(runs.runs.len() == 2, || {
            format!("{} runs for two conversations", runs.runs.len())
        })
    }

    async fn one_run_without_conversation(&self) -> Outcome {
        let customer = self.suite.customer_id("no-conversation");
        self.achieve(&achievement(&customer, None, self.milestone(0), &[]))
            .await?;
        let run = self
            .achieve(&achievement(&customer, None, self.milestone(1), &[]))
            .await?;

        expect_statuses(&run, &[Achieved, Achieved, Pending])?;
        ensure(run.conversation_id.is_none(), || {
            format!("the run's conversationId is {:?}", run.conversation_id)
        })?;
        let runs = self.runs(&customer).await?;
        ensure(runs.runs.len() == 1, || {
            format!("{} runs without a conversation ID", runs.runs.len())
        })
    }

    async fn completed_when_nothing_pending(&self) -> Outcome {
        let customer = self.suite.customer_id("completing");
        let mut completed = Vec::new();
        for m in 0..3 {
            let body = achievement(&customer, Some("c1"), self.milestone(m), &[]);
            completed.push(self.achieve(&body).await?.completed);
        }
        ensure(completed == [false, false, true], || {
            format!("completed after each milestone: {completed:?}")
        })
    }

    async fn unknown_goal(&self) -> Outcome {
        let body = achievement("ada", None, self.milestone(0), &[]);
        let answer = self
            .suite
            .client()
            .post_json(&["goals", &self.suite.unknown_id(), "achievements"], &body)
            .await?;
        expect_error(&answer, StatusCode::NOT_FOUND, "not_found").map(drop)
    }

    /// Posts an achievement that must be refused with 422 at `path` with `code`, and checks
    /// that it recorded nothing.
    async fn refused(&self, customer: &str, body: &Value, path: &str, code: &str) -> Outcome {
        let answer = self
            .suite
            .client()
            .post_json(&["goals", &self.goal.id, "achievements"], body)
            .await?;
        expect_invalid_field(&answer, path, code)?;
        let runs = self.runs(customer).await?;
        ensure(runs.runs.is_empty(), || {
            "the refused achievement was recorded".to_string()
        })
    }

    async fn unknown_milestone(&self) -> Outcome {
        let customer = self.suite.customer_id("unknown-milestone");
        let body = achievement(&customer, None, "no-such-milestone", &[]);
        self.refused(&customer, &body, "milestoneId", "unknown")
            .await
    }

    async fn tracker_of_another_milestone(&self) -> Outcome {
        let customer = self.suite.customer_id("wrong-tracker");
        let phone = self.tracker(1, 0);
        let body = achievement(&customer, None, self.milestone(0), &[(phone, "0123")]);
        let path = format!("trackerValues.{phone}");
        self.refused(&customer, &body, &path, "unknown").await
    }

    async fn value_too_long(&self) -> Outcome {
        let customer = self.suite.customer_id("long-value");
        let email = self.tracker(0, 0);
        let long = "v".repeat(TRACKER_VALUE_MAX + 1);
        let body = achievement(&customer, None, self.milestone(0), &[(email, &long)]);
        let path = format!("trackerValues.{email}");
        self.refused(&customer, &body, &path, "too_long").await
    }

    async fn runs_newest_first(&self) -> Outcome {
        let customer = self.suite.customer_id("runs");
        for conversation in ["r1", "r2", "r3"] {
            let body = achievement(&customer, Some(conversation), self.milestone(0), &[]);
            self.achieve(&body).await?;
        }

        let runs = self.runs(&customer).await?;
        let conversations: Vec<Option<&str>> = runs
            .runs
            .iter()
            .map(|run| run.conversation_id.as_deref())
            .collect();
        ensure(
            conversations == [Some("r3"), Some("r2"), Some("r1")],
            || format!("runs in the order {conversations:?}"),
        )?;
        ensure(runs.customer_id == customer, || {
            format!("customerId is {:?}", runs.customer_id)
        })
    }

    async fn unknown_customer(&self) -> Outcome {
        let customer = self.suite.customer_id("never-seen");
        let runs = self.runs(&customer).await?;
        ensure(runs.customer_id == customer && runs.runs.is_empty(), || {
            format!("got {runs:?}")
        })
    }

    async fn customers_of_unknown_goal(&self) -> Outcome {
        let answer = self
            .suite
            .client()
            .get(&["goals", &self.suite.unknown_id(), "customers", "ada"])
            .await?;
        expect_error(&answer, StatusCode::NOT_FOUND, "not_found").map(drop)
    }
}

/// On a goal of its own, since it changes a Default Value the other checks rely on: a run
/// that skipped milestone 1 before the change keeps the old default, a run skipping it after
/// gets the new one.
async fn changed_default_applies_to_later_skips(suite: &Suite) -> Outcome {
    let goal = suite
        .create_goal(&funnel_draft(&suite.goal_name("changing defaults")))
        .await?;
    let [email, consent] = [0, 1].map(|t| goal.milestones[0].trackers[t].id.as_str());
    let phone_given = goal.milestones[1].id.as_str();
    let before = suite.customer_id("before-change");
    let after = suite.customer_id("after-change");

    achieve(
        suite,
        &goal.id,
        &achievement(&before, None, phone_given, &[]),
    )
    .await?;
    let mut edit = draft_of(&goal);
    edit["milestones"][0]["trackers"][0]["defaultValue"] = json!("NO_EMAIL");
    let answer = suite
        .client()
        .put_json(&["goals", &goal.id], Some(&if_match(&goal)), &edit)
        .await?;
    expect_status(&answer, StatusCode::OK)
        .map_err(|failure| fail(format!("changing the Default Value: {failure}")))?;
    let later = achieve(
        suite,
        &goal.id,
        &achievement(&after, None, phone_given, &[]),
    )
    .await?;

    expect_values(&later, 0, &[(email, "NO_EMAIL"), (consent, "NO")])?;
    let earlier = customer_runs(suite, &goal.id, &before).await?;
    let earlier = earlier
        .runs
        .first()
        .ok_or_else(|| fail("the run recorded before the change is gone"))?;
    expect_values(earlier, 0, &[(email, "NOT_PROVIDED"), (consent, "NO")])
}
