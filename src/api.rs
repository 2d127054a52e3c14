//! The one place that calls the Goals API. Every request goes through [`GoalsApi`], which
//! turns the API's JSON errors (DESIGN §4) into [`ApiError`] so screens never parse HTTP.

use std::fmt;

use chrono::NaiveDate;
use gloo_net::http::{Request, Response};
use goals_core::{
    AchievementInput, CustomerRuns, FieldError, Goal, GoalDraft, GoalPage, GoalReport, RunProgress,
};
use serde::Deserialize;

/// How many goals the dashboard asks for at a time.
pub const PAGE_SIZE: u32 = 25;

/// A client of one Goals API, identified by its base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalsApi {
    base: String,
}

/// What the listing asks for: a name search, a tag, and where the page starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalQuery {
    pub search: String,
    pub tag: String,
    pub cursor: Option<String>,
    pub limit: u32,
}

/// The files a goal's recorded values can be downloaded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    /// An Excel workbook: a sheet per milestone and one with the daily trend.
    Xlsx,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// Why a call to the API failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: the server is down, or the network is.
    Unreachable(String),
    /// The API answered with one of its JSON errors.
    Refused {
        status: u16,
        code: String,
        message: String,
        fields: Vec<FieldError>,
    },
    /// The goal changed since it was loaded (412); `current` is the newer version.
    VersionConflict { message: String, current: Box<Goal> },
    /// An answer that is not what the contract promises.
    UnexpectedAnswer { status: u16, detail: String },
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Unreachable(detail) => {
                write!(f, "The Goals API could not be reached ({detail}).")
            }
            ApiError::Refused { message, .. } | ApiError::VersionConflict { message, .. } => {
                write!(f, "{message}")
            }
            ApiError::UnexpectedAnswer { status, detail } => {
                write!(
                    f,
                    "The Goals API gave an unexpected answer (HTTP {status}: {detail})."
                )
            }
        }
    }
}

#[derive(Deserialize)]
struct ErrorEnvelope {
    error: ErrorBody,
}

#[derive(Deserialize)]
struct ErrorBody {
    code: String,
    message: String,
    #[serde(default)]
    fields: Vec<FieldError>,
    /// Only on 412: the goal as it is now.
    current: Option<Box<Goal>>,
}

impl GoalsApi {
    pub fn new(base: impl Into<String>) -> Self {
        GoalsApi { base: base.into() }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// One page of goals, newest update first.
    pub async fn list_goals(&self, query: &GoalQuery) -> Result<GoalPage, ApiError> {
        let limit = query.limit.to_string();
        let mut params = vec![("limit", limit.as_str())];
        if !query.search.trim().is_empty() {
            params.push(("q", query.search.trim()));
        }
        if !query.tag.trim().is_empty() {
            params.push(("tag", query.tag.trim()));
        }
        if let Some(cursor) = &query.cursor {
            params.push(("cursor", cursor));
        }
        let request = Request::get(&self.url("/goals")).query(params);
        decode(request.send().await, 200).await
    }

    /// One goal with its milestones and trackers.
    pub async fn get_goal(&self, id: &str) -> Result<Goal, ApiError> {
        decode(Request::get(&self.url(&goal_path(id))).send().await, 200).await
    }

    /// Creates a goal; the server assigns its ids.
    pub async fn create_goal(&self, draft: &GoalDraft) -> Result<Goal, ApiError> {
        let request = Request::post(&self.url("/goals"))
            .json(draft)
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        decode(request.send().await, 201).await
    }

    /// Replaces a goal under the editing rules, if it is still at `version`; otherwise the
    /// answer is [`ApiError::VersionConflict`] with the newer goal.
    pub async fn replace_goal(
        &self,
        id: &str,
        version: i64,
        draft: &GoalDraft,
    ) -> Result<Goal, ApiError> {
        let request = Request::put(&self.url(&goal_path(id)))
            .header("If-Match", &format!("\"{version}\""))
            .json(draft)
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        decode(request.send().await, 200).await
    }

    /// Deletes a goal and everything recorded for it.
    pub async fn delete_goal(&self, id: &str) -> Result<(), ApiError> {
        let response = Request::delete(&self.url(&goal_path(id)))
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        if response.status() == 204 {
            Ok(())
        } else {
            Err(refusal(response).await)
        }
    }

    /// The goal's analytics for the days `from` to `to`, both included (UTC).
    pub async fn report(
        &self,
        goal_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<GoalReport, ApiError> {
        let url = self.url(&format!("{}/report", goal_path(goal_id)));
        let request =
            Request::get(&url).query([("from", from.to_string()), ("to", to.to_string())]);
        decode(request.send().await, 200).await
    }

    /// Every run of one customer through the goal, newest first; none if never seen.
    pub async fn customer_runs(
        &self,
        goal_id: &str,
        customer_id: &str,
    ) -> Result<CustomerRuns, ApiError> {
        let path = format!("{}/customers/{}", goal_path(goal_id), encode(customer_id));
        decode(Request::get(&self.url(&path)).send().await, 200).await
    }

    /// Records that a run reached a milestone, as a journey's Goal node would, and answers
    /// with the run's progress after it.
    pub async fn record_achievement(
        &self,
        goal_id: &str,
        achievement: &AchievementInput,
    ) -> Result<RunProgress, ApiError> {
        let url = self.url(&format!("{}/achievements", goal_path(goal_id)));
        let request = Request::post(&url)
            .json(achievement)
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        decode(request.send().await, 200).await
    }

    /// Where the browser downloads the goal's recorded values for a range. Exports are
    /// streamed files, so the page links to them rather than fetching them.
    pub fn export_url(
        &self,
        goal_id: &str,
        format: ExportFormat,
        from: NaiveDate,
        to: NaiveDate,
    ) -> String {
        let path = format!("{}/export.{}", goal_path(goal_id), format.extension());
        format!("{}?from={from}&to={to}", self.url(&path))
    }
}

fn goal_path(id: &str) -> String {
    format!("/goals/{}", encode(id))
}

/// An id as one segment of a path: a customer ID may hold `/`, `?` or anything else.
fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}

async fn decode<T: for<'de> Deserialize<'de>>(
    sent: Result<Response, gloo_net::Error>,
    expected_status: u16,
) -> Result<T, ApiError> {
    let response = sent.map_err(|e| ApiError::Unreachable(e.to_string()))?;
    if response.status() != expected_status {
        return Err(refusal(response).await);
    }
    let status = response.status();
    response
        .json::<T>()
        .await
        .map_err(|e| ApiError::UnexpectedAnswer {
            status,
            detail: e.to_string(),
        })
}

/// Reads the API's JSON error; anything else (a proxy's HTML page, say) is unexpected.
async fn refusal(response: Response) -> ApiError {
    let status = response.status();
    match response.json::<ErrorEnvelope>().await {
        Ok(ErrorEnvelope {
            error:
                ErrorBody {
                    message,
                    current: Some(current),
                    ..
                },
        }) if status == 412 => ApiError::VersionConflict { message, current },
        Ok(ErrorEnvelope { error }) => ApiError::Refused {
            status,
            code: error.code,
            message: error.message,
            fields: error.fields,
        },
        Err(_) => ApiError::UnexpectedAnswer {
            status,
            detail: response.status_text(),
        },
    }
}
