//! The two headline numbers of a range, as cards above the charts.

use leptos::prelude::*;

/// **Goal Achieved** (runs that completed the goal) and **Unique Users** (distinct customer
/// IDs with any achievement).
#[component]
pub fn Figures(goal_achieved: u64, unique_users: u64) -> impl IntoView {
    view! {
        <dl class="figures">
            <div class="figure">
                <dt>"Goal Achieved"</dt>
                <dd>{goal_achieved}</dd>
            </div>
            <div class="figure">
                <dt>"Unique Users"</dt>
                <dd>{unique_users}</dd>
            </div>
        </dl>
    }
}
