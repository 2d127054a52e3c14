//! Records achievements by hand, as a journey's Goal node would report them, so a bot builder
//! can try a goal before any journey uses it and see how runs move on and skips take Default
//! Values. The report above refreshes after every recording.

use std::collections::HashMap;

use goals_core::{AchievementInput, Goal, Milestone, RunProgress, Source};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::achievement_fields::{AchievementField, Feedback, tracker_path};
use super::run_progress::{RunView, TrackerNames};
use crate::api::{ApiError, GoalsApi};
use crate::unique_key::unique_key;

/// The value typed for one tracker, with the key its input's id is made of.
#[derive(Clone, Copy)]
struct TrackerInput {
    key: u64,
    value: RwSignal<String>,
}

/// Everything typed into the panel.
#[derive(Clone, Copy)]
struct Typed {
    milestone_id: RwSignal<String>,
    customer_id: RwSignal<String>,
    conversation_id: RwSignal<String>,
    source_type: RwSignal<String>,
    source_value: RwSignal<String>,
}

impl Typed {
    /// The achievement to send. Trackers left empty are left out, so they take their
    /// Default Values; a source is sent as soon as either half of it is typed.
    fn achievement(
        self,
        milestone: &Milestone,
        trackers: &HashMap<String, TrackerInput>,
    ) -> AchievementInput {
        let optional = |typed: RwSignal<String>| {
            let text = typed.get_untracked().trim().to_string();
            (!text.is_empty()).then_some(text)
        };
        let tracker_values = milestone
            .trackers
            .iter()
            .filter_map(|tracker| {
                let value = trackers.get(&tracker.id)?.value.get_untracked();
                (!value.trim().is_empty()).then(|| (tracker.id.clone(), value))
            })
            .collect();
        let source = match (optional(self.source_type), optional(self.source_value)) {
            (None, None) => None,
            (kind, value) => Some(Source {
                kind: kind.unwrap_or_default(),
                value: value.unwrap_or_default(),
            }),
        };
        AchievementInput {
            customer_id: self.customer_id.get_untracked().trim().to_string(),
            conversation_id: optional(self.conversation_id),
            milestone_id: milestone.id.clone(),
            tracker_values,
            source,
        }
    }
}

