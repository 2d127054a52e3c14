//! The form itself, shared by create and edit: the goal's own fields, its milestones, the
//! buttons that add and leave, whatever the last save attempt had to say, and the offer to
//! restore a kept draft.

use leptos::prelude::*;

use super::FormContext;
use super::conflict::conflict_notices;
use super::draft_keeper::DraftKeeper;
use super::draft_offer::draft_offer;
use super::field_errors::{Field, element_id, message_id};
use super::form_state::GoalForm;
use super::milestone_fields::MilestoneFields;
use super::save::{SaveStatus, SaveTarget, submit};
use super::text_field::{Lines, TextField};
use crate::api::GoalsApi;
use crate::navigation::use_go_to;
use crate::tag_input::TagInput;

#[component]
pub fn GoalFormView(
    form: GoalForm,
    target: SaveTarget,
    /// **Create** or **Save**.
    submit_label: &'static str,
) -> impl IntoView {
    let drafts = DraftKeeper::new(target.draft_key(), form.clone(), target.base());
    let context = FormContext::new(form.clone(), drafts);
    provide_context(context);
    on_cleanup(move || {
        drafts.flush();
        context.mark_saved();
    });

    let api = expect_context::<GoalsApi>();
    let go_to = use_go_to();
    let status = SaveStatus::new();
    let milestones = RwSignal::from(form.milestones.clone());
    let tags = RwSignal::from(form.tags.clone());
    let tags_message = RwSignal::from(context.errors.message(Field::Tags));
    let milestones_message = RwSignal::from(context.errors.message(Field::Milestones));

    let on_submit = {
        let target = target.clone();
        let go_to = go_to.clone();
        move |event: web_sys::SubmitEvent| {
            event.prevent_default();
            let go_to = go_to.clone();
            submit(context, api.clone(), target.clone(), status, move || {
                go_to("/goals")
            });
        }
    };
    let add_milestone = move |_| {
        context.model.with_value(GoalForm::add_milestone);
        context.mark_changed();
    };
    let leave = move |_| {
        if context
            .unsaved
            .is_none_or(|unsaved| unsaved.confirm_leave())
        {
            go_to("/goals");
        }
    };
    let offer = draft_offer(&target, status, context);
    let conflict = conflict_notices(&target, status, context);

    view! {
        <form class="goal-form" novalidate on:submit=on_submit
            on:input=move |_| context.mark_changed() on:focusout=move |_| drafts.flush()>
            {offer}
            {move || drafts.unavailable.get().then(|| view! {
                <p class="draft-note" role="status">
                    "This browser is not keeping a draft of this form, so unsaved changes are lost \
                     if the tab closes."
                </p>
            })}
            {move || status.banner.get().map(|text| view! {
                <div class="error-banner" role="alert"><p>{text}</p></div>
            })}
            {conflict}
            <div class="goal-fields">
                <TextField field=Field::GoalName label="Goal Name" value=form.name.clone()
                    required=true/>
                <TextField field=Field::GoalDescription label="Goal Description"
                    value=form.description.clone() lines=Lines::Many/>
                <TagInput id=element_id(context.key, Field::Tags) label="Tags" tags=tags
                    error_id=Signal::derive(move || {
                        tags_message.read().is_some().then(|| message_id(context.key, Field::Tags))
                    })
                    on_change=move || context.mark_changed()
                    on_blur=move || context.validate_field(Field::Tags)/>
                {move || tags_message.get().map(|text| view! {
                    <p class="field-error" id=message_id(context.key, Field::Tags)>{text}</p>
                })}
            </div>
            <For each=move || milestones.get() key=|milestone| milestone.key let:milestone>
                <MilestoneFields milestone=milestone/>
            </For>
            {move || milestones_message.get().map(|text| view! {
                <p class="field-error" id=message_id(context.key, Field::Milestones)>{text}</p>
            })}
            <div class="form-footer">
                <button type="button" class="add-button" id=element_id(context.key, Field::Milestones)
                    on:click=add_milestone>
                    "+ Add Milestone"
                </button>
                <div class="form-actions">
                    <button type="button" on:click=leave>"Cancel"</button>
                    <button type="submit" class="primary" disabled=move || status.saving.get()>
                        {submit_label}
                    </button>
                </div>
            </div>
        </form>
    }
}
