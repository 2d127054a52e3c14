//! The trend as an SVG line chart. Every line and point carries a `<title>`, so a screen
//! reader or a hover names the milestone, the day and the number.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::trends::{Measure, Series};
use crate::unique_key::unique_key;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 28.0;

/// Line colours, told apart in the legend by name as well, since colour alone is not enough.
const COLOURS: [&str; 8] = [
    "#3b5bdb", "#e8590c", "#2b8a3e", "#c2255c", "#1098ad", "#7048e8", "#f08c00", "#495057",
];

fn colour(index: usize) -> &'static str {
    COLOURS[index % COLOURS.len()]
}

/// Where a day and a value land in the chart's view box.
#[derive(Clone, Copy)]
struct Scale {
    days: usize,
    top: u64,
}

impl Scale {
    fn x(self, day: usize) -> f64 {
        let width = WIDTH - LEFT - RIGHT;
        if self.days <= 1 {
            return LEFT + width / 2.0;
        }
        LEFT + width * day as f64 / (self.days - 1) as f64
    }

    fn y(self, value: u64) -> f64 {
        let height = HEIGHT - TOP - BOTTOM;
        TOP + height - height * value as f64 / self.top as f64
    }
}

/// A line per milestone, one point a day, and a legend naming the milestones.
#[component]
pub fn TrendChart(days: Vec<NaiveDate>, series: Vec<Series>, measure: Measure) -> impl IntoView {
    let top = series
        .iter()
        .flat_map(|line| line.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = Scale {
        days: days.len(),
        top,
    };
    let title_id = format!("trend-chart-{}", unique_key());
    let title = format!("{} per day, by milestone", measure.label());
    let first_day = days.first().map(|day| day.format("%-d %b").to_string());
    let last_day = days.last().map(|day| day.format("%-d %b").to_string());
    let lines = series
        .iter()
        .enumerate()
        .map(|(index, line)| view! { <Line line=line.clone() days=days.clone() colour=colour(index) scale=scale measure=measure/> })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(index, line)| {
            view! {
                <li>
                    <span class="swatch" style=format!("background: {}", colour(index))></span>
                    {line.name.clone()}
                </li>
            }
        })
        .collect_view();

    view! {
        <figure class="trend-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=title_id>
                <title id=title_id.clone()>{title}</title>
                <line class="axis" x1=LEFT y1=scale.y(0) x2=WIDTH - RIGHT y2=scale.y(0)/>
                <line class="gridline" x1=LEFT y1=scale.y(top) x2=WIDTH - RIGHT y2=scale.y(top)/>
                <text class="axis-label" x=LEFT - 8.0 y=scale.y(top) + 4.0 text-anchor="end">{top}</text>
                <text class="axis-label" x=LEFT - 8.0 y=scale.y(0) + 4.0 text-anchor="end">"0"</text>
                <text class="axis-label" x=LEFT y=HEIGHT - 8.0 text-anchor="start">{first_day}</text>
                <text class="axis-label" x=WIDTH - RIGHT y=HEIGHT - 8.0 text-anchor="end">{last_day}</text>
                {lines}
            </svg>
            <ul class="legend" aria-label="Milestones">{legend}</ul>
        </figure>
    }
}

/// One milestone's polyline and its points.
#[component]
fn Line(
    line: Series,
    days: Vec<NaiveDate>,
    colour: &'static str,
    scale: Scale,
    measure: Measure,
) -> impl IntoView {
    let points: Vec<(f64, f64)> = line
        .values
        .iter()
        .enumerate()
        .map(|(day, value)| (scale.x(day), scale.y(*value)))
        .collect();
    let path = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = days
        .iter()
        .zip(&line.values)
        .zip(&points)
        .map(|((day, value), (x, y))| {
            let label = format!(
                "{}, {day}: {value} {}",
                line.name,
                measure.label().to_lowercase()
            );
            view! {
                <circle class="trend-point" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3.5" fill=colour>
                    <title>{label}</title>
                </circle>
            }
        })
        .collect_view();

    view! {
        <g class="trend-series">
            <polyline class="trend-line" points=path fill="none" stroke=colour stroke-width="2">
                <title>{line.name.clone()}</title>
            </polyline>
            {dots}
        </g>
    }
}