/// The **Test goal** panel.
#[component]
pub fn TestGoal(
    goal: Goal,
    names: TrackerNames,
    on_recorded: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let key = unique_key();
    let heading_id = format!("test-goal-{key}");
    let field_id = move |name: &str| format!("test-goal-{key}-{name}");
    let first_milestone = goal.milestones.first().map(|m| m.id.clone());
    let typed = Typed {
        milestone_id: RwSignal::new(first_milestone.unwrap_or_default()),
        customer_id: RwSignal::new(String::new()),
        conversation_id: RwSignal::new(String::new()),
        source_type: RwSignal::new(String::new()),
        source_value: RwSignal::new(String::new()),
    };
    let trackers: HashMap<String, TrackerInput> = goal
        .milestones
        .iter()
        .flat_map(|milestone| &milestone.trackers)
        .map(|tracker| {
            let input = TrackerInput {
                key: unique_key(),
                value: RwSignal::new(String::new()),
            };
            (tracker.id.clone(), input)
        })
        .collect();
    let trackers = StoredValue::new(trackers);
    let stored_goal = StoredValue::new(goal.clone());
    let chosen = move || {
        let id = typed.milestone_id.get();
        stored_goal.with_value(|goal| goal.milestones.iter().find(|m| m.id == id).cloned())
    };
    let feedback = Feedback::new();
    let messages = feedback.messages;
    let recording = RwSignal::new(false);
    let progress = RwSignal::new(None::<RunProgress>);

    let record = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let Some(milestone) = chosen() else {
            feedback.fail("Choose the milestone the customer reached.".to_string());
            return;
        };
        let achievement = trackers.with_value(|trackers| typed.achievement(&milestone, trackers));
        if let Err(errors) = stored_goal.with_value(|goal| achievement.validate(goal)) {
            feedback.show(None, &errors, &milestone);
            return;
        }
        feedback.clear();
        recording.set(true);
        let api = api.clone();
        let goal_id = stored_goal.with_value(|goal| goal.id.clone());
        spawn_local(async move {
            let outcome = api.record_achievement(&goal_id, &achievement).await;
            recording.set(false);
            match outcome {
                Ok(run) => {
                    progress.set(Some(run));
                    on_recorded();
                }
                Err(ApiError::Refused {
                    message, fields, ..
                }) => {
                    let headline = format!("The achievement was not recorded. {message}");
                    feedback.show(Some(headline), &fields, &milestone);
                }
                Err(error) => feedback.fail(format!("The achievement was not recorded. {error}")),
            }
        });
    };

    let tracker_fields = move || {
        let milestone = chosen()?;
        let fields = milestone.trackers.into_iter().filter_map(|tracker| {
            let input = trackers.with_value(|trackers| trackers.get(&tracker.id).copied())?;
            let placeholder = format!("Empty: Default Value {}", tracker.default_value);
            Some(view! {
                <AchievementField id=format!("test-goal-tracker-{}", input.key) label=tracker.name
                    path=tracker_path(&tracker.id) value=input.value messages=messages
                    placeholder=placeholder/>
            })
        });
        Some(view! {
            <fieldset class="tracker-values-fields">
                <legend>"Tracker values"</legend>
                {fields.collect_view()}
            </fieldset>
        })
    };
    let milestone_message = Memo::new(move |_| {
        messages.with(|messages| {
            messages
                .iter()
                .find(|(path, _)| path == "milestoneId")
                .map(|(_, text)| text.clone())
        })
    });
    let options = goal
        .milestones
        .iter()
        .map(|m| view! { <option value=m.id.clone()>{m.name.clone()}</option> })
        .collect_view();

    view! {
        <section class="analytics-panel test-goal" aria-labelledby=heading_id>
            <h2 id=heading_id.clone()>"Test goal"</h2>
            <p class="muted">
                "Record that a customer reached a milestone, as a Goal node in a journey would. "
                "Earlier milestones still pending are skipped and take their Default Values."
            </p>
            <form class="test-goal-form" novalidate on:submit=record>
                {move || feedback.banner.get().map(|lines| view! {
                    <div class="error-banner" role="alert">
                        <div>{lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}</div>
                    </div>
                })}
                <div class="form-field">
                    <label for=field_id("milestone")>"Milestone"</label>
                    <select id=field_id("milestone")
                        aria-invalid=move || milestone_message.read().is_some().then_some("true")
                        aria-describedby=move || {
                            milestone_message.read().is_some().then(|| field_id("milestone-error"))
                        }
                        prop:value=move || typed.milestone_id.get()
                        on:change=move |event| typed.milestone_id.set(event_target_value(&event))>
                        {options}
                    </select>
                    {move || milestone_message.get().map(|text| view! {
                        <p class="field-error" id=field_id("milestone-error")>{text}</p>
                    })}
                </div>
                <div class="field-row">
                    <AchievementField id=field_id("customer-id") label="Customer ID"
                        path="customerId" value=typed.customer_id messages=messages
                        placeholder="e.g. customer-42"/>
                    <AchievementField id=field_id("conversation-id") label="Conversation ID"
                        path="conversationId" value=typed.conversation_id
                        messages=messages placeholder="Optional: one run per conversation"/>
                </div>
                {tracker_fields}
                <div class="field-row">
                    <AchievementField id=field_id("source-type") label="Source type"
                        path="source.type" value=typed.source_type messages=messages
                        placeholder="Optional, e.g. Marketing"/>
                    <AchievementField id=field_id("source-value") label="Source value"
                        path="source.value" value=typed.source_value
                        messages=messages placeholder="Optional, e.g. a campaign name"/>
                </div>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=move || recording.get()>
                        "Record achievement"
                    </button>
                </div>
            </form>
            {move || progress.get().map(|run| view! {
                <div class="recorded-run" role="status">
                    <p>"Recorded. The run now stands as follows:"</p>
                    <RunView run=run names=names.clone()/>
                </div>
            })}
        </section>
    }
}
