//! A stand-in for the screen that later work delivers (analytics), so its route already loads
//! the app and says plainly what is not there yet.

use leptos::prelude::*;
use leptos_router::components::A;

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
