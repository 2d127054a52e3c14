//! Stand-ins for the screens that later work delivers (the goal form and analytics), so the
//! routes already load the app and say plainly what is not there yet.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn GoalFormPlaceholder() -> impl IntoView {
    view! {
        <section class="placeholder">
            <h1>"Goal form"</h1>
            <p>"Creating and editing goals in the studio is not available in this version yet."</p>
            <A href="/goals">"Back to Goals"</A>
        </section>
    }
}

#[component]
pub fn GoalAnalyticsPlaceholder() -> impl IntoView {
    view! {
        <section class="placeholder">
            <h1>"Goal analytics"</h1>
            <p>"Analytics for goals are not available in this version yet."</p>
            <A href="/goals">"Back to Goals"</A>
        </section>
    }
}
