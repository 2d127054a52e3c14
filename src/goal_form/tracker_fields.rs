//! One tracker of a milestone: its name, description and Default Value, and the trash icon
//! that deletes it.

use leptos::prelude::*;

use super::FormContext;
use super::field_errors::Field;
use super::form_state::{MilestoneRow, TrackerRow};
use super::text_field::{Lines, TextField};
use crate::icons::TrashIcon;

/// Why the Default Value matters; shown beside the field.
const DEFAULT_VALUE_HINT: &str = "Use a value customers would never type, such as NOT_PROVIDED, \
     so reports can tell a skipped milestone from a real answer.";

/// The tracker's `<fieldset>`; its legend follows its position, which changes as trackers
/// before it are deleted.
#[component]
pub fn TrackerFields(milestone: MilestoneRow, tracker: TrackerRow) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let key = tracker.key;
    let trackers = RwSignal::from(milestone.trackers.clone());
    let name = RwSignal::from(tracker.name.clone());

    let position = move || {
        trackers
            .read()
            .iter()
            .position(|t| t.key == key)
            .map_or(0, |index| index + 1)
    };
    let last = move || trackers.read().len() <= 1;
    let delete = move |_| {
        milestone.delete_tracker(key);
        form.mark_changed();
    };

    view! {
        <fieldset class="tracker">
            <legend>{move || format!("Tracker {}", position())}</legend>
            <button type="button" class="icon-button danger tracker-delete"
                aria-label=move || format!("Delete tracker {}", name.read())
                title=move || if last() { "A milestone needs at least one tracker" } else { "Delete tracker" }
                disabled=last on:click=delete>
                <TrashIcon/>
            </button>
            <TextField field=Field::TrackerName(key) label="Tracker Name" value=tracker.name
                required=true/>
            <TextField field=Field::TrackerDescription(key) label="Description"
                value=tracker.description lines=Lines::Many/>
            <TextField field=Field::DefaultValue(key) label="Default Value"
                value=tracker.default_value required=true hint=DEFAULT_VALUE_HINT/>
        </fieldset>
    }
}
