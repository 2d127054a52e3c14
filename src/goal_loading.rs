//! What a page that opens one goal (its edit form, its analytics) shows while the goal loads
//! and when it cannot be loaded, so both pages say it the same way.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiError;
use crate::navigation::route_href;

#[component]
pub fn LoadingGoal() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading the goal…"</p> }
}

/// A deleted goal gets a way back to the listing; any other failure gets **Retry**.
#[component]
pub fn GoalLoadFailure(error: ApiError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    match error {
        ApiError::Refused { status: 404, .. } => view! {
            <div class="error-banner" role="alert">
                <p>"This goal does not exist. It may have been deleted."</p>
                <A href=route_href("/goals")>"Back to Goals"</A>
            </div>
        }
        .into_any(),
        error => view! {
            <div class="error-banner" role="alert">
                <p>{format!("The goal could not be loaded. {error}")}</p>
                <button type="button" on:click=move |_| retry()>"Retry"</button>
            </div>
        }
        .into_any(),
    }
}
