//! The inputs of the Test goal panel and where validation messages land among them.
//! goals-core and the API name a field by its JSON path (`customerId`,
//! `trackerValues.<tracker id>`), so every input knows its path and shows the first message
//! given for it; a message for a path with no input on screen goes to the banner.

use goals_core::{FieldError, Milestone};
use leptos::prelude::*;

/// The field errors of the last attempt, as `(path, message)`.
pub type FieldMessages = RwSignal<Vec<(String, String)>>;

/// What the panel says about the last attempt: messages at fields and a banner.
#[derive(Clone, Copy)]
pub struct Feedback {
    pub messages: FieldMessages,
    pub banner: RwSignal<Option<Vec<String>>>,
}

impl Feedback {
    pub fn new() -> Self {
        Feedback {
            messages: RwSignal::new(Vec::new()),
            banner: RwSignal::new(None),
        }
    }

    pub fn clear(self) {
        self.messages.set(Vec::new());
        self.banner.set(None);
    }

    /// Shows `fields` at their inputs while `milestone` is chosen. The banner opens with
    /// `headline`, if any, and lists the messages that have no input on screen.
    pub fn show(self, headline: Option<String>, fields: &[FieldError], milestone: &Milestone) {
        let placed = messages_of(fields);
        let shown = shown_paths(milestone);
        let unplaced = placed
            .iter()
            .filter(|(path, _)| !shown.contains(path))
            .map(|(_, text)| text.clone());
        let lines: Vec<String> = headline.into_iter().chain(unplaced).collect();
        self.banner.set((!lines.is_empty()).then_some(lines));
        self.messages.set(placed);
    }

    /// A failure that belongs to no field.
    pub fn fail(self, line: String) {
        self.messages.set(Vec::new());
        self.banner.set(Some(vec![line]));
    }
}

impl Default for Feedback {
    fn default() -> Self {
        Feedback::new()
    }
}

/// The paths that have an input on screen while `milestone` is chosen.
fn shown_paths(milestone: &Milestone) -> Vec<String> {
    let fixed = [
        "milestoneId",
        "customerId",
        "conversationId",
        "source.type",
        "source.value",
    ];
    let trackers = milestone
        .trackers
        .iter()
        .map(|tracker| tracker_path(&tracker.id));
    fixed
        .iter()
        .map(|path| path.to_string())
        .chain(trackers)
        .collect()
}

/// The API path of a tracker's value in an achievement.
pub fn tracker_path(tracker_id: &str) -> String {
    format!("trackerValues.{tracker_id}")
}

/// `path` as this panel names fields: a tracker may come back as `trackerValues.t1`,
/// `trackerValues[t1]` or `trackerValues["t1"]`, which are all the same field.
fn normalized(path: &str) -> String {
    match path.strip_prefix("trackerValues") {
        Some(rest) if !rest.is_empty() => tracker_path(
            rest.trim_start_matches(['.', '[', '"'])
                .trim_end_matches([']', '"']),
        ),
        _ => path.to_string(),
    }
}

/// The API's field errors with their paths normalized.
fn messages_of(fields: &[FieldError]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|field| (normalized(&field.path), field.message.clone()))
        .collect()
}

/// A labelled text input showing the message given at `path`, if any.
#[component]
pub fn AchievementField(
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    value: RwSignal<String>,
    messages: FieldMessages,
    #[prop(into)] placeholder: String,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let message = Memo::new(move |_| {
        messages.with(|messages| {
            messages
                .iter()
                .find(|(at, _)| *at == path)
                .map(|(_, message)| message.clone())
        })
    });
    let described_by = {
        let error_id = error_id.clone();
        move || message.read().is_some().then(|| error_id.clone())
    };

    view! {
        <div class="form-field">
            <label for=id.clone()>{label}</label>
            <input type="text" id=id autocomplete="off" placeholder=placeholder
                aria-invalid=move || message.read().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))/>
            {move || message.get().map(|text| view! {
                <p class="field-error" id=error_id.clone()>{text}</p>
            })}
        </div>
    }
}
