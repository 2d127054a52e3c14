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

use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use goals_core::DateRange;
use tokio_util::io::ReaderStream;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use self::layout::{ExportLayout, load_layout};
use crate::app::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::reports::RangeParams;

/// The export routes, relative to the API's base path, each with its OpenAPI operation.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(export_csv))
        .routes(routes!(export_xlsx))
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

const CSV_TYPE: &str = "text/csv; charset=utf-8";
const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Records are customers' answers: no shared cache should keep a copy.
const NO_STORE: &str = "private, no-store";

/// Every milestone state recorded in a range of days, one CSV row each, streamed.
///
/// A row holds the time, milestone, customer ID, conversation ID, source, status and one
/// column per tracker of the goal. The range is the report's.
#[utoipa::path(
    get,
    path = "/goals/{id}/export.csv",
    tag = "exports",
    params(("id" = String, Path, description = "The goal's id"), RangeParams),
    responses(
        (status = 200, description = "The records as CSV", content((String = "text/csv")), headers(
            ("Content-Disposition" = String,
                description = "`attachment; filename=\"<goal>-<from>-<to>.csv\"`"),
            ("Cache-Control" = String, description = "`private, no-store`"),
        )),
        (status = 400, body = ErrorBody, description = "`bad_request`: a date that is not \
            `YYYY-MM-DD`, `from` after `to`, or a range over 366 days"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
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

/// The records of a range of days as an Excel workbook: a sheet per milestone and a sheet
/// with the daily trend.
///
/// The workbook is written whole before the first byte is sent (a zip file's directory comes
/// last), then streamed from its temporary file.
#[utoipa::path(
    get,
    path = "/goals/{id}/export.xlsx",
    tag = "exports",
    params(("id" = String, Path, description = "The goal's id"), RangeParams),
    responses(
        (status = 200, description = "The workbook", content(
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        ), headers(
            ("Content-Disposition" = String,
                description = "`attachment; filename=\"<goal>-<from>-<to>.xlsx\"`"),
            ("Content-Length" = u64, description = "The workbook's size in bytes"),
            ("Cache-Control" = String, description = "`private, no-store`"),
        )),
        (status = 400, body = ErrorBody, description = "`bad_request`: a date that is not \
            `YYYY-MM-DD`, `from` after `to`, or a range over 366 days"),
        (status = 404, body = ErrorBody, description = "`not_found`: no goal has this id"),
        (status = 500, body = ErrorBody, description = "`internal`: the server failed"),
    )
)]
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
