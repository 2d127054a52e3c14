//! One milestone of the goal: its name and description, its trackers, **+ Add Tracker**, and
//! **Delete Milestone** for milestones not saved yet.

use leptos::prelude::*;

use super::FormContext;
use super::delete_milestone::DeleteMilestoneButton;
use super::field_errors::{Field, element_id, message_id};
use super::form_state::MilestoneRow;
use super::text_field::{Lines, TextField};
use super::tracker_fields::TrackerFields;

/// The milestone's `<fieldset>`; its legend follows its position among the milestones.
#[component]
pub fn MilestoneFields(milestone: MilestoneRow) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let key = milestone.key;
    let milestones = RwSignal::from(form.model.with_value(|model| model.milestones.clone()));
    let trackers = RwSignal::from(milestone.trackers.clone());
    let trackers_message = RwSignal::from(form.errors.message(Field::Trackers(key)));

    let position = move || {
        milestones
            .read()
            .iter()
            .position(|m| m.key == key)
            .map_or(0, |index| index + 1)
    };
    let add_tracker = {
        let milestone = milestone.clone();
        move |_| {
            milestone.add_tracker();
            form.mark_changed();
        }
    };
    let row = milestone.clone();
    let delete_button = milestone.id.is_none().then(
        || view! { <DeleteMilestoneButton milestone_key=key position=Signal::derive(position)/> },
    );

    view! {
        <fieldset class="milestone">
            <legend>{move || format!("Milestone {}", position())}</legend>
            {delete_button}
            <div class="milestone-fields">
                <TextField field=Field::MilestoneName(key) label="Milestone Name"
                    value=milestone.name.clone() required=true/>
                <TextField field=Field::MilestoneDescription(key) label="Description"
                    value=milestone.description.clone() lines=Lines::Many/>
            </div>
            <div class="trackers">
                <For each=move || trackers.get() key=|tracker| tracker.key let:tracker>
                    <TrackerFields milestone=row.clone() tracker=tracker/>
                </For>
            </div>
            {move || trackers_message.get().map(|text| view! {
                <p class="field-error" id=message_id(form.key, Field::Trackers(key))>{text}</p>
            })}
            <div class="milestone-actions">
                <button type="button" id=element_id(form.key, Field::Trackers(key))
                    class="add-button" on:click=add_tracker>
                    "+ Add Tracker"
                </button>
            </div>
        </fieldset>
    }
}
