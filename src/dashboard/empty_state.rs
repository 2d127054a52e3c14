//! What the dashboard shows when there is nothing to list.

use leptos::prelude::*;

use crate::navigation::use_go_to;

/// First-time users: what goals are for, and the way to create one.
#[component]
pub fn EmptyState() -> impl IntoView {
    let go_to = use_go_to();
    view! {
        <div class="empty-state">
            <h2>"Track what your bot journeys achieve"</h2>
            <p>
                "A goal is a sequence of milestones a customer reaches in a conversation, and each "
                "milestone stores trackers such as an email address. Create a goal here before a "
                "Goal node in a journey can report to it."
            </p>
            <button type="button" class="primary"
                on:click=move |_| go_to("/goals/new")>
                "Create your first goal"
            </button>
        </div>
    }
}

/// A search or tag filter that matches no goal.
#[component]
pub fn NoMatches(on_clear: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="empty-state">
            <p>"No goals match this search."</p>
            <button type="button" on:click=move |_| on_clear()>"Clear filters"</button>
        </div>
    }
}
