//! The one place that calls the Goals API. Every request goes through [`GoalsApi`], which
//! turns the API's JSON errors (DESIGN §4) into [`ApiError`] so screens never parse HTTP.
//!
//! A server started with tokens wants one on every call: the token the user entered (see
//! [`crate::access`]) is sent as `Authorization: Bearer …`, and a 401 is announced to the
//! page so that it can ask for one.

use std::fmt;

use chrono::NaiveDate;
use gloo_net::http::{Method, RequestBuilder, Response};
use goals_core::{
    AchievementInput, CustomerRuns, FieldError, Goal, GoalDraft, GoalPage, GoalReport, RunProgress,
};
use serde::Deserialize;

use crate::access;

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

    /// A request to `path`, carrying the stored token if there is one.
    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let request = RequestBuilder::new(&self.url(path)).method(method);
        match access::stored_token() {
            Some(token) => request.header("Authorization", &format!("Bearer {token}")),
            None => request,
        }
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
        let request = self.request(Method::GET, "/goals").query(params);
        decode(request.send().await, 200).await
    }

    /// One goal with its milestones and trackers.
    pub async fn get_goal(&self, id: &str) -> Result<Goal, ApiError> {
        decode(self.request(Method::GET, &goal_path(id)).send().await, 200).await
    }

    /// Creates a goal; the server assigns its ids.
    pub async fn create_goal(&self, draft: &GoalDraft) -> Result<Goal, ApiError> {
        let request = self
            .request(Method::POST, "/goals")
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
        let request = self
            .request(Method::PUT, &goal_path(id))
            .header("If-Match", &format!("\"{version}\""))
            .json(draft)
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        decode(request.send().await, 200).await
    }

    /// Deletes a goal and everything recorded for it.
    pub async fn delete_goal(&self, id: &str) -> Result<(), ApiError> {
        let response = self
            .request(Method::DELETE, &goal_path(id))
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
        let path = format!("{}/report", goal_path(goal_id));
        let request = self
            .request(Method::GET, &path)
            .query([("from", from.to_string()), ("to", to.to_string())]);
        decode(request.send().await, 200).await
    }

    /// Every run of one customer through the goal, newest first; none if never seen.
    pub async fn customer_runs(
        &self,
        goal_id: &str,
        customer_id: &str,
    ) -> Result<CustomerRuns, ApiError> {
        let path = format!("{}/customers/{}", goal_path(goal_id), encode(customer_id));
        decode(self.request(Method::GET, &path).send().await, 200).await
    }

    /// Records that a run reached a milestone, as a journey's Goal node would, and answers
    /// with the run's progress after it.
    pub async fn record_achievement(
        &self,
        goal_id: &str,
        achievement: &AchievementInput,
    ) -> Result<RunProgress, ApiError> {
        let path = format!("{}/achievements", goal_path(goal_id));
        let request = self
            .request(Method::POST, &path)
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

impl GoalsApi {
    /// The export at `url` (from [`GoalsApi::export_url`]) fetched with the stored token, for
    /// a server that wants one: a plain link cannot send it. Answers the file and its name.
    pub async fn download_export(&self, url: &str) -> Result<(web_sys::Blob, String), ApiError> {
        let mut request = RequestBuilder::new(url);
        if let Some(token) = access::stored_token() {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        if response.status() != 200 {
            return Err(refusal(response).await);
        }
        let name = response
            .headers()
            .get("content-disposition")
            .and_then(|disposition| attachment_name(&disposition))
            .unwrap_or_else(|| "export".to_string());
        let status = response.status();
        let unexpected = |detail: String| ApiError::UnexpectedAnswer { status, detail };
        let blob = web_sys::Response::from(response)
            .blob()
            .map_err(|_| unexpected("the export cannot be read".to_string()))?;
        let blob = wasm_bindgen_futures::JsFuture::from(blob)
            .await
            .map_err(|_| unexpected("the export was cut off".to_string()))?;
        Ok((blob.into(), name))
    }
}

/// The `filename` of `attachment; filename="…"`.
fn attachment_name(disposition: &str) -> Option<String> {
    let (_, rest) = disposition.split_once("filename=\"")?;
    let (name, _) = rest.split_once('"')?;
    (!name.is_empty()).then(|| name.to_string())
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
    if status == 401 {
        access::announce_unauthorized();
    }
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
