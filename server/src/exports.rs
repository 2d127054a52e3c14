//! Exports of a goal's records (DESIGN §2 "Export", §4): every milestone state recorded in a
//! range of days, with the tracker values it took, as CSV or as an Excel workbook, for
//! builders who analyse their runs elsewhere.
//!
//! Both read the records in pages in time order (see [`rows`]), so a long range costs time,
//! not memory: the CSV is produced page by page as the client reads it, and the workbook is
//! written in constant-memory mode to a temporary file that is then streamed. The range is the
//! report's (a year at most, the last seven days by default), refused in the same words.

mod csv;
mod layout;
mod rows;
mod trend;
mod xlsx;

use std::io;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use goals_core::DateRange;
use serde::Deserialize;
use tokio_util::io::ReaderStream;

use self::layout::{ExportLayout, load_layout};
use crate::app::AppState;
use crate::error::ApiError;
use crate::extract::{ApiPath, ApiQuery};

/// The export routes, relative to the API's base path.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/goals/{id}/export.csv", get(export_csv))
        .route("/goals/{id}/export.xlsx", get(export_xlsx))
}

/// Why an export failed on the server's side; the client is told only that it did.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot read the records: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// Writing the temporary file, or a buffer.
    #[error("cannot write the export: {0}")]
    Io(#[from] io::Error),
    #[error("the workbook writer stopped: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// The query of both exports, as the report reads it.
#[derive(Debug, Default, Deserialize)]
struct RangeParams {
    from: Option<String>,
    to: Option<String>,
}

const CSV_TYPE: &str = "text/csv; charset=utf-8";
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Records are customers' answers: no shared cache should keep a copy.
const NO_STORE: &str = "private, no-store";

/// `GET /goals/{id}/export.csv`: one row per recorded milestone state in the range, streamed.
async fn export_csv(
    State(state): State<AppState>,
    ApiPath(goal_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> Result<Response, ApiError> {
    let (layout, range) = prepare(&state, &goal_id, params).await?;
    let disposition = attachment(&layout, &range, "csv");
    let body = csv::csv_body(state.pool().clone(), layout, range);
    let headers = [
        (header::CONTENT_TYPE, CSV_TYPE.to_string()),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, NO_STORE.to_string()),
    ];
    Ok((headers, body).into_response())
}

/// `GET /goals/{id}/export.xlsx`: the workbook, written whole before the first byte is sent
/// (a zip file's directory comes last), then streamed from its temporary file.
async fn export_xlsx(
    State(state): State<AppState>,
    ApiPath(goal_id): ApiPath<String>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> Result<Response, ApiError> {
    let (layout, range) = prepare(&state, &goal_id, params).await?;
    let disposition = attachment(&layout, &range, "xlsx");

    let started = std::time::Instant::now();
    let workbook = xlsx::write_workbook(state.pool(), layout, range).await?;
    tracing::info!(
        goal_id = %goal_id,
        from = %range.from(),
        to = %range.to(),
        bytes = workbook.len,
        elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        "workbook export written"
    );

    let file = tokio::fs::File::from_std(workbook.file);
    let headers = [
        (header::CONTENT_TYPE, XLSX_TYPE.to_string()),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CONTENT_LENGTH, workbook.len.to_string()),
        (header::CACHE_CONTROL, NO_STORE.to_string()),
    ];
    Ok((headers, Body::from_stream(ReaderStream::new(file))).into_response())
}

/// The checked range and the goal's layout; 400 for a range the report would refuse, 404 for
/// a goal that does not exist.
async fn prepare(
    state: &AppState,
    goal_id: &str,
    params: RangeParams,
) -> Result<(ExportLayout, DateRange), ApiError> {
    let today = state.now().date_naive();
    let range = DateRange::from_query(params.from.as_deref(), params.to.as_deref(), today)?;
    let layout = load_layout(state.pool(), goal_id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(goal_id))?;
    Ok((layout, range))
}

/// `attachment; filename="<goal-name-slug>-<from>-<to>.<extension>"`.
fn attachment(layout: &ExportLayout, range: &DateRange, extension: &str) -> String {
    format!(
        "attachment; filename=\"{}-{}-{}.{extension}\"",
        slug(&layout.goal_name),
        range.from(),
        range.to()
    )
}

/// The longest a file name's slug gets, so a 100-character goal name still makes a file name
/// every system accepts.
const SLUG_MAX: usize = 60;

/// `name` as lowercase ASCII letters and digits joined by single hyphens ("Lead captured!" is
/// `lead-captured`), which is safe in a header and on any file system; `goal` when nothing
/// of the name is left.
fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(SLUG_MAX);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "goal".to_string()
    } else {
        slug.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn goal_names_become_file_name_slugs() {
        assert_eq!(slug("Lead captured"), "lead-captured");
        assert_eq!(slug("  Q3: \"Big\" push / EMEA!  "), "q3-big-push-emea");
        assert_eq!(slug("Café crème"), "caf-cr-me");
        assert_eq!(slug("日本語"), "goal");
        assert_eq!(slug(&"a b ".repeat(50)).len(), 59);
    }
}
