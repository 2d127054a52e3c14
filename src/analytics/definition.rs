//! The goal as it is defined now, read-only, so whoever reads the numbers sees which
//! milestones and trackers they count and which Default Values mark a skipped step.

use goals_core::{Goal, Milestone};
use leptos::prelude::*;

use crate::unique_key::unique_key;

/// Milestones in goal order, each with its trackers and their Default Values.
#[component]
pub fn Definition(goal: Goal) -> impl IntoView {
    let heading_id = format!("definition-{}", unique_key());
    view! {
        <section class="analytics-panel definition" aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>"Definition"</h2>
            <ol class="definition-milestones">
                {goal.milestones.into_iter().map(|milestone| view! { <MilestoneDefinition milestone=milestone/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn MilestoneDefinition(milestone: Milestone) -> impl IntoView {
    view! {
        <li>
            <h3>{milestone.name}</h3>
            {(!milestone.description.is_empty())
                .then(|| view! { <p class="muted">{milestone.description}</p> })}
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Tracker"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col">"Default Value"</th>
                    </tr>
                </thead>
                <tbody>
                    {milestone.trackers.into_iter().map(|tracker| view! {
                        <tr>
                            <th scope="row">{tracker.name}</th>
                            <td>{tracker.description}</td>
                            <td><code>{tracker.default_value}</code></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </li>
    }
}
