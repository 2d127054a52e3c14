//! The analytics page of one goal (`/goals/:id`): how many runs reached each milestone in a
//! range of days, one customer's runs, the exports, the goal's definition, and a panel that
//! records test achievements the way a journey's Goal node would. The goal is loaded first,
//! so every part can name milestones and trackers rather than show their ids.

mod achievement_fields;
mod customer_lookup;
mod date_range;
mod definition;
mod export_links;
mod figures;
mod milestones_table;
mod run_progress;
mod test_goal;
mod trend_chart;
mod trends;

use goals_core::{Goal, GoalReport};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::GoalsApi;
use crate::goal_loading::{GoalLoadFailure, LoadingGoal};
use crate::icons::PencilIcon;
use crate::navigation::{route_href, use_go_to};
use crate::unique_key::unique_key;
use customer_lookup::CustomerLookup;
use date_range::{DateFields, DateRangePicker};
use definition::Definition;
use export_links::ExportLinks;
use figures::Figures;
use milestones_table::MilestonesTable;
use run_progress::TrackerNames;
use test_goal::TestGoal;
use trends::{TrendView, Trends};

/// The route `/goals/:id`.
#[component]
pub fn GoalAnalyticsPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let goal_id = params.read().get("id").unwrap_or_default();
        view! { <GoalAnalytics goal_id=goal_id/> }
    }
}

/// The analytics of one goal, once the goal itself is loaded.
#[component]
pub fn GoalAnalytics(goal_id: String) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let loaded = LocalResource::new(move || {
        let api = api.clone();
        let goal_id = goal_id.clone();
        async move { api.get_goal(&goal_id).await }
    });

    move || match loaded.get() {
        None => view! { <LoadingGoal/> }.into_any(),
        Some(Err(error)) => {
            view! { <GoalLoadFailure error=error retry=move || loaded.refetch()/> }.into_any()
        }
        Some(Ok(goal)) => view! { <AnalyticsView goal=goal/> }.into_any(),
    }
}

/// The page of a loaded goal. The report follows the chosen range and refreshes after the
/// Test goal panel records an achievement.
#[component]
fn AnalyticsView(goal: Goal) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let dates = DateFields::last_seven_days();
    let chosen = dates.chosen();
    let report = LocalResource::new({
        let goal_id = goal.id.clone();
        move || {
            let api = api.clone();
            let goal_id = goal_id.clone();
            let chosen = chosen.get();
            async move {
                match chosen {
                    Ok(days) => Some(api.report(&goal_id, days.from(), days.to()).await),
                    Err(_) => None,
                }
            }
        }
    });

    let heading_id = format!("goal-analytics-{}", unique_key());
    let names = TrackerNames::of(&goal);
    let trend_view = TrendView::new();
    let report_view = {
        let goal = goal.clone();
        move || match report.get() {
            None => view! { <p class="loading" role="status">"Loading the report…"</p> }.into_any(),
            Some(None) => ().into_any(),
            Some(Some(Err(error))) => view! {
                <div class="error-banner" role="alert">
                    <p>{format!("The report could not be loaded. {error}")}</p>
                    <button type="button" on:click=move |_| report.refetch()>"Retry"</button>
                </div>
            }
            .into_any(),
            Some(Some(Ok(report))) => {
                view! { <ReportView goal=goal.clone() report=report trend_view=trend_view/> }
                    .into_any()
            }
        }
    };

    view! {
        <section class="analytics" aria-labelledby=heading_id>
            <AnalyticsHeader goal=goal.clone() heading_id=heading_id.clone()/>
            <div class="analytics-toolbar">
                <DateRangePicker fields=dates/>
                <ExportLinks goal_id=goal.id.clone() chosen=chosen/>
            </div>
            {report_view}
            <CustomerLookup goal_id=goal.id.clone() names=names.clone()/>
            <TestGoal goal=goal.clone() names=names on_recorded=move || report.refetch()/>
            <Definition goal=goal/>
        </section>
    }
}

/// The goal's name, the way back to the listing, and the way to its edit form.
#[component]
fn AnalyticsHeader(goal: Goal, heading_id: String) -> impl IntoView {
    let go_to = use_go_to();
    let edit_path = format!("/goals/{}/edit", goal.id);
    view! {
        <A href=route_href("/goals") attr:class="back-link">"Back to Goals"</A>
        <header class="page-header">
            <div>
                <p class="eyebrow">"Goal analytics"</p>
                <h1 id=heading_id>{goal.name.clone()}</h1>
            </div>
            <button type="button" class="icon-button"
                aria-label=format!("Edit goal {}", goal.name) title="Edit goal"
                on:click=move |_| go_to(&edit_path)>
                <PencilIcon/>
            </button>
        </header>
        {(!goal.description.is_empty())
            .then(|| view! { <p class="goal-summary">{goal.description.clone()}</p> })}
    }
}

/// The figures always; the trends and the milestones only when the range holds anything.
#[component]
fn ReportView(goal: Goal, report: GoalReport, trend_view: TrendView) -> impl IntoView {
    let nothing_recorded = report.unique_users == 0
        && report
            .milestones
            .iter()
            .all(|milestone| milestone.achieved + milestone.skipped == 0);
    let empty_state = nothing_recorded.then(|| {
        let from = report.from.format("%-d %b %Y");
        let to = report.to.format("%-d %b %Y");
        view! {
            <div class="empty-state">
                <p>{format!("No achievements recorded between {from} and {to}.")}</p>
                <p>
                    "Choose a wider range, or record one with the Test goal panel below to see "
                    "how \u{201c}" {goal.name.clone()} "\u{201d} is reported."
                </p>
            </div>
        }
    });
    let details = (!nothing_recorded).then(|| {
        view! {
            <Trends report=report.clone() view=trend_view/>
            <MilestonesTable milestones=report.milestones.clone()/>
        }
    });

    view! {
        <Figures goal_achieved=report.goal_achieved unique_users=report.unique_users/>
        {empty_state}
        {details}
    }
}
