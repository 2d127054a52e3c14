//! Requests of the runs and report endpoints, a goal shaped like a sales funnel, and the ids
//! of a stored goal by position, so scenarios read like the product.

use reqwest::{Response, StatusCode};
use serde_json::{Map, Value, json};

use super::TestServer;

/// A goal of three milestones: "Email given" (trackers Email Address, default
/// `NOT_PROVIDED`, and Consent, default `NO`), "Phone given" (Phone Number, `NO_PHONE`) and
/// "Call booked" (Slot, `NONE`).
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

/// The ids of a stored goal: `milestones[m]`, and `trackers[m][t]` for tracker `t` of
/// milestone `m`.
#[derive(Debug, Clone)]
pub struct GoalIds {
    pub goal: String,
    pub milestones: Vec<String>,
    pub trackers: Vec<Vec<String>>,
}

pub fn ids_of(goal: &Value) -> GoalIds {
    let text = |value: &Value| value.as_str().unwrap().to_string();
    let milestones = goal["milestones"].as_array().unwrap();
    GoalIds {
        goal: text(&goal["id"]),
        milestones: milestones.iter().map(|m| text(&m["id"])).collect(),
        trackers: milestones
            .iter()
            .map(|m| {
                let trackers = m["trackers"].as_array().unwrap();
                trackers.iter().map(|t| text(&t["id"])).collect()
            })
            .collect(),
    }
}

/// An achievement body; `values` are `(tracker id, value)` pairs.
pub fn achievement(
    customer_id: &str,
    conversation_id: Option<&str>,
    milestone_id: &str,
    values: &[(&str, &str)],
) -> Value {
    let tracker_values: Map<String, Value> = values
        .iter()
        .map(|(tracker, value)| (tracker.to_string(), json!(value)))
        .collect();
    let mut body = json!({
        "customerId": customer_id,
        "milestoneId": milestone_id,
        "trackerValues": tracker_values,
    });
    if let Some(conversation_id) = conversation_id {
        body["conversationId"] = json!(conversation_id);
    }
    body
}

/// The statuses of a run's milestones, in goal order.
pub fn statuses(run: &Value) -> Vec<String> {
    run["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|milestone| milestone["status"].as_str().unwrap().to_string())
        .collect()
}

impl TestServer {
    pub async fn post_achievement(&self, goal_id: &str, body: &Value) -> Response {
        self.client
            .post(self.api(&format!("/goals/{goal_id}/achievements")))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Records an achievement that must be accepted, and returns the run's progress.
    pub async fn achieve(&self, goal_id: &str, body: &Value) -> Value {
        let response = self.post_achievement(goal_id, body).await;
        assert_eq!(response.status(), StatusCode::OK, "recording {body}");
        response.json().await.unwrap()
    }

    pub async fn get_customer_runs(&self, goal_id: &str, customer_id: &str) -> Response {
        let mut url =
            reqwest::Url::parse(&self.api(&format!("/goals/{goal_id}/customers/"))).unwrap();
        url.path_segments_mut()
            .unwrap()
            .pop_if_empty()
            .push(customer_id);
        self.client.get(url).send().await.unwrap()
    }

    /// The customer's runs of the goal, which must exist.
    pub async fn customer_runs(&self, goal_id: &str, customer_id: &str) -> Value {
        let response = self.get_customer_runs(goal_id, customer_id).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    pub async fn get_report(&self, goal_id: &str, query: &[(&str, &str)]) -> Response {
        self.client
            .get(self.api(&format!("/goals/{goal_id}/report")))
            .query(query)
            .send()
            .await
            .unwrap()
    }

    /// The report of the goal, which must be given.
    pub async fn report(&self, goal_id: &str, query: &[(&str, &str)]) -> Value {
        let response = self.get_report(goal_id, query).await;
        assert_eq!(response.status(), StatusCode::OK, "report {query:?}");
        response.json().await.unwrap()
    }
}
