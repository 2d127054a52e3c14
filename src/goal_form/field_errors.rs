//! Validation messages, one signal per field, so that showing or clearing an error re-renders
//! that field's message and nothing else. Errors arrive as paths into a draft (from
//! goals-core or from the server) and are placed at fields through the rows of that draft.

use std::collections::HashMap;

use goals_core::FieldError;
use leptos::prelude::*;

use super::form_state::DraftRows;

/// A place on the form where a message can be shown; rows are named by their key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    GoalName,
    GoalDescription,
    Tags,
    /// The goal's milestones as a whole (too few, too many).
    Milestones,
    MilestoneName(u64),
    MilestoneDescription(u64),
    /// A milestone's trackers as a whole.
    Trackers(u64),
    TrackerName(u64),
    TrackerDescription(u64),
    DefaultValue(u64),
}

/// The message shown at each field, if any.
#[derive(Clone, Copy)]
pub struct FieldErrors {
    messages: StoredValue<HashMap<Field, ArcRwSignal<Option<String>>>>,
}

impl FieldErrors {
    pub fn new() -> Self {
        FieldErrors {
            messages: StoredValue::new(HashMap::new()),
        }
    }

    /// The message of one field, to be read reactively by that field alone.
    pub fn message(&self, field: Field) -> ArcRwSignal<Option<String>> {
        if let Some(message) = self
            .messages
            .with_value(|messages| messages.get(&field).cloned())
        {
            return message;
        }
        let message = ArcRwSignal::new(None);
        self.messages
            .update_value(|messages| drop(messages.insert(field, message.clone())));
        message
    }

    /// Shows `message` at `field` (or clears it), notifying only if it changed.
    pub fn set(&self, field: Field, message: Option<String>) {
        let signal = self.message(field);
        if signal.with_untracked(|shown| *shown != message) {
            signal.set(message);
        }
    }

    /// Shows exactly these messages, the first one per field, and clears every other field.
    pub fn show_all(&self, placed: &[(Field, String)]) {
        let shown: Vec<Field> = self
            .messages
            .with_value(|messages| messages.keys().copied().collect());
        for field in shown {
            self.set(field, first_message(placed, field));
        }
        for (field, message) in placed {
            if self.message(*field).with_untracked(Option::is_none) {
                self.set(*field, Some(message.clone()));
            }
        }
    }

    /// Shows the first of these messages that belongs to `field`, or clears it.
    pub fn show_for(&self, field: Field, placed: &[(Field, String)]) {
        self.set(field, first_message(placed, field));
    }
}

impl Default for FieldErrors {
    fn default() -> Self {
        FieldErrors::new()
    }
}

fn first_message(placed: &[(Field, String)], field: Field) -> Option<String> {
    placed
        .iter()
        .find(|(at, _)| *at == field)
        .map(|(_, message)| message.clone())
}

/// Splits errors into those with a field on screen and those without one (an id the server
/// refused, a path the form does not know), which the form shows in its banner instead.
pub fn place(errors: &[FieldError], rows: &DraftRows) -> (Vec<(Field, String)>, Vec<String>) {
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for error in errors {
        match field_at(&error.path, rows) {
            Some(field) => placed.push((field, error.message.clone())),
            None => unplaced.push(error.message.clone()),
        }
    }
    (placed, unplaced)
}

/// The field a path such as `milestones[0].trackers[1].defaultValue` names.
pub fn field_at(path: &str, rows: &DraftRows) -> Option<Field> {
    match path {
        "name" => return Some(Field::GoalName),
        "description" => return Some(Field::GoalDescription),
        "tags" => return Some(Field::Tags),
        "milestones" => return Some(Field::Milestones),
        _ => {}
    }
    if path.starts_with("tags[") {
        return Some(Field::Tags);
    }

    let (m, rest) = indexed(path, "milestones[")?;
    let (milestone, trackers) = rows.milestones.get(m)?;
    match rest {
        ".name" => return Some(Field::MilestoneName(*milestone)),
        ".description" => return Some(Field::MilestoneDescription(*milestone)),
        ".trackers" => return Some(Field::Trackers(*milestone)),
        _ => {}
    }

    let (t, rest) = indexed(rest, ".trackers[")?;
    let tracker = *trackers.get(t)?;
    match rest {
        ".name" => Some(Field::TrackerName(tracker)),
        ".description" => Some(Field::TrackerDescription(tracker)),
        ".defaultValue" => Some(Field::DefaultValue(tracker)),
        _ => None,
    }
}

/// `prefix` + `<n>]` + rest, as `(n, rest)`.
fn indexed<'a>(path: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let (index, rest) = path.strip_prefix(prefix)?.split_once(']')?;
    Some((index.parse().ok()?, rest))
}

/// The id of the element a field's message belongs to: the input, or for the milestone and
/// tracker lists the button that adds to them. Row keys are unique on the page, and the
/// goal-level fields carry the form's key, so two forms never share an id.
pub fn element_id(form_key: u64, field: Field) -> String {
    match field {
        Field::GoalName => format!("goal-{form_key}-name"),
        Field::GoalDescription => format!("goal-{form_key}-description"),
        Field::Tags => format!("goal-{form_key}-tags"),
        Field::Milestones => format!("goal-{form_key}-add-milestone"),
        Field::MilestoneName(key) => format!("milestone-{key}-name"),
        Field::MilestoneDescription(key) => format!("milestone-{key}-description"),
        Field::Trackers(key) => format!("milestone-{key}-add-tracker"),
        Field::TrackerName(key) => format!("tracker-{key}-name"),
        Field::TrackerDescription(key) => format!("tracker-{key}-description"),
        Field::DefaultValue(key) => format!("tracker-{key}-default-value"),
    }
}

/// The id of the element that shows a field's message, for `aria-describedby`.
pub fn message_id(form_key: u64, field: Field) -> String {
    format!("{}-error", element_id(form_key, field))
}
