//! From the roll-up rows of a range to the report: totals per milestone, and a trend with an
//! entry for every day and milestone, zeros included, so a chart needs no gap filling.

use std::collections::HashMap;

use goals_core::{DateRange, Goal, GoalReport, MilestoneReport, TrendDay, TrendPoint};

/// One row of `daily_milestone_counts`.
#[derive(Debug, sqlx::FromRow)]
pub struct DailyFigures {
    pub milestone_id: String,
    pub day: String,
    pub achieved: i64,
    pub skipped: i64,
    pub unique_users: i64,
    pub drop_off: i64,
}

/// What the queries of a report read.
#[derive(Debug)]
pub struct RangeFigures {
    pub goal_achieved: i64,
    pub unique_users: i64,
    /// Distinct customers per milestone over the whole range.
    pub milestone_users: HashMap<String, i64>,
    pub days: Vec<DailyFigures>,
}

/// The report of `goal` over `range`: milestones in goal order, days in order.
pub fn assemble(goal: &Goal, range: DateRange, figures: RangeFigures) -> GoalReport {
    let by_day: HashMap<(&str, &str), &DailyFigures> = figures
        .days
        .iter()
        .map(|row| ((row.milestone_id.as_str(), row.day.as_str()), row))
        .collect();

    let milestones = goal
        .milestones
        .iter()
        .map(|milestone| {
            let rows = figures
                .days
                .iter()
                .filter(|row| row.milestone_id == milestone.id);
            let mut report = MilestoneReport {
                milestone_id: milestone.id.clone(),
                name: milestone.name.clone(),
                achieved: 0,
                skipped: 0,
                unique_users: count(figures.milestone_users.get(&milestone.id).copied()),
                drop_off: 0,
            };
            for row in rows {
                report.achieved += count(Some(row.achieved));
                report.skipped += count(Some(row.skipped));
                report.drop_off += count(Some(row.drop_off));
            }
            report
        })
        .collect();

    let trend = range
        .days()
        .map(|date| {
            let day = date.to_string();
            let points = goal.milestones.iter().map(|milestone| {
                let row = by_day.get(&(milestone.id.as_str(), day.as_str()));
                TrendPoint {
                    milestone_id: milestone.id.clone(),
                    achieved: count(row.map(|row| row.achieved)),
                    unique_users: count(row.map(|row| row.unique_users)),
                }
            });
            TrendDay {
                date,
                milestones: points.collect(),
            }
        })
        .collect();

    GoalReport {
        from: range.from(),
        to: range.to(),
        goal_achieved: count(Some(figures.goal_achieved)),
        unique_users: count(Some(figures.unique_users)),
        milestones,
        trend,
    }
}

/// A stored count as the API gives it; the roll-ups never hold a negative one.
fn count(stored: Option<i64>) -> u64 {
    stored
        .and_then(|value| u64::try_from(value).ok())
        .unwrap_or(0)
}
