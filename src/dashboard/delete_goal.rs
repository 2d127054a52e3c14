//! The confirmation popup behind a row's delete button. Deleting a goal also deletes everything
//! recorded for it, so the bot builder types the goal's name before **Delete** is enabled.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::GoalsApi;
use crate::icons::TrashIcon;

/// The row's delete button and its modal `<dialog>`; `on_deleted` runs once the API confirms.
#[component]
pub fn DeleteGoalButton(
    goal_id: String,
    goal_name: String,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let dialog = NodeRef::<Dialog>::new();
    let typed = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(false);

    let title_id = format!("delete-goal-title-{goal_id}");
    let expected = goal_name.clone();
    let confirmed = move || typed.read().trim() == expected.trim();
    let open = move |_| {
        typed.set(String::new());
        failure.set(None);
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close = move || {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let delete = move |_| {
        let api = api.clone();
        let goal_id = goal_id.clone();
        deleting.set(true);
        spawn_local(async move {
            let outcome = api.delete_goal(&goal_id).await;
            deleting.set(false);
            match outcome {
                Ok(()) => {
                    close();
                    on_deleted();
                }
                Err(error) => failure.set(Some(format!("The goal was not deleted. {error}"))),
            }
        });
    };

    view! {
        <button type="button" class="icon-button danger"
            aria-label=format!("Delete goal {goal_name}") title="Delete goal" on:click=open>
            <TrashIcon/>
        </button>
        <dialog node_ref=dialog class="confirm-dialog" aria-labelledby=title_id.clone()>

            <h2 id=title_id.clone()>{format!("Delete goal \u{201c}{goal_name}\u{201d}?")}</h2>
            <p>
                "The goal, its milestones and trackers, and all of its recorded data "
                "(achievements, runs and reports) are deleted with it. This cannot be undone."
            </p>
            <label class="field">
                {format!("Type \u{201c}{goal_name}\u{201d} to confirm")}
                <input type="text" autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |event| typed.set(event_target_value(&event))/>
            </label>
            {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <div class="dialog-actions">
                <button type="button" on:click=move |_| close()>"Cancel"</button>
                <button type="button" class="danger-solid"
                    disabled=move || !confirmed() || deleting.get() on:click=delete>
                    "Delete"
                </button>
            </div>
        </dialog>
    }
}
