//! Every run of one customer ID through the goal, to answer "what did this customer do?"
//! when a number in the report looks odd. Nothing is fetched until a customer ID is given.

use leptos::prelude::*;

use super::run_progress::{RunView, TrackerNames};
use crate::api::GoalsApi;
use crate::unique_key::unique_key;

/// The **Customer look-up** panel.
#[component]
pub fn CustomerLookup(goal_id: String, names: TrackerNames) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let key = unique_key();
    let heading_id = format!("customer-lookup-{key}");
    let input_id = format!("customer-lookup-{key}-customer-id");
    let error_id = format!("{input_id}-error");
    let typed = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let asked = RwSignal::new(None::<String>);

    let runs = LocalResource::new(move || {
        let api = api.clone();
        let goal_id = goal_id.clone();
        let asked = asked.get();
        async move {
            match asked {
                Some(customer_id) => Some((
                    customer_id.clone(),
                    api.customer_runs(&goal_id, &customer_id).await,
                )),
                None => None,
            }
        }
    });
    let look_up = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let customer_id = typed.get_untracked().trim().to_string();
        missing.set(customer_id.is_empty());
        if !customer_id.is_empty() {
            asked.set(Some(customer_id));
        }
    };
    let results = move || match runs.get() {
        None if asked.read().is_some() => {
            view! { <p class="loading" role="status">"Looking up the customer…"</p> }.into_any()
        }
        None | Some(None) => ().into_any(),
        Some(Some((_, Err(error)))) => view! {
            <div class="error-banner" role="alert">
                <p>{format!("The customer could not be looked up. {error}")}</p>
                <button type="button" on:click=move |_| runs.refetch()>"Retry"</button>
            </div>
        }
        .into_any(),
        Some(Some((customer_id, Ok(found)))) if found.runs.is_empty() => view! {
            <div class="empty-state compact">
                <p>{format!("No runs recorded for customer \u{201c}{customer_id}\u{201d}.")}</p>
                <p>
                    "Check the ID as the journey sends it (IDs are matched exactly), or record "
                    "an achievement for it with the Test goal panel."
                </p>
            </div>
        }
        .into_any(),
        Some(Some((customer_id, Ok(found)))) => {
            let count = found.runs.len();
            let runs = found
                .runs
                .into_iter()
                .map(|run| view! { <RunView run=run names=names.clone()/> })
                .collect_view();
            let plural = if count == 1 { "" } else { "s" };
            view! {
                <p class="muted">{format!("{count} run{plural} of customer \u{201c}{customer_id}\u{201d}, newest first.")}</p>
                <div class="runs">{runs}</div>
            }
            .into_any()
        }
    };

    view! {
        <section class="analytics-panel customer-lookup" aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>"Customer look-up"</h2>
            <form class="inline-form" on:submit=look_up novalidate>
                <div class="form-field">
                    <label for=input_id.clone()>"Customer ID"</label>
                    <input type="text" id=input_id autocomplete="off"
                        aria-invalid=move || missing.get().then_some("true")
                        aria-describedby=move || missing.get().then(|| error_id.clone())
                        prop:value=move || typed.get()
                        on:input=move |event| typed.set(event_target_value(&event))/>
                </div>
                <button type="submit">"Look up"</button>
            </form>
            {move || missing.get().then(|| view! {
                <p class="field-error" id=format!("customer-lookup-{key}-customer-id-error")>
                    "Enter the customer ID to look up."
                </p>
            })}
            {results}
        </section>
    }
}
