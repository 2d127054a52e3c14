//! The workbook export: a "Trend" sheet with the daily numbers per milestone, then one sheet
//! per milestone with a row per recorded state (achieved or skipped).
//!
//! Every sheet is written in rust_xlsxwriter's constant-memory mode: a row goes to the sheet's
//! temporary file as soon as the next row is started, so memory holds a row per sheet, not
//! the export. That asks for rows in order, which the records' time order gives each sheet.
//! The writing is blocking work, done on a blocking thread fed page by page through a short
//! channel; the finished workbook is a temporary file, streamed to the client and gone once
//! closed.
//!
//! Text is written as strings, never as formulas, so a tracker value such as `=1+2` stays
//! text in the workbook: no defusing is needed here, unlike the CSV export.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{Seek, SeekFrom};

use chrono::{DateTime, NaiveDate, Utc};
use goals_core::{DateRange, TrendDay};
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use sqlx::SqlitePool;
use tokio::sync::mpsc;

use super::ExportError;
use super::layout::{ExportLayout, MilestoneColumns, unique_headings};
use super::rows::{self, RecordPosition, RecordedState};
use super::trend::daily_trend;

/// The fixed columns of a milestone's sheet, before its trackers'.
const FIXED_HEADINGS: [&str; 6] = [
    "Date-time (UTC)",
    "Customer ID",
    "Conversation ID",
    "Source type",
    "Source value",
    "Status",
];

const TREND_SHEET: &str = "Trend";

/// Pages waiting for the writer: enough to keep both sides busy, few enough to bound memory.
const PAGES_IN_FLIGHT: usize = 2;

/// Excel's limit of rows a sheet, heading included. A milestone with more records in the
/// range continues on sheets named `<name> (2)`, `<name> (3)`, ...
const SHEET_ROWS_MAX: u32 = 1_048_576;

/// Excel's limit on a sheet name's length, in UTF-16 units.
const SHEET_NAME_MAX: usize = 31;

/// Days from Excel's day zero (1899-12-30, counting its phantom 1900-02-29) to 1970-01-01.
const EXCEL_UNIX_EPOCH_DAYS: f64 = 25_569.0;

const MICROS_A_DAY: f64 = 86_400_000_000.0;

/// The finished workbook, at the start of its temporary file.
pub struct WorkbookFile {
    pub file: File,
    pub len: u64,
}

/// Writes the export of `layout`'s goal over `range` to a temporary file.
pub async fn write_workbook(
    pool: &SqlitePool,
    layout: ExportLayout,
    range: DateRange,
) -> Result<WorkbookFile, ExportError> {
    let trend = daily_trend(pool, &layout, &range).await?;
    let goal_id = layout.goal_id.clone();
    let (pages, received) = mpsc::channel(PAGES_IN_FLIGHT);
    let writer = tokio::task::spawn_blocking(move || write_sheets(&layout, &trend, received));

    let read = send_pages(pool, &goal_id, &range, pages).await;
    let written = writer.await?;
    read?;
    written
}

/// Reads the records page by page into `pages`, until the last page or until the writer has
/// stopped (its own error is then the one to report).
async fn send_pages(
    pool: &SqlitePool,
    goal_id: &str,
    range: &DateRange,
    pages: mpsc::Sender<Vec<RecordedState>>,
) -> Result<(), ExportError> {
    let mut after: Option<RecordPosition> = None;
    loop {
        let page = rows::page_after(pool, goal_id, range, after).await?;
        let full = rows::is_full(page.len());
        after = page.last().map(|state| state.position);
        if page.is_empty() || pages.send(page).await.is_err() || !full {
            return Ok(());
        }
    }
}

/// The blocking half: lays out the sheets, writes each page as it arrives, then saves.
fn write_sheets(
    layout: &ExportLayout,
    trend: &[TrendDay],
    mut pages: mpsc::Receiver<Vec<RecordedState>>,
) -> Result<WorkbookFile, ExportError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let mut names = SheetNames::default();

    let trend_name = names.claim(TREND_SHEET, TREND_SHEET);
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(trend_name)?;
    write_trend(sheet, layout, trend, &formats)?;

    let mut sheets = HashMap::new();
    for (position, milestone) in layout.milestones.iter().enumerate() {
        let fallback = format!("Milestone {}", position + 1);
        let mut sheet = MilestoneSheet::new(milestone, &fallback);
        sheet.start(&mut workbook, &mut names, &formats)?;
        sheets.insert(milestone.id.as_str(), sheet);
    }

    while let Some(page) = pages.blocking_recv() {
        for state in &page {
            // A milestone added to the goal after the export started has no sheet; its
            // records are left for the next export.
            if let Some(sheet) = sheets.get_mut(state.milestone_id.as_str()) {
                sheet.write(&mut workbook, &mut names, &formats, state)?;
            }
        }
    }

    let mut file = tempfile::tempfile()?;
    workbook.save_to_writer(&mut file)?;
    let len = file.seek(SeekFrom::End(0))?;
    file.seek(SeekFrom::Start(0))?;
    Ok(WorkbookFile { file, len })
}

