//! The daily trend of a range: one line per milestone, switchable between achievements and
//! unique users, and the same numbers as a table for those who read rather than look.

use chrono::NaiveDate;
use goals_core::{GoalReport, TrendPoint};
use leptos::prelude::*;

use super::trend_chart::TrendChart;
use crate::unique_key::unique_key;

/// What the trend counts per day and milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Achieved,
    UniqueUsers,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::Achieved => "Achieved",
            Measure::UniqueUsers => "Unique Users",
        }
    }

    fn of(self, point: &TrendPoint) -> u64 {
        match self {
            Measure::Achieved => point.achieved,
            Measure::UniqueUsers => point.unique_users,
        }
    }
}

/// How the bot builder chose to see the trend. It lives as long as the page, so a new range
/// or a refreshed report keeps the measure and the table view.
#[derive(Clone, Copy)]
pub struct TrendView {
    measure: RwSignal<Measure>,
    as_table: RwSignal<bool>,
}

impl TrendView {
    pub fn new() -> Self {
        TrendView {
            measure: RwSignal::new(Measure::Achieved),
            as_table: RwSignal::new(false),
        }
    }
}

impl Default for TrendView {
    fn default() -> Self {
        TrendView::new()
    }
}

/// One milestone's line: a value for every day of the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub values: Vec<u64>,
}

/// A series per milestone of the report, in goal order. A day that does not mention a
/// milestone counts zero for it.
fn series(report: &GoalReport, measure: Measure) -> Vec<Series> {
    report
        .milestones
        .iter()
        .map(|milestone| Series {
            name: milestone.name.clone(),
            values: report
                .trend
                .iter()
                .map(|day| {
                    day.milestones
                        .iter()
                        .find(|point| point.milestone_id == milestone.milestone_id)
                        .map_or(0, |point| measure.of(point))
                })
                .collect(),
        })
        .collect()
}

/// The **Trends** panel.
#[component]
pub fn Trends(report: GoalReport, view: TrendView) -> impl IntoView {
    let heading_id = format!("trends-{}", unique_key());
    let TrendView { measure, as_table } = view;
    let days: Vec<NaiveDate> = report.trend.iter().map(|day| day.date).collect();
    let lines = Memo::new(move |_| series(&report, measure.get()));

    let measure_button = move |choice: Measure| {
        view! {
            <button type="button" aria-pressed=move || (measure.get() == choice).to_string()
                on:click=move |_| measure.set(choice)>
                {choice.label()}
            </button>
        }
    };
    let shown = move || {
        let days = days.clone();
        if as_table.get() {
            view! { <TrendTable days=days series=lines.get() measure=measure.get()/> }.into_any()
        } else {
            view! { <TrendChart days=days series=lines.get() measure=measure.get()/> }.into_any()
        }
    };

    view! {
        <section class="analytics-panel" aria-labelledby=heading_id>
            <div class="panel-header">
                <h2 id=heading_id.clone()>"Trends"</h2>
                <div class="trend-controls">
                    <div class="segmented" role="group" aria-label="Trend measure">
                        {measure_button(Measure::Achieved)}
                        {measure_button(Measure::UniqueUsers)}
                    </div>
                    <button type="button" aria-pressed=move || as_table.get().to_string()
                        on:click=move |_| as_table.update(|table| *table = !*table)>
                        "Table view"
                    </button>
                </div>
            </div>
            {shown}
        </section>
    }
}

/// Rows are days, columns are milestones.
#[component]
fn TrendTable(days: Vec<NaiveDate>, series: Vec<Series>, measure: Measure) -> impl IntoView {
    let headers = series
        .iter()
        .map(|line| view! { <th scope="col">{line.name.clone()}</th> })
        .collect_view();
    let rows = days
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let cells = series
                .iter()
                .map(|line| {
                    let value = line.values.get(index).copied().unwrap_or(0);
                    view! { <td class="count">{value}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{day.to_string()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();

    view! {
        <table class="data-table trend-table">
            <caption>{format!("{} per day, by milestone", measure.label())}</caption>
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    {headers}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
