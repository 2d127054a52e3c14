//! The days a report covers, typed as a start and an end date. The report follows only a
//! range the API accepts (goals-core's [`DateRange`]): while the dates are reversed, too far
//! apart or half-typed, the page says why and asks the API nothing.

use chrono::NaiveDate;
use goals_core::{DateRange, DateRangeError};
use leptos::prelude::*;

use crate::time_ago::now;
use crate::unique_key::unique_key;

/// The two date fields as typed (`YYYY-MM-DD`, or empty while cleared), and the range they
/// describe.
#[derive(Clone, Copy)]
pub struct DateFields {
    start: RwSignal<String>,
    end: RwSignal<String>,
    chosen: Memo<Result<DateRange, String>>,
}

impl DateFields {
    /// Today (UTC, as the API counts days) and the six days before it.
    pub fn last_seven_days() -> Self {
        let week = DateRange::week_ending(now().date_naive());
        let start = RwSignal::new(week.from().to_string());
        let end = RwSignal::new(week.to().to_string());
        DateFields {
            start,
            end,
            chosen: Memo::new(move |_| parse(&start.read(), &end.read())),
        }
    }

    /// The range the fields describe, or what is wrong with them. A memo, so that typing a
    /// date equal to the one shown does not fetch the report again.
    pub fn chosen(self) -> Memo<Result<DateRange, String>> {
        self.chosen
    }
}

fn parse(start: &str, end: &str) -> Result<DateRange, String> {
    let from = NaiveDate::parse_from_str(start, "%Y-%m-%d")
        .map_err(|_| "Enter a start date.".to_string())?;
    let to =
        NaiveDate::parse_from_str(end, "%Y-%m-%d").map_err(|_| "Enter an end date.".to_string())?;
    DateRange::new(from, to).map_err(|error| match error {
        DateRangeError::Reversed { .. } => "The end date is before the start date.".to_string(),
        other => format!("{other}."),
    })
}

/// **Start date** and **End date**, with the message of a range that cannot be reported.
#[component]
pub fn DateRangePicker(fields: DateFields) -> impl IntoView {
    let key = unique_key();
    let start_id = format!("report-{key}-start");
    let end_id = format!("report-{key}-end");
    let error_id = format!("report-{key}-range-error");
    let problem = Memo::new(move |_| fields.chosen.read().as_ref().err().cloned());
    let described_by = {
        let error_id = error_id.clone();
        move || problem.read().is_some().then(|| error_id.clone())
    };
    let invalid = move || problem.read().is_some().then_some("true");

    view! {
        <fieldset class="date-range">
            <legend class="visually-hidden">"Date range"</legend>
            <div class="form-field">
                <label for=start_id.clone()>"Start date"</label>
                <input type="date" id=start_id aria-invalid=invalid
                    aria-describedby=described_by.clone()
                    prop:value=move || fields.start.get()
                    on:input=move |event| fields.start.set(event_target_value(&event))/>
            </div>
            <div class="form-field">
                <label for=end_id.clone()>"End date"</label>
                <input type="date" id=end_id aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=move || fields.end.get()
                    on:input=move |event| fields.end.set(event_target_value(&event))/>
            </div>
            {move || problem.get().map(|text| view! {
                <p class="field-error" id=error_id.clone() role="alert">{text}</p>
            })}
        </fieldset>
    }
}
