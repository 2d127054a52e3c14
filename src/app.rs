//! The app's routes. Every screen is reached by a URL of its own, so deep links and the
//! browser's back button work, and the server answers any of them with the app.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::access::TokenGate;
use crate::analytics::GoalAnalyticsPage;
use crate::api::GoalsApi;
use crate::config::Config;
use crate::dashboard::Dashboard;
use crate::goal_form::{CreateGoal, EditGoalPage};
use crate::navigation::RedirectTo;
use crate::shell::Shell;
use crate::unsaved::UnsavedChanges;

/// The whole app: configuration and API client in context, the shell, and the routes behind
/// the API token prompt.
#[component]
pub fn App(config: Config) -> impl IntoView {
    provide_context(GoalsApi::new(config.api_base.clone()));
    let embedded = config.embedded;
    provide_context(config.clone());
    provide_context(UnsavedChanges::guard_window());

    view! {
        <Router base=config.base_path>
            <Shell embedded=embedded>
                <TokenGate>
                    <Routes fallback=|| view! { <p class="not-found">"This page does not exist."</p> }>
                        <Route path=path!("/") view=|| view! { <RedirectTo route="/goals"/> }/>
                        <Route path=path!("/goals") view=Dashboard/>
                        <Route path=path!("/goals/new") view=CreateGoal/>
                        <Route path=path!("/goals/:id/edit") view=EditGoalPage/>
                        <Route path=path!("/goals/:id") view=GoalAnalyticsPage/>
                    </Routes>
                </TokenGate>
            </Shell>
        </Router>
    }
}