/// The cell formats, made once for the whole workbook.
struct Formats {
    heading: Format,
    date_time: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            heading: Format::new().set_bold(),
            date_time: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// The Trend sheet: a row per day, and per milestone two columns, achieved and unique users.
fn write_trend(
    sheet: &mut Worksheet,
    layout: &ExportLayout,
    trend: &[TrendDay],
    formats: &Formats,
) -> Result<(), ExportError> {
    let mut headings = vec!["Date".to_string()];
    for milestone in &layout.milestones {
        headings.push(format!("{}: Achieved", milestone.name));
        headings.push(format!("{}: Unique users", milestone.name));
    }
    write_headings(sheet, &headings, formats)?;
    sheet.set_column_width(0, 12)?;

    for (row, day) in (1u32..).zip(trend) {
        match excel_date(day.date) {
            Some(serial) => sheet.write_number_with_format(row, 0, serial, &formats.date)?,
            None => sheet.write_string(row, 0, day.date.to_string())?,
        };
        for (column, point) in (1u16..).step_by(2).zip(&day.milestones) {
            sheet.write_number(row, column, point.achieved as f64)?;
            sheet.write_number(row, column + 1, point.unique_users as f64)?;
        }
    }
    Ok(())
}

/// One milestone's sheet (and its continuations, past Excel's row limit) as it is filled.
struct MilestoneSheet {
    /// The name the sheet is named after, and its continuations too.
    wanted_name: String,
    fallback_name: String,
    headings: Vec<String>,
    tracker_ids: Vec<String>,
    /// Where the sheet being filled is in the workbook, once it is started.
    index: usize,
    next_row: u32,
}

impl MilestoneSheet {
    fn new(milestone: &MilestoneColumns, fallback_name: &str) -> MilestoneSheet {
        let trackers: Vec<(&str, String)> = milestone
            .trackers
            .iter()
            .map(|tracker| (milestone.name.as_str(), tracker.heading()))
            .collect();
        let mut headings: Vec<String> = FIXED_HEADINGS.iter().map(|h| h.to_string()).collect();
        headings.extend(unique_headings(&FIXED_HEADINGS, &trackers));
        MilestoneSheet {
            wanted_name: milestone.name.clone(),
            fallback_name: fallback_name.to_string(),
            headings,
            tracker_ids: milestone.trackers.iter().map(|t| t.id.clone()).collect(),
            index: 0,
            next_row: 0,
        }
    }

    /// Adds a sheet for the milestone, or for the continuation of a full one, with headings.
    fn start(
        &mut self,
        workbook: &mut Workbook,
        names: &mut SheetNames,
        formats: &Formats,
    ) -> Result<(), ExportError> {
        let name = names.claim(&self.wanted_name, &self.fallback_name);
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        sheet.set_column_width(0, 20)?;
        sheet.set_column_range_width(1, 5, 18)?;
        write_headings(sheet, &self.headings, formats)?;
        self.index = workbook.worksheets().len().saturating_sub(1);
        self.next_row = 1;
        Ok(())
    }

