//! One labelled text field of the goal form, with its hint and its validation message. The
//! value and the message are separate signals, so a keystroke re-renders neither the message
//! nor anything around the field.

use leptos::prelude::*;

use super::FormContext;
use super::field_errors::{Field, element_id, message_id};

/// Whether the field is a one-line input or a multi-line description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// A `<label>` and its input; leaving the field validates it.
#[component]
pub fn TextField(
    field: Field,
    label: &'static str,
    value: ArcRwSignal<String>,
    #[prop(default = Lines::One)] lines: Lines,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let value = RwSignal::from(value);
    let message = RwSignal::from(form.errors.message(field));
    let id = element_id(form.key, field);
    let error_id = message_id(form.key, field);
    let hint_id = format!("{id}-hint");

    let has_hint = hint.is_some();
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let ids: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                message.read().is_some().then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || message.read().is_some().then_some("true");
    let on_input = move |event| value.set(event_target_value(&event));
    let on_blur = move |_| form.validate_field(field);

    let input = match lines {
        Lines::One => view! {
            <input type="text" id=id.clone() required=required
                aria-required=required.then_some("true") aria-invalid=invalid
                aria-describedby=described_by prop:value=move || value.get()
                on:input=on_input on:blur=on_blur/>
        }
        .into_any(),
        Lines::Many => view! {
            <textarea id=id.clone() rows="2" aria-invalid=invalid
                aria-describedby=described_by prop:value=move || value.get()
                on:input=on_input on:blur=on_blur></textarea>
        }
        .into_any(),
    };

    view! {
        <div class="form-field">
            <label for=id>
                {label}
                {required.then(|| view! { <span class="required-mark" aria-hidden="true">" *"</span> })}
            </label>
            {input}
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {move || message.get().map(|text| view! {
                <p class="field-error" id=error_id.clone()>{text}</p>
            })}
        </div>
    }
}
