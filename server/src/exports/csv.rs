//! The CSV export: one row per recorded milestone state (achieved or skipped), streamed to the
//! client page by page.
//!
//! A row per milestone state, rather than a row per tracker value, keeps together what one
//! achievement recorded and reads like the workbook's sheets: the fixed columns, then one
//! column per tracker of the goal (deleted trackers included, headed `<name> (deleted)`),
//! filled for the trackers of the row's milestone and empty for the others.
//!
//! Quoting is the `csv` crate's. Text that a spreadsheet would take for a formula is defused,
//! see [`defused`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::time::Instant;

use axum::body::{Body, Bytes};
use chrono::SecondsFormat;
use futures_util::stream;
use goals_core::DateRange;
use sqlx::SqlitePool;

use super::ExportError;
use super::layout::{ExportLayout, unique_headings};
use super::rows::{self, RecordPosition, RecordedState};

/// The columns before the trackers'.
const FIXED_HEADINGS: [&str; 7] = [
    "Date-time (UTC)",
    "Milestone",
    "Customer ID",
    "Conversation ID",
    "Source type",
    "Source value",
    "Status",
];

/// Where the stream stands: the heading row comes first, then pages until one is short.
enum Progress {
    Heading,
    After(Option<RecordPosition>),
    Done,
}

/// What the stream carries from page to page.
struct CsvExport {
    pool: SqlitePool,
    layout: ExportLayout,
    range: DateRange,
    /// Tracker ids in column order.
    tracker_ids: Vec<String>,
    /// Milestone names by id, for the Milestone column.
    milestone_names: HashMap<String, String>,
    rows_written: u64,
    started: Instant,
}

/// The export of `layout`'s goal over `range` as a response body. Nothing is read until the
/// client reads: each poll of the body reads one page, so a slow client holds one page at a
/// time, not the export.
///
/// A failure after the first bytes can no longer change the status, so it ends the body with
/// an error; the client sees the transfer break rather than a file that looks complete.
pub fn csv_body(pool: SqlitePool, layout: ExportLayout, range: DateRange) -> Body {
    let tracker_ids = layout
        .milestones
        .iter()
        .flat_map(|milestone| milestone.trackers.iter().map(|tracker| tracker.id.clone()))
        .collect();
    let milestone_names = layout
        .milestones
        .iter()
        .map(|milestone| (milestone.id.clone(), milestone.name.clone()))
        .collect();
    let export = CsvExport {
        pool,
        layout,
        range,
        tracker_ids,
        milestone_names,
        rows_written: 0,
        started: Instant::now(),
    };

    let chunks = stream::try_unfold(
        (export, Progress::Heading),
        |(mut export, progress)| async move {
            let (chunk, progress) = match progress {
                Progress::Heading => (export.heading()?, Progress::After(None)),
                Progress::After(after) => export.next_page(after).await?,
                Progress::Done => return Ok(None),
            };
            Ok::<_, ExportError>(Some((chunk, (export, progress))))
        },
    );
    Body::from_stream(chunks)
}

impl CsvExport {
    fn heading(&self) -> Result<Bytes, ExportError> {
        let trackers: Vec<(&str, String)> = self
            .layout
            .milestones
            .iter()
            .flat_map(|milestone| {
                milestone
                    .trackers
                    .iter()
                    .map(|tracker| (milestone.name.as_str(), tracker.heading()))
            })
            .collect();
        let headings = unique_headings(&FIXED_HEADINGS, &trackers);

        let mut writer = ::csv::Writer::from_writer(Vec::new());
        let record: Vec<Cow<'_, str>> = FIXED_HEADINGS
            .iter()
            .map(|heading| Cow::Borrowed(*heading))
            .chain(headings.iter().map(|heading| defused(heading)))
            .collect();
        writer.write_record(record.iter().map(|cell| cell.as_bytes()))?;
        finish(writer)
    }

    /// The rows of the page after `after`, and what follows them.
    async fn next_page(
        &mut self,
        after: Option<RecordPosition>,
    ) -> Result<(Bytes, Progress), ExportError> {
        let page = rows::page_after(&self.pool, &self.layout.goal_id, &self.range, after)
            .await
            .inspect_err(|error| {
                tracing::error!(goal_id = %self.layout.goal_id, %error, "CSV export failed");
            })?;

        let mut writer = ::csv::Writer::from_writer(Vec::new());
        for state in &page {
            let row = self.row(state);
            writer.write_record(row.iter().map(|cell| cell.as_bytes()))?;
        }
        self.rows_written += page.len() as u64;

        let progress = match page.last() {
            Some(last) if rows::is_full(page.len()) => Progress::After(Some(last.position)),
            _ => {
                tracing::info!(
                    goal_id = %self.layout.goal_id,
                    from = %self.range.from(),
                    to = %self.range.to(),
                    rows = self.rows_written,
                    elapsed_ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
                    "CSV export sent"
                );
                Progress::Done
            }
        };
        Ok((finish(writer)?, progress))
    }

    fn row<'a>(&'a self, state: &'a RecordedState) -> Vec<Cow<'a, str>> {
        let milestone = self
            .milestone_names
            .get(&state.milestone_id)
            .map_or("", String::as_str);
        let fixed = [
            Cow::Owned(
                state
                    .recorded_at
                    .to_rfc3339_opts(SecondsFormat::Micros, true),
            ),
            defused(milestone),
            defused(&state.customer_id),
            defused(&state.conversation_id),
            defused(state.source_type.as_deref().unwrap_or_default()),
            defused(state.source_value.as_deref().unwrap_or_default()),
            Cow::Borrowed(state.status.as_str()),
        ];
        let values = self.tracker_ids.iter().map(|tracker_id| {
            state
                .tracker_values
                .get(tracker_id)
                .map_or(Cow::Borrowed(""), |value| defused(value))
        });
        fixed.into_iter().chain(values).collect()
    }
}

fn finish(writer: ::csv::Writer<Vec<u8>>) -> Result<Bytes, ExportError> {
    writer
        .into_inner()
        .map(Bytes::from)
        .map_err(|error| ExportError::Io(error.into_error()))
}

/// `cell` made safe to open in a spreadsheet: text starting with `=`, `+`, `-` or `@` (or a
/// tab or carriage return, which some spreadsheets skip before reading a formula) is
/// prefixed with an apostrophe, so that a customer who typed `=HYPERLINK(...)` as their email
/// address cannot make the file run a formula on the machine of whoever opens it (CSV
/// injection). Spreadsheets show the apostrophe-prefixed text as the text itself; a program
/// reading the file sees the apostrophe, which is the accepted price of the guard. It applies
/// to every cell a user wrote, headings included.
pub fn defused(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::defused;

    #[test]
    fn formulas_are_defused_and_plain_text_is_left_alone() {
        assert_eq!(defused("=1+2"), "'=1+2");
        assert_eq!(defused("+33 6 12"), "'+33 6 12");
        assert_eq!(defused("-5"), "'-5");
        assert_eq!(defused("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defused("\t=1"), "'\t=1");
        assert_eq!(defused("ada@example.com"), "ada@example.com");
        assert_eq!(defused(""), "");
    }
}