    fn write(
        &mut self,
        workbook: &mut Workbook,
        names: &mut SheetNames,
        formats: &Formats,
        state: &RecordedState,
    ) -> Result<(), ExportError> {
        if self.next_row >= SHEET_ROWS_MAX {
            self.start(workbook, names, formats)?;
        }
        let row = self.next_row;
        let sheet = workbook.worksheet_from_index(self.index)?;

        match excel_date_time(state.recorded_at) {
            Some(serial) => sheet.write_number_with_format(row, 0, serial, &formats.date_time)?,
            None => sheet.write_string(row, 0, state.recorded_at.to_rfc3339())?,
        };
        let texts = [
            Some(state.customer_id.as_str()),
            Some(state.conversation_id.as_str()),
            state.source_type.as_deref(),
            state.source_value.as_deref(),
            Some(state.status.as_str()),
        ];
        let values = self
            .tracker_ids
            .iter()
            .map(|tracker_id| state.tracker_values.get(tracker_id).map(String::as_str));
        for (column, text) in (1u16..).zip(texts.into_iter().chain(values)) {
            if let Some(text) = text.filter(|text| !text.is_empty()) {
                sheet.write_string(row, column, text)?;
            }
        }
        self.next_row += 1;
        Ok(())
    }
}

/// The heading row, in bold.
fn write_headings(
    sheet: &mut Worksheet,
    headings: &[String],
    formats: &Formats,
) -> Result<(), ExportError> {
    for (column, heading) in (0u16..).zip(headings) {
        sheet.write_string_with_format(0, column, heading, &formats.heading)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The names given so far, so that each sheet gets one Excel accepts and no other sheet has.
#[derive(Default)]
struct SheetNames {
    /// Lowercased: Excel compares sheet names ignoring case.
    taken: HashSet<String>,
}

impl SheetNames {
    /// `wanted` made a valid, unused sheet name: of the characters Excel refuses, slashes
    /// become `-` and `[]:*?` spaces (runs of spaces then count as one), apostrophes and
    /// spaces at either end go, the name is cut to 31 characters,
    /// and a name already taken gets ` (2)`, ` (3)`, ... `fallback` stands in for a name
    /// that is left empty.
    fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let replaced: String = wanted
            .chars()
            .map(|c| match c {
                '/' | '\\' => '-',
                '[' | ']' | ':' | '*' | '?' => ' ',
                c => c,
            })
            .collect();
        let cleaned = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
        let cleaned = trim_name(&cleaned);
        let base = if cleaned.is_empty() {
            fallback
        } else {
            cleaned
        };

        let mut candidate = trim_name(cut(base, SHEET_NAME_MAX)).to_string();
        let mut number = 2;
        // "History" is reserved by Excel for its change tracking.
        while candidate.is_empty()
            || candidate.eq_ignore_ascii_case("history")
            || self.taken.contains(&candidate.to_lowercase())
        {
            let suffix = format!(" ({number})");
            let room = SHEET_NAME_MAX - suffix.len();
            candidate = format!("{}{suffix}", trim_name(cut(base, room)));
            number += 1;
        }
        self.taken.insert(candidate.to_lowercase());
        candidate
    }
}

/// Excel refuses a sheet name that starts or ends with an apostrophe.
fn trim_name(name: &str) -> &str {
    name.trim_matches(|c: char| c == '\'' || c.is_whitespace())
}

/// The longest start of `text` that fits in `max` UTF-16 units, the unit Excel counts in.
fn cut(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (index, character) in text.char_indices() {
        units += character.len_utf16();
        if units > max {
            return &text[..index];
        }
    }
    text
}

/// `time` as an Excel date-time serial number (days since Excel's day zero, UTC); `None`
/// before 1900-03-01, where Excel's serials are not reliable.
fn excel_date_time(time: DateTime<Utc>) -> Option<f64> {
    let serial = EXCEL_UNIX_EPOCH_DAYS + time.timestamp_micros() as f64 / MICROS_A_DAY;
    (serial >= 61.0).then_some(serial)
}

fn excel_date(date: NaiveDate) -> Option<f64> {
    excel_date_time(date.and_time(chrono::NaiveTime::MIN).and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_lose_the_characters_excel_refuses() {
        let mut names = SheetNames::default();
        assert_eq!(
            names.claim("Paid? [card/cash]: *ok*", "x"),
            "Paid card-cash ok"
        );
        assert_eq!(names.claim("'quoted'", "x"), "quoted");
    }

    #[test]
    fn sheet_names_are_cut_to_31_characters() {
        let mut names = SheetNames::default();
        let long = "A milestone whose name goes on and on";
        assert_eq!(names.claim(long, "x"), "A milestone whose name goes on");
    }

    #[test]
    fn sheet_names_are_unique_ignoring_case() {
        let mut names = SheetNames::default();
        assert_eq!(names.claim("Trend", "x"), "Trend");
        assert_eq!(names.claim("trend", "x"), "trend (2)");
        assert_eq!(names.claim("TREND", "x"), "TREND (3)");
        let long = "A milestone whose name goes on and on";
        assert_eq!(names.claim(long, "x"), "A milestone whose name goes on");
        assert_eq!(names.claim(long, "x"), "A milestone whose name goes (2)");
    }

    #[test]
    fn an_empty_or_reserved_sheet_name_is_replaced() {
        let mut names = SheetNames::default();
        assert_eq!(names.claim("???", "Milestone 3"), "Milestone 3");
        assert_eq!(names.claim("''", "Milestone 3"), "Milestone 3 (2)");
        assert_eq!(names.claim("History", "x"), "History (2)");
    }

    #[test]
    fn times_become_excel_serial_numbers() {
        let noon = DateTime::parse_from_rfc3339("2024-01-01T12:00:00Z").unwrap();
        assert_eq!(excel_date_time(noon.with_timezone(&Utc)), Some(45_292.5));
        let old = NaiveDate::from_ymd_opt(1899, 1, 1).unwrap();
        assert_eq!(excel_date(old), None);
    }
}
