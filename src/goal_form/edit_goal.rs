//! The edit form: loads the goal, then shows the form pre-filled. The loaded goal becomes the
//! form's base, the version its Save replaces; a conflict or a restored draft may move it on.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::form_state::GoalForm;
use super::form_view::GoalFormView;
use super::save::SaveTarget;
use crate::api::GoalsApi;
use crate::goal_loading::{GoalLoadFailure, LoadingGoal};

/// The route `/goals/:id/edit`.
#[component]
pub fn EditGoalPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let goal_id = params.read().get("id").unwrap_or_default();
        view! { <EditGoal goal_id=goal_id/> }
    }
}

/// The edit form of one goal, with its loading and error states.
#[component]
pub fn EditGoal(goal_id: String) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let loaded = LocalResource::new({
        let goal_id = goal_id.clone();
        move || {
            let api = api.clone();
            let goal_id = goal_id.clone();
            async move { api.get_goal(&goal_id).await }
        }
    });

    let content = move || match loaded.get() {
        None => view! { <LoadingGoal/> }.into_any(),
        Some(Err(error)) => {
            view! { <GoalLoadFailure error=error retry=move || loaded.refetch()/> }.into_any()
        }
        Some(Ok(goal)) => {
            let form = GoalForm::from_goal(&goal);
            let target = SaveTarget::Replace {
                goal_id: goal.id.clone(),
                base: RwSignal::new(goal),
            };
            view! { <GoalFormView form=form target=target submit_label="Save"/> }.into_any()
        }
    };

    view! {
        <section class="goal-form-page" aria-labelledby="goal-form-heading">
            <header class="page-header">
                <h1 id="goal-form-heading">"Edit goal"</h1>
            </header>
            {content}
        </section>
    }
}
