//! How far runs got, milestone by milestone: a table of the counts and a funnel that shows
//! where runs thin out. Both keep the goal's order, which is the order runs move in.

use goals_core::MilestoneReport;
use leptos::prelude::*;

use crate::unique_key::unique_key;

/// The **Milestones** table and its funnel.
#[component]
pub fn MilestonesTable(milestones: Vec<MilestoneReport>) -> impl IntoView {
    let heading_id = format!("milestones-{}", unique_key());
    let rows = milestones
        .iter()
        .map(|milestone| {
            view! {
                <tr>
                    <th scope="row">{milestone.name.clone()}</th>
                    <td class="count">{milestone.achieved}</td>
                    <td class="count">{milestone.skipped}</td>
                    <td class="count">{milestone.unique_users}</td>
                    <td class="count">{milestone.drop_off}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section class="analytics-panel" aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>"Milestones"</h2>
            <div class="milestones-report">
                <table class="data-table milestones-table">
                    <thead>
                        <tr>
                            <th scope="col">"Milestone"</th>
                            <th scope="col">"Achieved"</th>
                            <th scope="col">"Skipped"</th>
                            <th scope="col">"Unique Users"</th>
                            <th scope="col">"Drop-off"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <Funnel milestones=milestones/>
            </div>
        </section>
    }
}

/// A bar per milestone, as wide as the runs that reached it (achieved or skipped past)
/// compared with the milestone most reached.
#[component]
fn Funnel(milestones: Vec<MilestoneReport>) -> impl IntoView {
    let reached = |milestone: &MilestoneReport| milestone.achieved + milestone.skipped;
    let widest = milestones.iter().map(reached).max().unwrap_or(0);
    let bars = milestones
        .iter()
        .map(|milestone| {
            let count = reached(milestone);
            let share = if widest == 0 {
                0.0
            } else {
                count as f64 * 100.0 / widest as f64
            };
            view! {
                <li>
                    <span class="funnel-name">{milestone.name.clone()}</span>
                    <span class="funnel-track">
                        <span class="funnel-bar" style=format!("width: {share:.1}%")></span>
                    </span>
                    <span class="funnel-count">{format!("{count} reached")}</span>
                </li>
            }
        })
        .collect_view();

    view! {
        <figure class="funnel">
            <figcaption>"Funnel: runs that reached each milestone"</figcaption>
            <ol>{bars}</ol>
        </figure>
    }
}
