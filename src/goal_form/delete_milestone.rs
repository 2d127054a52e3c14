//! **Delete Milestone**, for milestones added in this form and not saved yet, behind a
//! confirmation popup. A goal keeps at least one milestone, so the button of the last one is
//! disabled and says why.

use leptos::html::{Button, Dialog};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::FormContext;
use super::field_errors::{Field, element_id};
use crate::dialog::{ConfirmDialog, open};

#[component]
pub fn DeleteMilestoneButton(milestone_key: u64, position: Signal<usize>) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let milestones = RwSignal::from(form.model.with_value(|model| model.milestones.clone()));
    let dialog = NodeRef::<Dialog>::new();
    let opener = NodeRef::<Button>::new();

    let last = move || milestones.read().len() <= 1;
    let delete = move || {
        form.model
            .with_value(|model| model.delete_milestone(milestone_key));
        form.mark_changed();
        // The button that opened the popup went with its milestone: the nearest place to
        // carry on is the button that adds milestones.
        let add_milestone = element_id(form.key, Field::Milestones);
        if let Some(button) = document().get_element_by_id(&add_milestone) {
            let _ = button.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };

    view! {
        <button type="button" class="delete-milestone" node_ref=opener disabled=last
            title=move || if last() { "A goal needs at least one milestone" } else { "Delete this milestone" }
            on:click=move |_| open(dialog)>
            "Delete Milestone"
        </button>
        <ConfirmDialog dialog=dialog opener=opener
            title=Signal::derive(move || format!("Delete Milestone {}?", position.get()))
            message="The milestone and its trackers are removed from the goal."
            confirm_label="Delete" on_confirm=delete/>
    }
}
