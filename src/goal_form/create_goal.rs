//! The create form: a blank goal with `Milestone 1` and its `Tracker 1`.

use leptos::prelude::*;

use super::form_state::GoalForm;
use super::form_view::GoalFormView;
use super::save::SaveTarget;

#[component]
pub fn CreateGoal() -> impl IntoView {
    view! {
        <section class="goal-form-page" aria-labelledby="goal-form-heading">
            <header class="page-header">
                <h1 id="goal-form-heading">"Create goal"</h1>
            </header>
            <GoalFormView form=GoalForm::blank() target=SaveTarget::Create submit_label="Create"/>
        </section>
    }
}
