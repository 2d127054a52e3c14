//! The listing of goals: one row per goal with its counts, tags and actions.

use goals_core::GoalSummary;
use leptos::prelude::*;

use super::delete_goal::DeleteGoalButton;
use crate::icons::{ChartIcon, PencilIcon};
use crate::navigation::use_go_to;
use crate::time_ago::{now, time_ago};

/// Descriptions longer than this are cut in the listing; the full text is in the tooltip.
const DESCRIPTION_PREVIEW: usize = 90;

#[component]
pub fn GoalTable(
    goals: Vec<GoalSummary>,
    on_tag: impl Fn(String) + Copy + Send + Sync + 'static,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <table class="goal-table">
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Description"</th>
                    <th scope="col">"Tags"</th>
                    <th scope="col">"Milestones"</th>
                    <th scope="col">"Trackers"</th>
                    <th scope="col">"Last updated"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                <For each=move || goals.clone() key=|goal| goal.id.clone() let:goal>
                    <GoalRow goal=goal on_tag=on_tag on_deleted=on_deleted/>
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn GoalRow(
    goal: GoalSummary,
    on_tag: impl Fn(String) + Copy + Send + Sync + 'static,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let go_to = use_go_to();
    let edit_path = format!("/goals/{}/edit", goal.id);
    let analytics_path = format!("/goals/{}", goal.id);
    let open_edit = {
        let go_to = go_to.clone();
        move |_| go_to(&edit_path)
    };
    let open_analytics = move |_| go_to(&analytics_path);
    let updated = goal.updated_at;

    view! {
        <tr>
            <th scope="row" class="goal-name">{goal.name.clone()}</th>
            <td class="goal-description" title=goal.description.clone()>
                {shorten(&goal.description)}
            </td>
            <td>
                <ul class="tags">
                    {goal.tags.iter().map(|tag| {
                        let chosen = tag.clone();
                        view! {
                            <li>
                                <button type="button" class="tag"
                                    title=format!("Show goals tagged {tag}")
                                    on:click=move |_| on_tag(chosen.clone())>
                                    {tag.clone()}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </td>
            <td class="count">{goal.milestone_count}</td>
            <td class="count">{goal.tracker_count}</td>
            <td>
                <time datetime=updated.to_rfc3339() title=updated.format("%Y-%m-%d %H:%M UTC").to_string()>
                    {time_ago(updated, now())}
                </time>
            </td>
            <td class="row-actions">
                <button type="button" class="icon-button"
                    aria-label=format!("Edit goal {}", goal.name)
                    title="Edit goal" on:click=open_edit>
                    <PencilIcon/>
                </button>
                <button type="button" class="icon-button"
                    aria-label=format!("Analytics for {}", goal.name)
                    title="Analytics" on:click=open_analytics>
                    <ChartIcon/>
                </button>
                <DeleteGoalButton goal_id=goal.id.clone() goal_name=goal.name.clone()
                    on_deleted=on_deleted/>
            </td>
        </tr>
    }
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_PREVIEW {
        return text.to_string();
    }
    let cut: String = text.chars().take(DESCRIPTION_PREVIEW - 1).collect();
    format!("{}…", cut.trim_end())
}
